using NodaTime;

namespace ServiceDesk.Web;

/// <summary>
/// Which clock the host runs on, decided before anything asks for it: the system clock, or (the demo, <c>--at</c>) a clock
/// that starts at a given instant and runs on at the system clock's pace.
/// </summary>
internal sealed class ClockSetting
{
    public Instant? StartAt { get; set; }

    public IClock CreateClock() => StartAt is { } start ? new RunningFrom(start, SystemClock.Instance) : SystemClock.Instance;

    private sealed class RunningFrom(Instant start, IClock real) : IClock
    {
        private readonly Instant _began = real.GetCurrentInstant();

        public Instant GetCurrentInstant() => start + (real.GetCurrentInstant() - _began);
    }
}
