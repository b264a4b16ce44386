using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Agreements;

/// <summary>
/// How an agreement's business calendar is found for a case: its opening hours and its time zone each come from the
/// agreement itself or are looked up from the case — the customer, the team handling it, or the case — through the
/// <see cref="ServiceLevels.ICaseCalendarLookup"/> the host supplies (as ServiceNow takes a schedule and zone from the
/// caller, the site or the configuration item). Immutable; equal when both scopes are.
/// </summary>
public sealed record CalendarSource
{
    /// <summary>Creates a source.</summary>
    /// <param name="hours">Where the opening hours (the schedule and holidays) come from.</param>
    /// <param name="zone">Where the time zone the hours are read in comes from.</param>
    /// <exception cref="ArgumentOutOfRangeException">A scope is not a defined value.</exception>
    public CalendarSource(CalendarScope hours, CalendarScope zone)
    {
        Guard.Against.UndefinedEnumValue(hours);
        Guard.Against.UndefinedEnumValue(zone);
        (Hours, Zone) = (hours, zone);
    }

    /// <summary>The agreement's own calendar, in its own zone: no lookup from the case (the default).</summary>
    public static CalendarSource Agreement { get; } = new(CalendarScope.Agreement, CalendarScope.Agreement);

    /// <summary>Where the opening hours come from.</summary>
    public CalendarScope Hours { get; }

    /// <summary>Where the time zone comes from.</summary>
    public CalendarScope Zone { get; }

    /// <summary>Whether the calendar is looked up from the case (either scope is not <see cref="CalendarScope.Agreement"/>).</summary>
    public bool IsFromCase => Hours != CalendarScope.Agreement || Zone != CalendarScope.Agreement;

    /// <summary>Returns both scopes, for messages.</summary>
    /// <returns>For example <c>hours from Customer, zone from Customer</c>.</returns>
    public override string ToString() => $"hours from {Hours}, zone from {Zone}";
}
