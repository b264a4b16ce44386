namespace ServiceQuality.Domain.Visits;

/// <summary>
/// How one attempt to reach the customer went. Only <see cref="Reached"/> lets a visit with recorded attempts be completed;
/// <see cref="Refused"/> ends the attempts; the others may be retried, after the visit's retry interval.
/// </summary>
public enum AttemptOutcome
{
    /// <summary>Nobody answered.</summary>
    NoAnswer,

    /// <summary>The line was busy.</summary>
    Busy,

    /// <summary>The customer refused to take part: no further attempt or completion is accepted.</summary>
    Refused,

    /// <summary>The customer was reached.</summary>
    Reached,

    /// <summary>The number on record is not the customer's.</summary>
    WrongNumber,
}
