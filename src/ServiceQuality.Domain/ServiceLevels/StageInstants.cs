using System.Runtime.CompilerServices;
using NodaTime;
using ServiceQuality.Domain.Calendars;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>
/// Room for the instants of up to eight warning stages, inline, so a status needs no allocation. They are kept as timeline
/// positions (nanoseconds since the Unix epoch; a stage is always reached inside a calendar's supported range), half the
/// size of <see cref="Instant"/>s, since every status carries them and is copied whole.
/// </summary>
[InlineArray(Capacity)]
internal struct StageInstants
{
    public const int Capacity = 8;

    private long _first;

    /// <summary>The instant of stage <paramref name="index"/>.</summary>
    public readonly Instant At(int index) => CompiledTimeline.ToInstant(this[index]);
}
