using NodaTime;

namespace ServiceQuality.Policies.Escalation;

/// <summary>What the escalation policy decided for a case: escalate to a new, higher level, or nothing.</summary>
/// <param name="Step">The level to escalate to, or null when nothing fires.</param>
/// <param name="ReasonCode">The deciding rule's code, or null.</param>
/// <param name="Description">The deciding rule's description, or null.</param>
/// <param name="NotifyAt">When to tell the level's target: now, or the next open instant when deferred to open hours.</param>
public sealed record EscalationDecision(EscalationStep? Step, string? ReasonCode, string? Description, Instant? NotifyAt)
{
    /// <summary>Nothing fires.</summary>
    public static EscalationDecision None { get; } = new(null, null, null, null);

    /// <summary>Whether a new level fires.</summary>
    public bool Fires => Step is not null;

    /// <summary>Whether the notification must not wait for open hours.</summary>
    public bool Immediate { get; init; }
}
