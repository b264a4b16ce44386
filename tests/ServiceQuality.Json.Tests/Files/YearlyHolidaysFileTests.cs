using NodaTime;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Json.Tests.Files;

/// <summary>The calendars section's yearly holidays: read as the builder's yearly rules, and every bad value reported at its path.</summary>
public sealed class YearlyHolidaysFileTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static string File(string yearly, string workingDays = "[]") => $$"""
        { "calendars": [ { "id": "desk", "zone": "Asia/Shanghai",
            "weekly": [ { "days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], "from": "09:00", "to": "18:00" } ],
            "yearlyHolidays": {{yearly}}, "workingDays": {{workingDays}} } ] }
        """;

    [Fact]
    public void Load_YearlyHolidays_GivesTheCalendarTheBuilderMakes()
    {
        var loaded = DefinitionsFile.Load(File(
            """[ { "date": "01-01" }, { "date": "05-01", "fromYear": 2026, "toYear": 2027 }, { "date": "02-29" } ]""",
            """[ { "date": "2030-01-01", "hours": [ { "from": "10:00", "to": "12:00" } ] } ]""")).Calendars["desk"];
        var builder = BusinessCalendar.CreateBuilder(Shanghai);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            builder.AddOpenHours(day, new LocalTime(9, 0), new LocalTime(18, 0));
        }

        var built = builder
            .AddYearlyHoliday(new AnnualDate(1, 1))
            .AddYearlyHoliday(new AnnualDate(5, 1), 2026, 2027)
            .AddYearlyHoliday(new AnnualDate(2, 29))
            .AddWorkingDay(new LocalDate(2030, 1, 1), new LocalTime(10, 0), new LocalTime(12, 0))
            .Build();
        var (from, to) = (Instant.FromUtc(2023, 1, 1, 0, 0), Instant.FromUtc(2031, 1, 1, 0, 0));

        Assert.Equal(built.OpenIntervals(from, to), loaded.OpenIntervals(from, to));
        Assert.False(loaded.IsOpen(Instant.FromUtc(2026, 5, 1, 4, 0)));
        Assert.True(loaded.IsOpen(Instant.FromUtc(2028, 5, 1, 4, 0)));
        Assert.True(loaded.IsOpen(Instant.FromUtc(2030, 1, 1, 3, 0)));
    }

    [Fact]
    public void Load_BadYearlyHolidays_ReportsEachAtItsPath()
    {
        var exception = Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(File(
            """
            [ { "date": "13-01" }, { "date": "02-30" }, { "date": "2025-10-01" }, { "date": "10-01", "fromYear": 1899 },
              { "date": "10-01", "fromYear": 2030, "toYear": 2029 }, { "date": "10-01", "year": 2025 }, {} ]
            """)));

        Assert.Equal(
            [
                ("$.calendars[0].yearlyHolidays[0].date", ProblemCode.InvalidFormat),
                ("$.calendars[0].yearlyHolidays[1].date", ProblemCode.InvalidFormat),
                ("$.calendars[0].yearlyHolidays[2].date", ProblemCode.InvalidFormat),
                ("$.calendars[0].yearlyHolidays[3].fromYear", ProblemCode.OutOfRange),
                ("$.calendars[0].yearlyHolidays[4].toYear", ProblemCode.Conflict),
                ("$.calendars[0].yearlyHolidays[5].year", ProblemCode.UnknownProperty),
                ("$.calendars[0].yearlyHolidays[6].date", ProblemCode.MissingProperty),
            ],
            exception.Problems.Select(p => (p.Path, p.Code)).Order());
    }
}
