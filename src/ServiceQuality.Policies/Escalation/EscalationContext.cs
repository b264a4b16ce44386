using NodaTime;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Policies.Escalation;

/// <summary>
/// What escalation rules see of one case at one instant. <see cref="Assessment.CaseAssessor"/> assembles it from the case
/// (the level comes from the case's own <c>Escalation</c> track); rules only read it.
/// </summary>
/// <param name="Now">The instant of the decision.</param>
/// <param name="CurrentLevel">The level already reached (0 when never escalated); decisions never go below or repeat it.</param>
/// <param name="Statuses">The case's SLA statuses at <paramref name="Now"/>.</param>
/// <param name="CustomerTier">The customer's tier, if known.</param>
/// <param name="Complaint">The complaint, when the case is one (null for a ticket: see <see cref="Ticket"/>).</param>
/// <param name="RecentComplaintsFromCustomer">When the customer's other complaints were received (for repeat-complaint rules).</param>
public sealed record EscalationContext(
    Instant Now, int CurrentLevel, IReadOnlyList<SlaStatus> Statuses, ServiceTier? CustomerTier = null, Complaint? Complaint = null,
    IReadOnlyList<Instant>? RecentComplaintsFromCustomer = null)
{
    /// <summary>
    /// The calendar the business-time statuses run on (the agreement's), for rules that work out when they will fire;
    /// <see cref="BusinessCalendar.AlwaysOpen"/> when the agreement names none.
    /// </summary>
    public BusinessCalendar Calendar { get; init; } = BusinessCalendar.AlwaysOpen;

    /// <summary>The ticket, when the case is one (null for a complaint).</summary>
    public Ticket? Ticket { get; init; }
}
