namespace ServiceQuality.Domain.Visits;

/// <summary>What kind of contact a visit record is.</summary>
public enum VisitKind
{
    /// <summary>A telephone callback (电话回访).</summary>
    PhoneCallback,

    /// <summary>A visit on site (上门回访).</summary>
    OnSiteVisit,

    /// <summary>A home survey (入户调查).</summary>
    HomeSurvey,

    /// <summary>A periodic review with a key account (走访).</summary>
    KeyAccountReview,

    /// <summary>A satisfaction survey.</summary>
    SatisfactionSurvey,
}
