using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Scoring;

/// <summary>
/// Builds a <see cref="ScorecardDefinition"/>: the base score (100 unless set) and the weighted sections. Nothing but null
/// arguments is checked while adding; <see cref="Validate"/> and <see cref="Build"/> report every problem at once, each with a
/// <see cref="ProblemCode"/> and the path a definitions file's <c>scoring</c> section gives it (<c>baseScore</c>,
/// <c>sections[2].weight</c>), as the other definition builders do. Not thread-safe; the definition it builds is immutable.
/// </summary>
public sealed class ScorecardDefinitionBuilder
{
    private readonly List<ScoreSection> _sections = [];
    private decimal _baseScore = 100m;

    /// <summary>Sets the score a section starts at.</summary>
    /// <param name="baseScore">The score, 0-100.</param>
    /// <returns>This builder.</returns>
    public ScorecardDefinitionBuilder SetBaseScore(decimal baseScore)
    {
        _baseScore = baseScore;
        return this;
    }

    /// <summary>Adds a section.</summary>
    /// <param name="name">The section's name, used by scoring rules; not blank, not used by another section.</param>
    /// <param name="weightPercent">Its weight in the total, positive; the weights sum to 100.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public ScorecardDefinitionBuilder AddSection(string name, decimal weightPercent)
    {
        Guard.Against.Null(name);
        _sections.Add(new ScoreSection(name, weightPercent));
        return this;
    }

    /// <summary>Every problem of what was given; empty when a definition can be built.</summary>
    /// <returns>The problems, each with its path and code.</returns>
    public IReadOnlyList<DefinitionProblem> Validate() => ScorecardDefinition.Check(_baseScore, _sections);

    /// <summary>Builds the definition.</summary>
    /// <returns>The definition.</returns>
    /// <exception cref="InvalidDefinitionException">
    /// Listing every problem <see cref="Validate"/> finds: a base score outside 0-100, no sections, a blank or repeated name, a
    /// weight that is not positive, weights not summing to 100.
    /// </exception>
    public ScorecardDefinition Build()
    {
        var problems = Validate();
        return problems.Count > 0 ? throw new InvalidDefinitionException("scorecard definition", problems) : new ScorecardDefinition(_baseScore, _sections);
    }
}
