using ServiceQuality.Domain.Calendars;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>Finds the business calendar an agreement names. Implementations must be thread-safe.</summary>
public interface ICalendarLookup
{
    /// <summary>The calendar with <paramref name="name"/>.</summary>
    /// <param name="name">The name an agreement uses.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentException">No calendar has that name.</exception>
    BusinessCalendar Find(string name);
}
