using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;

namespace ServiceQuality.Domain.Agreements;

/// <summary>
/// One cell of an agreement's target matrix: metric × priority × tier → duration. A null priority or tier matches
/// any; <see cref="ServiceLevelAgreement.TargetFor"/> picks the most specific cell.
/// </summary>
/// <param name="Metric">What is measured.</param>
/// <param name="Priority">The priority the cell applies to, or null for any.</param>
/// <param name="Tier">The tier the cell applies to, or null for any.</param>
/// <param name="Target">The promised duration; positive.</param>
/// <param name="Basis">Whether <paramref name="Target"/> is business time or calendar time.</param>
public sealed record ServiceTarget(Metric Metric, Priority? Priority, ServiceTier? Tier, Duration Target, TimeBasis Basis)
{
    /// <summary>How specific the cell is: 3 for priority and tier, 2 for priority only, 1 for tier only, 0 for neither.</summary>
    public int Specificity => (Priority is null ? 0 : 2) + (Tier is null ? 0 : 1);

    /// <summary>Whether the cell applies to a case of this priority and tier.</summary>
    /// <param name="priority">The case's priority.</param>
    /// <param name="tier">The case's tier.</param>
    /// <returns>True when each of the cell's priority and tier is null or equal.</returns>
    public bool Matches(Priority priority, ServiceTier tier) => (Priority is null || Priority == priority) && (Tier is null || Tier == tier);
}
