using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Calendars;

/// <summary>
/// Business hours in one time zone — weekly open intervals, holidays and dated working days — with exact
/// business-time arithmetic on <see cref="Instant"/>s.
/// </summary>
/// <remarks>
/// <para>
/// <b>Semantics.</b> Every open interval belongs to the local date it starts on. An instant is open when
/// its wall-clock time in <see cref="Zone"/> lies inside a half-open interval [start, end) belonging to a
/// date that is not a holiday; a date with its own working-day hours uses only those. Daylight saving
/// follows from this rule: wall-clock times skipped by a gap are never open, and wall-clock times repeated
/// in an overlap are open both times. Business time between two instants is the total length of the
/// open instants in [a, b), so it never exceeds the elapsed (calendar) time.
/// </para>
/// <para>
/// <b>Range.</b> Every instant whose local date lies in the years 1900–2199 is supported
/// (<see cref="SupportedRange"/>); any argument outside it, or a result that would fall outside it,
/// throws <see cref="ArgumentOutOfRangeException"/>.
/// </para>
/// <para>
/// <b>Cost.</b> The calendar compiles itself lazily, in chunks of about 417 days, into sorted open
/// intervals with prefix sums and a small time index; each query costs the same whatever the span. Queries
/// allocate nothing once the chunks they touch are compiled.
/// </para>
/// <para>
/// <b>Equality.</b> A calendar is a value: two calendars are equal when they have the same definition, whichever order
/// it was given in (see <see cref="Equals(BusinessCalendar)"/>).
/// </para>
/// <para>Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed class BusinessCalendar : IEquatable<BusinessCalendar>
{
    private readonly CompiledTimeline _timeline;
    private readonly CalendarRules? _rules;
    private readonly (TimelineOperation Operation, BusinessCalendar First, BusinessCalendar Second)? _composition;
    private readonly int _hash;
    private readonly BusinessDayIndex _businessDays;
    private readonly Instant _min;
    private readonly Instant _max;

    internal BusinessCalendar(DateTimeZone zone, CalendarRules rules, string description)
        : this(zone, new CompiledTimeline(zone, rules), rules, description)
    {
        _rules = rules;
        _hash = HashCode.Combine(zone.Id, rules);
    }

    /// <summary>The calendar open where <paramref name="operation"/> of the two calendars' open times is.</summary>
    private BusinessCalendar(TimelineOperation operation, BusinessCalendar first, BusinessCalendar second, string description)
        : this(first.Zone, new CompiledTimeline(operation, first._timeline, second._timeline), null, description)
    {
        _composition = (operation, first, second);
        _hash = HashCode.Combine(operation, first._hash, second._hash);
    }

    /// <summary>A calendar over a compiled timeline: one built from <paramref name="rules"/>, or a composition (no rules).</summary>
    private BusinessCalendar(DateTimeZone zone, CompiledTimeline timeline, CalendarRules? rules, string description)
    {
        Zone = zone;
        Description = description;
        _timeline = timeline;
        _min = CompiledTimeline.ToInstant(_timeline.Min);
        _max = CompiledTimeline.ToInstant(_timeline.Max);
        SupportedRange = new Interval(_min, _max);
        _businessDays = rules is not null ? new BusinessDayIndex(zone, rules, _timeline.Max) : new BusinessDayIndex(zone, timeline, _timeline.Max);
    }

    /// <summary>
    /// A calendar open around the clock, every day, in UTC: business time equals elapsed time.
    /// </summary>
    public static BusinessCalendar AlwaysOpen { get; } = CreateAlwaysOpen();

    /// <summary>The time zone whose wall-clock time the opening hours, holidays and working days are in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>
    /// The instants this calendar answers for: from the start of local 1900-01-01 (inclusive) to the start
    /// of local 2200-01-01 (exclusive); for a composed calendar, the instants both of its inputs answer for.
    /// </summary>
    public Interval SupportedRange { get; }

    /// <summary>A short summary of the calendar (zone and weekly hours), for logs and messages.</summary>
    public string Description { get; }

    /// <summary>Starts defining a calendar in <paramref name="zone"/>.</summary>
    /// <param name="zone">The time zone of the opening hours, holidays and working days.</param>
    /// <returns>A new, empty builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public static BusinessCalendarBuilder CreateBuilder(DateTimeZone zone)
    {
        Guard.Against.Null(zone);
        return new BusinessCalendarBuilder(zone);
    }

    /// <summary>The calendar open when both this calendar and <paramref name="other"/> are open (an intersection).</summary>
    /// <param name="other">The second calendar; its zone may differ from this one's.</param>
    /// <returns>
    /// A compiled calendar, as fast as any other, whose <see cref="Zone"/> is this calendar's and whose
    /// <see cref="SupportedRange"/> is the overlap of both ranges. It may never be open at all.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <remarks>
    /// Composition is on instants: an instant is open in the result exactly when it is open in both inputs, each read in
    /// its own zone, so calendars in different zones compose exactly (a desk in Shanghai and one in London are both open
    /// only where their hours overlap). The result keeps both inputs and compiles from their compiled chunks lazily;
    /// it holds at most as many intervals as both inputs together. Immutable and thread-safe.
    /// </remarks>
    public BusinessCalendar Intersect(BusinessCalendar other) => Compose(TimelineOperation.Intersection, other, nameof(other));

    /// <summary>The calendar open when this calendar or <paramref name="other"/> is open (a union).</summary>
    /// <param name="other">The second calendar; its zone may differ from this one's.</param>
    /// <returns>
    /// A compiled calendar, as fast as any other, whose <see cref="Zone"/> is this calendar's and whose
    /// <see cref="SupportedRange"/> is the overlap of both ranges.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <remarks>As for <see cref="Intersect"/>: composed on instants, exact whatever the zones; immutable and thread-safe.</remarks>
    public BusinessCalendar Union(BusinessCalendar other) => Compose(TimelineOperation.Union, other, nameof(other));

    /// <summary>
    /// The calendar open when this calendar is open and <paramref name="closedBy"/> is not ("open unless closed by
    /// another": a site's hours less its maintenance windows, a desk's hours less the days a team is away).
    /// </summary>
    /// <param name="closedBy">The calendar whose open time closes this one; its zone may differ from this one's.</param>
    /// <returns>
    /// A compiled calendar, as fast as any other, whose <see cref="Zone"/> is this calendar's and whose
    /// <see cref="SupportedRange"/> is the overlap of both ranges. It may never be open at all.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="closedBy"/> is null.</exception>
    /// <remarks>As for <see cref="Intersect"/>: composed on instants, exact whatever the zones; immutable and thread-safe.</remarks>
    public BusinessCalendar Except(BusinessCalendar closedBy) => Compose(TimelineOperation.Difference, closedBy, nameof(closedBy));

    /// <summary>Whether <paramref name="t"/> is inside open hours.</summary>
    /// <param name="t">The instant to test; within <see cref="SupportedRange"/>.</param>
    /// <returns>True when the wall-clock time of <paramref name="t"/> lies in an open interval of a working date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is outside <see cref="SupportedRange"/>.</exception>
    public bool IsOpen(Instant t) => _timeline.IsOpen(ToPosition(t, nameof(t)));

    /// <summary>The earliest open instant at or after <paramref name="t"/>.</summary>
    /// <param name="t">Where to start looking; within <see cref="SupportedRange"/>.</param>
    /// <returns><paramref name="t"/> itself when it is open, else the start of the next open interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="t"/> is outside <see cref="SupportedRange"/>, or the calendar never opens again before its end.
    /// </exception>
    public Instant NextOpen(Instant t)
    {
        var next = _timeline.NextOpen(ToPosition(t, nameof(t)));
        Guard.Against.ArgumentOutOfRange(next is null, nameof(t), t, "The calendar does not open again before the end of its supported range.");
        return CompiledTimeline.ToInstant(next.Value);
    }

    /// <summary>
    /// The instant at which <paramref name="amount"/> of business time, counted from <paramref name="start"/>, has passed.
    /// </summary>
    /// <param name="start">Where counting starts; within <see cref="SupportedRange"/>.</param>
    /// <param name="amount">Business time to add; not negative, and of any length.</param>
    /// <returns>
    /// <paramref name="start"/> when <paramref name="amount"/> is zero; otherwise the earliest instant t with
    /// <c>BusinessTimeBetween(start, t) == amount</c>, so a deadline that lands on a closing time is that
    /// closing time (not the next opening).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="start"/> is outside <see cref="SupportedRange"/>, <paramref name="amount"/> is negative,
    /// or the result would fall after the end of the supported range.
    /// </exception>
    public Instant AddBusinessTime(Instant start, Duration amount)
    {
        Guard.Against.ArgumentOutOfRange(
            !TryAddBusinessTime(start, amount, out var result), nameof(amount), amount, "Adding this much business time passes the end of the calendar's supported range.");
        return result;
    }

    /// <summary>
    /// <see cref="AddBusinessTime"/> for an amount that may run past the end of the supported range: a deadline that
    /// cannot be reached in the range is a normal answer here, not an error.
    /// </summary>
    /// <param name="start">Where counting starts; within <see cref="SupportedRange"/>.</param>
    /// <param name="amount">Business time to add; not negative, and of any length.</param>
    /// <param name="result">
    /// When the method returns true, what <see cref="AddBusinessTime"/> returns; otherwise <see langword="default"/>.
    /// </param>
    /// <returns>
    /// True when the amount runs out before the end of <see cref="SupportedRange"/>; false when it does not (the
    /// calendar does not hold that much open time between <paramref name="start"/> and the end of its range).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="start"/> is outside <see cref="SupportedRange"/>, or <paramref name="amount"/> is negative.
    /// </exception>
    public bool TryAddBusinessTime(Instant start, Duration amount, out Instant result)
    {
        var position = ToPosition(start, nameof(start));
        var nanoseconds = ToAmount(amount, nameof(amount));
        if (nanoseconds == 0)
        {
            result = start;
            return true;
        }

        var end = _timeline.Add(position, nanoseconds);
        result = end is { } e ? CompiledTimeline.ToInstant(e) : default;
        return end is not null;
    }

    /// <summary>
    /// The instant from which <paramref name="amount"/> of business time runs out at <paramref name="end"/>:
    /// the inverse of <see cref="AddBusinessTime"/>.
    /// </summary>
    /// <param name="end">Where counting ends; within <see cref="SupportedRange"/>.</param>
    /// <param name="amount">Business time to subtract; not negative, and of any length.</param>
    /// <returns>
    /// <paramref name="end"/> when <paramref name="amount"/> is zero; otherwise the latest instant t with
    /// <c>BusinessTimeBetween(t, end) == amount</c> (an opening time rather than the closing time before it).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="end"/> is outside <see cref="SupportedRange"/>, <paramref name="amount"/> is negative,
    /// or the result would fall before the start of the supported range.
    /// </exception>
    public Instant SubtractBusinessTime(Instant end, Duration amount)
    {
        var position = ToPosition(end, nameof(end));
        var nanoseconds = ToAmount(amount, nameof(amount));
        if (nanoseconds == 0)
        {
            return end;
        }

        var result = _timeline.Subtract(position, nanoseconds);
        Guard.Against.ArgumentOutOfRange(result is null, nameof(amount), amount, "Subtracting this much business time passes the start of the calendar's supported range.");
        return CompiledTimeline.ToInstant(result.Value);
    }

    /// <summary>The business time between two instants: the total length of open instants in [a, b).</summary>
    /// <param name="a">The start, inclusive; within <see cref="SupportedRange"/>.</param>
    /// <param name="b">The end, exclusive; within <see cref="SupportedRange"/>.</param>
    /// <returns>
    /// The open time in [a, b), which never exceeds <c>b - a</c>; when <paramref name="b"/> is before
    /// <paramref name="a"/>, the negation of <c>BusinessTimeBetween(b, a)</c>.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> or <paramref name="b"/> is outside <see cref="SupportedRange"/>.</exception>
    public Duration BusinessTimeBetween(Instant a, Instant b)
    {
        var from = ToPosition(a, nameof(a));
        var to = ToPosition(b, nameof(b));
        return from <= to
            ? Duration.FromNanoseconds(_timeline.Between(from, to))
            : -Duration.FromNanoseconds(_timeline.Between(to, from));
    }

    /// <summary>The open intervals that overlap [a, b), clipped to it, in order.</summary>
    /// <param name="a">The start, inclusive; within <see cref="SupportedRange"/>.</param>
    /// <param name="b">The end, exclusive; within <see cref="SupportedRange"/> and not before <paramref name="a"/>.</param>
    /// <returns>Disjoint, non-adjacent intervals as instants; empty when nothing is open.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside <see cref="SupportedRange"/>, or <paramref name="b"/> is before <paramref name="a"/>.</exception>
    public IReadOnlyList<Interval> OpenIntervals(Instant a, Instant b)
    {
        var from = ToPosition(a, nameof(a));
        var to = ToPosition(b, nameof(b));
        Guard.Against.ArgumentOutOfRange(from > to, nameof(b), $"The end {b} must not be before the start {a}.");
        return _timeline.OpenIntervals(from, to)
            .Select(i => new Interval(CompiledTimeline.ToInstant(i.Start), CompiledTimeline.ToInstant(i.End)))
            .ToArray();
    }

    /// <summary>
    /// Counts business days: the <paramref name="count"/>-th business day after the first business day on or after
    /// <paramref name="date"/> (a count of 0 gives that first one, which is <paramref name="date"/> itself when it is a
    /// business day). A business day is a local date in <see cref="Zone"/> with open hours: a date with weekly hours
    /// that is not a holiday, or a dated working day. A lookup: the cost does not grow with <paramref name="count"/>
    /// within a year, and it allocates nothing once the years it touches are compiled.
    /// </summary>
    /// <param name="date">Where counting starts; within the supported dates (1900-01-01 to 2199-12-31).</param>
    /// <param name="count">How many business days to count past the first one; not negative.</param>
    /// <param name="businessDay">When the method returns true, the business day found; otherwise <see langword="default"/>.</param>
    /// <returns>True when the business day lies within the supported dates; false when it would lie after 2199-12-31.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the supported dates, or <paramref name="count"/> is negative.</exception>
    public bool TryGetBusinessDay(LocalDate date, int count, out LocalDate businessDay)
    {
        CheckDate(date);
        Guard.Against.LessThan(count, 0, nameof(count));
        return _businessDays.TryNth(date, count, out businessDay);
    }

    /// <summary>
    /// The close of a business day: the end of the last open interval belonging to <paramref name="date"/> (its latest
    /// closing time, which is on the next date for hours that run past midnight), placed as the calendar places every
    /// boundary — in a daylight-saving overlap the later instant, in a gap the instant the gap ends.
    /// </summary>
    /// <param name="date">The local date; within the supported dates (1900-01-01 to 2199-12-31).</param>
    /// <param name="close">
    /// When the method returns true, the close (at most <c>SupportedRange.End</c>, where the compiled hours stop);
    /// otherwise <see langword="default"/>.
    /// </param>
    /// <returns>True when <paramref name="date"/> is a business day; false when it has no open hours.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the supported dates.</exception>
    public bool TryGetCloseOfBusinessDay(LocalDate date, out Instant close)
    {
        CheckDate(date);
        var found = _businessDays.TryClose(date, out var nanoseconds);
        close = found ? CompiledTimeline.ToInstant(nanoseconds) : default;
        return found;
    }

    /// <summary>Whether <paramref name="other"/> is the same calendar by definition.</summary>
    /// <param name="other">The calendar to compare with; may be null.</param>
    /// <returns>
    /// <para>
    /// For calendars from <see cref="BusinessCalendarBuilder.Build"/> (and so <see cref="AlwaysOpen"/> and imported
    /// calendars): true when both have zones with the same <see cref="DateTimeZone.Id"/>, the same open intervals on each
    /// weekday, the same dated holidays, the same dated working days with the same intervals, and yearly holidays on the same
    /// month and day closing the same years. The order and number of the builder calls do not matter: intervals are
    /// compared as sets per weekday or date, holidays as a set, and the years of a yearly holiday as a set (1900–2000 and
    /// 2001–2199 equal 1900–2199).
    /// </para>
    /// <para>
    /// For composed calendars (<see cref="Intersect"/>, <see cref="Union"/>, <see cref="Except"/>): true when both were
    /// composed by the same operation from equal calendars in the same order (<c>a.Intersect(b)</c> does not equal
    /// <c>b.Intersect(a)</c>, whose zone is <c>b</c>'s). A composed calendar never equals a built one.
    /// </para>
    /// <para>
    /// Equality is of the definition, not of the open time: calendars open at the same instants but defined differently
    /// (09:00–12:00 and 12:00–17:00 against 09:00–17:00; a holiday on a date that is closed anyway; one zone under two
    /// ids) are not equal. <see cref="Description"/> is not compared: it is derived text for logs. Two zones with one
    /// id from different time-zone database versions are taken as the same zone. Costs time in the size of the
    /// definitions, never of the compiled timeline, and compiles nothing.
    /// </para>
    /// </returns>
    public bool Equals(BusinessCalendar? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || _hash != other._hash)
        {
            return false;
        }

        if (_rules is not null)
        {
            return other._rules is not null && Zone.Id == other.Zone.Id && _rules.Equals(other._rules);
        }

        return other._composition is { } theirs && _composition is { } ours
            && ours.Operation == theirs.Operation && ours.First.Equals(theirs.First) && ours.Second.Equals(theirs.Second);
    }

    /// <summary>Whether <paramref name="obj"/> is a <see cref="BusinessCalendar"/> equal to this one (see <see cref="Equals(BusinessCalendar)"/>).</summary>
    /// <param name="obj">The object to compare with; may be null.</param>
    /// <returns>True when equal.</returns>
    public override bool Equals(object? obj) => Equals(obj as BusinessCalendar);

    /// <summary>A hash code consistent with <see cref="Equals(BusinessCalendar)"/>, worked out once when the calendar is built.</summary>
    /// <returns>The hash code; constant-time.</returns>
    public override int GetHashCode() => _hash;

    /// <summary>Returns <see cref="Description"/>.</summary>
    /// <returns>A short summary of the calendar.</returns>
    public override string ToString() => Description;

    /// <summary>The business time in [a, b) in nanoseconds, for a ≤ b: <see cref="BusinessTimeBetween"/> without the <see cref="Duration"/> round trip.</summary>
    internal Int128 BusinessNanosecondsBetween(Instant a, Instant b) => _timeline.Between(ToPosition(a, nameof(a)), ToPosition(b, nameof(b)));

    /// <summary>
    /// The compiled open time, for callers that have checked their instants against <see cref="SupportedRange"/> once and
    /// then work in timeline positions (nanoseconds since the Unix epoch) without a check and a conversion per call.
    /// </summary>
    internal CompiledTimeline Timeline => _timeline;

    /// <summary><see cref="TryAddBusinessTime"/> for a positive amount in nanoseconds: null when it runs past the end of the supported range.</summary>
    internal Instant? AddBusinessNanoseconds(Instant start, Int128 amount) =>
        _timeline.Add(ToPosition(start, nameof(start)), amount) is { } result ? CompiledTimeline.ToInstant(result) : null;

    /// <summary>The business-day lookup, for deadlines counted in business days (unchecked: callers pass supported dates).</summary>
    internal bool TryNthBusinessDay(LocalDate date, int count, out LocalDate businessDay) => _businessDays.TryNth(date, count, out businessDay);

    /// <summary>The close of a business day, unchecked, as an instant; false when the date is not a business day.</summary>
    internal bool TryCloseOf(LocalDate date, out Instant close)
    {
        var found = _businessDays.TryClose(date, out var nanoseconds);
        close = CompiledTimeline.ToInstant(found ? nanoseconds : 0);
        return found;
    }

    /// <summary>A local date and time as an instant, the way boundaries are placed (overlap: later; gap: its end), allocation-free.</summary>
    internal Instant AtLocal(LocalDateTime local) => CompiledTimeline.ToInstant(_businessDays.ToNanoseconds(local));

    /// <summary><see cref="NextOpen"/> that answers null when the calendar does not open again in the supported range.</summary>
    internal Instant? NextOpenOrNull(Instant t) => _timeline.NextOpen(ToPosition(t, nameof(t))) is { } next ? CompiledTimeline.ToInstant(next) : null;

    /// <summary>Bytes held by the compiled form around <paramref name="t"/>, and the length of timeline they cover.</summary>
    internal (long Bytes, Duration Covered) CompiledSizeAt(Instant t)
    {
        var (bytes, length) = _timeline.CompiledSizeAt(ToPosition(t, nameof(t)));
        return (bytes, Duration.FromNanoseconds(length));
    }

    private BusinessCalendar Compose(TimelineOperation operation, BusinessCalendar other, string paramName)
    {
        Guard.Against.Null(other, paramName);
        var description = operation switch
        {
            TimelineOperation.Intersection => $"both ({Description}) and ({other.Description})",
            TimelineOperation.Union => $"either ({Description}) or ({other.Description})",
            _ => $"({Description}) unless ({other.Description})",
        };
        return new BusinessCalendar(operation, this, other, description);
    }

    private static void CheckDate(LocalDate date)
    {
        Guard.Against.InvalidArgument(date.Calendar != CalendarSystem.Iso, nameof(date), $"The date must be in the ISO calendar; {date.Calendar.Id} given.");
        Guard.Against.LessThan(date, CompiledTimeline.FirstDate, nameof(date));
        Guard.Against.GreaterThan(date, CompiledTimeline.LastDate, nameof(date));
    }

    private long ToPosition(Instant instant, string paramName)
    {
        Guard.Against.OutsideSupportedRange(instant, SupportedRange, paramName);
        return CompiledTimeline.ToNanoseconds(instant);
    }

    /// <summary>
    /// The amount in nanoseconds, exactly: 128 bits hold every <see cref="Duration"/>, where 64 bits hold only about
    /// 292 years, less than the supported range.
    /// </summary>
    private static Int128 ToAmount(Duration amount, string paramName)
    {
        Guard.Against.LessThan(amount, Duration.Zero, paramName);
        return amount.ToInt128Nanoseconds();
    }

    private static BusinessCalendar CreateAlwaysOpen()
    {
        var builder = CreateBuilder(DateTimeZone.Utc);
        foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
        {
            builder.AddOpenHours(day, LocalTime.Midnight, LocalTime.Midnight);
        }

        return builder.Build();
    }
}
