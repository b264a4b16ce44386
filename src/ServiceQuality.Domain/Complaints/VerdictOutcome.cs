namespace ServiceQuality.Domain.Complaints;

/// <summary>Whether a complaint was found to be justified.</summary>
public enum VerdictOutcome
{
    /// <summary>Substantiated (有效投诉 / 投诉成立): counts against the staff or department complained about.</summary>
    Substantiated,

    /// <summary>Partly substantiated.</summary>
    PartlySubstantiated,

    /// <summary>Not substantiated.</summary>
    Unsubstantiated,
}
