using System.Collections.Immutable;
using System.Globalization;
using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Escalation;

/// <summary>The levels a case can be escalated to (上报主管), in order. Immutable; two ladders with the same steps are equal.</summary>
public sealed class EscalationLadder : IEquatable<EscalationLadder>
{
    private readonly ImmutableArray<EscalationStep> _steps;

    /// <summary>Creates a ladder.</summary>
    /// <param name="steps">The levels, numbered 1, 2, 3 … in order, each with a non-blank name and target.</param>
    /// <exception cref="ArgumentException">Listing every problem: no steps, numbering not 1..n, blank names or targets (an <see cref="EscalationLadderBuilder"/> reports them as <see cref="DefinitionProblem"/>s).</exception>
    public EscalationLadder(IEnumerable<EscalationStep> steps)
    {
        Guard.Against.Null(steps);
        _steps = [.. steps];
        var problems = Check(_steps);
        Guard.Against.Problems([.. problems.Select(p => p.ToString())], "escalation ladder", nameof(steps));
    }

    /// <summary>Every problem of a ladder's steps, at the paths a definitions file's <c>escalation.ladder</c> gives them (<c>ladder[1].name</c>).</summary>
    internal static List<DefinitionProblem> Check(IReadOnlyList<EscalationStep?> steps)
    {
        var problems = new List<DefinitionProblem>();
        if (steps.Count == 0)
        {
            problems.Add(new DefinitionProblem("ladder", ProblemCode.Empty, "the ladder has no levels."));
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"ladder[{i}]");
            if (steps[i] is not { } step)
            {
                problems.Add(new DefinitionProblem(path, ProblemCode.Empty, "a step is missing."));
                continue;
            }

            if (step.Level != i + 1)
            {
                problems.Add(new DefinitionProblem(path + ".level", ProblemCode.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"step {i} is level {step.Level}, expected {i + 1}.")));
            }

            if (string.IsNullOrWhiteSpace(step.Name))
            {
                problems.Add(new DefinitionProblem(path + ".name", ProblemCode.Empty, "a step needs a name."));
            }

            if (string.IsNullOrWhiteSpace(step.Target))
            {
                problems.Add(new DefinitionProblem(path + ".target", ProblemCode.Empty, "a step needs a target to notify."));
            }
        }

        return problems;
    }

    /// <summary>The practice's ladder: team lead, supervisor, manager, director above the front-line agent.</summary>
    public static EscalationLadder Default { get; } = new(
    [
        new EscalationStep(1, "team lead", "team-lead"),
        new EscalationStep(2, "supervisor", "supervisor"),
        new EscalationStep(3, "manager", "manager"),
        new EscalationStep(4, "director", "director"),
    ]);

    /// <summary>The levels, lowest first.</summary>
    public IReadOnlyList<EscalationStep> Steps => _steps;

    /// <summary>The highest level.</summary>
    public int Top => _steps.Length;

    /// <summary>The step of <paramref name="level"/>, capped at the top of the ladder.</summary>
    /// <param name="level">A level from 1.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is below 1.</exception>
    public EscalationStep Step(int level)
    {
        Guard.Against.LessThan(level, 1);
        return _steps[Math.Min(level, Top) - 1];
    }

    /// <summary>Whether <paramref name="other"/> has the same steps, in the same order.</summary>
    /// <param name="other">The other ladder.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(EscalationLadder? other) => other is not null && _steps.SequenceEqual(other._steps);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EscalationLadder);

    /// <summary>A hash code consistent with <see cref="Equals(EscalationLadder)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => _steps.Aggregate(_steps.Length, HashCode.Combine);
}
