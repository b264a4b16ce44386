namespace ServiceQuality.Domain.Complaints;

/// <summary>How hard a complaint is to handle: one axis of the <see cref="RiskMatrix"/>.</summary>
public enum HandlingDifficulty
{
    /// <summary>The front line can settle it.</summary>
    Low,

    /// <summary>Needs another department.</summary>
    Medium,

    /// <summary>Needs management, a third party or a policy decision.</summary>
    High,
}
