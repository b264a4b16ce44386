using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;

namespace ServiceQuality.Policies.Tiering;

/// <summary>
/// Annual re-selection: the tier for a year is decided from the previous year's spend (customers with none count as
/// zero), effective from January 1. Only changes are returned.
/// </summary>
public static class AnnualReselection
{
    /// <summary>The tier changes for <paramref name="year"/>.</summary>
    /// <param name="policy">The tier policy.</param>
    /// <param name="customers">The customers.</param>
    /// <param name="year">The year the new tiers are for; spend of the year before is used.</param>
    /// <param name="currency">The currency spend is recorded in.</param>
    /// <returns>One change per customer whose tier changes, in the order given.</returns>
    public static IReadOnlyList<TierReselection> Reselect(ITierPolicy policy, IReadOnlyList<Customer> customers, int year, string currency)
    {
        Guard.Against.Null(policy);
        Guard.Against.Null(customers);
        var candidates = customers.Select(c => new TierCandidate(c.Id, c.SpendIn(year - 1) ?? Money.Zero(currency))).ToArray();
        var decisions = policy.Classify(candidates);
        var effective = new LocalDate(year, 1, 1);
        var changes = new List<TierReselection>();
        for (var i = 0; i < customers.Count; i++)
        {
            var current = customers[i].TierOn(effective);
            if (decisions[i].Tier != current)
            {
                changes.Add(new TierReselection(customers[i].Id, current, decisions[i], effective));
            }
        }

        return changes;
    }
}
