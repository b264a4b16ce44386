using System.Runtime.CompilerServices;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>The elapsed amounts, in nanoseconds (128 bits, so a target of any length fits), of up to eight warning stages and the target, inline.</summary>
[InlineArray(StageInstants.Capacity + 1)]
internal struct ThresholdAmounts
{
    private Int128 _first;
}
