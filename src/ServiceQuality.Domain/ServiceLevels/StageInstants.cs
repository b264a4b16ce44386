using System.Runtime.CompilerServices;
using NodaTime;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>Room for the instants of up to eight warning stages, inline, so a status needs no allocation.</summary>
[InlineArray(Capacity)]
internal struct StageInstants
{
    public const int Capacity = 8;

    private Instant _first;
}
