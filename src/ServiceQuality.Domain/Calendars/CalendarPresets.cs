using Ardalis.GuardClauses;
using NodaTime;

namespace ServiceQuality.Domain.Calendars;

/// <summary>
/// Ready-made calendars for examples, tests and benchmarks. Real deployments build their own calendars
/// from their published holiday schedules.
/// </summary>
public static class CalendarPresets
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
    /// The reference calendar of a mainland China service centre in 2025 (Asia/Shanghai): Monday to Friday
    /// 09:00–12:00 and 13:30–18:00 (7.5 business hours a day), closed on <see cref="ChinaPublicHolidays2025"/>,
    /// open with the same hours on <see cref="ChinaMakeUpWorkingDays2025"/>. Other years follow the weekly hours only.
    /// </summary>
    public static BusinessCalendar ChinaServiceCentre2025 { get; } = CreateChinaServiceCentre(
        ChinaPublicHolidays2025, ChinaMakeUpWorkingDays2025);

    /// <summary>
    /// A calendar with the hours of <see cref="ChinaServiceCentre2025"/> (Asia/Shanghai, weekdays 09:00–12:00 and
    /// 13:30–18:00) and the given closed dates and make-up working days, for schedules of other years.
    /// </summary>
    /// <param name="holidays">Closed dates.</param>
    /// <param name="makeUpWorkingDays">Dates open with the weekday hours whatever their weekday.</param>
    /// <returns>The built calendar.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="Common.InvalidDefinitionException">A date is both a holiday and a make-up working day.</exception>
    public static BusinessCalendar CreateChinaServiceCentre(IEnumerable<LocalDate> holidays, IEnumerable<LocalDate> makeUpWorkingDays)
    {
        Guard.Against.Null(holidays);
        Guard.Against.Null(makeUpWorkingDays);
        var builder = BusinessCalendar.CreateBuilder(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.AddOpenHours(day, MorningStart, MorningEnd).AddOpenHours(day, AfternoonStart, AfternoonEnd);
        }

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

    private static IEnumerable<LocalDate> Dates(LocalDate first, LocalDate last)
    {
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            yield return date;
        }
    }
}
