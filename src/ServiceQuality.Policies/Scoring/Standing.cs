namespace ServiceQuality.Policies.Scoring;

/// <summary>Where a subject stands for a period.</summary>
/// <param name="Scorecard">The scorecard.</param>
/// <param name="Rank">The rank among the scorecards of the same kind, from 1 (ties share a rank).</param>
/// <param name="Card">The penalty card.</param>
/// <param name="Stars">The star level (0 for none).</param>
/// <param name="BottomFlagged">Whether the subject is in the flagged bottom share of the ranking.</param>
/// <param name="ComplaintFree">Whether the subject had no substantiated complaint in the period (无投诉).</param>
public sealed record Standing(Scorecard Scorecard, int Rank, CardColour Card, int Stars, bool BottomFlagged, bool ComplaintFree);
