namespace ServiceQuality.Domain.Kpis;

/// <summary>Whether a KPI meets its objective.</summary>
public enum KpiVerdict
{
    /// <summary>The KPI meets the objective.</summary>
    Met,

    /// <summary>The KPI falls short of the objective.</summary>
    NotMet,

    /// <summary>There were no cases to measure.</summary>
    NoData,
}
