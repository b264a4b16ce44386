using System.Runtime.CompilerServices;
using NodaTime;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>One instant per priority (P1 to P4), inline, so a clock needs no allocation to remember when each first applied.</summary>
[InlineArray(Count)]
internal struct PriorityInstants
{
    public const int Count = 4;

    private Instant _first;
}
