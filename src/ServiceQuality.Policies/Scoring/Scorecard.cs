using NodaTime;

namespace ServiceQuality.Policies.Scoring;

/// <summary>A subject's scorecard for a period.</summary>
/// <param name="Subject">Who.</param>
/// <param name="Period">The period scored.</param>
/// <param name="Total">The total, 0-100.</param>
/// <param name="Sections">Each section's score and effective weight.</param>
/// <param name="AutomaticFail">Whether an automatic-fail entry set the total to 0.</param>
/// <param name="FailReasons">The reason codes of automatic-fail entries.</param>
/// <param name="SubstantiatedComplaints">How many substantiated complaints the subject had in the period.</param>
public sealed record Scorecard(
    ScoreSubject Subject, Interval Period, decimal Total, IReadOnlyList<SectionScore> Sections, bool AutomaticFail, IReadOnlyList<string> FailReasons, long SubstantiatedComplaints);
