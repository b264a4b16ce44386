namespace ServiceQuality.Policies.Trust;

/// <summary>Whether a customer may perform an operation, and why.</summary>
/// <param name="Operation">The operation asked for.</param>
/// <param name="Allowed">Whether it is allowed.</param>
/// <param name="Score">The customer's trust score.</param>
/// <param name="Threshold">The operation's threshold (0 when the operation has none).</param>
/// <param name="Reason">Why, for the customer or audit.</param>
public sealed record AccessDecision(string Operation, bool Allowed, int Score, int Threshold, string Reason);
