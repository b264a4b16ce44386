namespace ServiceQuality.Policies.Escalation;

/// <summary>
/// Decides whether a case escalates now. Decisions are idempotent and never go down: a level at or below the one already
/// reached never fires again. Pure and thread-safe.
/// </summary>
public interface IEscalationPolicy
{
    /// <summary>What the policy does, in words.</summary>
    string Description { get; }

    /// <summary>The decision for a case at an instant.</summary>
    /// <param name="context">The case at an instant.</param>
    /// <returns>A new, higher level with its reason, or <see cref="EscalationDecision.None"/>.</returns>
    EscalationDecision Decide(EscalationContext context);
}
