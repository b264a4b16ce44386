using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;

namespace ServiceQuality.Policies.Tiering;

/// <summary>The tier a policy gives a customer, with why, for audit.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Tier">The tier decided.</param>
/// <param name="ReasonCode">A stable code for the rule that decided, such as <c>pareto.a</c>.</param>
/// <param name="Policy">The description of the policy that decided.</param>
public readonly record struct TierDecision(CustomerId Customer, ServiceTier Tier, string ReasonCode, string Policy);
