using NodaTime;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Policies.Escalation;

namespace ServiceQuality.Policies.Assessment;

/// <summary>Everything about one case at one instant: its SLA statuses, the escalation decision, and when to look again.</summary>
/// <param name="Sla">The SLA statuses.</param>
/// <param name="Escalation">The escalation decision (<see cref="EscalationDecision.None"/> when nothing fires).</param>
/// <param name="NextChangeAt">
/// The earliest instant after now at which anything about the case can change without a new event (a warning stage, a
/// deadline, a time-based escalation); null when nothing will. Schedule the case for then.
/// </param>
public sealed record CaseAssessment(SlaEvaluation Sla, EscalationDecision Escalation, Instant? NextChangeAt)
{
    /// <summary>
    /// The earliest instant after now at which the escalation decision alone can change without a new event (the policy's next
    /// time-based firing) or a deferred notification falls due; null when neither will, and for a case that accepts no
    /// escalation. Never earlier than <see cref="NextChangeAt"/>: a host that only records escalations (a warning stage is
    /// no concern of it) wakes the case at this instant, or at its next event, and skips the SLA's other changes.
    /// </summary>
    public Instant? NextEscalationChangeAt { get; init; }
}
