namespace ServiceQuality.Policies.Trust;

/// <summary>Whether a customer may perform an operation, and why. Immutable.</summary>
/// <param name="Operation">The operation asked for.</param>
/// <param name="Allowed">Whether it is allowed.</param>
/// <param name="ReasonCode">The stable code of the reason, one of <see cref="TrustReasons"/>; programs and tests compare it, never <paramref name="Reason"/>.</param>
/// <param name="Score">The customer's trust score, 0-100.</param>
/// <param name="Threshold">
/// The least trust score at which the trust checks pass for this request (0 when trust does not matter, or when the
/// request was refused before trust was weighed); the score meets it when it is at least this value.
/// </param>
/// <param name="Reason">Why, for the customer or audit.</param>
public sealed record AccessDecision(string Operation, bool Allowed, string ReasonCode, int Score, int Threshold, string Reason);
