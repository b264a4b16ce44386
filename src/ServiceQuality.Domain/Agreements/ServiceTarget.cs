using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;

namespace ServiceQuality.Domain.Agreements;

/// <summary>
/// One cell of an agreement's target matrix: metric × priority × tier → a duration in business or calendar time, or a
/// deadline counted in business days (<see cref="Deadline"/>), with the rule for when its clock starts
/// (<see cref="Start"/>). A null priority or tier matches any; <see cref="ServiceLevelAgreement.TargetFor"/> picks the
/// most specific cell. The agreement validates a cell when it is added.
/// </summary>
/// <param name="Metric">What is measured.</param>
/// <param name="Priority">The priority the cell applies to, or null for any.</param>
/// <param name="Tier">The tier the cell applies to, or null for any.</param>
/// <param name="Target">The promised duration; positive. <see cref="Duration.Zero"/> for a cell with a <see cref="Deadline"/>.</param>
/// <param name="Basis">Whether <paramref name="Target"/> is business time or calendar time; business time for a cell with a <see cref="Deadline"/>.</param>
public sealed record ServiceTarget(Metric Metric, Priority? Priority, ServiceTier? Tier, Duration Target, TimeBasis Basis)
{
    /// <summary>A cell whose target is a deadline counted in business days of the agreement's calendar.</summary>
    /// <param name="metric">What is measured.</param>
    /// <param name="priority">The priority the cell applies to, or null for any.</param>
    /// <param name="tier">The tier the cell applies to, or null for any.</param>
    /// <param name="deadline">The deadline.</param>
    /// <param name="start">From when the cell's clock counts, when the cell applies only after the clock started (<see cref="TargetStart.Opening"/> as for any cell).</param>
    public ServiceTarget(Metric metric, Priority? priority, ServiceTier? tier, BusinessDayDeadline deadline, TargetStart start)
        : this(metric, priority, tier, Duration.Zero, TimeBasis.BusinessTime)
    {
        Deadline = deadline;
        Start = start;
    }

    /// <summary>
    /// The deadline counted in business days, or null for a duration target (<see cref="Target"/>). The SLA clock turns it
    /// into a duration per case and cycle: the business time from the clock's start to the deadline is the cycle's
    /// target (<c>SlaStatus.Target</c>), so warning stages and percent-of-target rules are exact shares of it. Pauses
    /// move the deadline by the business time paused (the time counts as for any business-time target); the deadline
    /// is never earlier than the one computed from the start, so a deadline in closed hours (08:00 when the day opens
    /// at 09:00) stays at that instant rather than at the close before it. Every deadline can be paused.
    /// </summary>
    public BusinessDayDeadline? Deadline { get; }

    /// <summary>From when the cell's clock counts, when the cell first applies after the clock started; <see cref="TargetStart.Opening"/> by default.</summary>
    public TargetStart Start { get; init; }

    /// <summary>How specific the cell is: 3 for priority and tier, 2 for priority only, 1 for tier only, 0 for neither.</summary>
    public int Specificity => (Priority is null ? 0 : 2) + (Tier is null ? 0 : 1);

    /// <summary>Whether the cell applies to a case of this priority and tier.</summary>
    /// <param name="priority">The case's priority.</param>
    /// <param name="tier">The case's tier.</param>
    /// <returns>True when each of the cell's priority and tier is null or equal.</returns>
    public bool Matches(Priority priority, ServiceTier tier) => (Priority is null || Priority == priority) && (Tier is null || Tier == tier);
}
