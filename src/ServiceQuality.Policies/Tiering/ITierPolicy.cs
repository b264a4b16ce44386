namespace ServiceQuality.Policies.Tiering;

/// <summary>
/// Classifies a population of customers into service tiers. Implementations are pure and thread-safe: the same
/// population always gives the same tiers. See <see cref="TierPolicies"/> for the stock policies and combinators.
/// </summary>
public interface ITierPolicy
{
    /// <summary>What the policy does, in words, carried by every decision for audit.</summary>
    string Description { get; }

    /// <summary>Classifies every candidate.</summary>
    /// <param name="population">The customers with their spend, in one currency.</param>
    /// <returns>One decision per candidate, in the same order.</returns>
    /// <exception cref="ArgumentException">The candidates' spends are in different currencies.</exception>
    IReadOnlyList<TierDecision> Classify(IReadOnlyList<TierCandidate> population);
}
