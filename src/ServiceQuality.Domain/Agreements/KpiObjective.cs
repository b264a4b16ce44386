namespace ServiceQuality.Domain.Agreements;

/// <summary>An objective on a KPI, such as satisfaction at least 95 %.</summary>
/// <param name="Kpi">The KPI.</param>
/// <param name="Comparison">How it is compared.</param>
/// <param name="ThresholdPercent">The threshold, in percent (0 to 100).</param>
public sealed record KpiObjective(Kpi Kpi, Comparison Comparison, decimal ThresholdPercent);
