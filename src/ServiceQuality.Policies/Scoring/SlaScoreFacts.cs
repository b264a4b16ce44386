using Ardalis.GuardClauses;
using ServiceQuality.Domain.ServiceLevels;

namespace ServiceQuality.Policies.Scoring;

/// <summary>
/// Turns a case's SLA evaluation into score facts by who held the case (the evaluation's <see cref="SlaEvaluation.Breakdowns"/>),
/// instead of crediting or blaming the whole case on one person: a missed clock counts against the assignee (and their
/// department) who held the case at the breach; a clock met counts for every assignee (and department) who held the case
/// while it counted. Facts are dated at the breach or the stop. Clocks still running, paused or cancelled give none.
/// </summary>
public static class SlaScoreFacts
{
    /// <summary>The score facts of an evaluation, in the order of its statuses.</summary>
    /// <param name="evaluation">The case's evaluation (the allocating <c>SlaClock.Evaluate…</c> overloads fill its breakdowns).</param>
    /// <param name="evidence">Where the facts are recorded: the case's id, for audit.</param>
    /// <returns>
    /// <see cref="FactKind.SlaMissed"/> for the holder at each breach, <see cref="FactKind.SlaMet"/> for each holder of a met
    /// clock's counted time; a department fact beside each staff fact when the holder's team is known. Time before the first
    /// assignment is nobody's.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluation"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="evidence"/> is null or blank.</exception>
    public static IReadOnlyList<ScoreFact> From(SlaEvaluation evaluation, string evidence)
    {
        Guard.Against.Null(evaluation);
        Guard.Against.NullOrWhiteSpace(evidence);
        List<ScoreFact>? facts = null;
        var breakdowns = evaluation.Breakdowns;
        var statuses = evaluation.Statuses;
        for (var s = 0; s < statuses.Count; s++)
        {
            var status = statuses[s];
            if (status.State is not (SlaState.Met or SlaState.Missed) || BreakdownOf(breakdowns, status) is not { } breakdown)
            {
                continue;
            }

            facts ??= [];

            if (status.State == SlaState.Missed && status.BreachedAt is { } breach && breakdown.AtBreach is { } culprit)
            {
                Add(facts, culprit, FactKind.SlaMissed, breach, evidence);
            }
            else if (status.State == SlaState.Met && status.StoppedAt is { } stopped)
            {
                var shares = breakdown.Shares;
                for (var h = 0; h < shares.Count; h++)
                {
                    Add(facts, shares[h].Holder, FactKind.SlaMet, stopped, evidence);
                }
            }
        }

        return facts ?? (IReadOnlyList<ScoreFact>)[];
    }

    private static SlaBreakdown? BreakdownOf(IReadOnlyList<SlaBreakdown> breakdowns, in SlaStatus status)
    {
        for (var i = 0; i < breakdowns.Count; i++)
        {
            var breakdown = breakdowns[i];
            if (breakdown.Agreement == status.Agreement && breakdown.Metric == status.Metric)
            {
                return breakdown;
            }
        }

        return null;
    }

    private static void Add(List<ScoreFact> facts, CaseHolder holder, FactKind kind, NodaTime.Instant at, string evidence)
    {
        if (holder.Assignee is { } staff)
        {
            facts.Add(new ScoreFact(ScoreSubject.Staff(staff), kind, at, 0, evidence));
        }

        if (holder.Team is { } team)
        {
            facts.Add(new ScoreFact(ScoreSubject.Department(team), kind, at, 0, evidence));
        }
    }
}
