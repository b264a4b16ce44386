using NodaTime;
using Orleans.Reminders;

namespace ServiceDesk.Orleans;

/// <summary>
/// The desk's time: the reminder subsystem's own clock (Orleans resolves it by the key
/// <see cref="ReminderTimeProviderNames.Reminders"/>), so a case's "now" and its reminders always agree. In production it is
/// the system clock; a replay or a test moves a <c>FakeTimeProvider</c> by hand, and only the reminders follow it — the
/// silo's membership and messaging keep real time.
/// </summary>
internal sealed class DeskClock(TimeProvider time)
{
    public TimeProvider Time => time;

    public Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());
}
