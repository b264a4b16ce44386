using NodaTime;

namespace ServiceQuality.Policies.Trust;

/// <summary>Something a customer did that bears on trust.</summary>
/// <param name="At">When.</param>
/// <param name="Good">Whether it was good behaviour (paid on time, kept an appointment) or bad (abuse, false claim, no-show).</param>
/// <param name="Weight">How much it counts, from 1.</param>
/// <param name="What">What happened, for audit.</param>
public sealed record TrustObservation(Instant At, bool Good, int Weight, string What);
