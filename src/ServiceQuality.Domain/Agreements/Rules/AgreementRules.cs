using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Agreements.Rules;

/// <summary>The agreement's business rules, each named as the sentence it enforces.</summary>
internal static class AgreementRules
{
    public static void PublishedAgreementIsFrozen(AgreementStatus status, AgreementReference version) =>
        Guard.Against.BrokenRule(!AgreementTransitions.Table.Allows(status, AgreementCommand.Edit), RuleCode.PublishedAgreementIsFrozen, $"{version} is {status}; revise it into a new version to change it.");

    public static void TransitionMustBeAllowed(AgreementStatus status, AgreementCommand command) =>
        Guard.Against.BrokenRule(!AgreementTransitions.Table.Allows(status, command), RuleCode.TransitionMustBeAllowed, $"An agreement that is {status} does not accept {command}.");

    public static void TargetMetricMustTakeTargets(Metric metric) =>
        Guard.Against.InvalidArgument(
            metric is Metric.InvestigationDeadline or Metric.LossReport, "target", metric == Metric.LossReport
                ? "The same-day loss report is due by the end of the day a case was received; an agreement requires it with SetLossReporting, not a target."
                : "The investigation deadline is measured against the deadline set on each complaint; an agreement sets no target for it.");

    public static void TargetDurationMustBePositive(Duration target) =>
        Guard.Against.BrokenRule(target <= Duration.Zero, RuleCode.TargetDurationMustBePositive, $"A target must be positive; {target} given.");

    public static void TargetCellMustBeUnique(IEnumerable<ServiceTarget> targets, ServiceTarget target) =>
        Guard.Against.BrokenRule(targets.Any(t => t.Metric == target.Metric && t.Priority == target.Priority && t.Tier == target.Tier), RuleCode.TargetCellMustBeUnique,
            $"The matrix already has a target for {target.Metric} × {target.Priority?.ToString() ?? "any priority"} × {target.Tier?.ToString() ?? "any tier"}.");

    public static void WarningStageMustBeWithinRange(IEnumerable<decimal> stages) =>
        Guard.Against.BrokenRule(stages.Any(s => s is <= 0m or >= 100m), RuleCode.WarningStageMustBeWithinRange, "Each warning stage must lie strictly between 0 % and 100 %.");

    public const int MaxWarningStages = 8;

    public static void WarningStagesMustNumberAtMostEight(int count) =>
        Guard.Against.BrokenRule(count > MaxWarningStages, RuleCode.WarningStagesMustNumberAtMostEight, $"At most {MaxWarningStages} warning stages; {count} given.");

    public static void PauseRulesMustNumberAtMost64(int count) =>
        Guard.Against.BrokenRule(
            count > ServiceLevelAgreement.MaxPauseRules, RuleCode.PauseRulesMustNumberAtMost64, $"At most {ServiceLevelAgreement.MaxPauseRules} pause rules; {count} given.");

    public static void OnlyOperationalAgreementsHaveATeam(AgreementKind kind, DepartmentId? team) =>
        Guard.Against.BrokenRule(
            team is not null && kind != AgreementKind.OperationalLevel, RuleCode.OnlyOperationalAgreementsHaveATeam,
            $"Only an operational-level agreement names a team; this one is {kind}.");

    public static void AgreementNeedsTargetsToPublish(int targets) =>
        Guard.Against.BrokenRule(targets == 0, RuleCode.AgreementNeedsTargetsToPublish, "Add at least one target before publishing.");

    public static void KpiThresholdMustBeAPercentage(decimal threshold) =>
        Guard.Against.BrokenRule(threshold is < 0m or > 100m, RuleCode.KpiThresholdMustBeAPercentage, $"A KPI threshold must lie in 0-100 %; {threshold} given.");
}
