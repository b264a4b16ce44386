using NodaTime;

namespace ServiceQuality.Domain.Complaints;

/// <summary>A report of a complaint up the ladder (上报主管).</summary>
/// <param name="Level">The level reached, from 1; levels only go up.</param>
/// <param name="Target">Who was told (a role or person).</param>
/// <param name="Reason">Why, for audit.</param>
/// <param name="EscalatedAt">When.</param>
public sealed record Escalation(int Level, string Target, string Reason, Instant EscalatedAt);
