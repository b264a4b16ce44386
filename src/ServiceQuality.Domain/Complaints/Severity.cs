namespace ServiceQuality.Domain.Complaints;

/// <summary>How serious a complaint is; set directly or derived from a <see cref="RiskMatrix"/>.</summary>
public enum Severity
{
    /// <summary>Minor.</summary>
    Minor,

    /// <summary>Major: escalated at once by default.</summary>
    Major,

    /// <summary>Critical: escalated at once by default.</summary>
    Critical,
}
