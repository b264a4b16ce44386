using NodaTime;

namespace ServiceQuality.Domain.Tests.Calendars;

/// <summary>
/// The brute-force oracle: applies the wall-clock rule literally to one instant at a time and walks the
/// timeline minute by minute. Correct for minute-aligned instants when every boundary and zone offset is a
/// whole minute (true of the generated calendars and of every zone offset since 2005).
/// </summary>
public sealed class ReferenceCalendar
{
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private readonly CalendarSpec _spec;
    private readonly DateTimeZone _zone;

    public ReferenceCalendar(CalendarSpec spec)
    {
        _spec = spec;
        _zone = spec.Zone;
    }

    /// <summary>True iff the wall-clock time of t lies in [start, end) of an interval belonging to a non-holiday date.</summary>
    public bool IsOpen(Instant t)
    {
        var local = t.InZone(_zone).LocalDateTime;
        return Belongs(local, local.Date) || Belongs(local, local.Date.PlusDays(-1));
    }

    /// <summary>Whether each minute starting at from + i minutes is open, for i in [0, minutes).</summary>
    public bool[] OpenMinutes(Instant from, int minutes)
    {
        var open = new bool[minutes];
        for (var i = 0; i < minutes; i++)
        {
            open[i] = IsOpen(from + (Minute * i));
        }

        return open;
    }

    public Instant NextOpen(Instant t, int maxMinutes)
    {
        for (var i = 0; i < maxMinutes; i++)
        {
            if (IsOpen(t + (Minute * i)))
            {
                return t + (Minute * i);
            }
        }

        throw new InvalidOperationException($"The reference found no open minute within {maxMinutes} minutes of {t}.");
    }

    private bool Belongs(LocalDateTime local, LocalDate owner)
    {
        if (_spec.Holidays.Contains(owner))
        {
            return false;
        }

        var sinceOwnerMidnight = local.TimeOfDay.NanosecondOfDay + (local.Date == owner ? 0 : NodaConstants.NanosecondsPerDay);
        // Precedence: a dated holiday, then a dated working day's own hours, then a yearly holiday, then the weekly hours.
        var own = _spec.WorkingDays.Where(w => w.Date == owner).Select(w => (w.Start, w.End)).ToList();
        if (own.Count == 0 && _spec.YearlyHolidays.Any(y => y.Closes(owner)))
        {
            return false;
        }

        var spans = own.Count > 0 ? own : _spec.Weekly.Where(w => w.Day == owner.DayOfWeek).Select(w => (w.Start, w.End)).ToList();
        foreach (var (start, end) in spans)
        {
            var s = start.NanosecondOfDay;
            var e = end.NanosecondOfDay <= s ? end.NanosecondOfDay + NodaConstants.NanosecondsPerDay : end.NanosecondOfDay;
            if (s <= sinceOwnerMidnight && sinceOwnerMidnight < e)
            {
                return true;
            }
        }

        return false;
    }
}
