using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Complaints.Rules;

/// <summary>The complaint's business rules, each named as the sentence it enforces.</summary>
internal static class ComplaintRules
{
    public static void MergedComplaintAcceptsNoCommands(ComplaintStatus status, ComplaintId? mergedInto) =>
        Guard.Against.BrokenRule(status == ComplaintStatus.Merged, RuleCode.MergedComplaintAcceptsNoCommands, $"The complaint was merged into {mergedInto}; direct commands there.");

    public static void TransitionMustBeAllowed(ComplaintStatus status, ComplaintCommand command) =>
        Guard.Against.BrokenRule(!ComplaintTransitions.Allows(status, command), RuleCode.TransitionMustBeAllowed, $"A complaint that is {status} does not accept {command}.");

    public static void ClosingRequiresVerdict(Verdict? verdict) =>
        Guard.Against.BrokenRule(verdict is null, RuleCode.ClosingRequiresVerdict, "Record a verdict before closing.");

    public static void ClosingRequiresCompletedCallback(bool required, bool completed, bool waived) =>
        Guard.Against.BrokenRule(required && !completed && !waived, RuleCode.ClosingRequiresCompletedCallback,
            "The complaint needs a completed callback before closing (or a waiver with a reason).");

    public static void ComplaintCannotMergeIntoItself(ComplaintId primary, ComplaintId duplicate) =>
        Guard.Against.BrokenRule(primary == duplicate, RuleCode.ComplaintCannotMergeIntoItself, $"Complaint {primary} cannot be merged into itself.");

    public static void MergedComplaintsMustShareCustomer(CustomerId primary, CustomerId duplicate) =>
        Guard.Against.BrokenRule(primary != duplicate, RuleCode.MergedComplaintsMustShareCustomer, "A complaint merges only a duplicate of the same customer.");

    public static void CompensationMustBePositiveInOneCurrency(Money amount, Money? total) =>
        Guard.Against.BrokenRule(amount.Amount <= 0 || (total is not null && total.Value.Currency != amount.Currency), RuleCode.CompensationMustBePositiveInOneCurrency,
            $"Compensation must be positive and in {total?.Currency ?? amount.Currency}; {amount} given.");

    public static void InvestigationDeadlineMustNotPrecedeAssignment(Instant deadline, Instant now) =>
        Guard.Against.BrokenRule(deadline < now, RuleCode.InvestigationDeadlineMustNotPrecedeAssignment, $"The deadline {deadline} is before the assignment at {now}.");
}
