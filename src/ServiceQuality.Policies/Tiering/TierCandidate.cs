using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Tiering;

/// <summary>A customer to classify, with the spend the classification is based on (usually one year's).</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Spend">The spend; all candidates of one classification share a currency.</param>
public readonly record struct TierCandidate(CustomerId Customer, Money Spend);
