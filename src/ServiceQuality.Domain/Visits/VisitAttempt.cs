using NodaTime;

namespace ServiceQuality.Domain.Visits;

/// <summary>One attempt to reach the customer.</summary>
/// <param name="Outcome">How it went.</param>
/// <param name="At">When.</param>
public sealed record VisitAttempt(AttemptOutcome Outcome, Instant At);
