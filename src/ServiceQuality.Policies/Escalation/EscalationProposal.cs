namespace ServiceQuality.Policies.Escalation;

/// <summary>A rule's view that a case should be at a level, and why.</summary>
/// <param name="Level">The level the rule asks for.</param>
/// <param name="ReasonCode">A stable code for the rule, such as <c>time.100</c> or <c>severity.major</c>.</param>
/// <param name="Description">The rule's description, for audit.</param>
/// <param name="Immediate">Whether the notification must not wait for open hours (for example a large claimed loss).</param>
public sealed record EscalationProposal(int Level, string ReasonCode, string Description, bool Immediate = false);
