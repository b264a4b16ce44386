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

    /// <summary>
    /// A lookup for agreements that take their calendar from the case: <paramref name="choose"/> names the calendar of
    /// each case among <paramref name="calendars"/> (for example the customer's site's, or the agreement's hours in the
    /// caller's zone), and that name is recorded with the evaluation. Agreements with their own calendar are served by
    /// <paramref name="calendars"/> as before.
    /// </summary>
    /// <param name="calendars">The named calendars, those agreements name and those <paramref name="choose"/> names.</param>
    /// <param name="choose">The name of a case's calendar; must be thread-safe and give the same name for the same request.</param>
    /// <returns>A lookup that is thread-safe when both arguments are.</returns>
    public static ICaseCalendarLookup ForCases(ICalendarLookup calendars, Func<CaseCalendarRequest, string> choose)
    {
        Guard.Against.Null(calendars);
        Guard.Against.Null(choose);
        return new Chosen(calendars, choose);
    }

    private sealed class Chosen(ICalendarLookup calendars, Func<CaseCalendarRequest, string> choose) : ICaseCalendarLookup
    {
        public BusinessCalendar Find(string name) => calendars.Find(name);

        public (string Name, BusinessCalendar Calendar) FindForCase(CaseCalendarRequest request)
        {
            var name = choose(request);
            Guard.Against.InvalidArgument(string.IsNullOrWhiteSpace(name), nameof(request), $"No calendar was chosen for case '{request.CaseId}' under {request.Agreement}.");
            return (name, calendars.Find(name));
        }
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
