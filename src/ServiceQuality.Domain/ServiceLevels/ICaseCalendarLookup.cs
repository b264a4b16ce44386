using ServiceQuality.Domain.Calendars;

namespace ServiceQuality.Domain.ServiceLevels;

/// <summary>
/// Finds a case's business calendar for an agreement that takes it from the case (<see cref="Agreements.CalendarSource.IsFromCase"/>):
/// the host's knowledge of its customers' sites, its teams' hours and its callers' zones. Implementations must be
/// thread-safe and give the same answer for the same request, and <see cref="ICalendarLookup.Find"/> must find every name
/// <see cref="FindForCase"/> returns (the assessor finds the case's calendar again by the name recorded with its
/// evaluation). <see cref="CalendarLookup.ForCases"/> builds one from a function that names a calendar.
/// </summary>
public interface ICaseCalendarLookup : ICalendarLookup
{
    /// <summary>The calendar to measure the case with, and the name to record with its evaluation.</summary>
    /// <param name="request">The agreement, where its calendar comes from, and the case.</param>
    /// <returns>The calendar's name and the calendar.</returns>
    /// <exception cref="ArgumentException">No calendar is known for the request.</exception>
    (string Name, BusinessCalendar Calendar) FindForCase(CaseCalendarRequest request);
}
