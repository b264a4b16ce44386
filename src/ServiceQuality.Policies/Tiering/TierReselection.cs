using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;

namespace ServiceQuality.Policies.Tiering;

/// <summary>A tier change decided by the annual re-selection, for the host to apply with <see cref="Customer.ChangeTier"/>.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="From">The tier the customer has now.</param>
/// <param name="Decision">The policy's decision.</param>
/// <param name="EffectiveFrom">January 1 of the year the new tier is for.</param>
public sealed record TierReselection(CustomerId Customer, ServiceTier From, TierDecision Decision, LocalDate EffectiveFrom)
{
    /// <summary>Applies the change to <paramref name="customer"/> (the same customer) at <paramref name="now"/>.</summary>
    /// <param name="customer">The customer the decision is for.</param>
    /// <param name="now">When the change is made.</param>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is another customer.</exception>
    public void ApplyTo(Customer customer, Instant now)
    {
        Guard.Against.Null(customer);
        Guard.Against.InvalidArgument(customer.Id != Customer, nameof(customer), $"This decision is for customer {Customer}, not {customer.Id}.");

        customer.ChangeTier(Decision.Tier, EffectiveFrom, $"{Decision.ReasonCode}: {Decision.Policy}", now);
    }
}
