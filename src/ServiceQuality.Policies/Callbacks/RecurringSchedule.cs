using System.Collections.Immutable;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Callbacks;

/// <summary>
/// A recurring follow-up schedule in local time, such as 15 days, 1 month and 2 months after an event, then every
/// 2 months, a set number of times. Immutable: the offsets are copied; two schedules with the same offsets, period and
/// repetitions are equal.
/// </summary>
public sealed class RecurringSchedule : IEquatable<RecurringSchedule>
{
    /// <summary>Creates a schedule.</summary>
    /// <param name="offsets">The first follow-ups, as periods after the anchor, in order.</param>
    /// <param name="thenEvery">After the last offset, repeat every this period; null for no repetition.</param>
    /// <param name="repeats">How many repetitions after the offsets; not negative.</param>
    /// <exception cref="ArgumentException">No offsets, or repetition without a period.</exception>
    public RecurringSchedule(IReadOnlyList<Period> offsets, Period? thenEvery, int repeats)
    {
        Guard.Against.NullOrNoItems(offsets);
        Guard.Against.LessThan(repeats, 0);
        Guard.Against.InvalidArgument(repeats > 0 && thenEvery is null, nameof(thenEvery), "Repetitions need a period.");

        (Offsets, ThenEvery, Repeats) = (offsets.ToImmutableArray(), thenEvery, repeats);
    }

    /// <summary>15 days, 1 month, 2 months, then every 2 months four times: the practice's after-care schedule.</summary>
    public static RecurringSchedule Standard { get; } = new([Period.FromDays(15), Period.FromMonths(1), Period.FromMonths(2)], Period.FromMonths(2), 4);

    /// <summary>The first follow-ups, in order; an immutable copy of the offsets given.</summary>
    public IReadOnlyList<Period> Offsets { get; }

    /// <summary>The repetition period, if any.</summary>
    public Period? ThenEvery { get; }

    /// <summary>How many repetitions.</summary>
    public int Repeats { get; }

    /// <summary>The due instants after <paramref name="anchor"/>, computed in local time in <paramref name="zone"/> (a month is a calendar month).</summary>
    /// <param name="anchor">The event the schedule follows.</param>
    /// <param name="zone">The zone of the local-time arithmetic.</param>
    /// <returns>The due instants, in order.</returns>
    public IReadOnlyList<Instant> DueAfter(Instant anchor, DateTimeZone zone)
    {
        Guard.Against.Null(zone);
        var local = anchor.InZone(zone).LocalDateTime;
        var due = Offsets.Select(offset => local.Plus(offset)).ToList();
        for (var i = 0; i < Repeats; i++)
        {
            due.Add(due[^1].Plus(ThenEvery!));
        }

        return due.Select(d => d.InZoneLeniently(zone).ToInstant()).ToArray();
    }

    /// <summary>Whether <paramref name="other"/> has the same offsets in the same order, the same period and the same number of repetitions.</summary>
    /// <param name="other">The other schedule, or null.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(RecurringSchedule? other) =>
        ReferenceEquals(this, other)
        || (other is not null && Repeats == other.Repeats && Equals(ThenEvery, other.ThenEvery) && Offsets.SequenceEqual(other.Offsets));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RecurringSchedule);

    /// <summary>A hash code consistent with <see cref="Equals(RecurringSchedule)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => Offsets.Aggregate(HashCode.Combine(Repeats, ThenEvery), HashCode.Combine);
}
