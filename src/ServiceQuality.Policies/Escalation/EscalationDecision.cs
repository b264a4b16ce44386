using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Policies.Escalation;

/// <summary>What the escalation policy decided for a case: escalate to a new, higher level, or nothing.</summary>
/// <param name="Step">The level to escalate to, or null when nothing fires.</param>
/// <param name="ReasonCode">The deciding rule's code, or null.</param>
/// <param name="Description">The deciding rule's description, or null.</param>
/// <param name="NotifyAt">
/// When to tell the level's target: the decision's instant, or the next open instant when the policy defers notifications
/// to open hours (<see cref="EscalationPolicies.DeferredToOpenHours"/>) and the decision is not <see cref="Immediate"/>.
/// </param>
/// <remarks>
/// Record a decision on its case with <see cref="ApplyTo(Ticket, Instant)"/> or <see cref="ApplyTo(Complaint, Instant)"/>:
/// the case's escalation track then holds the level, so the next assessment does not propose it again.
/// </remarks>
public sealed record EscalationDecision(EscalationStep? Step, string? ReasonCode, string? Description, Instant? NotifyAt)
{
    /// <summary>Nothing fires.</summary>
    public static EscalationDecision None { get; } = new(null, null, null, null);

    /// <summary>Whether a new level fires.</summary>
    public bool Fires => Step is not null;

    /// <summary>Whether the notification must not wait for open hours (a severe complaint, a large claimed loss).</summary>
    public bool Immediate { get; init; }

    /// <summary>
    /// Records the decision on <paramref name="ticket"/>: escalates it to <see cref="Step"/>'s level, telling the step's
    /// target, with <see cref="ReasonCode"/> as the reason. Does nothing when the decision does not fire.
    /// </summary>
    /// <param name="ticket">The ticket the decision was made for.</param>
    /// <param name="now">When it is recorded (the decision's instant, or later).</param>
    /// <returns>True when an escalation was recorded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ticket"/> is null.</exception>
    /// <exception cref="DomainRuleViolationException">The ticket refuses it: <see cref="RuleCode.EscalationLevelMustIncrease"/> (the decision is stale: the level was reached since), <see cref="RuleCode.TransitionMustBeAllowed"/> or <see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/>.</exception>
    public bool ApplyTo(Ticket ticket, Instant now)
    {
        Guard.Against.Null(ticket);
        if (Step is not { } step)
        {
            return false;
        }

        ticket.Escalate(step.Level, step.Target, Reason(), now);
        return true;
    }

    /// <summary>
    /// Records the decision on <paramref name="complaint"/>: escalates it to <see cref="Step"/>'s level, telling the step's
    /// target, with <see cref="ReasonCode"/> as the reason. Does nothing when the decision does not fire.
    /// </summary>
    /// <param name="complaint">The complaint the decision was made for.</param>
    /// <param name="now">When it is recorded (the decision's instant, or later).</param>
    /// <returns>True when an escalation was recorded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is null.</exception>
    /// <exception cref="DomainRuleViolationException">The complaint refuses it: <see cref="RuleCode.EscalationLevelMustIncrease"/> (the decision is stale), <see cref="RuleCode.TransitionMustBeAllowed"/>, <see cref="RuleCode.MergedComplaintAcceptsNoCommands"/> or <see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/>.</exception>
    public bool ApplyTo(Complaint complaint, Instant now)
    {
        Guard.Against.Null(complaint);
        if (Step is not { } step)
        {
            return false;
        }

        complaint.Escalate(step.Level, step.Target, Reason(), now);
        return true;
    }

    private string Reason() => string.IsNullOrWhiteSpace(ReasonCode) ? "escalation policy" : ReasonCode;
}
