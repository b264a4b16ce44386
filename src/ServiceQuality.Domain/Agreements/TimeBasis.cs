namespace ServiceQuality.Domain.Agreements;

/// <summary>Whether a target counts business time (the agreement's calendar) or calendar time (every hour).</summary>
public enum TimeBasis
{
    /// <summary>Only open hours of the agreement's calendar count.</summary>
    BusinessTime,

    /// <summary>Every hour counts (around the clock).</summary>
    CalendarTime,
}
