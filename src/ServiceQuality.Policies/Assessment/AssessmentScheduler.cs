using Ardalis.GuardClauses;
using NodaTime;

namespace ServiceQuality.Policies.Assessment;

/// <summary>
/// Keeps open cases in a priority queue keyed by the next instant anything about them can change, so a host wakes only
/// for the cases that are due instead of re-evaluating everything on every tick. Not thread-safe: one sweeper owns it.
/// </summary>
/// <typeparam name="TCase">The case key (for example a ticket id).</typeparam>
public sealed class AssessmentScheduler<TCase>
    where TCase : notnull
{
    private readonly PriorityQueue<TCase, Instant> _queue = new();
    private readonly Dictionary<TCase, Instant> _due = [];

    /// <summary>How many cases are scheduled.</summary>
    public int Count => _due.Count;

    /// <summary>The earliest scheduled instant, or null when nothing is scheduled.</summary>
    public Instant? NextDueAt
    {
        get
        {
            DropStale();
            return _queue.TryPeek(out _, out var at) ? at : null;
        }
    }

    /// <summary>Schedules <paramref name="caseKey"/> for <paramref name="at"/>, replacing any earlier schedule; null unschedules it.</summary>
    /// <param name="caseKey">The case.</param>
    /// <param name="at">When to look at it again (an assessment's <see cref="CaseAssessment.NextChangeAt"/>), or null.</param>
    public void Schedule(TCase caseKey, Instant? at)
    {
        Guard.Against.Null(caseKey);
        if (at is not { } when)
        {
            _due.Remove(caseKey);
            return;
        }

        _due[caseKey] = when;
        _queue.Enqueue(caseKey, when);
    }

    /// <summary>Removes and returns every case due at or before <paramref name="now"/>, earliest first.</summary>
    /// <param name="now">The instant of the sweep.</param>
    /// <returns>The due cases; reschedule each after assessing it.</returns>
    public IReadOnlyList<TCase> TakeDue(Instant now)
    {
        var due = new List<TCase>();
        while (_queue.TryPeek(out var caseKey, out var at) && at <= now)
        {
            _queue.Dequeue();

            // Entries replaced by a later Schedule are stale: only the latest instant counts.
            if (_due.TryGetValue(caseKey, out var current) && current == at)
            {
                _due.Remove(caseKey);
                due.Add(caseKey);
            }
        }

        return due;
    }

    private void DropStale()
    {
        while (_queue.TryPeek(out var caseKey, out var at) && !(_due.TryGetValue(caseKey, out var current) && current == at))
        {
            _queue.Dequeue();
        }
    }
}
