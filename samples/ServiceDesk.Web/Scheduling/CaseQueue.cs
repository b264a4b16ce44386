using NodaTime;
using ServiceQuality.Policies.Assessment;

namespace ServiceDesk.Web.Scheduling;

/// <summary>
/// The open cases (by stream name) in the library's <see cref="AssessmentScheduler{TCase}"/>, keyed by the instant each can
/// next change, with a signal that wakes the scheduler's loop when a command changed a case. Thread-safe.
/// </summary>
internal sealed class CaseQueue : IDisposable
{
    private readonly Lock _gate = new();
    private readonly AssessmentScheduler<string> _scheduler = new();
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

    public void Schedule(string stream, Instant? at)
    {
        lock (_gate)
        {
            _scheduler.Schedule(stream, at);
        }
    }

    /// <summary>Schedules the case for <paramref name="now"/> and wakes the loop.</summary>
    public void Wake(string stream, Instant now)
    {
        lock (_gate)
        {
            _scheduler.Schedule(stream, now);
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
    }

    public IReadOnlyList<string> TakeDue(Instant now)
    {
        lock (_gate)
        {
            return _scheduler.TakeDue(now);
        }
    }

    /// <summary>Waits for a wake-up or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
