using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Visits.Rules;

/// <summary>The visit's business rules, each named as the sentence it enforces.</summary>
internal static class VisitRules
{
    /// <summary>The visit's transition table: every command but planning needs a planned visit.</summary>
    public static void TransitionMustBeAllowed(VisitStatus status, string command) =>
        Guard.Against.BrokenRule(status != VisitStatus.Planned, RuleCode.TransitionMustBeAllowed, $"A visit that is {status} does not accept {command}.");

    public static void VisitAttemptsMustNotExceedMaximum(int attempts, int maximum) =>
        Guard.Against.BrokenRule(attempts >= maximum, RuleCode.VisitAttemptsMustNotExceedMaximum, $"All {maximum} attempts are used.");
}
