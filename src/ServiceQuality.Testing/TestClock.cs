using NodaTime;

namespace ServiceQuality.Testing;

/// <summary>A controllable <see cref="IClock"/> for tests: it stands still until set or advanced. Thread-safe.</summary>
public sealed class TestClock : IClock
{
    private readonly object _gate = new();
    private Instant _now;

    /// <summary>Creates a clock showing <paramref name="now"/>.</summary>
    /// <param name="now">The initial instant.</param>
    public TestClock(Instant now) => _now = now;

    /// <summary>The instant the clock shows.</summary>
    /// <returns>The current instant.</returns>
    public Instant GetCurrentInstant()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Sets the clock; it may go backwards (to test how code copes).</summary>
    /// <param name="now">The new instant.</param>
    public void Set(Instant now)
    {
        lock (_gate)
        {
            _now = now;
        }
    }

    /// <summary>Moves the clock forward (or back, with a negative amount).</summary>
    /// <param name="amount">How far.</param>
    /// <returns>The new instant.</returns>
    public Instant Advance(Duration amount)
    {
        lock (_gate)
        {
            _now += amount;
            return _now;
        }
    }
}
