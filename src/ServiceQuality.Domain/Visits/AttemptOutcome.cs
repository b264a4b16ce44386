namespace ServiceQuality.Domain.Visits;

/// <summary>How one attempt to reach the customer went.</summary>
public enum AttemptOutcome
{
    /// <summary>Nobody answered.</summary>
    NoAnswer,

    /// <summary>The line was busy.</summary>
    Busy,

    /// <summary>The customer refused to take part.</summary>
    Refused,

    /// <summary>The customer was reached.</summary>
    Reached,
}
