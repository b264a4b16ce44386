using System.Collections.Frozen;
using NodaTime;

namespace ServiceQuality.Domain.Calendars;

/// <summary>
/// The validated, immutable rules of a calendar in local time: weekly spans, holidays and dates with
/// their own hours. <see cref="SpansOf"/> is the single place that decides which spans a date has.
/// </summary>
internal sealed class CalendarRules
{
    private readonly LocalSpan[][] _weekly;
    private readonly FrozenSet<LocalDate> _holidays;
    private readonly FrozenDictionary<LocalDate, LocalSpan[]> _workingDays;

    public CalendarRules(LocalSpan[][] weekly, FrozenSet<LocalDate> holidays, FrozenDictionary<LocalDate, LocalSpan[]> workingDays)
    {
        _weekly = weekly;
        _holidays = holidays;
        _workingDays = workingDays;
    }

    /// <summary>The spans of <paramref name="date"/>: none on a holiday, the date's own hours on a working day, else the weekly ones.</summary>
    public ReadOnlySpan<LocalSpan> SpansOf(LocalDate date)
    {
        if (_holidays.Contains(date))
        {
            return [];
        }

        return _workingDays.TryGetValue(date, out var own) ? own : _weekly[(int)date.DayOfWeek - 1];
    }
}
