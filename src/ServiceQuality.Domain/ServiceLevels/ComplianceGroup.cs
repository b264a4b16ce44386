using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>SLA compliance of one group of clocks.</summary>
/// <param name="Key">What the group shares.</param>
/// <param name="Met">Clocks that stopped in time.</param>
/// <param name="Missed">Clocks whose deadline passed.</param>
/// <param name="Running">Clocks still running or paused, deadline not passed.</param>
/// <param name="Cancelled">Clocks of cancelled cases: excluded from the rate.</param>
/// <param name="NotApplicable">Samples with no applicable clock: excluded from the rate.</param>
/// <param name="Compliance">Met over met plus missed, exactly.</param>
/// <param name="ElapsedP50">The median elapsed time of met and missed clocks (nearest rank); null when there are none.</param>
/// <param name="ElapsedP90">The 90th percentile elapsed time of met and missed clocks (nearest rank); null when there are none.</param>
/// <param name="ElapsedMax">The longest elapsed time of met and missed clocks; null when there are none.</param>
public sealed record ComplianceGroup(
    ComplianceKey Key, long Met, long Missed, long Running, long Cancelled, long NotApplicable, Ratio Compliance,
    Duration? ElapsedP50, Duration? ElapsedP90, Duration? ElapsedMax)
{
    /// <summary>Every sample in the group.</summary>
    public long Total => Met + Missed + Running + Cancelled + NotApplicable;
}
