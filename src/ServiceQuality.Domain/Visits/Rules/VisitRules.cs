using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Visits.Rules;

/// <summary>The visit's business rules, each named as the sentence it enforces.</summary>
internal static class VisitRules
{
    public static void TransitionMustBeAllowed(VisitStatus status, VisitCommand command) =>
        Guard.Against.BrokenRule(!VisitTransitions.Table.Allows(status, command), RuleCode.TransitionMustBeAllowed, $"A visit that is {status} does not accept {command}.");

    public static void VisitAttemptsMustNotExceedMaximum(int attempts, int maximum) =>
        Guard.Against.BrokenRule(attempts >= maximum, RuleCode.VisitAttemptsMustNotExceedMaximum, $"All {maximum} attempts are used.");

    public static void RefusedVisitAcceptsNoFurtherContact(bool refused) =>
        Guard.Against.BrokenRule(refused, RuleCode.RefusedVisitAcceptsNoFurtherContact, "The customer refused: the visit takes no further attempt or completion.");

    public static void VisitRetryMustWaitInterval(Instant? nextAttemptAllowedAt, Instant now) =>
        Guard.Against.BrokenRule(now < nextAttemptAllowedAt, RuleCode.VisitRetryMustWaitInterval, $"The next attempt is allowed from {nextAttemptAllowedAt}.");

    public static void VisitCompletionRequiresReachedCustomer(bool attempted, bool reached) =>
        Guard.Against.BrokenRule(attempted && !reached, RuleCode.VisitCompletionRequiresReachedCustomer, "No recorded attempt reached the customer.");
}
