using System.Runtime.CompilerServices;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>The elapsed amounts, in nanoseconds, of up to eight warning stages and the target, inline.</summary>
[InlineArray(StageInstants.Capacity + 1)]
internal struct ThresholdAmounts
{
    private long _first;
}
