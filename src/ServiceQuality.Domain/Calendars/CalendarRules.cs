using System.Collections.Frozen;
using NodaTime;

namespace ServiceQuality.Domain.Calendars;

/// <summary>
/// The validated, immutable rules of a calendar in local time: weekly spans, dated holidays, yearly holidays and dates
/// with their own hours. <see cref="SpansOf"/> is the single place that decides which spans a date has.
/// </summary>
internal sealed class CalendarRules
{
    private readonly LocalSpan[][] _weekly;
    private readonly FrozenSet<LocalDate> _holidays;
    private readonly FrozenDictionary<LocalDate, LocalSpan[]> _workingDays;
    private readonly FrozenDictionary<AnnualDate, YearRange[]> _yearly;

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
