namespace ServiceQuality.Policies.Scoring;

/// <summary>One section of a scorecard.</summary>
/// <param name="Name">The section.</param>
/// <param name="Score">The section's score, 0-100; null when not applicable (no entries).</param>
/// <param name="EffectiveWeightPercent">Its weight after renormalising away the sections that do not apply.</param>
/// <param name="Entries">How many entries counted.</param>
public sealed record SectionScore(string Name, decimal? Score, decimal EffectiveWeightPercent, long Entries);
