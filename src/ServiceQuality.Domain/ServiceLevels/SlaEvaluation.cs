using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>The statuses of one case at one instant, and when any of them will next change.</summary>
/// <param name="Statuses">One status per metric the agreement has targets for, in <see cref="Agreements.Metric"/> order.</param>
/// <param name="NextChangeAt">
/// The earliest instant after the evaluation's <c>now</c> at which a status changes without a new event (a warning
/// stage or a deadline); null when no clock is counting. A host can sleep until then instead of polling.
/// </param>
public sealed record SlaEvaluation(IReadOnlyList<SlaStatus> Statuses, Instant? NextChangeAt)
{
    /// <summary>
    /// The name of the calendar the case was measured on: the agreement's own (null for around the clock), or the one an
    /// <see cref="ICaseCalendarLookup"/> chose for the case.
    /// </summary>
    public string? CalendarName { get; init; }

    /// <summary>Every completed cycle of every metric, by agreement and metric, oldest first; the current cycles are the statuses.</summary>
    public IReadOnlyList<SlaCycle> CompletedCycles { get; init; } = [];

    /// <summary>For each status of a clock that started, its elapsed time by who held the case, and who held it at the breach.</summary>
    public IReadOnlyList<SlaBreakdown> Breakdowns { get; init; } = [];

    /// <summary>Whether <paramref name="other"/> holds equal members, the lists compared item by item.</summary>
    /// <param name="other">The other value, or null.</param>
    /// <returns>True when every member is equal.</returns>
    public bool Equals(SlaEvaluation? other) =>
        ReferenceEquals(this, other) || (other is not null && ContentEquality.Equal(Statuses, other.Statuses) && NextChangeAt == other.NextChangeAt && CalendarName == other.CalendarName
            && ContentEquality.Equal(CompletedCycles, other.CompletedCycles) && ContentEquality.Equal(Breakdowns, other.Breakdowns));

    /// <summary>A hash code consistent with <see cref="Equals(SlaEvaluation)"/>: the statuses hashed by content.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() =>
        HashCode.Combine(ContentEquality.Hash(Statuses), NextChangeAt, CalendarName, ContentEquality.Hash(CompletedCycles), ContentEquality.Hash(Breakdowns));
}
