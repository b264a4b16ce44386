using System.Globalization;
using System.Text;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Agreements.Events;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Testing;

/// <summary>
/// Writes an SLA rule check as a readable sequence: open a ticket, respond, hold and resume, resolve, then evaluate and
/// expect. Every step drives the real <see cref="Ticket"/>, so a step the ticket refuses fails as the API would. Times
/// are local date-times in the calendar's zone.
/// </summary>
/// <example>
/// <code>
/// SlaScenario.For(agreement, calendar)
///     .OpenedAt(new LocalDateTime(2025, 3, 7, 16, 30), Priority.P2)
///     .RespondAt(new LocalDateTime(2025, 3, 10, 9, 20))
///     .EvaluateAt(new LocalDateTime(2025, 3, 10, 12, 0))
///     .Expect(Metric.FirstResponse).Met();
/// </code>
/// </example>
public sealed class SlaScenario
{
    private const string ScenarioCalendarName = "scenario-calendar";
    private static readonly StaffId Agent = new("scenario-agent");
    private readonly ServiceLevelAgreement _agreement;
    private readonly BusinessCalendar _calendar;
    private readonly ICalendarLookup _calendars;
    private Ticket? _ticket;

    private SlaScenario(ServiceLevelAgreement agreement, BusinessCalendar calendar)
    {
        _agreement = agreement.CalendarName is null ? NamingTheCalendar(agreement) : agreement;
        _calendar = calendar;
        _calendars = CalendarLookup.Of(_agreement.CalendarName ?? ScenarioCalendarName, calendar);
    }

    /// <summary>
    /// Starts a scenario for an agreement, measured on <paramref name="calendar"/>: the calendar the agreement names,
    /// by whatever name, and also when the agreement names none (as <see cref="AgreementBuilder"/> leaves it by default).
    /// </summary>
    /// <param name="agreement">The agreement version; it is not changed.</param>
    /// <param name="calendar">The business calendar to measure on (use <see cref="BusinessCalendar.AlwaysOpen"/> for around the clock).</param>
    /// <returns>The scenario.</returns>
    public static SlaScenario For(ServiceLevelAgreement agreement, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(calendar);
        return new SlaScenario(agreement, calendar);
    }

    /// <summary>Opens the ticket.</summary>
    /// <param name="at">When, in local time.</param>
    /// <param name="priority">Its priority.</param>
    /// <param name="tier">The customer's tier (ordinary by default).</param>
    /// <param name="onSiteVisit">Whether it needs an on-site visit.</param>
    /// <returns>This scenario.</returns>
    public SlaScenario OpenedAt(LocalDateTime at, Priority priority, ServiceTier? tier = null, bool onSiteVisit = false)
    {
        _ticket = Ticket.Open(new TicketId("scenario"), new CustomerId("scenario-customer"), TicketKind.RepairRequest, Channel.Hotline, priority, Agent,
            tier ?? ServiceTier.Ordinary, Instant(at), _agreement.Reference, onSiteVisit);
        _ticket.Assign(Agent, null, Instant(at));
        _ticket.StartWork(Instant(at));
        return this;
    }

    /// <summary>Records a public response.</summary>
    /// <param name="at">When.</param>
    /// <returns>This scenario.</returns>
    public SlaScenario RespondAt(LocalDateTime at) => Step(t => t.RecordResponse(Agent, true, Instant(at)));

    /// <summary>Puts the ticket on hold from <paramref name="from"/> and resumes it at <paramref name="to"/>.</summary>
    /// <param name="from">When the hold starts.</param>
    /// <param name="to">When work resumes.</param>
    /// <param name="reason">Why; null (the default) for <see cref="HoldReason.WaitingForCustomer"/>.</param>
    /// <returns>This scenario.</returns>
    public SlaScenario HoldBetween(LocalDateTime from, LocalDateTime to, HoldReason? reason = null) =>
        Step(t =>
        {
            t.Hold(reason ?? HoldReason.WaitingForCustomer, Instant(from));
            t.Resume(Instant(to));
        });

    /// <summary>Puts the ticket on hold (and leaves it there).</summary>
    /// <param name="from">When the hold starts.</param>
    /// <param name="reason">Why; null (the default) for <see cref="HoldReason.WaitingForCustomer"/>.</param>
    /// <returns>This scenario.</returns>
    public SlaScenario HoldFrom(LocalDateTime from, HoldReason? reason = null) => Step(t => t.Hold(reason ?? HoldReason.WaitingForCustomer, Instant(from)));

    /// <summary>Changes the priority.</summary>
    /// <param name="at">When.</param>
    /// <param name="priority">The new priority.</param>
    /// <returns>This scenario.</returns>
    public SlaScenario ChangePriorityAt(LocalDateTime at, Priority priority) => Step(t => t.ChangePriority(priority, Instant(at)));

    /// <summary>Resolves the ticket.</summary>
    /// <param name="at">When.</param>
    /// <returns>This scenario.</returns>
    public SlaScenario ResolveAt(LocalDateTime at) => Step(t => t.Resolve(Agent, Instant(at)));

    /// <summary>Reopens the ticket.</summary>
    /// <param name="at">When.</param>
    /// <returns>This scenario.</returns>
    public SlaScenario ReopenAt(LocalDateTime at) => Step(t => t.Reopen("scenario reopen", Instant(at)));

    /// <summary>Cancels the ticket.</summary>
    /// <param name="at">When.</param>
    /// <returns>This scenario.</returns>
    public SlaScenario CancelAt(LocalDateTime at) => Step(t => t.Cancel("scenario cancel", Instant(at)));

    /// <summary>Evaluates the ticket's clocks at <paramref name="at"/>.</summary>
    /// <param name="at">When, in local time.</param>
    /// <returns>The outcome to set expectations on.</returns>
    public SlaOutcome EvaluateAt(LocalDateTime at)
    {
        var ticket = _ticket ?? throw new InvalidOperationException("Open the ticket first (OpenedAt).");
        var now = Instant(at);
        return new SlaOutcome(SlaClock.EvaluateTicket(ticket.History, _agreement, _calendars, now), ticket, _calendar, now);
    }

    /// <summary>
    /// The same agreement version naming the scenario's calendar. The SLA clock measures an agreement that names no
    /// calendar around the clock without asking the lookup, which would contradict the calendar the scenario was given
    /// (and shows in its failure messages); so the scenario measures a copy rebuilt from the agreement's history, with
    /// the calendar named where the history leaves it unnamed.
    /// </summary>
    private static ServiceLevelAgreement NamingTheCalendar(ServiceLevelAgreement agreement) =>
        ServiceLevelAgreement.FromHistory(agreement.History.Select(e => e switch
        {
            AgreementDrafted { CalendarName: null } drafted => drafted with { CalendarName = ScenarioCalendarName },
            AgreementCalendarSet { CalendarName: null } set => set with { CalendarName = ScenarioCalendarName },
            _ => e,
        }));

    private SlaScenario Step(Action<Ticket> step)
    {
        step(_ticket ?? throw new InvalidOperationException("Open the ticket first (OpenedAt)."));
        return this;
    }

    private Instant Instant(LocalDateTime at) => at.InZoneLeniently(_calendar.Zone).ToInstant();

    /// <summary>Renders a ticket's timeline and the calendar's open intervals around an instant, for failure messages.</summary>
    internal static string Context(Ticket ticket, BusinessCalendar calendar, Instant around)
    {
        string Local(Instant i) => MessageText.WithDay(i, calendar.Zone);
        var text = new StringBuilder().AppendLine().AppendLine("Timeline:");
        foreach (var e in ticket.History)
        {
            text.Append("  ").Append(Local(e.OccurredAt)).Append("  ").AppendLine(e.GetType().Name);
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Open hours ({calendar.Zone.Id}) around {Local(around)}:");
        var from = Max(calendar.SupportedRange.Start, around - Duration.FromDays(3));
        var to = Min(calendar.SupportedRange.End - Duration.Epsilon, around + Duration.FromDays(3));
        foreach (var interval in calendar.OpenIntervals(from, to))
        {
            text.Append("  ").Append(Local(interval.Start)).Append(" - ").AppendLine(Local(interval.End));
        }

        return text.ToString();
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
