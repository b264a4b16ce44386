using NodaTime;
using ServiceQuality.Domain.Calendars;

namespace ServiceQuality.Testing;

/// <summary>
/// The 2025 reference calendar of a mainland China service centre, for examples, tests and benchmarks: as a built
/// calendar, as its dates, and as the data files it is kept in — an iCalendar file (for
/// <c>ServiceQuality.Calendars.ICalendar</c>) and a definitions file (for <c>ServiceQuality.Json</c>), the same files as
/// the ServiceDesk sample's <c>china-2025.ics</c> and <c>china-2025-calendar.json</c>.
/// </summary>
/// <remarks>
/// A dated calendar is right for one year only: real deployments keep theirs current with yearly holiday rules and an
/// import of each year's official announcement (see the calendars guide). Everything here is immutable and thread-safe.
/// </remarks>
public static class ReferenceCalendars
{
    private static readonly LocalTime MorningStart = new(9, 0);
    private static readonly LocalTime MorningEnd = new(12, 0);
    private static readonly LocalTime AfternoonStart = new(13, 30);
    private static readonly LocalTime AfternoonEnd = new(18, 0);

    /// <summary>
    /// Mainland China public holidays of 2025 (closed dates): Jan 1; Jan 28 – Feb 4 (Spring Festival);
    /// Apr 4 – 6; May 1 – 5; May 31 – Jun 2; Oct 1 – 8 (National Day and Mid-Autumn).
    /// </summary>
    public static IReadOnlyList<LocalDate> ChinaPublicHolidays2025 { get; } =
    [
        new(2025, 1, 1),
        .. Dates(new LocalDate(2025, 1, 28), new LocalDate(2025, 2, 4)),
        .. Dates(new LocalDate(2025, 4, 4), new LocalDate(2025, 4, 6)),
        .. Dates(new LocalDate(2025, 5, 1), new LocalDate(2025, 5, 5)),
        .. Dates(new LocalDate(2025, 5, 31), new LocalDate(2025, 6, 2)),
        .. Dates(new LocalDate(2025, 10, 1), new LocalDate(2025, 10, 8)),
    ];

    /// <summary>
    /// Mainland China make-up working days of 2025 (调休: weekend dates that are working days):
    /// Sun Jan 26, Sat Feb 8, Sun Apr 27, Sun Sep 28, Sat Oct 11.
    /// </summary>
    public static IReadOnlyList<LocalDate> ChinaMakeUpWorkingDays2025 { get; } =
    [
        new(2025, 1, 26), new(2025, 2, 8), new(2025, 4, 27), new(2025, 9, 28), new(2025, 10, 11),
    ];

    /// <summary>
    /// The reference calendar (Asia/Shanghai): Monday to Friday 09:00–12:00 and 13:30–18:00 (7.5 business hours a
    /// day), closed on <see cref="ChinaPublicHolidays2025"/>, open with the same hours on
    /// <see cref="ChinaMakeUpWorkingDays2025"/>. Other years follow the weekly hours only.
    /// </summary>
    public static BusinessCalendar ChinaServiceCentre2025 { get; } = CreateChinaServiceCentre(ChinaPublicHolidays2025, ChinaMakeUpWorkingDays2025);

    /// <summary>
    /// The holidays and make-up working days of <see cref="ChinaServiceCentre2025"/> as an iCalendar file: one all-day
    /// event per holiday period, and two timed events marked <c>CATEGORIES:WORKDAY</c> (morning and afternoon) per make-up
    /// day. The weekly hours are not in it: an iCalendar file holds dates, the builder holds the week.
    /// </summary>
    public static string ChinaServiceCentre2025ICalendar => Resource("china-2025.ics");

    /// <summary>
    /// <see cref="ChinaServiceCentre2025"/> as a definitions file: a <c>calendars</c> section with the one calendar
    /// <c>china-2025</c>, weekly hours, holidays and working days.
    /// </summary>
    public static string ChinaServiceCentre2025Definitions => Resource("china-2025-calendar.json");

    /// <summary>
    /// A calendar with the hours of <see cref="ChinaServiceCentre2025"/> (Asia/Shanghai, weekdays 09:00–12:00 and
    /// 13:30–18:00) and the given closed dates and make-up working days, for schedules of other years.
    /// </summary>
    /// <param name="holidays">Closed dates.</param>
    /// <param name="makeUpWorkingDays">Dates open with the weekday hours whatever their weekday.</param>
    /// <returns>The built calendar.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="Domain.Common.InvalidDefinitionException">A date is both a holiday and a make-up working day.</exception>
    public static BusinessCalendar CreateChinaServiceCentre(IEnumerable<LocalDate> holidays, IEnumerable<LocalDate> makeUpWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeUpWorkingDays);
        var builder = ChinaServiceCentreHours();
        foreach (var date in holidays)
        {
            builder.AddHoliday(date);
        }

        foreach (var date in makeUpWorkingDays)
        {
            builder.AddWorkingDay(date, MorningStart, MorningEnd).AddWorkingDay(date, AfternoonStart, AfternoonEnd);
        }

        return builder.Build();
    }

    /// <summary>
    /// A new builder holding only the weekly hours of <see cref="ChinaServiceCentre2025"/> (Asia/Shanghai, Monday to
    /// Friday 09:00–12:00 and 13:30–18:00), to add a year's holidays to — from an iCalendar file, say.
    /// </summary>
    /// <returns>A new builder; each call returns another.</returns>
    public static BusinessCalendarBuilder ChinaServiceCentreHours()
    {
        var builder = BusinessCalendar.CreateBuilder(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.AddOpenHours(day, MorningStart, MorningEnd).AddOpenHours(day, AfternoonStart, AfternoonEnd);
        }

        return builder;
    }

    private static string Resource(string name)
    {
        using var stream = typeof(ReferenceCalendars).Assembly.GetManifestResourceStream($"ServiceQuality.Testing.Data.{name}")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IEnumerable<LocalDate> Dates(LocalDate first, LocalDate last)
    {
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            yield return date;
        }
    }
}
