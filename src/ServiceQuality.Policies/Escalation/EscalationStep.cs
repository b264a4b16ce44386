namespace ServiceQuality.Policies.Escalation;

/// <summary>One level of an escalation ladder.</summary>
/// <param name="Level">The level, from 1 (level 0 is the front line, not escalated).</param>
/// <param name="Name">The role told at this level, for example "team lead".</param>
/// <param name="Target">Who is told: a role, group or person the host resolves.</param>
public sealed record EscalationStep(int Level, string Name, string Target);
