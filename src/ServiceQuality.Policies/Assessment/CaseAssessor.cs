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
/// Assesses one case at one instant: evaluates its SLA clocks, asks the escalation policy, and works out the next
/// instant anything can change. Pure (reads no clock) and thread-safe.
/// </summary>
public sealed class CaseAssessor
{
    private readonly ICalendarLookup _calendars;
    private readonly IEscalationPolicy _escalation;
    private readonly ITimedEscalationRule[] _timedRules;

    /// <summary>Creates the assessor.</summary>
    /// <param name="calendars">Finds the calendars agreements name.</param>
    /// <param name="escalation">The escalation policy.</param>
    /// <param name="rules">The escalation rules in use; the timed ones tell when they will fire.</param>
    public CaseAssessor(ICalendarLookup calendars, IEscalationPolicy escalation, IEnumerable<IEscalationRule> rules)
    {
        Guard.Against.Null(calendars);
        Guard.Against.Null(escalation);
        Guard.Against.Null(rules);
        (_calendars, _escalation) = (calendars, escalation);
        _timedRules = [.. rules.OfType<ITimedEscalationRule>()];
    }

    /// <summary>Assesses a ticket.</summary>
    /// <param name="ticket">The ticket.</param>
    /// <param name="agreement">The agreement version it was opened under.</param>
    /// <param name="now">The instant.</param>
    /// <param name="currentLevel">The escalation level already reached.</param>
    /// <returns>The assessment.</returns>
    public CaseAssessment AssessTicket(Ticket ticket, ServiceLevelAgreement agreement, Instant now, int currentLevel = 0)
    {
        Guard.Against.Null(ticket);
        var sla = SlaClock.EvaluateTicket(ticket.History, agreement, _calendars, now);
        return Assess(sla, agreement, new EscalationContext(now, currentLevel, sla.Statuses, ticket.CustomerTier), now);
    }

    /// <summary>Assesses a complaint.</summary>
    /// <param name="complaint">The complaint.</param>
    /// <param name="customerTier">The customer's tier.</param>
    /// <param name="agreement">The agreement version it falls under.</param>
    /// <param name="now">The instant.</param>
    /// <param name="currentLevel">The escalation level already reached (for example <see cref="Complaint.EscalationLevel"/>).</param>
    /// <param name="recentComplaintsFromCustomer">When the customer's other complaints were received.</param>
    /// <returns>The assessment.</returns>
    public CaseAssessment AssessComplaint(
        Complaint complaint, ServiceTier customerTier, ServiceLevelAgreement agreement, Instant now, int currentLevel = 0, IReadOnlyList<Instant>? recentComplaintsFromCustomer = null)
    {
        Guard.Against.Null(complaint);
        var sla = SlaClock.EvaluateComplaint(complaint.History, customerTier, agreement, _calendars, now);
        return Assess(sla, agreement, new EscalationContext(now, currentLevel, sla.Statuses, customerTier, complaint, recentComplaintsFromCustomer), now);
    }

    private CaseAssessment Assess(SlaEvaluation sla, ServiceLevelAgreement agreement, EscalationContext context, Instant now)
    {
        var decision = _escalation.Decide(context);
        var next = sla.NextChangeAt;
        foreach (var status in sla.Statuses)
        {
            var calendar = status.Basis == TimeBasis.CalendarTime || agreement.CalendarName is null ? BusinessCalendar.AlwaysOpen : _calendars.Find(agreement.CalendarName);
            foreach (var rule in _timedRules)
            {
                if (rule.NextFiringAt(status, calendar, now) is { } firing && (next is null || firing < next))
                {
                    next = firing;
                }
            }
        }

        return new CaseAssessment(sla, decision, next);
    }
}
