using System.Diagnostics.Contracts;
using System.Globalization;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Agreements;

/// <summary>
/// A target counted in business days of the agreement's calendar rather than as a duration: "by the end of the N-th
/// business day" (<see cref="EndOfBusinessDay"/>), "by 12:00 on the N-th business day" (<see cref="OnBusinessDayAt"/>),
/// either with a cut-off (<see cref="WithCutOff"/>: "reported at or after 16:00 counts from the next business day",
/// optionally with another deadline then: "the same day if reported before 16:00, otherwise by 12:00 the next working
/// day"), or "within N business days" counted in days (<see cref="WithinBusinessDays"/>). Immutable and validated when
/// created; equal deadlines compare equal.
/// </summary>
/// <remarks>
/// <para><b>Business days.</b> A business day is a local date, in the calendar's zone, with open hours (see
/// <see cref="BusinessCalendar.TryGetBusinessDay"/>); an agreement without a calendar is open around the clock in UTC, so
/// every date is one and a day closes at 24:00 UTC.</para>
/// <para><b>Day 0.</b> For <see cref="BusinessDayDeadlineKind.EndOfDay"/> and <see cref="BusinessDayDeadlineKind.AtTime"/>,
/// day 0 is the first business day on or after the local date of the start — or after it, when the start's local time
/// is at or after <see cref="CutOff"/>, and then the deadline is <see cref="AfterCutOff"/>'s when there is one. When the
/// deadline on day N so found is not after the start (a case opened after the close, or after the time), day 0 moves to
/// the next business day. The deadline is day N's close, or <see cref="At"/> on day N. For <see cref="BusinessDayDeadlineKind.SameTimeOfDay"/>, counting starts at the first open
/// instant at or after the start, and the deadline is its local time of day on the N-th business day after its date.</para>
/// <para><b>Not ServiceNow's "day".</b> ServiceNow counts a "day" of a schedule-based duration as 24 hours of business
/// time, so "1 day" on a 09:00–17:00 schedule lasts three working days. Here <c>WithinBusinessDays(1)</c> is the next
/// business day at the same time of day; for 24 hours of business time use a duration target.</para>
/// <para>How the SLA clock measures such a target — the business time from the start to the deadline as the target,
/// pauses moving the deadline — is described on <see cref="ServiceTarget.Deadline"/>.</para>
/// <para>Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed record BusinessDayDeadline
{
    /// <summary>The most business days a deadline counts (about 38 years of five-day weeks).</summary>
    public const int MaxBusinessDays = 10_000;

    private BusinessDayDeadline(BusinessDayDeadlineKind kind, int businessDays, LocalTime? at, LocalTime? cutOff, BusinessDayDeadline? afterCutOff)
    {
        Kind = kind;
        BusinessDays = businessDays;
        At = at;
        CutOff = cutOff;
        AfterCutOff = afterCutOff;
    }

    /// <summary>Where on its business day the deadline falls.</summary>
    public BusinessDayDeadlineKind Kind { get; }

    /// <summary>N: how many business days after day 0 the deadline falls; from 0 (1 for <see cref="BusinessDayDeadlineKind.SameTimeOfDay"/>) to <see cref="MaxBusinessDays"/>.</summary>
    public int BusinessDays { get; }

    /// <summary>
    /// The local time of the deadline, for <see cref="BusinessDayDeadlineKind.AtTime"/>; null for the other kinds.
    /// <see cref="LocalTime.Midnight"/> means 24:00, the end of the day.
    /// </summary>
    public LocalTime? At { get; }

    /// <summary>
    /// The cut-off local time: a start at or after it counts from the next business day; null for none.
    /// <see cref="LocalTime.Midnight"/> makes every start count from the next business day.
    /// </summary>
    public LocalTime? CutOff { get; }

    /// <summary>
    /// The deadline of a start at or after <see cref="CutOff"/>, counted from the next business day (without a cut-off of
    /// its own); null when such a start keeps this deadline, counted from the next business day.
    /// </summary>
    public BusinessDayDeadline? AfterCutOff { get; }

    /// <summary>"By the close of the N-th business day": N = 0 is the same business day.</summary>
    /// <param name="businessDays">N, from 0 to <see cref="MaxBusinessDays"/>.</param>
    /// <returns>The deadline, without a cut-off.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessDays"/> is negative or above <see cref="MaxBusinessDays"/>.</exception>
    public static BusinessDayDeadline EndOfBusinessDay(int businessDays) =>
        new(BusinessDayDeadlineKind.EndOfDay, CheckDays(businessDays, 0), null, null, null);

    /// <summary>"By local time <paramref name="at"/> on the N-th business day", for example 12:00 the next working day.</summary>
    /// <param name="businessDays">N, from 0 to <see cref="MaxBusinessDays"/>.</param>
    /// <param name="at">The local time; <see cref="LocalTime.Midnight"/> means 24:00 (the end of the day).</param>
    /// <returns>The deadline, without a cut-off.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessDays"/> is negative or above <see cref="MaxBusinessDays"/>.</exception>
    public static BusinessDayDeadline OnBusinessDayAt(int businessDays, LocalTime at) =>
        new(BusinessDayDeadlineKind.AtTime, CheckDays(businessDays, 0), at, null, null);

    /// <summary>"Within N business days", counted in days: the same local time of day, N business days later.</summary>
    /// <param name="businessDays">N, from 1 to <see cref="MaxBusinessDays"/>.</param>
    /// <returns>The deadline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessDays"/> is below 1 or above <see cref="MaxBusinessDays"/>.</exception>
    public static BusinessDayDeadline WithinBusinessDays(int businessDays) =>
        new(BusinessDayDeadlineKind.SameTimeOfDay, CheckDays(businessDays, 1), null, null, null);

    /// <summary>
    /// This deadline with a cut-off: a start whose local time is at or after <paramref name="cutOff"/> counts from the
    /// next business day, by <paramref name="afterCutOff"/> when given (else by this deadline). For example
    /// <c>EndOfBusinessDay(0).WithCutOff(new LocalTime(16, 0), OnBusinessDayAt(0, new LocalTime(12, 0)))</c> is "the same
    /// day if reported before 16:00, otherwise by 12:00 the next working day".
    /// </summary>
    /// <param name="cutOff">The cut-off local time; <see cref="LocalTime.Midnight"/> makes every start count from the next business day.</param>
    /// <param name="afterCutOff">The deadline of a start at or after the cut-off, counted from the next business day; null for this one.</param>
    /// <returns>A new deadline; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">
    /// This deadline is counted in days from the start's time (<see cref="BusinessDayDeadlineKind.SameTimeOfDay"/>), or
    /// <paramref name="afterCutOff"/> is, or has a cut-off of its own.
    /// </exception>
    [Pure]
    public BusinessDayDeadline WithCutOff(LocalTime cutOff, BusinessDayDeadline? afterCutOff = null)
    {
        Guard.Against.InvalidArgument(
            Kind == BusinessDayDeadlineKind.SameTimeOfDay, nameof(cutOff), "A deadline counted in days from the start's time of day takes no cut-off.");
        Guard.Against.InvalidArgument(
            afterCutOff is not null && (afterCutOff.Kind == BusinessDayDeadlineKind.SameTimeOfDay || afterCutOff.CutOff is not null), nameof(afterCutOff),
            "The deadline after a cut-off is an end-of-day or at-a-time deadline without a cut-off of its own.");
        return new(Kind, BusinessDays, At, cutOff, afterCutOff);
    }

    /// <summary>
    /// The deadline for a clock that starts at <paramref name="start"/>, on <paramref name="calendar"/>. A lookup on the
    /// calendar's business days (no walk over days); allocates nothing once the calendar's years involved are compiled.
    /// </summary>
    /// <param name="start">When the clock starts; within the calendar's <see cref="BusinessCalendar.SupportedRange"/>.</param>
    /// <param name="calendar">The business calendar.</param>
    /// <returns>The deadline, after <paramref name="start"/>; null when it is not reachable in the supported range.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is outside the calendar's supported range.</exception>
    public Instant? DueFrom(Instant start, BusinessCalendar calendar)
    {
        Guard.Against.Null(calendar);
        Guard.Against.OutsideSupportedRange(start, calendar.SupportedRange, nameof(start));
        return Due(start, calendar);
    }

    /// <summary><see cref="DueFrom"/> without the argument checks, for the SLA clock.</summary>
    internal Instant? Due(Instant start, BusinessCalendar calendar)
    {
        var end = calendar.SupportedRange.End;
        if (Kind == BusinessDayDeadlineKind.SameTimeOfDay)
        {
            if (calendar.NextOpenOrNull(start) is not { } open)
            {
                return null;
            }

            // The N-th business day after the open instant's date; an instant of hours that ran past midnight may fall on a
            // date that is not itself a business day, and then the first business day after it is already the first.
            var local = open.InZone(calendar.Zone).LocalDateTime;
            var count = calendar.TryCloseOf(local.Date, out _) ? BusinessDays : BusinessDays - 1;
            if (!calendar.TryNthBusinessDay(local.Date, count, out var day))
            {
                return null;
            }

            var due = calendar.AtLocal(day.At(local.TimeOfDay));
            return due < end ? due : null;
        }

        var started = start.InZone(calendar.Zone).LocalDateTime;
        if (CutOff is { } cutOff && started.TimeOfDay >= cutOff)
        {
            return started.Date == CompiledTimeline.LastDate ? null : (AfterCutOff ?? this).DueCountingFrom(started.Date.PlusDays(1), start, calendar);
        }

        return DueCountingFrom(started.Date, start, calendar);
    }

    /// <summary>The deadline of an end-of-day or at-a-time deadline whose day 0 is the first business day on or after <paramref name="from"/>.</summary>
    private Instant? DueCountingFrom(LocalDate from, Instant start, BusinessCalendar calendar)
    {
        // One more business day when the deadline on day N is not after the start (opened after the close or the time).
        var end = calendar.SupportedRange.End;
        for (var extra = 0; extra < 2; extra++)
        {
            if (!calendar.TryNthBusinessDay(from, BusinessDays + extra, out var day))
            {
                return null;
            }

            var due = DeadlineOn(day, calendar);
            if (due >= end)
            {
                return null;
            }

            if (due > start)
            {
                return due;
            }
        }

        return null;
    }

    /// <summary>Returns a short description such as <c>end of business day 0, cut-off 16:00</c> or <c>business day 1 at 12:00</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var text = Kind switch
        {
            BusinessDayDeadlineKind.EndOfDay => $"end of business day {BusinessDays}",
            BusinessDayDeadlineKind.AtTime => $"business day {BusinessDays} at {Format(At!.Value, endOfDay: true)}",
            _ => $"{BusinessDays} business days",
        };
        return CutOff is { } c ? $"{text}, cut-off {Format(c, endOfDay: false)}{(AfterCutOff is { } after ? $" then {after}" : string.Empty)}" : text;
    }

    private Instant DeadlineOn(LocalDate day, BusinessCalendar calendar)
    {
        if (Kind == BusinessDayDeadlineKind.EndOfDay)
        {
            calendar.TryCloseOf(day, out var close);
            return close;
        }

        var at = At!.Value;
        return at == LocalTime.Midnight ? calendar.AtLocal(day.PlusDays(1).AtMidnight()) : calendar.AtLocal(day.At(at));
    }

    private static int CheckDays(int businessDays, int min)
    {
        Guard.Against.OutOfRange(businessDays, nameof(businessDays), min, MaxBusinessDays);
        return businessDays;
    }

    private static string Format(LocalTime time, bool endOfDay) =>
        endOfDay && time == LocalTime.Midnight ? "24:00" : time.ToString(time.Second == 0 && time.NanosecondOfSecond == 0 ? "HH:mm" : "HH:mm:ss.FFFFFFFFF", CultureInfo.InvariantCulture);
}
