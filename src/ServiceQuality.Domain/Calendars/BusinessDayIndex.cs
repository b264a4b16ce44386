using NodaTime;

namespace ServiceQuality.Domain.Calendars;

/// <summary>
/// The business days of a calendar (local dates with open hours by its rules) as a lookup: per local year, compiled on
/// first use, the rank of every date among the year's business days, the date of every rank and each business day's
/// close as an instant. Finding the N-th business day is then arithmetic on ranks, not a walk over days. Thread-safe:
/// years are immutable and published with a compare-exchange.
/// </summary>
internal sealed class BusinessDayIndex
{
    private readonly DateTimeZone _zone;
    private readonly CalendarRules? _rules;
    private readonly CompiledTimeline? _composed;
    private readonly long _max;
    private readonly YearTable?[] _years;

    public BusinessDayIndex(DateTimeZone zone, CalendarRules rules, long max)
        : this(zone, rules, null, max)
    {
    }

    /// <summary>
    /// The business days of a composed calendar, which has no rules of its own: a local date with open time in its zone
    /// is a business day, and its close is the end of its last open time before the next midnight (midnight when open
    /// time runs past it).
    /// </summary>
    public BusinessDayIndex(DateTimeZone zone, CompiledTimeline composed, long max)
        : this(zone, null, composed, max)
    {
    }

    private BusinessDayIndex(DateTimeZone zone, CalendarRules? rules, CompiledTimeline? composed, long max)
    {
        _zone = zone;
        _rules = rules;
        _composed = composed;
        _max = max;
        _years = new YearTable?[CompiledTimeline.LastDate.Year - CompiledTimeline.FirstDate.Year + 1];
    }

    /// <summary>
    /// The <paramref name="count"/>-th business day after the first business day on or after <paramref name="from"/>
    /// (count 0 is that first one); false when it lies after the last supported date.
    /// </summary>
    public bool TryNth(LocalDate from, int count, out LocalDate day)
    {
        var year = from.Year;
        var table = Year(year);
        var rank = table.RankBefore[from.DayOfYear - 1] + (long)count;
        while (rank >= table.Count)
        {
            rank -= table.Count;
            if (++year > CompiledTimeline.LastDate.Year)
            {
                day = default;
                return false;
            }

            table = Year(year);
        }

        day = new LocalDate(year, 1, 1).PlusDays(table.DayOfRank[rank]);
        return true;
    }

    /// <summary>The end of the last open interval of <paramref name="date"/>, in nanoseconds since the epoch; false when it is not a business day.</summary>
    public bool TryClose(LocalDate date, out long close)
    {
        close = Year(date.Year).Close[date.DayOfYear - 1];
        return close != long.MinValue;
    }

    /// <summary>
    /// The instant of a local date and time in nanoseconds since the epoch, as the compiled timeline places boundaries: in
    /// an overlap the later instant, in a gap the instant the gap ends. Allocation-free (no <c>ZoneLocalMapping</c>).
    /// </summary>
    public long ToNanoseconds(LocalDateTime local)
    {
        var wall = CompiledTimeline.ToNanoseconds(local.InUtc().ToInstant());
        const long Day = NodaConstants.NanosecondsPerDay;
        var late = _zone.GetUtcOffset(CompiledTimeline.ToInstant(wall + Day)).Nanoseconds;
        var byLate = wall - late;
        if (Offset(byLate) == late)
        {
            return byLate; // the later of two mappings, or the only one: two offset lookups in the common case
        }

        var early = _zone.GetUtcOffset(CompiledTimeline.ToInstant(wall - Day)).Nanoseconds;
        var byEarly = wall - early;
        if (Offset(byEarly) == early)
        {
            return byEarly;
        }

        // In a gap: the wall-clock time is skipped; the interval that starts at the transition holds the instant after it.
        return CompiledTimeline.ToNanoseconds(_zone.GetZoneInterval(CompiledTimeline.ToInstant(byEarly)).Start);
    }

    private long Offset(long nanoseconds) => _zone.GetUtcOffset(CompiledTimeline.ToInstant(nanoseconds)).Nanoseconds;

    private YearTable Year(int year)
    {
        var index = year - CompiledTimeline.FirstDate.Year;
        var table = Volatile.Read(ref _years[index]);
        if (table is not null)
        {
            return table;
        }

        var compiled = Compile(year);
        return Interlocked.CompareExchange(ref _years[index], compiled, null) ?? compiled;
    }

    private YearTable Compile(int year)
    {
        var first = new LocalDate(year, 1, 1);
        var days = first.Calendar.GetDaysInYear(year);
        var rankBefore = new int[days + 1];
        var close = new long[days];
        var dayOfRank = new List<int>(days);
        for (var i = 0; i < days; i++)
        {
            rankBefore[i] = dayOfRank.Count;
            var date = first.PlusDays(i);
            if (_composed is not null)
            {
                var (from, to) = (ToNanoseconds(date.AtMidnight()), ToNanoseconds(date.PlusDays(1).AtMidnight()));
                var open = _composed.OpenIntervals(Math.Max(from, _composed.Min), Math.Min(to, _composed.Max));
                if (open.Count == 0)
                {
                    close[i] = long.MinValue;
                    continue;
                }

                dayOfRank.Add(i);
                close[i] = open[^1].End;
                continue;
            }

            var spans = _rules!.SpansOf(date);
            if (spans.IsEmpty)
            {
                close[i] = long.MinValue;
                continue;
            }

            var end = 0L;
            foreach (var span in spans)
            {
                end = Math.Max(end, span.End);
            }

            dayOfRank.Add(i);

            // A close past the end of the supported range is where the compiled timeline stops: its end.
            close[i] = Math.Min(ToNanoseconds(date.AtMidnight().PlusNanoseconds(end)), _max);
        }

        rankBefore[days] = dayOfRank.Count;
        return new YearTable(dayOfRank.Count, rankBefore, [.. dayOfRank], close);
    }

    /// <summary>One local year: how many business days it has, the rank of each date, the day of each rank, and closes.</summary>
    private sealed record YearTable(int Count, int[] RankBefore, int[] DayOfRank, long[] Close);
}
