using System.Collections.Frozen;
using System.Globalization;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Calendars;

/// <summary>
/// Collects the opening hours, holidays and working days of a <see cref="BusinessCalendar"/>, then
/// validates them all at once in <see cref="Build"/>.
/// </summary>
/// <remarks>
/// Interval rules, for <see cref="AddOpenHours"/> and <see cref="AddWorkingDay"/>: an interval runs from
/// its start (inclusive) to its end (exclusive) in local wall-clock time and belongs to the date it starts
/// on; an end at or before the start means the interval runs past midnight into the next day, so
/// 00:00–00:00 is the whole day. The weekly hours hold at most <see cref="MaxWeeklyIntervals"/> intervals. A builder is
/// not thread-safe; the calendars it builds are.
/// <para>
/// Which hours a date has, by precedence: a dated holiday (<see cref="AddHoliday"/>) closes it; otherwise a dated working
/// day (<see cref="AddWorkingDay"/>) gives it its own hours; otherwise a yearly holiday (<see cref="AddYearlyHoliday(AnnualDate)"/>)
/// closes it; otherwise it has the weekly hours of its weekday. So a dated working day overrides a yearly holiday (an
/// official announcement that moves a holiday), while a date that is both a dated holiday and a dated working day is
/// refused by <see cref="Build"/>.
/// </para>
/// </remarks>
public sealed class BusinessCalendarBuilder
{
    /// <summary>
    /// The most intervals the weekly hours may hold (all weekdays together): 48, enough for seven split shifts a day. The
    /// weekly hours repeat over the whole supported range, so this bound is what keeps a compiled calendar within 64 KiB
    /// per calendar year (about 24 bytes per interval and week, and a fixed index); dated working days add only their own
    /// intervals, once.
    /// </summary>
    public const int MaxWeeklyIntervals = 48;

    private readonly List<LocalSpan>[] _weekly = Enumerable.Range(0, 7).Select(_ => new List<LocalSpan>()).ToArray();
    private readonly HashSet<LocalDate> _holidays = [];
    private readonly Dictionary<LocalDate, List<LocalSpan>> _workingDays = [];
    private readonly Dictionary<AnnualDate, List<YearRange>> _yearly = [];

    internal BusinessCalendarBuilder(DateTimeZone zone) => Zone = zone;

    /// <summary>The time zone of the calendar being built.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Adds an open interval on every <paramref name="day"/> of the week.</summary>
    /// <param name="day">The weekday the interval starts on.</param>
    /// <param name="start">Local opening time, inclusive.</param>
    /// <param name="end">Local closing time, exclusive; at or before <paramref name="start"/> means the next day.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a day of the week.</exception>
    /// <remarks>
    /// Several intervals per day are allowed (lunch breaks, split shifts); overlaps, and more than
    /// <see cref="MaxWeeklyIntervals"/> in the week, are reported by <see cref="Build"/>.
    /// </remarks>
    public BusinessCalendarBuilder AddOpenHours(IsoDayOfWeek day, LocalTime start, LocalTime end)
    {
        Guard.Against.ArgumentOutOfRange(day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday, nameof(day), $"Expected a day of the week from Monday to Sunday; {day} given.");
        _weekly[(int)day - 1].Add(LocalSpan.From(start, end));
        return this;
    }

    /// <summary>Closes <paramref name="date"/> whatever its weekday (a public holiday, a closure).</summary>
    /// <param name="date">The closed date, in the ISO calendar, in the years 1900–2199.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the years 1900–2199.</exception>
    /// <remarks>
    /// Intervals belonging to the date are closed, including the part of an overnight interval that runs into
    /// the next day; an overnight interval of the day before that runs into this date stays open.
    /// </remarks>
    public BusinessCalendarBuilder AddHoliday(LocalDate date)
    {
        CheckDate(date, nameof(date));
        _holidays.Add(date);
        return this;
    }

    /// <summary>Closes the date <paramref name="date"/> (a month and day) in every year of the supported range, 1900–2199.</summary>
    /// <param name="date">The month and day closed each year, such as 1 January; 29 February closes only leap years' 29 February.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <remarks>
    /// A dated working day (<see cref="AddWorkingDay"/>) on the same date overrides the rule for that year; a dated holiday
    /// on it is allowed and changes nothing. Rules for the same date may be added more than once.
    /// </remarks>
    public BusinessCalendarBuilder AddYearlyHoliday(AnnualDate date) =>
        AddYearlyHoliday(date, CompiledTimeline.FirstDate.Year, CompiledTimeline.LastDate.Year);

    /// <summary>
    /// Closes the date <paramref name="date"/> (a month and day) in every year from <paramref name="firstYear"/> to
    /// <paramref name="lastYear"/>, both inclusive.
    /// </summary>
    /// <param name="date">The month and day closed each year; 29 February closes only leap years' 29 February.</param>
    /// <param name="firstYear">The first year the rule holds, in 1900–2199.</param>
    /// <param name="lastYear">The last year the rule holds, in <paramref name="firstYear"/>–2199.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A year is outside 1900–2199, or <paramref name="lastYear"/> is before <paramref name="firstYear"/>.
    /// </exception>
    /// <remarks>Precedence as for <see cref="AddYearlyHoliday(AnnualDate)"/>: a dated working day overrides the rule.</remarks>
    public BusinessCalendarBuilder AddYearlyHoliday(AnnualDate date, int firstYear, int lastYear)
    {
        Guard.Against.OutOfRange(firstYear, nameof(firstYear), CompiledTimeline.FirstDate.Year, CompiledTimeline.LastDate.Year);
        Guard.Against.OutOfRange(lastYear, nameof(lastYear), firstYear, CompiledTimeline.LastDate.Year);
        if (!_yearly.TryGetValue(date, out var years))
        {
            _yearly[date] = years = [];
        }

        years.Add(new YearRange(firstYear, lastYear));
        return this;
    }

    /// <summary>
    /// Gives <paramref name="date"/> its own open interval, replacing the weekly hours on that date
    /// (a make-up working day, 调休, or special opening hours). Call again to add more intervals to the date.
    /// </summary>
    /// <param name="date">The date, in the ISO calendar, in the years 1900–2199.</param>
    /// <param name="start">Local opening time, inclusive.</param>
    /// <param name="end">Local closing time, exclusive; at or before <paramref name="start"/> means the next day.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the years 1900–2199.</exception>
    public BusinessCalendarBuilder AddWorkingDay(LocalDate date, LocalTime start, LocalTime end)
    {
        CheckDate(date, nameof(date));
        if (!_workingDays.TryGetValue(date, out var spans))
        {
            _workingDays[date] = spans = [];
        }

        spans.Add(LocalSpan.From(start, end));
        return this;
    }

    /// <summary>Every problem of what was added so far, as <see cref="Build"/> would report them; empty when a calendar can be built.</summary>
    /// <returns>The problems (at most <see cref="InvalidDefinitionException.MaxProblems"/>), each with its path and code.</returns>
    public IReadOnlyList<DefinitionProblem> Validate() => Check().Kept;

    /// <summary>Validates everything added so far and builds the calendar.</summary>
    /// <returns>An immutable, thread-safe calendar.</returns>
    /// <exception cref="InvalidDefinitionException">
    /// Listing every problem: intervals that overlap (on one weekday, across midnight into the next weekday, or
    /// on one working day), a date that is both a holiday and a working day, weekly hours with no open time
    /// at all (a calendar that could never open), or weekly hours with more than <see cref="MaxWeeklyIntervals"/> intervals. The builder is left as it was and can be corrected and built again.
    /// </exception>
    public BusinessCalendar Build()
    {
        var problems = Check();
        if (problems.Count > 0)
        {
            throw problems.ToException(nameof(BusinessCalendar));
        }

        var rules = new CalendarRules(
            _weekly.Select(day => day.OrderBy(s => s.Start).ToArray()).ToArray(),
            _holidays.ToFrozenSet(),
            _workingDays.ToFrozenDictionary(p => p.Key, p => p.Value.OrderBy(s => s.Start).ToArray()),
            _yearly.ToFrozenDictionary(p => p.Key, p => CalendarRules.Merge(p.Value)));
        return new BusinessCalendar(Zone, rules, Describe());
    }

    private ProblemList Check()
    {
        var problems = new ProblemList();
        CheckWeekly(problems);
        foreach (var (date, spans) in _workingDays.OrderBy(p => p.Key))
        {
            CheckOverlaps([.. spans.Select(s => (Format(date), s))], weekLength: 0, problems, "workingDays");
            if (_holidays.Contains(date))
            {
                problems.Add($"workingDays[{Format(date)}]", ProblemCode.Conflict, $"{Format(date)} is both a holiday and a working day.");
            }
        }

        return problems;
    }

    private void CheckWeekly(ProblemList problems)
    {
        var all = new List<(string Day, LocalSpan Span)>();
        for (var day = 0; day < 7; day++)
        {
            // Placed on one 7-day axis so that an interval past midnight is compared with the next weekday's.
            var name = ((IsoDayOfWeek)(day + 1)).ToString();
            all.AddRange(_weekly[day].Select(s => (name, new LocalSpan(s.Start + (day * LocalSpan.NanosecondsPerDay), s.End + (day * LocalSpan.NanosecondsPerDay)))));
        }

        if (all.Count == 0)
        {
            problems.Add("openHours", ProblemCode.Empty, "The weekly hours have no open time at all; a calendar that can never open is refused.");
            return;
        }

        if (all.Count > MaxWeeklyIntervals)
        {
            problems.Add(
                "openHours",
                ProblemCode.OutOfRange,
                string.Create(CultureInfo.InvariantCulture, $"The weekly hours hold {all.Count:N0} intervals; at most {MaxWeeklyIntervals} are allowed, so that a compiled calendar stays within 64 KiB a year."));
        }

        CheckOverlaps([.. all], weekLength: 7 * LocalSpan.NanosecondsPerDay, problems, "openHours");
    }

    /// <summary>
    /// Reports every interval that overlaps one before it, in O(n log n): sorted by start, an interval overlaps an
    /// earlier one exactly when it starts before the latest end so far (reported against the interval with that end).
    /// With a week length, the parts of intervals that run past the end of the week (Sunday night into Monday) are
    /// compared with the intervals at the start of the week. Each interval is reported at most twice.
    /// </summary>
    private static void CheckOverlaps((string Owner, LocalSpan Span)[] spans, long weekLength, ProblemList problems, string path)
    {
        Array.Sort(spans, static (a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
        var latest = -1;
        for (var i = 0; i < spans.Length; i++)
        {
            if (latest >= 0 && spans[i].Span.Start < spans[latest].Span.End)
            {
                Report(spans[i], spans[latest]);
            }

            if (latest < 0 || spans[i].Span.End > spans[latest].Span.End)
            {
                latest = i;
            }
        }

        if (weekLength == 0 || latest < 0 || spans[latest].Span.End <= weekLength)
        {
            return;
        }

        // The interval reaching furthest into the next week covers every other wrap-around part; an interval that
        // starts inside that part overlaps it (unless it is the same interval, which only a week-long one could be).
        var wrapEnd = spans[latest].Span.End - weekLength;
        for (var i = 0; i < spans.Length && spans[i].Span.Start < wrapEnd; i++)
        {
            if (i != latest)
            {
                Report(spans[i], spans[latest]);
            }
        }

        void Report((string Owner, LocalSpan Span) later, (string Owner, LocalSpan Span) earlier) =>
            problems.Add((later, earlier, path, weekLength), static s =>
            {
                var first = $"{s.later.Owner} {Local(s.later.Span, s.weekLength)}";
                var second = $"{s.earlier.Owner} {Local(s.earlier.Span, s.weekLength)}";
                return new DefinitionProblem($"{s.path}[{first}]", ProblemCode.Conflict, $"The interval {first} overlaps {second}.");
            });
    }

    private static string Local(LocalSpan span, long weekLength)
    {
        if (weekLength == 0)
        {
            return span.Describe();
        }

        var dayStart = span.Start / LocalSpan.NanosecondsPerDay * LocalSpan.NanosecondsPerDay;
        return new LocalSpan(span.Start - dayStart, span.End - dayStart).Describe();
    }

    private string Describe()
    {
        var days = Enumerable.Range(0, 7)
            .Where(d => _weekly[d].Count > 0)
            .Select(d => $"{(IsoDayOfWeek)(d + 1)} {string.Join(", ", _weekly[d].OrderBy(s => s.Start).Select(s => s.Describe()))}");
        return $"{Zone.Id}: {string.Join("; ", days)}; {_holidays.Count} holidays, {_yearly.Count} yearly holidays, {_workingDays.Count} working days";
    }

    private static string Format(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void CheckDate(LocalDate date, string paramName)
    {
        Guard.Against.InvalidArgument(date.Calendar != CalendarSystem.Iso, paramName, $"The date must be in the ISO calendar; {date.Calendar.Id} given.");
        Guard.Against.LessThan(date, CompiledTimeline.FirstDate, paramName);
        Guard.Against.GreaterThan(date, CompiledTimeline.LastDate, paramName);
    }
}
