using NodaTime;
using ServiceQuality.Policies.Assessment;

namespace ServiceDesk.Web.Scheduling;

/// <summary>
/// The open cases (by stream name) in the library's <see cref="AssessmentScheduler{TCase}"/>, keyed by the instant each can
/// next change, with a signal that wakes the scheduler's loop when a case falls due earlier than it sleeps. Thread-safe.
/// </summary>
/// <remarks>
/// A case is only ever moved earlier while it waits (<see cref="Schedule"/> keeps the earlier of two instants): a command
/// and the scheduler may assess the same case at once, and whichever schedules last must not push back the other's
/// instant. Looking at a case too early costs one assessment that finds nothing to do; looking too late would miss an
/// escalation.
/// </remarks>
internal sealed class CaseQueue : IDisposable
{
    private readonly Lock _gate = new();
    private readonly AssessmentScheduler<string> _scheduler = new();
    private readonly Dictionary<string, Instant> _at = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signal = new(0, 1);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _scheduler.Count;
            }
        }
    }

    public Instant? NextDueAt
    {
        get
        {
            lock (_gate)
            {
                return _scheduler.NextDueAt;
            }
        }
    }

    public void Dispose() => _signal.Dispose();

    /// <summary>
    /// Schedules the case for <paramref name="at"/> unless it already waits for an earlier instant (null leaves it as it
    /// is), and wakes the loop when that is earlier than anything it waits for.
    /// </summary>
    public void Schedule(string stream, Instant? at)
    {
        lock (_gate)
        {
            if (at is not { } when || (_at.TryGetValue(stream, out var known) && known <= when))
            {
                return;
            }

            var head = _scheduler.NextDueAt;
            _at[stream] = when;
            _scheduler.Schedule(stream, when);
            if ((head is null || when < head) && _signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
    }

    /// <summary>Forgets a case that can no longer change (closed, cancelled, merged).</summary>
    public void Remove(string stream)
    {
        lock (_gate)
        {
            if (_at.Remove(stream))
            {
                _scheduler.Schedule(stream, null);
            }
        }
    }

    /// <summary>Schedules the case for <paramref name="now"/> and wakes the loop.</summary>
    public void Wake(string stream, Instant now) => Schedule(stream, now);

    public IReadOnlyList<string> TakeDue(Instant now)
    {
        lock (_gate)
        {
            var due = _scheduler.TakeDue(now);
            foreach (var stream in due)
            {
                _at.Remove(stream);
            }

            return due;
        }
    }

    /// <summary>Waits for a wake-up or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
