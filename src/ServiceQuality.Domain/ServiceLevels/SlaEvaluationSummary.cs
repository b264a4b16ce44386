using NodaTime;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>What an allocation-free evaluation wrote: how many statuses, and when any of them will next change.</summary>
/// <param name="Count">How many statuses were written to the destination span.</param>
/// <param name="NextChangeAt">The earliest instant after <c>now</c> at which a status changes without a new event; null when no clock is counting.</param>
public readonly record struct SlaEvaluationSummary(int Count, Instant? NextChangeAt)
{
    /// <summary>
    /// The name of the calendar the case was measured on: the agreement's own (null for around the clock), or the one an
    /// <see cref="ICaseCalendarLookup"/> chose for the case.
    /// </summary>
    public string? CalendarName { get; init; }
}
