namespace ServiceQuality.Policies.Scoring;

/// <summary>The facts reward and penalty scoring (奖惩 / 考核) turns into points.</summary>
public enum FactKind
{
    /// <summary>An SLA clock the subject was responsible for was met.</summary>
    SlaMet,

    /// <summary>An SLA clock the subject was responsible for was missed.</summary>
    SlaMissed,

    /// <summary>A complaint against the subject was substantiated (有效投诉).</summary>
    ComplaintSubstantiated,

    /// <summary>A complaint against the subject was partly substantiated.</summary>
    ComplaintPartlySubstantiated,

    /// <summary>A complaint against the subject was not substantiated.</summary>
    ComplaintUnsubstantiated,

    /// <summary>A customer rated the subject's service; <see cref="ScoreFact.Value"/> is the rating, 1 to 5.</summary>
    SatisfactionRating,

    /// <summary>A required callback was done.</summary>
    CallbackDone,

    /// <summary>A required callback was missed.</summary>
    CallbackMissed,

    /// <summary>A commendation (表扬) from a customer.</summary>
    Commendation,

    /// <summary>Late without notice (prohibited behaviour).</summary>
    LateWithoutNotice,

    /// <summary>Accepted a gift (prohibited behaviour).</summary>
    AcceptedGift,

    /// <summary>Rudeness to a customer (prohibited behaviour).</summary>
    Rudeness,
}
