namespace ServiceQuality.Domain.Agreements;

/// <summary>How a KPI is compared with its objective's threshold.</summary>
public enum Comparison
{
    /// <summary>The KPI must be at least the threshold (for example satisfaction ≥ 95 %).</summary>
    AtLeast,

    /// <summary>The KPI must be at most the threshold (for example complaint rate ≤ 1 %).</summary>
    AtMost,
}
