using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Complaints;

/// <summary>The finding on a complaint.</summary>
/// <param name="Outcome">Whether it was substantiated.</param>
/// <param name="Reason">Why, for audit.</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="DecidedAt">When.</param>
public sealed record Verdict(VerdictOutcome Outcome, string Reason, StaffId DecidedBy, Instant DecidedAt);
