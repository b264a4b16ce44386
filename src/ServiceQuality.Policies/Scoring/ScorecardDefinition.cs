using System.Collections.Immutable;
using System.Globalization;
using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Scoring;

/// <summary>
/// How scorecards are computed: each section starts at <see cref="BaseScore"/>, adds its entries' points and is kept within
/// 0-100; the total is the weighted mean of the sections that have entries (sections without any are not applicable and
/// the others' weights are renormalised); an automatic-fail entry makes the total 0. Immutable; two definitions with the same
/// base score and sections are equal.
/// </summary>
public sealed class ScorecardDefinition : IEquatable<ScorecardDefinition>
{
    /// <summary>Creates a definition.</summary>
    /// <param name="baseScore">The score a section starts at, 0-100.</param>
    /// <param name="sections">The sections; distinct names, positive weights summing to 100.</param>
    /// <exception cref="ArgumentException">Listing every problem (a <see cref="ScorecardDefinitionBuilder"/> reports them as <see cref="DefinitionProblem"/>s).</exception>
    public ScorecardDefinition(decimal baseScore, IReadOnlyList<ScoreSection> sections)
    {
        Guard.Against.Null(sections);
        var problems = Check(baseScore, sections);
        Guard.Against.Problems([.. problems.Select(p => p.ToString())], "scorecard definition", nameof(sections));

        BaseScore = baseScore;
        Sections = sections.ToImmutableArray();
    }

    /// <summary>Every problem of a scorecard's terms, at the paths a definitions file's <c>scoring</c> section gives them (<c>sections[1].weight</c>).</summary>
    internal static List<DefinitionProblem> Check(decimal baseScore, IReadOnlyList<ScoreSection?> sections)
    {
        var problems = new List<DefinitionProblem>();
        if (baseScore is < 0 or > 100)
        {
            problems.Add(new DefinitionProblem("baseScore", ProblemCode.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"the base score must lie in 0-100, not {baseScore}.")));
        }

        if (sections.Count == 0)
        {
            problems.Add(new DefinitionProblem("sections", ProblemCode.Empty, "at least one section is needed."));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sections.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"sections[{i}]");
            if (sections[i] is not { } section)
            {
                problems.Add(new DefinitionProblem(path, ProblemCode.Empty, "a section is missing."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(section.Name))
            {
                problems.Add(new DefinitionProblem(path + ".name", ProblemCode.Empty, "a section needs a name."));
            }
            else if (!names.Add(section.Name))
            {
                problems.Add(new DefinitionProblem(path + ".name", ProblemCode.DuplicateId, $"section '{section.Name}' is listed twice."));
            }

            if (section.WeightPercent <= 0)
            {
                problems.Add(new DefinitionProblem(path + ".weight", ProblemCode.OutOfRange, $"section '{section.Name}' needs a positive weight."));
            }
        }

        var sum = sections.Sum(s => s?.WeightPercent ?? 0m);
        if (sections.Count > 0 && sum != 100m)
        {
            problems.Add(new DefinitionProblem("sections", ProblemCode.Conflict, string.Create(CultureInfo.InvariantCulture, $"the weights sum to {sum} %, not 100 %.")));
        }

        return problems;
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

    /// <summary>Whether <paramref name="other"/> has the same base score and sections, in the same order.</summary>
    /// <param name="other">The other definition.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(ScorecardDefinition? other) => other is not null && BaseScore == other.BaseScore && Sections.SequenceEqual(other.Sections);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ScorecardDefinition);

    /// <summary>A hash code consistent with <see cref="Equals(ScorecardDefinition)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => Sections.Aggregate(BaseScore.GetHashCode(), HashCode.Combine);
}
