using System.Runtime.CompilerServices;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>
/// One timeline position (nanoseconds since the Unix epoch) per priority (P1 to P4), inline, so a clock needs no allocation
/// to remember when each first applied.
/// </summary>
[InlineArray(Count)]
internal struct PriorityPositions
{
    public const int Count = 4;

    private long _first;
}
