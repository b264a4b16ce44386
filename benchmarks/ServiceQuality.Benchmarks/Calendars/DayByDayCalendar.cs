using NodaTime;

namespace ServiceQuality.Benchmarks.Calendars;

/// <summary>
/// The baseline: business time as help desks compute it, walking the calendar one local date at a time and
/// converting each day's hours to instants as it goes. Correct for the reference calendar (no overnight hours);
/// its cost grows with the span.
/// </summary>
public sealed class DayByDayCalendar
{
    private readonly DateTimeZone _zone;
    private readonly (LocalTime Start, LocalTime End)[] _hours;
    private readonly HashSet<LocalDate> _holidays;
    private readonly HashSet<LocalDate> _makeUpDays;

    public DayByDayCalendar(DateTimeZone zone, (LocalTime, LocalTime)[] hours, IEnumerable<LocalDate> holidays, IEnumerable<LocalDate> makeUpDays)
    {
        _zone = zone;
        _hours = hours;
        _holidays = [.. holidays];
        _makeUpDays = [.. makeUpDays];
    }

    public Instant AddBusinessTime(Instant start, Duration amount)
    {
        var remaining = amount;
        for (var date = start.InZone(_zone).Date; ; date = date.PlusDays(1))
        {
            if (!IsWorkingDay(date))
            {
                continue;
            }

            foreach (var (open, close) in _hours)
            {
                var from = date.At(open).InZoneLeniently(_zone).ToInstant();
                var to = date.At(close).InZoneLeniently(_zone).ToInstant();
                if (to <= start)
                {
                    continue;
                }

                if (from < start)
                {
                    from = start;
                }

                var available = to - from;
                if (available >= remaining)
                {
                    return from + remaining;
                }

                remaining -= available;
            }
        }
    }

    private bool IsWorkingDay(LocalDate date) =>
        !_holidays.Contains(date) &&
        (_makeUpDays.Contains(date) || date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday));
}
