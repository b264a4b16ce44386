namespace ServiceQuality.Domain.Agreements;

/// <summary>Where on its business day a <see cref="BusinessDayDeadline"/> falls.</summary>
public enum BusinessDayDeadlineKind
{
    /// <summary>At the close of the business day: the end of its last open interval.</summary>
    EndOfDay,

    /// <summary>At a local time of the business day (<see cref="BusinessDayDeadline.At"/>).</summary>
    AtTime,

    /// <summary>
    /// N business days counted in days: at the local time of day the clock first counts (the first open instant at or
    /// after its start), N business days later — not N × 24 hours of business time.
    /// </summary>
    SameTimeOfDay,
}
