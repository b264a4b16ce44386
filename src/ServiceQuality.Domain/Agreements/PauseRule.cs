using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Agreements;

/// <summary>A hold reason that pauses the clocks of some metrics.</summary>
/// <param name="Reason">The hold reason.</param>
/// <param name="Metrics">The metrics whose clocks it pauses.</param>
public sealed record PauseRule(HoldReason Reason, IReadOnlyList<Metric> Metrics)
{
    private readonly IReadOnlyList<Metric> _metrics = Frozen.Copy(Metrics);

    /// <summary>The metrics whose clocks it pauses, copied into an immutable list.</summary>
    public IReadOnlyList<Metric> Metrics { get => _metrics; init => _metrics = Frozen.Copy(value); }

    /// <summary>Whether <paramref name="other"/> holds equal members, the metrics compared item by item.</summary>
    /// <param name="other">The other value, or null.</param>
    /// <returns>True when every member is equal.</returns>
    public bool Equals(PauseRule? other) =>
        ReferenceEquals(this, other) || (other is not null && Reason == other.Reason && ContentEquality.Equal(Metrics, other.Metrics));

    /// <summary>A hash code consistent with <see cref="Equals(PauseRule)"/>: the metrics hashed by content.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Reason, ContentEquality.Hash(Metrics));
}
