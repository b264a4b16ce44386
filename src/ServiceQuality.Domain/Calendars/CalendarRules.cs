using System.Collections.Frozen;
using NodaTime;

namespace ServiceQuality.Domain.Calendars;

/// <summary>
/// The validated, immutable rules of a calendar in local time: weekly spans, dated holidays, yearly holidays and dates
/// with their own hours. <see cref="SpansOf"/> is the single place that decides which spans a date has.
/// </summary>
/// <remarks>
/// The rules are normalised when built (spans sorted by start, each yearly holiday's year ranges merged into disjoint
/// ascending ranges), so two rule sets that describe the same definition in any order of additions are equal
/// (<see cref="Equals(CalendarRules)"/>), and their hash code, worked out once here, agrees.
/// </remarks>
internal sealed class CalendarRules : IEquatable<CalendarRules>
{
    private readonly LocalSpan[][] _weekly;
    private readonly FrozenSet<LocalDate> _holidays;
    private readonly FrozenDictionary<LocalDate, LocalSpan[]> _workingDays;
    private readonly FrozenDictionary<AnnualDate, YearRange[]> _yearly;
    private readonly int _hash;

    public CalendarRules(
        LocalSpan[][] weekly,
        FrozenSet<LocalDate> holidays,
        FrozenDictionary<LocalDate, LocalSpan[]> workingDays,
        FrozenDictionary<AnnualDate, YearRange[]> yearly)
    {
        _weekly = weekly;
        _holidays = holidays;
        _workingDays = workingDays;
        _yearly = yearly;
        _hash = ComputeHash();
    }

    /// <summary>
    /// The spans of <paramref name="date"/>, by precedence: none on a dated holiday; the date's own hours on a dated
    /// working day; none on a yearly holiday; else the weekly ones.
    /// </summary>
    public ReadOnlySpan<LocalSpan> SpansOf(LocalDate date)
    {
        if (_holidays.Contains(date))
        {
            return [];
        }

        if (_workingDays.TryGetValue(date, out var own))
        {
            return own;
        }

        return IsYearlyHoliday(date) ? [] : _weekly[(int)date.DayOfWeek - 1];
    }

    /// <summary>
    /// Whether <paramref name="other"/> holds the same weekly spans per weekday, dated holidays, dated working days with the
    /// same spans, and yearly holidays over the same years. Costs time in the size of the rules, never of the timeline.
    /// </summary>
    public bool Equals(CalendarRules? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || _hash != other._hash || !_holidays.SetEquals(other._holidays))
        {
            return false;
        }

        for (var day = 0; day < _weekly.Length; day++)
        {
            if (!_weekly[day].AsSpan().SequenceEqual(other._weekly[day]))
            {
                return false;
            }
        }

        return SameEntries(_workingDays, other._workingDays) && SameEntries(_yearly, other._yearly);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CalendarRules);

    /// <summary>A hash code consistent with <see cref="Equals(CalendarRules)"/>, worked out when the rules were built.</summary>
    public override int GetHashCode() => _hash;

    /// <summary>Merges year ranges into disjoint, non-adjacent ranges in ascending order: the normal form of a yearly holiday's years.</summary>
    public static YearRange[] Merge(IEnumerable<YearRange> ranges)
    {
        var merged = new List<YearRange>();
        foreach (var range in ranges.OrderBy(r => r.First))
        {
            if (merged.Count > 0 && range.First <= merged[^1].Last + 1)
            {
                merged[^1] = merged[^1] with { Last = Math.Max(merged[^1].Last, range.Last) };
            }
            else
            {
                merged.Add(range);
            }
        }

        return [.. merged];
    }

    private static bool SameEntries<TKey, TValue>(FrozenDictionary<TKey, TValue[]> left, FrozenDictionary<TKey, TValue[]> right)
        where TKey : notnull
        where TValue : IEquatable<TValue>
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (key, values) in left)
        {
            if (!right.TryGetValue(key, out var others) || !values.AsSpan().SequenceEqual(others))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Sums of entry hashes for the sets and dictionaries, whose order of enumeration is not part of the rules.</summary>
    private int ComputeHash()
    {
        var hash = new HashCode();
        foreach (var day in _weekly)
        {
            hash.Add(day.Length);
            foreach (var span in day)
            {
                hash.Add(span);
            }
        }

        var holidays = _holidays.Count;
        foreach (var date in _holidays)
        {
            holidays = unchecked(holidays + date.GetHashCode());
        }

        hash.Add(holidays);
        hash.Add(EntriesHash(_workingDays));
        hash.Add(EntriesHash(_yearly));
        return hash.ToHashCode();

        static int EntriesHash<TKey, TValue>(FrozenDictionary<TKey, TValue[]> entries)
            where TKey : notnull
        {
            var sum = entries.Count;
            foreach (var (key, values) in entries)
            {
                var entry = new HashCode();
                entry.Add(key);
                foreach (var value in values)
                {
                    entry.Add(value);
                }

                sum = unchecked(sum + entry.ToHashCode());
            }

            return sum;
        }
    }

    private bool IsYearlyHoliday(LocalDate date)
    {
        if (_yearly.Count == 0 || !_yearly.TryGetValue(new AnnualDate(date.Month, date.Day), out var years))
        {
            return false;
        }

        foreach (var range in years)
        {
            if (range.Contains(date.Year))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The years from <see cref="First"/> to <see cref="Last"/>, both inclusive.</summary>
internal readonly record struct YearRange(int First, int Last)
{
    public bool Contains(int year) => First <= year && year <= Last;
}
