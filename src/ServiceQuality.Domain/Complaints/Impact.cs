namespace ServiceQuality.Domain.Complaints;

/// <summary>How much a complaint's matter affects the customer: one axis of the <see cref="RiskMatrix"/>.</summary>
public enum Impact
{
    /// <summary>Inconvenience only.</summary>
    Low,

    /// <summary>A service lost or money at stake.</summary>
    Medium,

    /// <summary>Safety, health, large loss or public attention.</summary>
    High,
}
