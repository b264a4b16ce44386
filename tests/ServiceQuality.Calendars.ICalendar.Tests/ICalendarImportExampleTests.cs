using NodaTime;
using ServiceQuality.Domain.Calendars;

namespace ServiceQuality.Calendars.ICalendar.Tests;

/// <summary>How each kind of event is read: all-day, multi-day, working-day hours, yearly and other recurrences, zones.</summary>
public sealed class ICalendarImportExampleTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    internal static string Ics(params string[] events) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tests//EN\r\n" + string.Concat(events.Select(e => "BEGIN:VEVENT\r\n" + e.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\nEND:VEVENT\r\n")) + "END:VCALENDAR\r\n";

    internal static BusinessCalendarBuilder AllDays(DateTimeZone? zone = null)
    {
        var builder = BusinessCalendar.CreateBuilder(zone ?? Shanghai);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            builder.AddOpenHours(day, new LocalTime(9, 0), new LocalTime(18, 0));
        }

        return builder;
    }

    private static Instant At(int year, int month, int day, int hour, int minute = 0) => new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Shanghai).ToInstant();

    private static bool[] OpenAtNoon(BusinessCalendar calendar, params LocalDate[] dates) => [.. dates.Select(d => calendar.IsOpen(At(d.Year, d.Month, d.Day, 12)))];

    [Fact]
    public void AddICalendar_TheSameFileImportedTwice_GivesEqualCalendars_AndADifferentFileAnUnequalOne()
    {
        var text = Ics("DTSTART;VALUE=DATE:20260101", "DTSTART;VALUE=DATE:20261001\nRRULE:FREQ=YEARLY", "DTSTART;VALUE=DATE:20260216\nDTEND;VALUE=DATE:20260219");

        var first = AllDays().AddICalendar(text).Build();
        var second = AllDays().AddICalendar(text).AddICalendar(text).Build();
        var other = AllDays().AddICalendar(Ics("DTSTART;VALUE=DATE:20260102")).Build();

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, other);
        Assert.NotEqual(first, AllDays().Build());
    }

    [Fact]
    public void AddICalendar_AllDayEvents_CloseTheirDates()
    {
        var calendar = AllDays().AddICalendar(Ics(
            "DTSTART;VALUE=DATE:20260101",
            "DTSTART;VALUE=DATE:20260216\nDTEND;VALUE=DATE:20260219",
            "DTSTART;VALUE=DATE:20260301\nDURATION:P2D")).Build();

        Assert.Equal(
            [false, true, false, false, false, true, false, false, true],
            OpenAtNoon(calendar, new(2026, 1, 1), new(2026, 1, 2), new(2026, 2, 16), new(2026, 2, 17), new(2026, 2, 18), new(2026, 2, 19), new(2026, 3, 1), new(2026, 3, 2), new(2026, 3, 3)));
    }

    [Fact]
    public void AddICalendar_AWorkdayEvent_OpensItsHoursOnItsDate()
    {
        var calendar = BusinessCalendar.CreateBuilder(Shanghai)
            .AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(18, 0))
            .AddICalendar(Ics(
                "DTSTART;TZID=Asia/Shanghai:20260214T090000\nDTEND;TZID=Asia/Shanghai:20260214T120000\nCATEGORIES:WORKDAY",
                "DTSTART:20260214T053000Z\nDURATION:PT4H30M\nCATEGORIES:Other,workday",
                "DTSTART:20260215T220000\nDTEND:20260216T020000\nCATEGORIES:WORKDAY"))
            .Build();

        Assert.Equal(Duration.FromHours(7.5), calendar.BusinessTimeBetween(At(2026, 2, 14, 0), At(2026, 2, 15, 0)));
        Assert.True(calendar.IsOpen(At(2026, 2, 14, 13, 30)));
        Assert.False(calendar.IsOpen(At(2026, 2, 14, 12, 30)));

        // A floating overnight event on Sunday the 15th: 22:00 to 02:00 belongs to the 15th.
        Assert.True(calendar.IsOpen(At(2026, 2, 16, 1)));
        Assert.True(calendar.IsOpen(At(2026, 2, 16, 10)));
    }

    [Fact]
    public void AddICalendar_AWorkdayEventInAnotherZone_IsConvertedToTheCalendarsZone()
    {
        var calendar = BusinessCalendar.CreateBuilder(Shanghai)
            .AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(18, 0))
            .AddICalendar(Ics("DTSTART;TZID=Europe/London:20260214T020000\nDTEND;TZID=Europe/London:20260214T030000\nCATEGORIES:WORKDAY"))
            .Build();

        Assert.True(calendar.IsOpen(At(2026, 2, 14, 10, 30)));
        Assert.Equal(Duration.FromHours(1), calendar.BusinessTimeBetween(At(2026, 2, 14, 0), At(2026, 2, 15, 0)));
    }

    [Fact]
    public void AddICalendar_AYearlyAllDayEvent_IsAYearlyHolidayFromItsYear()
    {
        var imported = AllDays().AddICalendar(Ics("DTSTART;VALUE=DATE:20240501\nRRULE:FREQ=YEARLY")).Build();
        var built = AllDays().AddYearlyHoliday(new AnnualDate(5, 1), 2024, 2199).Build();

        Assert.True(imported.IsOpen(At(2023, 5, 1, 12)));
        Assert.Equal(built.OpenIntervals(At(2020, 1, 1, 0), At(2200, 1, 1, 0) - Duration.FromDays(1)), imported.OpenIntervals(At(2020, 1, 1, 0), At(2200, 1, 1, 0) - Duration.FromDays(1)));
    }

    [Theory]
    [InlineData("RRULE:FREQ=YEARLY;UNTIL=20280501", 2028)]
    [InlineData("RRULE:FREQ=YEARLY;UNTIL=20280430", 2027)]
    [InlineData("RRULE:FREQ=YEARLY;COUNT=3", 2026)]
    [InlineData("RRULE:FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=1;COUNT=2", 2025)]
    public void AddICalendar_AYearlyEventWithAnEnd_EndsInItsLastYear(string rule, int lastYear)
    {
        var calendar = AllDays().AddICalendar(Ics($"DTSTART;VALUE=DATE:20240501\n{rule}")).Build();

        Assert.False(calendar.IsOpen(At(lastYear, 5, 1, 12)));
        Assert.True(calendar.IsOpen(At(lastYear + 1, 5, 1, 12)));
    }

    [Fact]
    public void AddICalendar_AYearlyRuleByWeekday_IsExpandedIntoDates()
    {
        // Thanksgiving: the fourth Thursday of November.
        var calendar = AllDays().AddICalendar(Ics("DTSTART;VALUE=DATE:20251127\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;COUNT=3")).Build();

        Assert.Equal(
            [false, false, false, true, true],
            OpenAtNoon(calendar, new(2025, 11, 27), new(2026, 11, 26), new(2027, 11, 25), new(2028, 11, 23), new(2026, 11, 27)));
    }

    [Fact]
    public void AddICalendar_AYearlyEventWithAnExceptionDate_IsExpandedWithoutIt()
    {
        var calendar = AllDays().AddICalendar(Ics("DTSTART;VALUE=DATE:20250101\nRRULE:FREQ=YEARLY;UNTIL=20280101\nEXDATE;VALUE=DATE:20260101")).Build();

        Assert.Equal([false, true, false, false, true], OpenAtNoon(calendar, new(2025, 1, 1), new(2026, 1, 1), new(2027, 1, 1), new(2028, 1, 1), new(2029, 1, 1)));
    }

    [Fact]
    public void AddICalendar_AWeeklyWorkdayEvent_IsExpandedUpToTheRecurrenceEnd()
    {
        var calendar = BusinessCalendar.CreateBuilder(Shanghai)
            .AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(18, 0))
            .AddICalendar(
                Ics("DTSTART;TZID=Asia/Shanghai:20260103T100000\nDTEND;TZID=Asia/Shanghai:20260103T140000\nRRULE:FREQ=WEEKLY\nCATEGORIES:WORKDAY"),
                new ICalendarImportOptions { RecurrenceEnd = new LocalDate(2026, 1, 31) })
            .Build();

        Assert.Equal(Duration.FromHours(4 * 5), calendar.BusinessTimeBetween(At(2026, 1, 3, 0), At(2026, 2, 28, 0)) - (Duration.FromHours(9) * 8));
    }

    [Fact]
    public void AddICalendar_ACancelledEvent_IsSkipped()
    {
        var calendar = AllDays().AddICalendar(Ics("DTSTART;VALUE=DATE:20260101\nSTATUS:CANCELLED")).Build();

        Assert.True(calendar.IsOpen(At(2026, 1, 1, 12)));
    }

    [Fact]
    public void AddICalendar_ADatedWorkdayOnAYearlyHoliday_OpensThatYearOnly()
    {
        var calendar = AllDays().AddICalendar(Ics(
            "DTSTART;VALUE=DATE:20250101\nRRULE:FREQ=YEARLY",
            "DTSTART:20270101T100000\nDTEND:20270101T120000\nCATEGORIES:WORKDAY")).Build();

        Assert.Equal([false, false, true, false], new[] { At(2025, 1, 1, 10), At(2026, 1, 1, 10), At(2027, 1, 1, 10), At(2028, 1, 1, 10) }.Select(calendar.IsOpen));
    }

    [Fact]
    public void AddICalendar_AnotherWorkingDayCategory_IsHonoured()
    {
        var calendar = BusinessCalendar.CreateBuilder(Shanghai)
            .AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(18, 0))
            .AddICalendar(Ics("DTSTART:20260214T090000\nDTEND:20260214T120000\nCATEGORIES:班"), new ICalendarImportOptions { WorkingDayCategory = "班" })
            .Build();

        Assert.True(calendar.IsOpen(At(2026, 2, 14, 10)));
    }

    [Fact]
    public void AddICalendar_WithLfLineEndingsAndFoldedLines_ReadsTheSame()
    {
        const string text = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:a long\n  summary folded\nDTSTART;VALUE=DA\n TE:20260101\nEND:VEVENT\nEND:VCALENDAR";

        Assert.False(AllDays().AddICalendar(text).Build().IsOpen(At(2026, 1, 1, 12)));
    }
}
