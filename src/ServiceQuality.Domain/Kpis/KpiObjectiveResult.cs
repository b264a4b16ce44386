using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Kpis;

/// <summary>A KPI objective checked against the measured rate, with the figures.</summary>
/// <param name="Objective">The objective.</param>
/// <param name="Actual">The measured rate.</param>
/// <param name="Verdict">Whether the objective is met.</param>
public sealed record KpiObjectiveResult(KpiObjective Objective, Ratio Actual, KpiVerdict Verdict)
{
    /// <summary>Returns for example <c>SatisfactionRate AtLeast 95 %: 45/50 (90.00 %) NotMet</c>.</summary>
    /// <returns>The objective, the figures and the verdict.</returns>
    public override string ToString() => $"{Objective.Kpi} {Objective.Comparison} {Objective.ThresholdPercent} %: {Actual} {Verdict}";
}
