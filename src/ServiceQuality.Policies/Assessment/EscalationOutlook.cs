using NodaTime;
using ServiceQuality.Policies.Escalation;

namespace ServiceQuality.Policies.Assessment;

/// <summary>
/// A case's escalation at one instant, without its clocks: what the policy decides now and when that decision can next
/// change (<see cref="CaseAssessor.DecideEscalation(Domain.Tickets.Ticket, IReadOnlyList{Domain.ServiceLevels.SlaStatus}, string, Instant)"/>).
/// </summary>
/// <param name="Decision">The decision (<see cref="EscalationDecision.None"/> when nothing fires); record it with <c>ApplyTo</c>.</param>
/// <param name="NextChangeAt">
/// The earliest instant after now at which the decision alone can change without a new event, or a deferred notification
/// falls due; null when neither will, and for a case that accepts no escalation. The same instant as
/// <see cref="CaseAssessment.NextEscalationChangeAt"/>.
/// </param>
public readonly record struct EscalationOutlook(EscalationDecision Decision, Instant? NextChangeAt);
