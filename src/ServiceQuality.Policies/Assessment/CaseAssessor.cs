using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Policies.Escalation;

namespace ServiceQuality.Policies.Assessment;

/// <summary>
/// Assesses one case at one instant: evaluates its SLA clocks, asks the escalation policy what to do now (from the level the
/// case has reached, read from its escalation track) and when its decision could next change, and works out the next
/// instant anything about the case can change. Pure (reads no clock) and thread-safe.
/// </summary>
/// <remarks>
/// The loop a host runs: assess, record a firing decision with <see cref="EscalationDecision.ApplyTo(Ticket, Instant)"/>
/// (or the complaint overload), notify the step's target at <see cref="EscalationDecision.NotifyAt"/>, and look again at
/// <see cref="CaseAssessment.NextChangeAt"/> (an <see cref="AssessmentScheduler{TCase}"/> keeps the cases by that instant).
/// A case that accepts no escalation (resolved, closed, cancelled, merged) gets <see cref="EscalationDecision.None"/>.
/// </remarks>
public sealed class CaseAssessor
{
    private readonly ICalendarLookup _calendars;
    private readonly IEscalationPolicy _escalation;

    /// <summary>Creates the assessor.</summary>
    /// <param name="calendars">Finds the calendars agreements name.</param>
    /// <param name="escalation">The escalation policy: it decides, and it says when its decision could next change.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CaseAssessor(ICalendarLookup calendars, IEscalationPolicy escalation)
    {
        Guard.Against.Null(calendars);
        Guard.Against.Null(escalation);
        (_calendars, _escalation) = (calendars, escalation);
    }

    /// <summary>Assesses a ticket.</summary>
    /// <param name="ticket">The ticket; its escalation track gives the level already reached.</param>
    /// <param name="agreement">The agreement version it was opened under.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The ticket was opened under another version (see <see cref="SlaClock"/>).</exception>
    public CaseAssessment AssessTicket(Ticket ticket, AgreementVersion agreement, Instant now)
    {
        Guard.Against.Null(ticket);
        Guard.Against.Null(agreement);
        var sla = SlaClock.EvaluateTicket(ticket.History, agreement, _calendars, now);
        var context = new EscalationContext(now, ticket.Escalation.Level, sla.Statuses, ticket.CustomerTier) { Calendar = CalendarOf(sla, agreement), Ticket = ticket };
        return Assess(sla, context, ticket.CanEscalate());
    }

    /// <summary>Assesses a ticket against a published agreement's version (<see cref="ServiceLevelAgreement.Published"/>).</summary>
    /// <param name="ticket">The ticket; its escalation track gives the level already reached.</param>
    /// <param name="agreement">The published agreement it was opened under.</param>
    /// <param name="now">The instant.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The agreement is a draft, or the ticket was opened under another version.</exception>
    public CaseAssessment AssessTicket(Ticket ticket, ServiceLevelAgreement agreement, Instant now) => AssessTicket(ticket, Published(agreement), now);

    /// <summary>Assesses a complaint.</summary>
    /// <param name="complaint">The complaint; its escalation track gives the level already reached.</param>
    /// <param name="customerTier">The customer's tier.</param>
    /// <param name="agreement">The agreement version it falls under.</param>
    /// <param name="now">The instant.</param>
    /// <param name="recentComplaintsFromCustomer">When the customer's other complaints were received (for the repeat-complaint rule), or null for none.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="recentComplaintsFromCustomer"/> is null.</exception>
    /// <exception cref="ArgumentException">The complaint was received under another version or tier (see <see cref="SlaClock"/>).</exception>
    public CaseAssessment AssessComplaint(
        Complaint complaint, ServiceTier customerTier, AgreementVersion agreement, Instant now, IReadOnlyList<Instant>? recentComplaintsFromCustomer)
    {
        Guard.Against.Null(complaint);
        Guard.Against.Null(agreement);
        var sla = SlaClock.EvaluateComplaint(complaint.History, customerTier, agreement, _calendars, now);
        var context = new EscalationContext(now, complaint.Escalation.Level, sla.Statuses, customerTier, complaint, recentComplaintsFromCustomer)
        {
            Calendar = CalendarOf(sla, agreement),
        };
        return Assess(sla, context, complaint.CanEscalate());
    }

    /// <summary>Assesses a complaint against a published agreement's version (<see cref="ServiceLevelAgreement.Published"/>).</summary>
    /// <param name="complaint">The complaint; its escalation track gives the level already reached.</param>
    /// <param name="customerTier">The customer's tier.</param>
    /// <param name="agreement">The published agreement it falls under.</param>
    /// <param name="now">The instant.</param>
    /// <param name="recentComplaintsFromCustomer">When the customer's other complaints were received (for the repeat-complaint rule).</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The agreement is a draft, or the complaint was received under another version or tier.</exception>
#pragma warning disable RS0027 // the overloads differ only in the agreement's type; this one keeps the optional parameter it shipped with
    public CaseAssessment AssessComplaint(
        Complaint complaint, ServiceTier customerTier, ServiceLevelAgreement agreement, Instant now, IReadOnlyList<Instant>? recentComplaintsFromCustomer = null) =>
        AssessComplaint(complaint, customerTier, Published(agreement), now, recentComplaintsFromCustomer);
#pragma warning restore RS0027

    private static AgreementVersion Published(ServiceLevelAgreement agreement)
    {
        Guard.Against.Null(agreement);
        return agreement.Status == AgreementStatus.Draft
            ? throw new ArgumentException($"{agreement.Reference} is a draft; only published versions are measured against.", nameof(agreement))
            : agreement.Published;
    }

    /// <summary>
    /// Assesses a ticket from an evaluation the caller already made at <paramref name="now"/> (for example one evaluation of
    /// every agreement the ticket recorded, kept for a report, or an allocation-free one wrapped in an
    /// <see cref="SlaEvaluation"/>), so the clocks are not folded a second time.
    /// </summary>
    /// <param name="ticket">The ticket as it stands at <paramref name="now"/>; its escalation track gives the level already reached.</param>
    /// <param name="sla">
    /// Its evaluation at <paramref name="now"/>. The escalation policy reads every status in it: give only the statuses of
    /// the agreements that escalate (the customer SLA's, as <see cref="AssessTicket(Ticket, ServiceLevelAgreement, Instant)"/> does).
    /// Time rules in business time use the calendar it names (<see cref="SlaEvaluation.CalendarName"/>; none is around the clock).
    /// </param>
    /// <param name="now">The instant it was evaluated at.</param>
    /// <returns>The assessment, with <paramref name="sla"/> as its <see cref="CaseAssessment.Sla"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The calendar the evaluation names is not known to the assessor's lookup.</exception>
    public CaseAssessment AssessEvaluated(Ticket ticket, SlaEvaluation sla, Instant now)
    {
        Guard.Against.Null(ticket);
        Guard.Against.Null(sla);
        var context = new EscalationContext(now, ticket.Escalation.Level, sla.Statuses, ticket.CustomerTier) { Calendar = CalendarOf(sla, null), Ticket = ticket };
        return Assess(sla, context, ticket.CanEscalate());
    }

    /// <summary>
    /// Assesses a complaint from an evaluation the caller already made at <paramref name="now"/>; see
    /// <see cref="AssessEvaluated(Ticket, SlaEvaluation, Instant)"/>.
    /// </summary>
    /// <param name="complaint">The complaint as it stands at <paramref name="now"/>; its escalation track gives the level already reached.</param>
    /// <param name="customerTier">The customer's tier.</param>
    /// <param name="sla">Its evaluation at <paramref name="now"/>, holding only the statuses of the agreements that escalate.</param>
    /// <param name="now">The instant it was evaluated at.</param>
    /// <param name="recentComplaintsFromCustomer">When the customer's other complaints were received (for the repeat-complaint rule), or null for none.</param>
    /// <returns>The assessment, with <paramref name="sla"/> as its <see cref="CaseAssessment.Sla"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The calendar the evaluation names is not known to the assessor's lookup.</exception>
    public CaseAssessment AssessEvaluated(Complaint complaint, ServiceTier customerTier, SlaEvaluation sla, Instant now, IReadOnlyList<Instant>? recentComplaintsFromCustomer)
    {
        Guard.Against.Null(complaint);
        Guard.Against.Null(sla);
        var context = new EscalationContext(now, complaint.Escalation.Level, sla.Statuses, customerTier, complaint, recentComplaintsFromCustomer) { Calendar = CalendarOf(sla, null) };
        return Assess(sla, context, complaint.CanEscalate());
    }

    /// <summary>
    /// Decides a ticket's escalation from clocks the caller already evaluated at <paramref name="now"/>, without building an
    /// assessment: the same decision and the same <see cref="CaseAssessment.NextEscalationChangeAt"/> as
    /// <see cref="AssessEvaluated(Ticket, SlaEvaluation, Instant)"/> gives for those statuses, for a host's hot loop that
    /// records escalations and reads nothing else (an allocation-free <c>SlaClock.Evaluate…</c> into a reused buffer, then this).
    /// </summary>
    /// <param name="ticket">The ticket as it stands at <paramref name="now"/>; its escalation track gives the level already reached.</param>
    /// <param name="statuses">Its statuses at <paramref name="now"/> under the agreements that escalate (the customer SLA's); read only during the call.</param>
    /// <param name="calendarName">The calendar the statuses were measured on (the evaluation's <see cref="SlaEvaluation.CalendarName"/>), or null for around the clock.</param>
    /// <param name="now">The instant they were evaluated at.</param>
    /// <returns>The decision (<see cref="EscalationDecision.None"/> for a ticket that accepts no escalation) and when it can next change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ticket"/> or <paramref name="statuses"/> is null.</exception>
    /// <exception cref="ArgumentException">The calendar is not known to the assessor's lookup.</exception>
    public EscalationOutlook DecideEscalation(Ticket ticket, IReadOnlyList<SlaStatus> statuses, string? calendarName, Instant now)
    {
        Guard.Against.Null(ticket);
        Guard.Against.Null(statuses);
        if (!ticket.CanEscalate())
        {
            return new EscalationOutlook(EscalationDecision.None, null);
        }

        return Decide(new EscalationContext(now, ticket.Escalation.Level, statuses, ticket.CustomerTier) { Calendar = CalendarOf(calendarName), Ticket = ticket });
    }

    /// <summary>
    /// Decides a complaint's escalation from clocks the caller already evaluated at <paramref name="now"/>, without building
    /// an assessment; see <see cref="DecideEscalation(Ticket, IReadOnlyList{SlaStatus}, string, Instant)"/>.
    /// </summary>
    /// <param name="complaint">The complaint as it stands at <paramref name="now"/>; its escalation track gives the level already reached.</param>
    /// <param name="customerTier">The customer's tier.</param>
    /// <param name="statuses">Its statuses at <paramref name="now"/> under the agreements that escalate; read only during the call.</param>
    /// <param name="calendarName">The calendar the statuses were measured on, or null for around the clock.</param>
    /// <param name="now">The instant they were evaluated at.</param>
    /// <param name="recentComplaintsFromCustomer">When the customer's other complaints were received (for the repeat-complaint rule), or null for none.</param>
    /// <returns>The decision (<see cref="EscalationDecision.None"/> for a complaint that accepts no escalation) and when it can next change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> or <paramref name="statuses"/> is null.</exception>
    /// <exception cref="ArgumentException">The calendar is not known to the assessor's lookup.</exception>
    public EscalationOutlook DecideEscalation(
        Complaint complaint, ServiceTier customerTier, IReadOnlyList<SlaStatus> statuses, string? calendarName, Instant now, IReadOnlyList<Instant>? recentComplaintsFromCustomer)
    {
        Guard.Against.Null(complaint);
        Guard.Against.Null(statuses);
        if (!complaint.CanEscalate())
        {
            return new EscalationOutlook(EscalationDecision.None, null);
        }

        return Decide(new EscalationContext(now, complaint.Escalation.Level, statuses, customerTier, complaint, recentComplaintsFromCustomer) { Calendar = CalendarOf(calendarName) });
    }

    /// <summary>The calendar the case was measured on (the one chosen for it, when the agreement takes it from the case).</summary>
    private BusinessCalendar CalendarOf(SlaEvaluation sla, AgreementVersion? agreement) => CalendarOf(sla.CalendarName ?? agreement?.CalendarName);

    private BusinessCalendar CalendarOf(string? name) => name is not null ? _calendars.Find(name) : BusinessCalendar.AlwaysOpen;

    private CaseAssessment Assess(SlaEvaluation sla, EscalationContext context, bool canEscalate)
    {
        var next = sla.NextChangeAt;
        if (!canEscalate)
        {
            return new CaseAssessment(sla, EscalationDecision.None, next);
        }

        var (decision, escalation) = Decide(context);
        return new CaseAssessment(sla, decision, Earliest(next, escalation)) { NextEscalationChangeAt = escalation };
    }

    /// <summary>The policy's decision for a case that accepts escalation, and when the decision can next change.</summary>
    private EscalationOutlook Decide(EscalationContext context)
    {
        var decision = _escalation.Decide(context);
        var escalation = _escalation.NextChangeAt(context);

        // A decision notified later (deferred to open hours) is a change the host must wake for.
        if (decision.Fires && decision.NotifyAt is { } notifyAt && notifyAt > context.Now)
        {
            escalation = Earliest(escalation, notifyAt);
        }

        return new EscalationOutlook(decision, escalation);
    }

    private static Instant? Earliest(Instant? a, Instant? b) => a is null ? b : b is null ? a : Instant.Min(a.Value, b.Value);
}
