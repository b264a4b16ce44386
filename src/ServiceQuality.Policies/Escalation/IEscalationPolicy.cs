using NodaTime;

namespace ServiceQuality.Policies.Escalation;

/// <summary>
/// Decides whether a case escalates now, and says when its decision could next change. Decisions are idempotent and never
/// go down: a level at or below the one already reached never fires again. Pure and thread-safe.
/// </summary>
/// <remarks>
/// <see cref="Assessment.CaseAssessor"/> asks the registered policy — stock or custom — for both answers, so a host that
/// wakes a case only at the assessment's <see cref="Assessment.CaseAssessment.NextChangeAt"/> records the same
/// escalations as one that re-assesses every case every minute. A policy whose decisions depend on time must therefore
/// say when in <see cref="NextChangeAt"/>.
/// </remarks>
public interface IEscalationPolicy
{
    /// <summary>What the policy does, in words.</summary>
    string Description { get; }

    /// <summary>The decision for a case at an instant.</summary>
    /// <param name="context">The case at an instant.</param>
    /// <returns>A new, higher level with its reason, or <see cref="EscalationDecision.None"/>.</returns>
    EscalationDecision Decide(EscalationContext context);

    /// <summary>
    /// The earliest instant after <see cref="EscalationContext.Now"/> at which <see cref="Decide"/> could decide
    /// differently for the same case if nothing else happens to it (no new event); null when time alone never changes it.
    /// An earlier answer only costs a wasted look; a later one delays an escalation.
    /// </summary>
    /// <param name="context">The case at an instant.</param>
    /// <returns>The instant, or null.</returns>
    Instant? NextChangeAt(EscalationContext context);
}
