using System.Globalization;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets.Events;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>
/// The SLA clock: a pure function from a case's history, the agreement version it was opened under, the calendars and
/// an instant to one <see cref="SlaStatus"/> per metric, plus the next instant anything changes. It reads no clock and
/// keeps no state, so the same inputs always give the same answer and evaluation is safe from any thread.
/// </summary>
/// <remarks>
/// <para>Ticket metrics: first response (opening → first public response, or resolution); next response (each gap
/// between public responses is a cycle, from the first public response; resolution ends a cycle and a reopen starts
/// one); resolution (opening → resolution; a reopen continues the clock or starts a new cycle, by the agreement);
/// on-site arrival (opening → arrival, for tickets that need a visit; cancelled if resolved first).</para>
/// <para>Complaint metrics: acknowledgement (receipt → registration); resolution (receipt → resolution; a dissatisfied
/// callback reopens it as the agreement says); callback after closing (resolution → recorded callback, when a callback
/// is required; cancelled by a waiver); the investigation deadline (assignment → the department's response, against the
/// deadline set on the case). A complaint's severity stands for the priority: critical is P1, major P2, minor P3.</para>
/// <para>Both kinds: the same-day loss report (<see cref="Metric.LossReport"/>), when the agreement requires it and the case
/// claims a loss above its threshold — due at the end of the local day of receipt, met by an escalation to the reporting level.</para>
/// <para>Holds pause the clocks the agreement's pause rules name; paused spans count nothing, including their closed
/// hours. Resolving or cancelling while on hold stops the clock at that instant. The target is resolved from the same
/// agreement version by the priority in force when the clock stopped (or now), so a priority change keeps elapsed time;
/// a deadline already missed when the priority changes stays missed; each cell's <see cref="ServiceTarget.Start"/> says
/// whether it counts from the clock's start or from when it first applied. A deadline in business days
/// (<see cref="ServiceTarget.Deadline"/>) becomes, per cycle, the business time from its start to the deadline; pauses
/// move it by the business time paused, and it is never earlier than computed. A clock is met when it stops at or before its
/// deadline, and missed once the deadline passes. Events after <c>now</c> are ignored.</para>
/// <para>Several agreements: a case records the versions it opened under (its SLA, the OLAs and the underpinning contract
/// an <see cref="AgreementCatalog"/> chose), and the overloads taking a list evaluate all of them at once. An OLA that names a
/// team (<see cref="AgreementVersion.Team"/>) counts only while that team holds the case — from an assignment or transfer
/// to the team until one away from it; a complaint's investigation — and an underpinning contract only while the case is
/// referred to a third party; outside that window such a clock is <see cref="SlaState.Paused"/>, and one whose window never
/// opened in its cycle is <see cref="SlaState.NotApplicable"/>. The allocating overloads also return every completed cycle
/// (<see cref="SlaEvaluation.CompletedCycles"/>) and each started clock's elapsed time by holder (<see cref="SlaEvaluation.Breakdowns"/>).</para>
/// <para>Range: <c>now</c> and every event up to it must lie in the supported range of the calendars the agreement's targets
/// use (<see cref="BusinessCalendar.SupportedRange"/> of its business calendar, and of <see cref="BusinessCalendar.AlwaysOpen"/>
/// when a target is in calendar time); a target of any length is measured exactly, and a deadline that falls after the end
/// of the range is reported by <see cref="SlaStatus.IsDueBeyondSupportedRange"/>, not thrown.</para>
/// </remarks>
public static partial class SlaClock
{
    /// <summary>The most statuses one case can produce; size a destination span with it.</summary>
    public const int MaxStatusesPerCase = 5;

    /// <summary>Histories up to this many events use stack buffers; longer ones allocate.</summary>
    private const int StackLimit = 128;

    private static readonly Metric[] TicketMetrics = [Metric.FirstResponse, Metric.NextResponse, Metric.Resolution, Metric.OnSiteArrival];
    private static readonly Metric[] ComplaintMetrics = [Metric.ComplaintAcknowledgement, Metric.ComplaintResolution, Metric.CallbackAfterClosing];

    /// <summary>Evaluates a ticket's clocks at <paramref name="now"/>.</summary>
    /// <param name="history">The ticket's events in order (for example <c>ticket.History</c>).</param>
    /// <param name="agreement">The agreement version the ticket was opened under.</param>
    /// <param name="calendars">Finds the calendar the agreement names.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <returns>The statuses and the next instant one changes.</returns>
    /// <exception cref="ArgumentException">The history does not start with the opening, or the ticket names another agreement version or one that was not in force when it opened.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="now"/>, or an event of <paramref name="history"/> up to it, is outside the supported range of the calendars the agreement uses.
    /// </exception>
    public static SlaEvaluation EvaluateTicket(IReadOnlyList<TicketEvent> history, AgreementVersion agreement, ICalendarLookup calendars, Instant now)
    {
        var stack = default(StatusBuffer);
        Span<SlaStatus> buffer = stack[..MaxStatusesPerCase];
        var extras = new Extras();
        var summary = EvaluateTicket(history, agreement, calendars, now, buffer, extras);
        return extras.Evaluation(buffer[..summary.Count], summary);
    }

    /// <summary>Evaluates a ticket's clocks at <paramref name="now"/> into <paramref name="destination"/>, allocating nothing once calendars are compiled.</summary>
    /// <param name="history">The ticket's events in order.</param>
    /// <param name="agreement">The agreement version the ticket was opened under.</param>
    /// <param name="calendars">Finds the calendar the agreement names.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <param name="destination">Where to write the statuses; at least <see cref="MaxStatusesPerCase"/> long.</param>
    /// <returns>How many statuses were written and the next instant one changes.</returns>
    /// <exception cref="ArgumentException">The history does not start with the opening, the ticket names another agreement version or one that was not in force when it opened, or the destination is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="now"/>, or an event of <paramref name="history"/> up to it, is outside the supported range of the calendars the agreement uses.
    /// </exception>
    public static SlaEvaluationSummary EvaluateTicket(
        IReadOnlyList<TicketEvent> history, AgreementVersion agreement, ICalendarLookup calendars, Instant now, Span<SlaStatus> destination) =>
        EvaluateTicket(history, agreement, calendars, now, destination, null);

    private static SlaEvaluationSummary EvaluateTicket(
        IReadOnlyList<TicketEvent> history, AgreementVersion agreement, ICalendarLookup calendars, Instant now, Span<SlaStatus> destination, Extras? extras)
    {
        CheckArguments(history, agreement, calendars, destination);
        var opened = history[0] as TicketOpened;
        Guard.Against.InvalidArgument(opened is null, nameof(history), "A ticket's history must start with TicketOpened.");
        var total = history.Count;
        Span<Signal> signals = total <= StackLimit ? stackalloc Signal[total] : new Signal[total];
        Span<Priority> priorities = total <= StackLimit ? stackalloc Priority[total] : new Priority[total];
        Span<long> positions = total <= StackLimit ? stackalloc long[total] : new long[total];
        var events = ScanTicket(history, now, signals, priorities, positions, out var reselected);
        opened = Chosen(history, opened, reselected);
        Guard.Against.InvalidArgument(!IsRecorded(opened.Agreement, opened.OtherAgreements, agreement.Reference), nameof(agreement),
            $"The ticket falls under {Recorded(opened.Agreement, opened.OtherAgreements)}, not {agreement.Reference}.");
        CheckInForce(agreement, opened.OccurredAt, "ticket", nameof(agreement));

        // Spans of counting time: at most one more than the events.
        Span<long> spans = events < StackLimit ? stackalloc long[2 * (events + 1)] : new long[2 * (events + 1)];
        var scan = new TicketScan(signals[..events], priorities[..events], positions[..events], spans);
        return EvaluateOpenedTicket(history, opened, agreement, calendars, now, ref scan, destination, extras);
    }

    /// <summary>
    /// Evaluates the clocks of every agreement a ticket was opened under at <paramref name="now"/>: its customer SLA, the
    /// operational-level agreements (each counting only while its team holds the ticket) and the underpinning contract
    /// (counting only while the ticket is referred to a third party).
    /// </summary>
    /// <param name="history">The ticket's events in order.</param>
    /// <param name="agreements">
    /// The agreement versions the ticket was opened under (<see cref="TicketOpened.Agreement"/> and
    /// <see cref="TicketOpened.OtherAgreements"/>), all of them, in any order; when the ticket recorded none, any versions.
    /// </param>
    /// <param name="calendars">Finds the calendars the agreements name.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <returns>The statuses of every agreement, in the order of <paramref name="agreements"/>, and the next instant one changes.</returns>
    /// <exception cref="ArgumentException">
    /// The history does not start with the opening, <paramref name="agreements"/> is empty, holds null or an agreement twice,
    /// is not the set the ticket recorded, or holds a version that was not in force when the ticket opened.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="now"/>, or an event of <paramref name="history"/> up to it, is outside the supported range of the calendars an agreement uses.
    /// </exception>
    public static SlaEvaluation EvaluateTicket(IReadOnlyList<TicketEvent> history, IReadOnlyList<AgreementVersion> agreements, ICalendarLookup calendars, Instant now)
    {
        Guard.Against.Null(agreements);
        var room = MaxStatusesPerCase * Math.Max(agreements.Count, 1);
        var stack = default(StatusBuffer);
        Span<SlaStatus> buffer = room <= StatusBuffer.Capacity ? stack[..room] : new SlaStatus[room];
        var extras = new Extras();
        var summary = EvaluateTicket(history, new VersionList(agreements), calendars, now, buffer, extras);
        return extras.Evaluation(buffer[..summary.Count], summary);
    }

    /// <summary>
    /// Evaluates the clocks of every agreement a ticket was opened under into <paramref name="destination"/>, allocating
    /// nothing once calendars are compiled; see <see cref="EvaluateTicket(IReadOnlyList{TicketEvent}, IReadOnlyList{AgreementVersion}, ICalendarLookup, Instant)"/>.
    /// </summary>
    /// <param name="history">The ticket's events in order.</param>
    /// <param name="agreements">The agreement versions the ticket was opened under, all of them.</param>
    /// <param name="calendars">Finds the calendars the agreements name.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <param name="destination">Where to write the statuses; at least <see cref="MaxStatusesPerCase"/> per agreement.</param>
    /// <returns>How many statuses were written, the next instant one changes and the calendar of the first agreement.</returns>
    /// <exception cref="ArgumentException">
    /// The history does not start with the opening, <paramref name="agreements"/> is empty, holds null or an agreement twice,
    /// is not the set the ticket recorded or holds a version that was not in force when the ticket opened, or the destination is too short.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="now"/>, or an event of <paramref name="history"/> up to it, is outside the supported range of the calendars an agreement uses.
    /// </exception>
    public static SlaEvaluationSummary EvaluateTicket(
        IReadOnlyList<TicketEvent> history, IReadOnlyList<AgreementVersion> agreements, ICalendarLookup calendars, Instant now, Span<SlaStatus> destination) =>
        EvaluateTicket(history, new VersionList(Guard.Against.Null(agreements)), calendars, now, destination, null);

    private static SlaEvaluationSummary EvaluateTicket<TList>(
        IReadOnlyList<TicketEvent> history, TList agreements, ICalendarLookup calendars, Instant now, Span<SlaStatus> destination, Extras? extras)
        where TList : IReadOnlyList<AgreementVersion>
    {
        Guard.Against.Null(history);
        Guard.Against.InvalidArgument(history.Count == 0 || history[0] is not TicketOpened, nameof(history), "A ticket's history must start with TicketOpened.");
        var opened = (TicketOpened)history[0];

        // The arguments are checked once, and the events read through the list once, for all the agreements.
        var total = history.Count;
        Span<Signal> signals = total <= StackLimit ? stackalloc Signal[total] : new Signal[total];
        Span<Priority> priorities = total <= StackLimit ? stackalloc Priority[total] : new Priority[total];
        Span<long> positions = total <= StackLimit ? stackalloc long[total] : new long[total];
        var events = ScanTicket(history, now, signals, priorities, positions, out var reselected);
        opened = Chosen(history, opened, reselected);
        CheckAgreementSet(agreements, opened.Agreement, opened.OtherAgreements, opened.OccurredAt, destination.Length, "ticket");
        Guard.Against.Null(calendars);
        Span<long> spans = events < StackLimit ? stackalloc long[2 * (events + 1)] : new long[2 * (events + 1)];
        var scan = new TicketScan(signals[..events], priorities[..events], positions[..events], spans);
        var (count, next, calendarName) = (0, (Instant?)null, (string?)null);
        for (var i = 0; i < agreements.Count; i++)
        {
            var summary = EvaluateOpenedTicket(history, opened, agreements[i], calendars, now, ref scan, destination[count..], extras);
            (count, next) = (count + summary.Count, Earliest(next, summary.NextChangeAt));
            calendarName = i == 0 ? summary.CalendarName : calendarName;
        }

        return new SlaEvaluationSummary(count, next) { CalendarName = calendarName };
    }

    private static SlaEvaluationSummary EvaluateOpenedTicket(
        IReadOnlyList<TicketEvent> history, TicketOpened opened, AgreementVersion agreement, ICalendarLookup calendars, Instant now, ref TicketScan scan,
        Span<SlaStatus> destination, Extras? extras)
    {
        if (!agreement.CoversEveryTicket && !agreement.Applicability.CoversTicket(opened.CustomerTier, opened.Kind, opened.Channel, opened.Priority))
        {
            return default;
        }

        // The agreements of a case mostly share a calendar: it is looked up, and the events checked against its range, once.
        BusinessCalendar calendar;
        string? calendarName;
        if (!agreement.CalendarSource.IsFromCase && scan.Calendar is { } known && string.Equals(agreement.CalendarName, scan.CalendarName, StringComparison.Ordinal))
        {
            (calendar, calendarName) = (known, scan.CalendarName);
        }
        else
        {
            calendar = LookUpCalendar(history, opened, agreement, calendars, now, ref scan, out calendarName);
        }

        CheckRange(history, agreement, calendar, now, ref scan);
        var events = scan.Signals.Length;

        var at = CompiledTimeline.ToNanoseconds(now);
        var starts = scan.Spans[..(events + 1)];
        var ends = scan.Spans[(events + 1)..];
        var count = 0;
        Instant? next = null;
        var window = WindowOf(agreement);
        foreach (var metric in TicketMetrics)
        {
            if (!HasTargets(agreement, metric) || (metric == Metric.OnSiteArrival && !opened.RequiresOnSiteVisit))
            {
                continue;
            }

            var clock = new MetricClock(metric, agreement, opened.CustomerTier, calendar, starts, ends);
            if (window != Window.WholeCase)
            {
                clock.Windowed();
            }

            clock.KeepCycles(extras?.Cycles);
            var priority = DriveTicket(ref clock, metric, history, in scan, agreement, window);
            clock.Status(at, priority, out var change, ref destination[count++]);
            extras?.Break(ref clock, history, events, at, priority, destination[count - 1]);
            next = Earliest(next, change);
        }

        if (agreement.LossReporting is { } reporting && reporting.Covers(opened.ClaimedLoss) && events > 0)
        {
            destination[count++] = TicketLossReport(history, opened, events, reporting, agreement, calendar, now, out var change);
            next = Earliest(next, change);
        }

        return new SlaEvaluationSummary(count, next) { CalendarName = calendarName };
    }

    // The per-agreement evaluation's rarer paths, out of line: inlined, their locals (a status, interpolated messages)
    // made the evaluation's frame, which is zeroed on every call, several times larger.

    /// <summary>Looks up the calendar <paramref name="agreement"/> measures a ticket on, and notes it on the scan for the next agreement.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static BusinessCalendar LookUpCalendar(
        IReadOnlyList<TicketEvent> history, TicketOpened opened, AgreementVersion agreement, ICalendarLookup calendars, Instant now, ref TicketScan scan,
        out string? calendarName)
    {
        var calendar = CalendarFor(agreement, calendars, opened.TicketId.Value, opened.Customer, history, now, out calendarName);
        (scan.Calendar, scan.CalendarName) = agreement.CalendarSource.IsFromCase ? (null, null) : (calendar, calendarName);
        return calendar;
    }

    /// <summary>
    /// Checks that now and every event up to it lie in the range the agreement's clocks can measure, unless the scan
    /// already found them in a range that lies within it (an OLA on the SLA's calendar without calendar-time targets
    /// measures a range a little wider than the SLA's).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void CheckRange(IReadOnlyList<TicketEvent> history, AgreementVersion agreement, BusinessCalendar calendar, Instant now, ref TicketScan scan)
    {
        var range = MeasurableRange(agreement, calendar);
        var known = scan.CheckedRange;
        if (known.Start < known.End && range.Start <= known.Start && known.End <= range.End)
        {
            return;
        }

        var instants = scan.Positions;
        Guard.Against.OutsideSupportedRange(now, range, nameof(now));
        var (min, max) = (CompiledTimeline.ToNanoseconds(range.Start), CompiledTimeline.ToNanoseconds(range.End));
        for (var i = 0; i < instants.Length; i++)
        {
            if (instants[i] < min || instants[i] >= max)
            {
                Guard.Against.OutsideSupportedRange(history[i].OccurredAt, range, nameof(history));
            }
        }

        scan.CheckedRange = range;
    }

    /// <summary>A ticket's same-day loss report, for an agreement that requires one of a loss this large.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static SlaStatus TicketLossReport(
        IReadOnlyList<TicketEvent> history, TicketOpened opened, int events, LossReporting reporting, AgreementVersion agreement, BusinessCalendar calendar,
        Instant now, out Instant? change)
    {
        var (reported, ended) = ((Instant?)null, (Instant?)null);
        for (var i = 0; i < events && reported is null; i++)
        {
            switch (history[i])
            {
                case TicketEscalated e when e.Level >= reporting.Level:
                    reported = e.OccurredAt;
                    break;
                case TicketCancelled e:
                    ended ??= e.OccurredAt;
                    break;
            }
        }

        return LossReport(opened.OccurredAt, reported, ended, calendar.Zone, agreement.StatusSource, now, out change);
    }

    /// <summary>Evaluates a complaint's clocks at <paramref name="now"/>.</summary>
    /// <param name="history">The complaint's events in order (for example <c>complaint.History</c>).</param>
    /// <param name="customerTier">The customer's tier when the complaint was received; the tier its receipt records, if it records one.</param>
    /// <param name="agreement">The agreement version the complaint falls under.</param>
    /// <param name="calendars">Finds the calendar the agreement names.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <returns>The statuses and the next instant one changes.</returns>
    /// <exception cref="ArgumentException">The history does not start with the receipt, the receipt records another tier or agreement version, or the version was not in force at the receipt.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="now"/>, or an event of <paramref name="history"/> up to it, is outside the supported range of the calendars the agreement uses.
    /// </exception>
    public static SlaEvaluation EvaluateComplaint(
        IReadOnlyList<ComplaintEvent> history, ServiceTier customerTier, AgreementVersion agreement, ICalendarLookup calendars, Instant now)
    {
        var stack = default(StatusBuffer);
        Span<SlaStatus> buffer = stack[..MaxStatusesPerCase];
        var extras = new Extras();
        var summary = EvaluateComplaint(history, customerTier, agreement, calendars, now, buffer, extras);
        return extras.Evaluation(buffer[..summary.Count], summary);
    }

    /// <summary>Evaluates a complaint's clocks at <paramref name="now"/>, for the customer's tier recorded when it was received.</summary>
    /// <param name="history">The complaint's events in order; its receipt records the customer's tier.</param>
    /// <param name="agreement">The agreement version the complaint falls under.</param>
    /// <param name="calendars">Finds the calendar the agreement names.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <returns>The statuses and the next instant one changes.</returns>
    /// <exception cref="ArgumentException">
    /// The history does not start with the receipt, the receipt records no tier (pass one to the other overload), or it
    /// records another agreement version, or the version was not in force at the receipt.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="now"/>, or an event of <paramref name="history"/> up to it, is outside the supported range of the calendars the agreement uses.
    /// </exception>
    public static SlaEvaluation EvaluateComplaint(IReadOnlyList<ComplaintEvent> history, AgreementVersion agreement, ICalendarLookup calendars, Instant now) =>
        EvaluateComplaint(history, RecordedTier(history, now), agreement, calendars, now);

    /// <summary>Evaluates a complaint's clocks at <paramref name="now"/> into <paramref name="destination"/>, for the customer's tier recorded when it was received.</summary>
    /// <param name="history">The complaint's events in order; its receipt records the customer's tier.</param>
    /// <param name="agreement">The agreement version the complaint falls under.</param>
    /// <param name="calendars">Finds the calendar the agreement names.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <param name="destination">Where to write the statuses; at least <see cref="MaxStatusesPerCase"/> long.</param>
    /// <returns>How many statuses were written and the next instant one changes.</returns>
    /// <exception cref="ArgumentException">
    /// The history does not start with the receipt, the receipt records no tier, it records another agreement version, the version was not in force at the receipt, or the destination is too short.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="now"/>, or an event of <paramref name="history"/> up to it, is outside the supported range of the calendars the agreement uses.
    /// </exception>
    public static SlaEvaluationSummary EvaluateComplaint(
        IReadOnlyList<ComplaintEvent> history, AgreementVersion agreement, ICalendarLookup calendars, Instant now, Span<SlaStatus> destination) =>
        EvaluateComplaint(history, RecordedTier(history, now), agreement, calendars, now, destination);

    private static ServiceTier RecordedTier(IReadOnlyList<ComplaintEvent> history, Instant now) => TierOf(ChosenReceipt(history, now));

    /// <summary>The receipt a history starts with, as the clocks read it at <paramref name="now"/> (see <see cref="Chosen(IReadOnlyList{ComplaintEvent}, ComplaintReceived, Instant)"/>).</summary>
    private static ComplaintReceived ChosenReceipt(IReadOnlyList<ComplaintEvent> history, Instant now)
    {
        Guard.Against.Null(history);
        Guard.Against.InvalidArgument(history.Count == 0 || history[0] is not ComplaintReceived, nameof(history), "A complaint's history must start with ComplaintReceived.");
        return Chosen(history, (ComplaintReceived)history[0], now);
    }

    private static ServiceTier TierOf(ComplaintReceived chosen)
    {
        if (chosen.CustomerTier is null)
        {
            Refuse("The complaint's receipt records no customer tier; pass the tier it was received with.", "history");
        }

        return chosen.CustomerTier.GetValueOrDefault();
    }

    /// <summary>
    /// The receipt as the clocks read it: the tier and agreements it recorded, or those of the host's last recompute by
    /// <paramref name="now"/> (<see cref="ComplaintAgreementsReselected"/>), which replace them for the whole case.
    /// </summary>
    private static ComplaintReceived Chosen(IReadOnlyList<ComplaintEvent> history, ComplaintReceived received, Instant now)
    {
        ComplaintAgreementsReselected? last = null;
        for (var i = 1; i < history.Count && history[i] is { } e && e.OccurredAt <= now; i++)
        {
            last = e as ComplaintAgreementsReselected ?? last;
        }

        return last is null ? received : received with { CustomerTier = last.CustomerTier, Agreement = last.Agreement, OtherAgreements = last.OtherAgreements };
    }

    /// <summary>Evaluates a complaint's clocks at <paramref name="now"/> into <paramref name="destination"/>.</summary>
    /// <param name="history">The complaint's events in order.</param>
    /// <param name="customerTier">The customer's tier when the complaint was received; the tier its receipt records, if it records one.</param>
    /// <param name="agreement">The agreement version the complaint falls under.</param>
    /// <param name="calendars">Finds the calendar the agreement names.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <param name="destination">Where to write the statuses; at least <see cref="MaxStatusesPerCase"/> long.</param>
    /// <returns>How many statuses were written and the next instant one changes.</returns>
    /// <exception cref="ArgumentException">The history does not start with the receipt, the receipt records another tier or agreement version, the version was not in force at the receipt, or the destination is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="now"/>, or an event of <paramref name="history"/> up to it, is outside the supported range of the calendars the agreement uses.
    /// </exception>
    public static SlaEvaluationSummary EvaluateComplaint(
        IReadOnlyList<ComplaintEvent> history, ServiceTier customerTier, AgreementVersion agreement, ICalendarLookup calendars, Instant now,
        Span<SlaStatus> destination) =>
        EvaluateComplaint(history, customerTier, agreement, calendars, now, destination, null);

    private static SlaEvaluationSummary EvaluateComplaint(
        IReadOnlyList<ComplaintEvent> history, ServiceTier customerTier, AgreementVersion agreement, ICalendarLookup calendars, Instant now,
        Span<SlaStatus> destination, Extras? extras)
    {
        CheckArguments(history, agreement, calendars, destination);
        var received = history[0] as ComplaintReceived;
        Guard.Against.InvalidArgument(received is null, nameof(history), "A complaint's history must start with ComplaintReceived.");
        received = Chosen(history, received, now);
        Guard.Against.InvalidArgument(!IsRecorded(received.Agreement, received.OtherAgreements, agreement.Reference), nameof(agreement),
            $"The complaint falls under {Recorded(received.Agreement, received.OtherAgreements)}, not {agreement.Reference}.");
        CheckInForce(agreement, received.OccurredAt, "complaint", nameof(agreement));
        Guard.Against.InvalidArgument(received.CustomerTier is { } tier && tier != customerTier, nameof(customerTier),
            $"The complaint records a {received.CustomerTier} customer, not {customerTier}.");
        return EvaluateReceivedComplaint(history, received, customerTier, agreement, calendars, now, destination, extras);
    }

    /// <summary>
    /// Evaluates the clocks of every agreement a complaint was received under at <paramref name="now"/>, for the customer's
    /// tier its receipt records: its customer SLA and the operational-level agreements (each counting only while its team
    /// investigates the complaint); an underpinning contract has nothing to count on a complaint and reports not applicable.
    /// </summary>
    /// <param name="history">The complaint's events in order; its receipt records the customer's tier.</param>
    /// <param name="agreements">
    /// The agreement versions it was received under (<see cref="ComplaintReceived.Agreement"/> and
    /// <see cref="ComplaintReceived.OtherAgreements"/>), all of them; when it recorded none, any versions.
    /// </param>
    /// <param name="calendars">Finds the calendars the agreements name.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <returns>The statuses of every agreement, in the order of <paramref name="agreements"/>, and the next instant one changes.</returns>
    /// <exception cref="ArgumentException">
    /// The history does not start with the receipt, the receipt records no tier, or <paramref name="agreements"/> is empty,
    /// holds null or an agreement twice, is not the set the complaint recorded, or holds a version that was not in force at the receipt.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="now"/>, or an event of <paramref name="history"/> up to it, is outside the supported range of the calendars an agreement uses.
    /// </exception>
    public static SlaEvaluation EvaluateComplaint(
        IReadOnlyList<ComplaintEvent> history, IReadOnlyList<AgreementVersion> agreements, ICalendarLookup calendars, Instant now)
    {
        Guard.Against.Null(agreements);
        var room = MaxStatusesPerCase * Math.Max(agreements.Count, 1);
        var stack = default(StatusBuffer);
        Span<SlaStatus> buffer = room <= StatusBuffer.Capacity ? stack[..room] : new SlaStatus[room];
        var extras = new Extras();
        var summary = EvaluateComplaint(history, new VersionList(agreements), calendars, now, buffer, extras);
        return extras.Evaluation(buffer[..summary.Count], summary);
    }

    /// <summary>
    /// Evaluates the clocks of every agreement a complaint was received under into <paramref name="destination"/>; see
    /// <see cref="EvaluateComplaint(IReadOnlyList{ComplaintEvent}, IReadOnlyList{AgreementVersion}, ICalendarLookup, Instant)"/>.
    /// </summary>
    /// <param name="history">The complaint's events in order; its receipt records the customer's tier.</param>
    /// <param name="agreements">The agreement versions it was received under, all of them.</param>
    /// <param name="calendars">Finds the calendars the agreements name.</param>
    /// <param name="now">The instant to evaluate at.</param>
    /// <param name="destination">Where to write the statuses; at least <see cref="MaxStatusesPerCase"/> per agreement.</param>
    /// <returns>How many statuses were written, the next instant one changes and the calendar of the first agreement.</returns>
    /// <exception cref="ArgumentException">
    /// The history does not start with the receipt, the receipt records no tier, <paramref name="agreements"/> is empty,
    /// holds null or an agreement twice, is not the set the complaint recorded or holds a version that was not in force at the receipt, or the destination is too short.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="now"/>, or an event of <paramref name="history"/> up to it, is outside the supported range of the calendars an agreement uses.
    /// </exception>
    public static SlaEvaluationSummary EvaluateComplaint(
        IReadOnlyList<ComplaintEvent> history, IReadOnlyList<AgreementVersion> agreements, ICalendarLookup calendars, Instant now,
        Span<SlaStatus> destination) =>
        EvaluateComplaint(history, new VersionList(Guard.Against.Null(agreements)), calendars, now, destination, null);

    private static SlaEvaluationSummary EvaluateComplaint<TList>(
        IReadOnlyList<ComplaintEvent> history, TList agreements, ICalendarLookup calendars, Instant now,
        Span<SlaStatus> destination, Extras? extras)
        where TList : IReadOnlyList<AgreementVersion>
    {
        var received = ChosenReceipt(history, now);
        var tier = TierOf(received);
        CheckAgreementSet(agreements, received.Agreement, received.OtherAgreements, received.OccurredAt, destination.Length, "complaint");
        var (count, next, calendarName) = (0, (Instant?)null, (string?)null);
        for (var i = 0; i < agreements.Count; i++)
        {
            CheckArguments(history, agreements[i], calendars, destination[count..]);
            var summary = EvaluateReceivedComplaint(history, received, tier, agreements[i], calendars, now, destination[count..], extras);
            (count, next) = (count + summary.Count, Earliest(next, summary.NextChangeAt));
            calendarName = i == 0 ? summary.CalendarName : calendarName;
        }

        return new SlaEvaluationSummary(count, next) { CalendarName = calendarName };
    }

    private static SlaEvaluationSummary EvaluateReceivedComplaint(
        IReadOnlyList<ComplaintEvent> history, ComplaintReceived received, ServiceTier customerTier, AgreementVersion agreement, ICalendarLookup calendars,
        Instant now, Span<SlaStatus> destination, Extras? extras)
    {
        if (!agreement.CoversEveryComplaint && !agreement.Applicability.CoversComplaint(customerTier, received.Category, received.Channel))
        {
            return default;
        }

        var calendar = CalendarFor(agreement, calendars, received.ComplaintId.Value, received.Customer, history, now, out var calendarName);
        var range = MeasurableRange(agreement, calendar);
        Guard.Against.OutsideSupportedRange(now, range, nameof(now));
        var events = CountUpTo(history, now, range);
        var start = EarliestReceipt(history, events, received.OccurredAt);
        Guard.Against.OutsideSupportedRange(start, range, nameof(history));
        Span<long> starts = events < StackLimit ? stackalloc long[events + 1] : new long[events + 1];
        Span<long> ends = events < StackLimit ? stackalloc long[events + 1] : new long[events + 1];
        var at = CompiledTimeline.ToNanoseconds(now);
        var count = 0;
        Instant? next = null;
        foreach (var metric in ComplaintMetrics)
        {
            if (!HasTargets(agreement, metric) || (metric == Metric.CallbackAfterClosing && !received.CallbackRequired))
            {
                continue;
            }

            var clock = new MetricClock(metric, agreement, customerTier, calendar, starts, ends);
            var window = WindowOf(agreement);
            if (window != Window.WholeCase)
            {
                clock.Windowed();
            }

            clock.KeepCycles(extras?.Cycles);
            var priority = DriveComplaint(ref clock, metric, history, events, agreement, CompiledTimeline.ToNanoseconds(start), window);
            clock.Status(at, priority, out var change, ref destination[count++]);
            extras?.Break(ref clock, history, events, at, priority, destination[count - 1]);
            next = Earliest(next, change);
        }

        if (Investigation(history, events, agreement.StatusSource, now, out var nextDeadline) is { } investigation)
        {
            destination[count++] = investigation;
            next = Earliest(next, nextDeadline);
        }

        if (agreement.LossReporting is { } reporting && reporting.Covers(received.ClaimedLoss) && events > 0)
        {
            var (reported, ended) = ((Instant?)null, (Instant?)null);
            for (var i = 0; i < events && reported is null; i++)
            {
                switch (history[i])
                {
                    case ComplaintEscalated e when e.Level >= reporting.Level:
                        reported = e.OccurredAt;
                        break;
                    case ComplaintWithdrawn or ComplaintMerged:
                        ended ??= history[i].OccurredAt;
                        break;
                }
            }

            destination[count++] = LossReport(received.OccurredAt, reported, ended, calendar.Zone, agreement.StatusSource, now, out var change);
            next = Earliest(next, change);
        }

        return new SlaEvaluationSummary(count, next) { CalendarName = calendarName };
    }

    /// <summary>
    /// The same-day loss report's status (<see cref="Metric.LossReport"/>): due at the start of the local day after the one
    /// the case was received on, in <paramref name="zone"/>; met when the case reached the reporting level before then,
    /// missed once the deadline passes without it, cancelled when the case ended (withdrawn, merged, cancelled) unreported
    /// before the deadline.
    /// </summary>
    private static SlaStatus LossReport(
        Instant received, Instant? reported, Instant? ended, DateTimeZone zone, StatusSource agreement, Instant now, out Instant? nextChange)
    {
        nextChange = null;
        var deadline = received.InZone(zone).Date.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
        var cancelled = reported is null && ended is { } end && end < deadline;
        var stopped = reported ?? (cancelled ? ended : null);
        var until = stopped ?? now;
        var missed = !cancelled && (reported is { } at ? at >= deadline : now >= deadline);
        var state = cancelled ? SlaState.Cancelled : missed ? SlaState.Missed : reported is not null ? SlaState.Met : SlaState.Running;
        if (state == SlaState.Running)
        {
            nextChange = deadline;
        }

        return new SlaStatus(
            Metric.LossReport, state, deadline - received, TimeBasis.CalendarTime, until - received, state is SlaState.Running ? deadline : null,
            missed ? deadline : null, 1, missed ? 1 : 0, agreement, received, stopped);
    }

    /// <summary>
    /// The investigation deadline's status (<see cref="Metric.InvestigationDeadline"/>): from the latest assignment that
    /// started a cycle to the response, against the deadline of the latest assignment, in calendar time; missed when the
    /// response came after the deadline (or none came by it), cancelled when the complaint was withdrawn or merged first.
    /// Null when no investigation was assigned by <paramref name="now"/>.
    /// </summary>
    private static SlaStatus? Investigation(IReadOnlyList<ComplaintEvent> history, int events, StatusSource agreement, Instant now, out Instant? nextChange)
    {
        nextChange = null;
        Instant? started = null;
        Instant? stopped = null;
        var deadline = default(Instant);
        var (cycle, missedBefore, cancelled) = (0, 0, false);
        for (var i = 0; i < events; i++)
        {
            switch (history[i])
            {
                case InvestigationAssigned e when started is null || stopped is not null:
                    if (stopped is { } end && end > deadline)
                    {
                        missedBefore++;
                    }

                    (started, stopped, deadline) = (e.OccurredAt, null, e.Deadline);
                    cycle++;
                    break;
                case InvestigationAssigned e:
                    deadline = e.Deadline; // re-assigned while running: the new deadline replaces the old one
                    break;
                case ComplaintResponded when started is not null && stopped is null:
                    stopped = history[i].OccurredAt;
                    break;
                case ComplaintWithdrawn or ComplaintMerged when started is not null && stopped is null:
                    (stopped, cancelled) = (history[i].OccurredAt, true);
                    break;
            }
        }

        if (started is not { } from)
        {
            return null;
        }

        var until = stopped ?? now;
        var missed = !cancelled && (stopped is not null ? deadline < until : deadline <= until);
        var state = cancelled ? SlaState.Cancelled : missed ? SlaState.Missed : stopped is not null ? SlaState.Met : SlaState.Running;
        if (state == SlaState.Running)
        {
            nextChange = deadline;
        }

        return new SlaStatus(
            Metric.InvestigationDeadline, state, deadline - from, TimeBasis.CalendarTime, until - from, state is SlaState.Running ? deadline : null,
            missed ? deadline : null, cycle, missedBefore + (missed ? 1 : 0), agreement, from, stopped);
    }

    /// <summary>The priority a complaint's severity stands for in the target matrix.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>P1 for critical, P2 for major, P3 for minor.</returns>
    public static Priority PriorityOf(Severity severity) => severity switch
    {
        Severity.Critical => Priority.P1,
        Severity.Major => Priority.P2,
        _ => Priority.P3,
    };

    private static Priority DriveTicket(
        ref MetricClock clock, Metric metric, IReadOnlyList<TicketEvent> history, in TicketScan scan, AgreementVersion agreement, Window window)
    {
        var signals = scan.Signals;
        var instants = scan.Positions;
        var priorities = scan.Priorities;
        var priority = Priority.P3;
        for (var i = 0; i < signals.Length; i++)
        {
            var at = instants[i];
            switch (signals[i])
            {
                case Signal.Opened:
                    priority = priorities[i];
                    if (metric != Metric.NextResponse)
                    {
                        clock.Start(at, priority);
                    }

                    break;
                case Signal.Hold:
                    clock.SetHold(agreement.IsPausedBy(((TicketOnHold)history[i]).Reason, metric), at);
                    break;
                case Signal.Referral:
                    clock.SetHold(agreement.IsPausedBy(Tickets.HoldReason.WaitingForThirdParty, metric), at);
                    if (window == Window.Referral)
                    {
                        clock.SetWindow(true, at);
                    }

                    break;
                case Signal.Return:
                    clock.SetHold(false, at);
                    if (window == Window.Referral)
                    {
                        clock.SetWindow(false, at);
                    }

                    break;
                case Signal.Resume:
                    clock.SetHold(false, at);
                    break;
                case Signal.Assignment when window == Window.Team:
                    var team = history[i] is TicketAssigned assigned ? assigned.Department : ((TicketTransferred)history[i]).Department;
                    clock.SetWindow(team == agreement.Team, at);
                    break;
                case Signal.PublicResponse when metric == Metric.FirstResponse:
                    // A first response is measured once: nothing later changes its status (which reads the priority at the stop).
                    clock.Stop(at, priority);
                    return priority;
                case Signal.PublicResponse when metric == Metric.NextResponse:
                    clock.NewCycle(at, priority);
                    break;
                case Signal.Arrival when metric == Metric.OnSiteArrival:
                    clock.Stop(at, priority);
                    return priority;
                case Signal.PriorityChange:
                    clock.PriorityChanging(at, priority);
                    priority = priorities[i];
                    clock.PriorityChanged(at, priority);
                    break;
                case Signal.Resolution:
                    if (metric == Metric.OnSiteArrival)
                    {
                        clock.Cancel(at, priority);
                    }
                    else
                    {
                        clock.Stop(at, priority);
                    }

                    // The hold ends with the resolution, so that a reopen starts counting again; so does an open referral.
                    clock.SetHold(false, at);
                    if (window == Window.Referral)
                    {
                        clock.SetWindow(false, at);
                    }

                    break;
                case Signal.Reopen when metric == Metric.Resolution:
                    if (agreement.Reopen == ReopenBehaviour.NewCycle)
                    {
                        clock.NewCycle(at, priority);
                    }
                    else
                    {
                        clock.Continue(at);
                    }

                    break;
                case Signal.Reopen when metric == Metric.NextResponse && clock.IsStarted:
                    clock.NewCycle(at, priority);
                    break;
                case Signal.Cancellation:
                    clock.Cancel(at, priority);
                    break;
            }
        }

        return priority;
    }

    /// <summary>
    /// When a complaint's clocks start: its receipt, or the earliest receipt among the duplicates merged into it by then
    /// (a merged duplicate reported the same matter first).
    /// </summary>
    private static Instant EarliestReceipt(IReadOnlyList<ComplaintEvent> history, int events, Instant received)
    {
        var earliest = received;
        for (var i = 1; i < events; i++)
        {
            if (history[i] is DuplicateMerged merged && merged.DuplicateReceivedAt < earliest)
            {
                earliest = merged.DuplicateReceivedAt;
            }
        }

        return earliest;
    }

    private static Priority DriveComplaint(
        ref MetricClock clock, Metric metric, IReadOnlyList<ComplaintEvent> history, int events, AgreementVersion agreement, long start, Window window)
    {
        var priority = Priority.P3;
        for (var i = 0; i < events; i++)
        {
            var e = history[i];
            var at = CompiledTimeline.ToNanoseconds(e.OccurredAt);

            switch (e)
            {
                case ComplaintReceived received:
                    priority = PriorityOf(received.Severity);
                    if (metric != Metric.CallbackAfterClosing)
                    {
                        clock.Start(start, priority);
                    }

                    break;
                case SeverityChanged changed:
                    clock.PriorityChanging(at, priority);
                    priority = PriorityOf(changed.Severity);
                    clock.PriorityChanged(at, priority);
                    break;
                case InvestigationAssigned assigned when window == Window.Team:
                    clock.SetWindow(assigned.Department == agreement.Team, at);
                    break;
                case ComplaintResponded when window == Window.Team:
                    clock.SetWindow(false, at);
                    break;
                case ComplaintRegistered when metric == Metric.ComplaintAcknowledgement:
                    clock.Stop(at, priority);
                    break;
                case ComplaintResolved when metric == Metric.ComplaintResolution:
                    clock.Stop(at, priority);
                    break;
                case ComplaintResolved when metric == Metric.CallbackAfterClosing:
                    if (clock.IsStarted)
                    {
                        clock.NewCycle(at, priority);
                    }
                    else
                    {
                        clock.Start(at, priority);
                    }

                    break;
                case CallbackRecorded callback:
                    if (metric == Metric.CallbackAfterClosing)
                    {
                        clock.Stop(at, priority);
                    }
                    else if (metric == Metric.ComplaintResolution && !callback.Satisfied)
                    {
                        if (agreement.Reopen == ReopenBehaviour.NewCycle)
                        {
                            clock.NewCycle(at, priority);
                        }
                        else
                        {
                            clock.Continue(at);
                        }
                    }

                    break;
                case CallbackWaived when metric == Metric.CallbackAfterClosing:
                    clock.Cancel(at, priority);
                    break;
                case ComplaintWithdrawn or ComplaintMerged:
                    clock.Cancel(at, priority);
                    break;
            }
        }

        return priority;
    }

    /// <summary>What a ticket event means to the clocks, decided once per event rather than once per metric.</summary>
    private enum Signal : byte
    {
        None,
        Opened,
        Hold,
        Referral,
        Return,
        Resume,
        Assignment,
        PublicResponse,
        Arrival,
        PriorityChange,
        Resolution,
        Reopen,
        Cancellation,
    }

    /// <summary>
    /// Reads a ticket's events up to <paramref name="now"/> (the history is in order) through the list once: each one's
    /// meaning to the clocks and its timeline position (<see cref="CompiledTimeline.NoPosition"/> for an instant no calendar supports,
    /// which every agreement's range check then rejects), and the priority an opening or a priority change sets. Returns
    /// how many events there are.
    /// </summary>
    private static int ScanTicket(
        IReadOnlyList<TicketEvent> history, Instant now, Span<Signal> signals, Span<Priority> priorities, Span<long> positions, out int reselected)
    {
        var events = 0;
        reselected = -1;
        for (; events < history.Count; events++)
        {
            var e = history[events];
            var at = e.OccurredAt;
            if (at > now)
            {
                break;
            }

            if (e is TicketAgreementsReselected)
            {
                reselected = events;
            }

            signals[events] = Classify(e);
            priorities[events] = e switch
            {
                TicketOpened opened => opened.Priority,
                PriorityChanged changed => changed.To,
                _ => default,
            };
            positions[events] = CompiledTimeline.IsPositionable(at) ? CompiledTimeline.ToNanoseconds(at) : CompiledTimeline.NoPosition;
        }

        return events;
    }

    /// <summary>
    /// The opening as the clocks read it: the tier and agreements it recorded, or those of the host's last recompute by
    /// the evaluation instant (<see cref="TicketAgreementsReselected"/>, at index <paramref name="reselected"/>), which
    /// replace them for the whole case.
    /// </summary>
    private static TicketOpened Chosen(IReadOnlyList<TicketEvent> history, TicketOpened opened, int reselected) =>
        reselected < 0 || history[reselected] is not TicketAgreementsReselected again
            ? opened
            : opened with { CustomerTier = again.CustomerTier, Agreement = again.Agreement, OtherAgreements = again.OtherAgreements };

    /// <summary>
    /// A ticket's events up to the evaluation instant as the clocks of every agreement read them, room for their counting
    /// spans, and what the agreements evaluated so far found: the calendar last looked up by name, and the range the events
    /// were last checked against.
    /// </summary>
    private ref struct TicketScan(Span<Signal> signals, Span<Priority> priorities, Span<long> positions, Span<long> spans)
    {
        public readonly ReadOnlySpan<Signal> Signals { get; } = signals;

        /// <summary>The priority an opening or a priority change sets, per event.</summary>
        public readonly ReadOnlySpan<Priority> Priorities { get; } = priorities;

        public readonly ReadOnlySpan<long> Positions { get; } = positions;

        /// <summary>Two halves of one more element than there are events: the starts and the ends of counting spans.</summary>
        public readonly Span<long> Spans { get; } = spans;

        /// <summary>The calendar an agreement named (not one chosen for the case), and its name.</summary>
        public BusinessCalendar? Calendar { get; set; }

        public string? CalendarName { get; set; }

        /// <summary>The range that now and every event up to it were found to lie in; an empty interval until one is checked.</summary>
        public Interval CheckedRange { get; set; }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Signal Classify(TicketEvent e) => e switch
    {
        TicketOpened => Signal.Opened,
        TicketOnHold => Signal.Hold,
        ReferredToThirdParty => Signal.Referral,
        TicketResumed => Signal.Resume,
        ThirdPartyReturned => Signal.Return,
        TicketAssigned or TicketTransferred => Signal.Assignment,
        ResponseRecorded { IsPublic: true } => Signal.PublicResponse,
        OnSiteArrived => Signal.Arrival,
        PriorityChanged => Signal.PriorityChange,
        TicketResolved => Signal.Resolution,
        TicketReopened => Signal.Reopen,
        TicketCancelled => Signal.Cancellation,
        _ => Signal.None,
    };

    /// <summary>How many events happened at or before <paramref name="now"/> (the history is in order), each checked to lie in <paramref name="range"/>.</summary>
    private static int CountUpTo<TEvent>(IReadOnlyList<TEvent> history, Instant now, Interval range)
        where TEvent : IDomainEvent
    {
        var count = 0;
        while (count < history.Count && history[count].OccurredAt <= now)
        {
            Guard.Against.OutsideSupportedRange(history[count].OccurredAt, range, nameof(history));
            count++;
        }

        return count;
    }

    /// <summary>
    /// The instants the clocks can measure: the business calendar's supported range, narrowed to the always-open calendar's
    /// when a target is in calendar time (the two ranges differ by the calendar zone's offset at the ends).
    /// </summary>
    private static Interval MeasurableRange(AgreementVersion agreement, BusinessCalendar calendar)
    {
        var range = calendar.SupportedRange;
        if (!agreement.HasCalendarTimeTargets)
        {
            return range;
        }

        var always = BusinessCalendar.AlwaysOpen.SupportedRange;
        return new Interval(Instant.Max(range.Start, always.Start), Instant.Min(range.End, always.End));
    }

    private static void CheckArguments<TEvent>(IReadOnlyList<TEvent> history, AgreementVersion agreement, ICalendarLookup calendars, Span<SlaStatus> destination)
    {
        Guard.Against.Null(history);
        Guard.Against.Null(agreement);
        Guard.Against.Null(calendars);
        Guard.Against.InvalidArgument(history.Count == 0, nameof(history), "The history is empty.");
        Guard.Against.InvalidArgument(
            destination.Length < MaxStatusesPerCase, nameof(destination), $"The destination must hold {MaxStatusesPerCase} statuses; it holds {destination.Length}.");
    }

    /// <summary>
    /// The calendar the case is measured on, and its name: the agreement's own, or — when the agreement takes it from the
    /// case — the one the host's <see cref="ICaseCalendarLookup"/> chooses, asked with the team the case was first
    /// assigned to by <paramref name="now"/>.
    /// </summary>
    private static BusinessCalendar CalendarFor<TEvent>(
        AgreementVersion agreement, ICalendarLookup calendars, string caseId, CustomerId customer, IReadOnlyList<TEvent> history, Instant now, out string? name)
        where TEvent : IDomainEvent
    {
        var source = agreement.CalendarSource;
        if (!source.IsFromCase)
        {
            name = agreement.CalendarName;
            return name is not null ? calendars.Find(name) : BusinessCalendar.AlwaysOpen;
        }

        Guard.Against.InvalidArgument(
            calendars is not ICaseCalendarLookup, nameof(calendars), $"{agreement.Reference} takes its calendar from the case ({source}); pass an ICaseCalendarLookup.");
        var request = new CaseCalendarRequest(agreement.Reference, agreement.CalendarName, source, caseId, customer, FirstTeam(history, now));
        var (chosen, calendar) = ((ICaseCalendarLookup)calendars).FindForCase(request);
        Guard.Against.InvalidArgument(calendar is null || string.IsNullOrWhiteSpace(chosen), nameof(calendars), $"The case calendar lookup gave no calendar for case '{caseId}'.");
        name = chosen;
        return calendar;
    }

    /// <summary>The department a case was first assigned to by <paramref name="now"/>: a ticket's assignment or transfer naming one, a complaint's investigation.</summary>
    private static DepartmentId? FirstTeam<TEvent>(IReadOnlyList<TEvent> history, Instant now)
        where TEvent : IDomainEvent
    {
        for (var i = 0; i < history.Count && history[i].OccurredAt <= now; i++)
        {
            DepartmentId? team = history[i] switch
            {
                TicketAssigned e => e.Department,
                TicketTransferred e => e.Department,
                InvestigationAssigned e => e.Department,
                _ => null,
            };
            if (team is not null)
            {
                return team;
            }
        }

        return null;
    }

    /// <summary>What the allocating evaluations add to the statuses: the completed cycles and the breakdown by holder.</summary>
    private sealed class Extras
    {
        // Who held the case from when, for the history last broken down (the same for every metric and agreement of a case).
        private object? _holdersOf;
        private int _holdersUpTo;
        private Instant[] _holderFrom = [];
        private CaseHolder[] _holders = [];

        public List<SlaCycle> Cycles { get; } = [];

        public List<SlaBreakdown> Breakdowns { get; } = [];

        public SlaEvaluation Evaluation(ReadOnlySpan<SlaStatus> statuses, SlaEvaluationSummary summary) =>
            new(statuses.ToArray(), summary.NextChangeAt) { CalendarName = summary.CalendarName, CompletedCycles = Cycles, Breakdowns = Breakdowns };

        /// <summary>The breakdown of the status just computed, for a clock that started.</summary>
        public void Break<TEvent>(ref MetricClock clock, IReadOnlyList<TEvent> history, int events, long now, Priority priority, in SlaStatus status)
            where TEvent : IDomainEvent
        {
            if (status.State == SlaState.NotApplicable)
            {
                return;
            }

            if (!ReferenceEquals(_holdersOf, history) || _holdersUpTo != events)
            {
                (_holderFrom, _holders) = Holders(history, events);
                (_holdersOf, _holdersUpTo) = (history, events);
            }

            Breakdowns.Add(clock.Breakdown(now, priority, _holderFrom, _holders, status));
        }

        /// <summary>Who held the case from when: each assignment or transfer (a complaint's investigation assignment) up to the events evaluated.</summary>
        private static (Instant[] From, CaseHolder[] Holders) Holders<TEvent>(IReadOnlyList<TEvent> history, int events)
            where TEvent : IDomainEvent
        {
            var count = 0;
            for (var i = 0; i < events; i++)
            {
                count += HolderOf(history[i]) is null ? 0 : 1;
            }

            var from = new Instant[count];
            var holders = new CaseHolder[count];
            for (int i = 0, h = 0; i < events; i++)
            {
                if (HolderOf(history[i]) is { } holder)
                {
                    (from[h], holders[h]) = (history[i].OccurredAt, holder);
                    h++;
                }
            }

            return (from, holders);
        }

        private static CaseHolder? HolderOf<TEvent>(TEvent e)
            where TEvent : IDomainEvent => e switch
        {
            TicketAssigned a => new CaseHolder(a.Assignee, a.Department),
            TicketTransferred t => new CaseHolder(t.To, t.Department),
            InvestigationAssigned a => new CaseHolder(a.Person, a.Department),
            _ => null,
        };
    }

    /// <summary>When an agreement's clocks count: over the whole case, while its team holds it, or while it is referred.</summary>
    private enum Window : byte
    {
        WholeCase,
        Team,
        Referral,
    }

    private static Window WindowOf(AgreementVersion agreement) => agreement.Kind switch
    {
        AgreementKind.OperationalLevel when agreement.Team is not null => Window.Team,
        AgreementKind.UnderpinningContract => Window.Referral,
        _ => Window.WholeCase,
    };

    /// <summary>Whether a case that recorded <paramref name="agreement"/> and <paramref name="others"/> falls under <paramref name="reference"/>; any does when it recorded none.</summary>
    private static bool IsRecorded(AgreementReference? agreement, IReadOnlyList<AgreementReference> others, AgreementReference reference)
    {
        if (agreement is null && others.Count == 0)
        {
            return true;
        }

        if (agreement == reference)
        {
            return true;
        }

        for (var i = 0; i < others.Count; i++)
        {
            if (others[i] == reference)
            {
                return true;
            }
        }

        return false;
    }

    private static string Recorded(AgreementReference? agreement, IReadOnlyList<AgreementReference> others) =>
        string.Join(", ", (agreement is { } a ? new[] { a } : []).Concat(others));

    /// <summary>
    /// Checks that <paramref name="agreements"/> is the set a case recorded (any set when it recorded none), each once and
    /// each in force when the case began at <paramref name="start"/>, with room for their statuses.
    /// </summary>
    private static void CheckAgreementSet<TList>(
        TList agreements, AgreementReference? agreement, IReadOnlyList<AgreementReference> others, Instant start, int room, string kind)
        where TList : IReadOnlyList<AgreementVersion>
    {
        Guard.Against.Null(agreements);
        Guard.Against.InvalidArgument(agreements.Count == 0, nameof(agreements), "Give at least one agreement version.");
        var recorded = (agreement is null ? 0 : 1) + others.Count;
        // Plain checks rather than guards with formatted messages: this runs on every evaluation, and a guard's message
        // handler costs something even when the check passes.
        var count = agreements.Count;
        for (var i = 0; i < count; i++)
        {
            var version = Guard.Against.Null(agreements[i], nameof(agreements));
            for (var j = 0; j < i; j++)
            {
                if (agreements[j].Id == version.Id)
                {
                    throw new ArgumentException($"Agreement {version.Id} is given twice.", nameof(agreements));
                }
            }

            if (!IsRecorded(agreement, others, version.Reference))
            {
                throw new ArgumentException($"The {kind} falls under {Recorded(agreement, others)}, not {version.Reference}.", nameof(agreements));
            }

            CheckInForce(version, start, kind, nameof(agreements));
        }

        if (recorded != 0 && recorded != count)
        {
            throw new ArgumentException($"The {kind} falls under {Recorded(agreement, others)}; evaluate it with all of them, not {count}.", nameof(agreements));
        }

        if (room < MaxStatusesPerCase * count)
        {
            Refuse($"The destination must hold {MaxStatusesPerCase} statuses per agreement ({MaxStatusesPerCase * count}); it holds {room}.", "destination");
        }
    }

    /// <summary>
    /// Checks that <paramref name="version"/> was in force when the case began at <paramref name="start"/>: a version applies
    /// only to the cases that begin while it is in force, whoever recorded it on the case.
    /// </summary>
    private static void CheckInForce(AgreementVersion version, Instant start, string kind, string parameterName)
    {
        if (!version.IsInForceAt(start))
        {
            RefuseNotInForce(version, start, kind, parameterName);
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void RefuseNotInForce(AgreementVersion version, Instant start, string kind, string parameterName) =>
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"{version.Reference} is in force from {version.EffectiveFrom}{(version.EffectiveUntil is { } until ? $" until {until}" : string.Empty)}; the {kind} began at {start}, when it was not, so it does not apply to the {kind}."),
            parameterName);

    /// <summary>Refuses an argument of the public caller's (here, its destination), which this method does not itself take.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Refuse(string message, string parameterName) => throw new ArgumentException(message, parameterName);

    /// <summary>
    /// The agreement versions a caller passed, as a value type, so that the evaluations over a list are compiled for it
    /// rather than shared with every reference type (shared code looks its calls up at run time).
    /// </summary>
    private readonly struct VersionList(IReadOnlyList<AgreementVersion> versions) : IReadOnlyList<AgreementVersion>
    {
        public int Count => versions.Count;

        public AgreementVersion this[int index] => versions[index];

        public IEnumerator<AgreementVersion> GetEnumerator() => versions.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static bool HasTargets(AgreementVersion agreement, Metric metric) => (agreement.MetricsWithTargets & (1 << (int)metric)) != 0;

    private static Instant? Earliest(Instant? a, Instant? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
