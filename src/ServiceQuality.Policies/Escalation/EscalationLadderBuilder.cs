using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Escalation;

/// <summary>
/// Builds an <see cref="EscalationLadder"/> step by step, numbering the levels from 1 in the order added. Nothing but null
/// arguments is checked while adding; <see cref="Validate"/> and <see cref="Build"/> report every problem at once, each with
/// a <see cref="ProblemCode"/> and the path a definitions file's <c>escalation</c> section gives it (<c>ladder[1].target</c>),
/// as the other definition builders do. Not thread-safe; the ladder it builds is immutable.
/// </summary>
public sealed class EscalationLadderBuilder
{
    private readonly List<EscalationStep> _steps = [];

    /// <summary>Adds the next level.</summary>
    /// <param name="name">The level's name, for example <c>supervisor</c>; not blank.</param>
    /// <param name="target">Who is notified at this level; not blank.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="target"/> is null.</exception>
    public EscalationLadderBuilder AddStep(string name, string target)
    {
        Guard.Against.Null(name);
        Guard.Against.Null(target);
        _steps.Add(new EscalationStep(_steps.Count + 1, name, target));
        return this;
    }

    /// <summary>Every problem of the steps added; empty when a ladder can be built.</summary>
    /// <returns>The problems, each with its path and code.</returns>
    public IReadOnlyList<DefinitionProblem> Validate() => EscalationLadder.Check(_steps);

    /// <summary>Builds the ladder.</summary>
    /// <returns>The ladder.</returns>
    /// <exception cref="InvalidDefinitionException">Listing every problem <see cref="Validate"/> finds: no steps, a blank name or target.</exception>
    public EscalationLadder Build()
    {
        var problems = Validate();
        return problems.Count > 0 ? throw new InvalidDefinitionException("escalation ladder", problems) : new EscalationLadder(_steps);
    }
}
