using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Escalation;

/// <summary>The levels a case can be escalated to (上报主管), in order. Immutable.</summary>
public sealed class EscalationLadder
{
    private readonly EscalationStep[] _steps;

    /// <summary>Creates a ladder.</summary>
    /// <param name="steps">The levels, numbered 1, 2, 3 … in order, each with a non-blank name and target.</param>
    /// <exception cref="ArgumentException">Listing every problem: no steps, numbering not 1..n, blank names or targets.</exception>
    public EscalationLadder(IEnumerable<EscalationStep> steps)
    {
        Guard.Against.Null(steps);
        _steps = [.. steps];
        var problems = new List<string>();
        if (_steps.Length == 0)
        {
            problems.Add("the ladder has no levels");
        }

        for (var i = 0; i < _steps.Length; i++)
        {
            if (_steps[i].Level != i + 1)
            {
                problems.Add($"step {i} is level {_steps[i].Level}, expected {i + 1}");
            }

            if (string.IsNullOrWhiteSpace(_steps[i].Name) || string.IsNullOrWhiteSpace(_steps[i].Target))
            {
                problems.Add($"step {i} needs a name and a target");
            }
        }

        Guard.Against.Problems(problems, "escalation ladder", nameof(steps));
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
}
