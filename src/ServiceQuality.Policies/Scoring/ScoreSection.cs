namespace ServiceQuality.Policies.Scoring;

/// <summary>A weighted section of a scorecard.</summary>
/// <param name="Name">The section's name, as scoring rules use it.</param>
/// <param name="WeightPercent">Its weight; the sections of a definition sum to 100.</param>
public sealed record ScoreSection(string Name, decimal WeightPercent);
