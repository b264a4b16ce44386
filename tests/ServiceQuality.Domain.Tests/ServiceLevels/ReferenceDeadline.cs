using NodaTime;
using NodaTime.TimeZones;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Tests.Calendars;

namespace ServiceQuality.Domain.Tests.ServiceLevels;

/// <summary>
/// The brute-force oracle of deadlines in business days: walks dates one by one, reading each date's hours from the
/// calendar's definition, and places local times with NodaTime's own resolver (overlap: later; gap: its end).
/// </summary>
public sealed class ReferenceDeadline(CalendarSpec spec, Func<Instant, bool> open)
{
    private static readonly ZoneLocalMappingResolver Resolver = Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter);
    private readonly DateTimeZone _zone = spec.Zone;

    public bool IsBusinessDay(LocalDate date) => Spans(date).Count > 0;

    /// <summary>The close of a business day, or null when the date has no hours.</summary>
    public Instant? Close(LocalDate date)
    {
        var spans = Spans(date);
        if (spans.Count == 0)
        {
            return null;
        }

        var end = spans.Max(s => s.End.NanosecondOfDay <= s.Start.NanosecondOfDay ? s.End.NanosecondOfDay + NodaConstants.NanosecondsPerDay : s.End.NanosecondOfDay);
        return Place(date.AtMidnight().PlusNanoseconds(end));
    }

    /// <summary>The <paramref name="count"/>-th business day after the first one on or after <paramref name="from"/>, walking day by day.</summary>
    public LocalDate Nth(LocalDate from, int count)
    {
        var day = from;
        while (!IsBusinessDay(day))
        {
            day = day.PlusDays(1);
        }

        for (var i = 0; i < count; i++)
        {
            day = day.PlusDays(1);
            while (!IsBusinessDay(day))
            {
                day = day.PlusDays(1);
            }
        }

        return day;
    }

    public Instant Due(BusinessDayDeadline deadline, Instant start)
    {
        var local = start.InZone(_zone).LocalDateTime;
        if (deadline.Kind == BusinessDayDeadlineKind.SameTimeOfDay)
        {
            var first = start;
            while (!open(first))
            {
                first += Duration.FromMinutes(1);
            }

            var at = first.InZone(_zone).LocalDateTime;
            var day = Nth(at.Date, IsBusinessDay(at.Date) ? deadline.BusinessDays : deadline.BusinessDays - 1);
            return Place(day.At(at.TimeOfDay));
        }

        var (rule, from) = deadline.CutOff is { } cutOff && local.TimeOfDay >= cutOff
            ? (deadline.AfterCutOff ?? deadline, local.Date.PlusDays(1))
            : (deadline, local.Date);
        for (var extra = 0; ; extra++)
        {
            var day = Nth(from, rule.BusinessDays + extra);
            var due = rule.Kind == BusinessDayDeadlineKind.EndOfDay ? Close(day)!.Value
                : rule.At == LocalTime.Midnight ? Place(day.PlusDays(1).AtMidnight())
                : Place(day.At(rule.At!.Value));
            if (due > start)
            {
                return due;
            }
        }
    }

    private Instant Place(LocalDateTime local) => local.InZone(_zone, Resolver).ToInstant();

    private List<(LocalTime Start, LocalTime End)> Spans(LocalDate date)
    {
        if (spec.Holidays.Contains(date))
        {
            return [];
        }

        var own = spec.WorkingDays.Where(w => w.Date == date).Select(w => (w.Start, w.End)).ToList();
        return own.Count > 0 ? own : spec.Weekly.Where(w => w.Day == date.DayOfWeek).Select(w => (w.Start, w.End)).ToList();
    }
}
