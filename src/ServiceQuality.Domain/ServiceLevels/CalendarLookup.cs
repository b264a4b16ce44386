using System.Collections.Frozen;
using Ardalis.GuardClauses;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>Stock <see cref="ICalendarLookup"/> implementations.</summary>
public static class CalendarLookup
{
    /// <summary>A lookup over a fixed set of named calendars.</summary>
    /// <param name="calendars">The calendars by name.</param>
    /// <returns>An immutable, thread-safe lookup.</returns>
    public static ICalendarLookup From(IEnumerable<KeyValuePair<string, BusinessCalendar>> calendars)
    {
        Guard.Against.Null(calendars);
        return new Fixed(calendars.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>A lookup with one named calendar.</summary>
    /// <param name="name">The name agreements use.</param>
    /// <param name="calendar">The calendar.</param>
    /// <returns>An immutable, thread-safe lookup.</returns>
    public static ICalendarLookup Of(string name, BusinessCalendar calendar)
    {
        Guard.Against.NullOrWhiteSpace(name);
        Guard.Against.Null(calendar);
        return From([KeyValuePair.Create(name, calendar)]);
    }

    private sealed class Fixed(FrozenDictionary<string, BusinessCalendar> calendars) : ICalendarLookup
    {
        public BusinessCalendar Find(string name)
        {
            Guard.Against.InvalidArgument(!calendars.TryGetValue(name, out var calendar), nameof(name), $"No calendar is named '{name}'.");
            return calendar;
        }
    }
}
