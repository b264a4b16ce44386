using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Agreements;

/// <summary>A hold reason that pauses the clocks of some metrics.</summary>
/// <param name="Reason">The hold reason.</param>
/// <param name="Metrics">The metrics whose clocks it pauses.</param>
public sealed record PauseRule(HoldReason Reason, IReadOnlyList<Metric> Metrics);
