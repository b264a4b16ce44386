using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Agreements.Rules;

/// <summary>The agreement's business rules, each named as the sentence it enforces.</summary>
internal static class AgreementRules
{
    public static void PublishedAgreementIsFrozen(AgreementStatus status, AgreementReference version) =>
        Rule.Require(status == AgreementStatus.Draft, RuleCode.PublishedAgreementIsFrozen, $"{version} is {status}; revise it into a new version to change it.");

    public static void TransitionMustBeAllowed(bool allowed, AgreementStatus status, string command) =>
        Rule.Require(allowed, RuleCode.TransitionMustBeAllowed, $"An agreement that is {status} does not accept {command}.");

    public static void TargetDurationMustBePositive(Duration target) =>
        Rule.Require(target > Duration.Zero, RuleCode.TargetDurationMustBePositive, $"A target must be positive; {target} given.");

    public static void TargetCellMustBeUnique(IEnumerable<ServiceTarget> targets, ServiceTarget target) =>
        Rule.Require(!targets.Any(t => t.Metric == target.Metric && t.Priority == target.Priority && t.Tier == target.Tier), RuleCode.TargetCellMustBeUnique,
            $"The matrix already has a target for {target.Metric} × {target.Priority?.ToString() ?? "any priority"} × {target.Tier?.ToString() ?? "any tier"}.");

    public static void WarningStageMustBeWithinRange(IEnumerable<decimal> stages) =>
        Rule.Require(stages.All(s => s is > 0m and < 100m), RuleCode.WarningStageMustBeWithinRange, "Each warning stage must lie strictly between 0 % and 100 %.");

    public const int MaxWarningStages = 8;

    public static void WarningStagesMustNumberAtMostEight(int count) =>
        Rule.Require(count <= MaxWarningStages, RuleCode.WarningStagesMustNumberAtMostEight, $"At most {MaxWarningStages} warning stages; {count} given.");

    public static void AgreementNeedsTargetsToPublish(int targets) =>
        Rule.Require(targets > 0, RuleCode.AgreementNeedsTargetsToPublish, "Add at least one target before publishing.");

    public static void KpiThresholdMustBeAPercentage(decimal threshold) =>
        Rule.Require(threshold is >= 0m and <= 100m, RuleCode.KpiThresholdMustBeAPercentage, $"A KPI threshold must lie in 0-100 %; {threshold} given.");
}
