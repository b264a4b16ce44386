using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Tickets.Rules;

/// <summary>The ticket's business rules, each named as the sentence it enforces.</summary>
internal static class TicketRules
{
    public static void TransitionMustBeAllowed(TicketStatus status, TicketCommand command) =>
        Guard.Against.BrokenRule(!TicketTransitions.Allows(status, command), RuleCode.TransitionMustBeAllowed, $"A ticket that is {status} does not accept {command}.");

    public static void TransferMustChangeAssignee(StaffId? assignee, StaffId to) =>
        Guard.Against.BrokenRule(assignee == to, RuleCode.TransferMustChangeAssignee, $"The ticket is already assigned to {to}.");

    public static void ThirdPartyReturnRequiresOpenReferral(ThirdPartyReferral? referral) =>
        Guard.Against.BrokenRule(referral is not { IsOpen: true }, RuleCode.ThirdPartyReturnRequiresOpenReferral, "The ticket has no open third-party referral.");

    public static void ThirdPartyReturnRequiresThirdPartyHold(HoldReason? holdReason) =>
        Guard.Against.BrokenRule(holdReason != HoldReason.WaitingForThirdParty, RuleCode.ThirdPartyReturnRequiresThirdPartyHold,
            "The ticket is not waiting for a third party: a customer hold ends with Resume.");

    public static void OpenReferralMustBeReturnedToResume(ThirdPartyReferral? referral) =>
        Guard.Against.BrokenRule(referral is { IsOpen: true }, RuleCode.OpenReferralMustBeReturnedToResume,
            "The ticket waits for a third party: record its return instead of resuming.");

    public static void PriorityChangeMustChangePriority(Priority current, Priority to) =>
        Guard.Against.BrokenRule(current == to, RuleCode.PriorityChangeMustChangePriority, $"The ticket is already {to}.");

    public static void OnSiteArrivalIsRecordedOnce(bool recorded) =>
        Guard.Against.BrokenRule(recorded, RuleCode.OnSiteArrivalIsRecordedOnce, "On-site arrival is already recorded.");
}
