using System.Globalization;
using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Scoring;

/// <summary>
/// How scorecards are computed: each section starts at <see cref="BaseScore"/>, adds its entries' points and is kept within
/// 0-100; the total is the weighted mean of the sections that have entries (sections without any are not applicable and
/// the others' weights are renormalised); an automatic-fail entry makes the total 0. Immutable.
/// </summary>
public sealed class ScorecardDefinition
{
    /// <summary>Creates a definition.</summary>
    /// <param name="baseScore">The score a section starts at, 0-100.</param>
    /// <param name="sections">The sections; distinct names, positive weights summing to 100.</param>
    /// <exception cref="ArgumentException">Listing every problem.</exception>
    public ScorecardDefinition(decimal baseScore, IReadOnlyList<ScoreSection> sections)
    {
        Guard.Against.Null(sections);
        var problems = new List<string>();
        if (baseScore is < 0 or > 100)
        {
            problems.Add("the base score must lie in 0-100");
        }

        if (sections.Count == 0)
        {
            problems.Add("at least one section is needed");
        }

        problems.AddRange(sections.Where(s => s.WeightPercent <= 0).Select(s => $"section '{s.Name}' needs a positive weight"));
        problems.AddRange(sections.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"section '{g.Key}' is listed {g.Count()} times"));
        var sum = sections.Sum(s => s.WeightPercent);
        if (sections.Count > 0 && sum != 100m)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the weights sum to {sum} %, not 100 %"));
        }

        Guard.Against.Problems(problems, "scorecard definition", nameof(sections));

        BaseScore = baseScore;
        Sections = [.. sections];
    }

    /// <summary>Base 100; service 40 %, complaints 20 %, satisfaction 20 %, callbacks 10 %, conduct 10 %.</summary>
    public static ScorecardDefinition Default { get; } = new(100m,
    [
        new ScoreSection(ScoringRules.ServiceSection, 40m),
        new ScoreSection(ScoringRules.ComplaintsSection, 20m),
        new ScoreSection(ScoringRules.SatisfactionSection, 20m),
        new ScoreSection(ScoringRules.CallbacksSection, 10m),
        new ScoreSection(ScoringRules.ConductSection, 10m),
    ]);

    /// <summary>The score a section starts at.</summary>
    public decimal BaseScore { get; }

    /// <summary>The sections.</summary>
    public IReadOnlyList<ScoreSection> Sections { get; }
}
