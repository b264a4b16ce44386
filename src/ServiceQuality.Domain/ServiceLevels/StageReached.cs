using NodaTime;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>A warning stage reached by a clock.</summary>
/// <param name="Percent">The stage, in percent of the target (for example 75).</param>
/// <param name="At">The exact instant the elapsed time reached the stage.</param>
public readonly record struct StageReached(decimal Percent, Instant At);
