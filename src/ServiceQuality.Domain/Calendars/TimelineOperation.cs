namespace ServiceQuality.Domain.Calendars;

/// <summary>How a composed calendar's open time follows from its two inputs' open times, instant by instant.</summary>
internal enum TimelineOperation
{
    /// <summary>Open where both inputs are open.</summary>
    Intersection,

    /// <summary>Open where either input is open.</summary>
    Union,

    /// <summary>Open where the first input is open and the second is not.</summary>
    Difference,
}
