namespace ServiceQuality.Policies.Scoring;

/// <summary>Who a scorecard is for.</summary>
public enum ScoreSubjectKind
{
    /// <summary>A staff member.</summary>
    Staff,

    /// <summary>A team.</summary>
    Team,

    /// <summary>A department.</summary>
    Department,
}
