using System.Globalization;
using Ical.Net;
using Calendar = Ical.Net.Calendar;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using NodaTime.TimeZones;
using Duration = NodaTime.Duration;
using Period = NodaTime.Period;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Calendars.ICalendar;

/// <summary>
/// What an iCalendar file adds to a builder, and the problems found: the structure is read with line numbers by
/// <see cref="ContentLineReader"/>, each event's values by Ical.Net (one event at a time, so that a value it cannot read
/// is pinned to its event and line).
/// </summary>
internal sealed class ICalendarReader
{
    private static readonly LocalDate FirstDate = new(1900, 1, 1);
    private static readonly LocalDate LastDate = new(2199, 12, 31);
    private static readonly Duration Day = Duration.FromDays(1);

    private readonly DateTimeZone _zone;
    private readonly ICalendarImportOptions _options;
    private readonly Dictionary<LocalDate, int> _holidays = [];
    private readonly Dictionary<LocalDate, int> _workingDates = [];

    private ICalendarReader(DateTimeZone zone, ICalendarImportOptions options)
    {
        _zone = zone;
        _options = options;
    }

    public ProblemList Problems { get; } = new();

    public IEnumerable<LocalDate> Holidays => _holidays.Keys;

    public List<(AnnualDate Date, int FirstYear, int LastYear)> Yearly { get; } = [];

    public List<(LocalDate Date, LocalTime Start, LocalTime End)> WorkingHours { get; } = [];

    public static ICalendarReader Read(string text, DateTimeZone zone, ICalendarImportOptions options)
    {
        var reader = new ICalendarReader(zone, options);
        var events = ContentLineReader.Read(text, reader.Problems);
        foreach (var block in events)
        {
            reader.Event(block);
        }

        reader.CheckConflicts();
        return reader;
    }

    private void Event(EventBlock block)
    {
        CalendarEvent calendarEvent;
        try
        {
            var single = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n" + string.Join("\r\n", block.Lines.Select(l => l.Text)) + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
            calendarEvent = Calendar.Load(single)!.Events.Single();
            Interpret(block, calendarEvent);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Ical.Net throws many types (SerializationException, ArgumentException, FormatException …) for values it
            // cannot read, some only when a value is first used: find the lines that fail on their own.
            Unreadable(block, e);
        }
    }

    private void Interpret(EventBlock block, CalendarEvent e)
    {
        if (string.Equals(e.Status?.Trim(), "CANCELLED", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var problems = Problems.Count;
        if (!block.Named("DTSTART").Any())
        {
            Problem(block.Line, ProblemCode.MissingProperty, "the event has no DTSTART, so it has no date.");
            return;
        }

        Single(block, "DTSTART");
        Single(block, "DTEND");
        Single(block, "DURATION");
        Readable(block, "DTSTART", e.DtStart is not null);
        Readable(block, "DTEND", !block.Named("DTEND").Any() || e.DtEnd is not null);
        Readable(block, "DURATION", !block.Named("DURATION").Any() || e.Duration is not null);
        Readable(block, "RRULE", !block.Named("RRULE").Any() || e.RecurrenceRule is not null);
        foreach (var extra in block.Named("RRULE").Skip(1))
        {
            Problem(extra.Line, ProblemCode.Unsupported, "the event has more than one RRULE, which RFC 5545 advises against; split it into one event per rule.");
        }
        if (block.Named("DTEND").Any() && block.Named("DURATION").Any())
        {
            Problem(block.LineOf("DURATION"), ProblemCode.Conflict, "the event has both DTEND and DURATION; one is expected.");
        }

        if (block.Named("EXRULE").Any())
        {
            Problem(block.LineOf("EXRULE"), ProblemCode.Unsupported, "EXRULE (deprecated by RFC 5545) is not supported; use EXDATE.");
        }

        if (Problems.Count > problems)
        {
            return;
        }

        var working = e.Categories.Any(c => string.Equals(c.Trim(), _options.WorkingDayCategory, StringComparison.OrdinalIgnoreCase));
        var recurs = block.Named("RRULE").Any() || block.Named("RDATE").Any();
        if (e.DtStart!.HasTime)
        {
            Timed(block, e, working, recurs);
        }
        else
        {
            AllDay(block, e, working, recurs);
        }
    }

    private void AllDay(EventBlock block, CalendarEvent e, bool working, bool recurs)
    {
        if (working)
        {
            Problem(block.LineOf("CATEGORIES"), ProblemCode.Unsupported, $"an all-day {_options.WorkingDayCategory} event gives no hours; give it a start and an end time.");
            return;
        }

        var start = DateOf(e.DtStart!);
        var days = 1;
        if (e.DtEnd is { } end)
        {
            if (end.HasTime)
            {
                Problem(block.LineOf("DTEND"), ProblemCode.InvalidFormat, "an all-day event must end on a date (DTEND;VALUE=DATE), not a time.");
                return;
            }

            days = Period.Between(start, DateOf(end), PeriodUnits.Days).Days;
        }
        else if (e.Duration is { } duration)
        {
            if (duration.HasTime)
            {
                Problem(block.LineOf("DURATION"), ProblemCode.InvalidFormat, "an all-day event must last whole days (P1D, P2W), not hours.");
                return;
            }

            days = duration.Sign * (((duration.Weeks ?? 0) * 7) + (duration.Days ?? 0));
        }

        if (days <= 0)
        {
            Problem(block.LineOf(e.DtEnd is null ? "DURATION" : "DTEND"), ProblemCode.OutOfRange, "the event ends before it starts, or when it starts.");
            return;
        }

        if (!recurs)
        {
            if (start < FirstDate || start.PlusDays(days - 1) > LastDate)
            {
                Problem(block.LineOf("DTSTART"), ProblemCode.OutOfRange, $"the event's dates {Format(start)} to {Format(start.PlusDays(days - 1))} are not all in 1900–2199.");
                return;
            }

            for (var i = 0; i < days; i++)
            {
                _holidays.TryAdd(start.PlusDays(i), block.Line);
            }

            return;
        }

        if (days == 1 && PlainYearly(block, e, start) is { } yearly)
        {
            var (first, last) = (Math.Max(start.Year, FirstDate.Year), Math.Min(yearly, LastDate.Year));
            if (first <= last)
            {
                Yearly.Add((new AnnualDate(start.Month, start.Day), first, last));
            }

            return;
        }

        foreach (var date in Occurrences(block, e).Select(DateOf))
        {
            for (var i = 0; i < days; i++)
            {
                var day = date.PlusDays(i);
                if (day >= FirstDate && day <= LastDate)
                {
                    _holidays.TryAdd(day, block.Line);
                }
            }
        }
    }

    private void Timed(EventBlock block, CalendarEvent e, bool working, bool recurs)
    {
        if (!working)
        {
            Problem(
                block.LineOf("DTSTART"),
                ProblemCode.Unsupported,
                $"a timed event would close part of a day, which a calendar cannot hold; make it all-day for a holiday, or give it CATEGORIES:{_options.WorkingDayCategory} for open hours.");
            return;
        }

        if (e.DtEnd is null && e.Duration is null)
        {
            Problem(block.Line, ProblemCode.MissingProperty, "a working-day event needs DTEND or DURATION: its hours end there.");
            return;
        }

        if (ToInstant(block, "DTSTART", e.DtStart!) is not { } start)
        {
            return;
        }

        Instant end;
        if (e.DtEnd is { } dtEnd)
        {
            if (!dtEnd.HasTime || ToInstant(block, "DTEND", dtEnd) is not { } e2)
            {
                if (!dtEnd.HasTime)
                {
                    Problem(block.LineOf("DTEND"), ProblemCode.InvalidFormat, "a timed event must end at a time, not on a date.");
                }

                return;
            }

            end = e2;
        }
        else
        {
            var d = e.Duration!.Value;
            end = start + (d.Sign * (Duration.FromDays(((d.Weeks ?? 0) * 7) + (d.Days ?? 0)) + Duration.FromHours(d.Hours ?? 0) + Duration.FromMinutes(d.Minutes ?? 0) + Duration.FromSeconds(d.Seconds ?? 0)));
        }

        var length = end - start;
        if (length <= Duration.Zero || length > Day)
        {
            Problem(block.LineOf(e.DtEnd is null ? "DURATION" : "DTEND"), ProblemCode.OutOfRange, "a working-day event must last more than zero and at most 24 hours.");
            return;
        }

        if (!recurs)
        {
            AddHours(block, start, length, outsideIsProblem: true);
            return;
        }

        foreach (var occurrence in Occurrences(block, e))
        {
            if (ToInstant(block, "DTSTART", occurrence) is { } at)
            {
                AddHours(block, at, length, outsideIsProblem: false);
            }
        }
    }

    private void AddHours(EventBlock block, Instant start, Duration length, bool outsideIsProblem)
    {
        var local = start.InZone(_zone).LocalDateTime;
        if (local.Date < FirstDate || local.Date > LastDate)
        {
            if (outsideIsProblem)
            {
                Problem(block.LineOf("DTSTART"), ProblemCode.OutOfRange, $"the event's date {Format(local.Date)} is not in 1900–2199.");
            }

            return;
        }

        WorkingHours.Add((local.Date, local.TimeOfDay, (start + length).InZone(_zone).TimeOfDay));
        _workingDates.TryAdd(local.Date, block.Line);
    }

    /// <summary>The last year of a plain yearly rule on the event's one date, or null when the rule is anything else.</summary>
    private static int? PlainYearly(EventBlock block, CalendarEvent e, LocalDate start)
    {
        if (e.RecurrenceRule is not { } rule || block.Named("RDATE").Any() || block.Named("EXDATE").Any() || (start.Month == 2 && start.Day == 29))
        {
            return null;
        }

        var plain = rule.Frequency == FrequencyType.Yearly && rule.Interval == 1
            && rule.BySecond.Count == 0 && rule.ByMinute.Count == 0 && rule.ByHour.Count == 0 && rule.ByDay.Count == 0
            && rule.ByYearDay.Count == 0 && rule.ByWeekNo.Count == 0 && rule.BySetPosition.Count == 0
            && rule.ByMonth.All(m => m == start.Month) && rule.ByMonthDay.All(d => d == start.Day);
        if (!plain)
        {
            return null;
        }

        if (rule.Count is { } count)
        {
            return count <= 0 ? null : (int)Math.Min((long)start.Year + count - 1, LastDate.Year);
        }

        if (rule.Until is { } until)
        {
            var last = DateOf(until);
            return last.Year - (new LocalDate(last.Year, start.Month, start.Day) > last ? 1 : 0);
        }

        return LastDate.Year;
    }

    /// <summary>The starts of the event's occurrences up to the recurrence end, or none (and a problem) when there are too many.</summary>
    private List<CalDateTime> Occurrences(EventBlock block, CalendarEvent e)
    {
        var endDate = _options.RecurrenceEnd.PlusDays(1);
        var starts = new List<CalDateTime>();
        try
        {
            foreach (var occurrence in e.GetOccurrences().TakeWhileBefore(new CalDateTime(endDate.Year, endDate.Month, endDate.Day)))
            {
                if (starts.Count == ICalendarImportOptions.MaxOccurrencesPerEvent)
                {
                    Problem(
                        block.LineOf("RRULE"),
                        ProblemCode.Unsupported,
                        string.Create(CultureInfo.InvariantCulture, $"the recurrence has more than {ICalendarImportOptions.MaxOccurrencesPerEvent:N0} occurrences before {Format(endDate)}; end it with UNTIL or COUNT, or set an earlier RecurrenceEnd."));
                    return [];
                }

                starts.Add(occurrence.Period.StartTime);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Problem(block.LineOf("RRULE"), ProblemCode.Unsupported, $"Ical.Net cannot expand the recurrence: {ex.Message}");
            return [];
        }

        return starts;
    }

    private Instant? ToInstant(EventBlock block, string property, CalDateTime value)
    {
        var local = new LocalDateTime(value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second);
        if (value.IsUtc)
        {
            return local.InUtc().ToInstant();
        }

        if (value.TzId is not { } id || value.IsFloating)
        {
            return local.InZoneLeniently(_zone).ToInstant();
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
            ?? (TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping.TryGetValue(id, out var iana) ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(iana) : null);
        if (zone is null)
        {
            Problem(block.LineOf(property), ProblemCode.UnknownName, $"TZID '{ContentLineReader.Shorten(id)}' is not an IANA or Windows time zone id.");
            return null;
        }

        return local.InZoneLeniently(zone).ToInstant();
    }

    /// <summary>Finds which of the event's lines Ical.Net cannot read, each on its own, and reports them (or the event when none is alone at fault).</summary>
    private void Unreadable(EventBlock block, Exception exception)
    {
        var found = false;
        foreach (var line in block.Properties)
        {
            try
            {
                var e = Calendar.Load($"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n{line.Text}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")!.Events.Single();
                _ = (e.DtStart, e.DtEnd, e.Duration, e.Status, e.Categories.Count, e.RecurrenceRule, e.ExceptionDates.GetAllDates().Count(), e.RecurrenceDates.GetAllPeriods().Count());
                if (e.DtStart is { HasTime: true } start)
                {
                    _ = start.AsUtc;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Problem(line.Line, ProblemCode.InvalidFormat, $"{line.Name} cannot be read: {e.Message}");
                found = true;
            }
        }

        if (!found)
        {
            Problem(block.Line, ProblemCode.InvalidFormat, $"the event cannot be read: {exception.Message}");
        }
    }

    private void CheckConflicts()
    {
        foreach (var (date, line) in _workingDates.Where(w => _holidays.ContainsKey(w.Key)).OrderBy(w => w.Value))
        {
            Problem(line, ProblemCode.Conflict, $"{Format(date)} is a working day here and a holiday by the event on line {_holidays[date]}.");
        }
    }

    private void Single(EventBlock block, string name)
    {
        foreach (var extra in block.Named(name).Skip(1))
        {
            Problem(extra.Line, ProblemCode.Conflict, $"the event has more than one {name}.");
        }
    }

    private void Readable(EventBlock block, string name, bool readable)
    {
        if (!readable)
        {
            var line = block.Named(name).First();
            Problem(line.Line, ProblemCode.InvalidFormat, $"'{ContentLineReader.Shorten(line.Value)}' is not a valid {name} value.");
        }
    }

    private void Problem(int line, string code, string message) => Problems.Add(ContentLineReader.At(line), code, message);

    private static LocalDate DateOf(CalDateTime value) => new(value.Year, value.Month, value.Day);

    private static string Format(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
