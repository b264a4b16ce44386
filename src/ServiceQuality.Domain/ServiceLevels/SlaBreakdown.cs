using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>Who held a case: the assignee and the team of the latest assignment or transfer (a complaint's investigator); the default is nobody yet.</summary>
/// <param name="Assignee">The staff member, or null before the first assignment.</param>
/// <param name="Team">Their team, or null when none was named.</param>
public readonly record struct CaseHolder(StaffId? Assignee, DepartmentId? Team);

/// <summary>The part of a metric's elapsed time one holder accounts for.</summary>
/// <param name="Holder">Who held the case.</param>
/// <param name="Elapsed">The time the clock counted while they held it.</param>
public readonly record struct HolderShare(CaseHolder Holder, Duration Elapsed);

/// <summary>
/// A metric's elapsed time in its current cycle broken down by who held the case (ServiceNow's SLA breakdown), and who held it
/// when the target was breached. The shares sum exactly to the status's <see cref="SlaStatus.Elapsed"/>.
/// </summary>
/// <param name="Agreement">The agreement version measured.</param>
/// <param name="Metric">The metric.</param>
/// <param name="Shares">One share per holder that accounts for counted time, in the order they first held the case.</param>
/// <param name="AtBreach">Who held the case at the breach instant, or null when the target was not breached.</param>
public sealed record SlaBreakdown(AgreementReference Agreement, Metric Metric, IReadOnlyList<HolderShare> Shares, CaseHolder? AtBreach)
{
    /// <summary>Whether <paramref name="other"/> holds equal members, the shares compared item by item.</summary>
    /// <param name="other">The other value, or null.</param>
    /// <returns>True when every member is equal.</returns>
    public bool Equals(SlaBreakdown? other) =>
        ReferenceEquals(this, other)
        || (other is not null && Agreement == other.Agreement && Metric == other.Metric && ContentEquality.Equal(Shares, other.Shares) && AtBreach == other.AtBreach);

    /// <summary>A hash code consistent with <see cref="Equals(SlaBreakdown)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Agreement, Metric, ContentEquality.Hash(Shares), AtBreach);
}
