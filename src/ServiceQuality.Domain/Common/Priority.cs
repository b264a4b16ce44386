namespace ServiceQuality.Domain.Common;

/// <summary>How urgent a case is; <see cref="P1"/> is the most urgent. Lower numbers rank higher.</summary>
public enum Priority
{
    /// <summary>Critical: service down or safety at risk.</summary>
    P1 = 1,

    /// <summary>High.</summary>
    P2 = 2,

    /// <summary>Medium.</summary>
    P3 = 3,

    /// <summary>Low.</summary>
    P4 = 4,
}
