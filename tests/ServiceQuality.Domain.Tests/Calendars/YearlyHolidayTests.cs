using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Calendars;

namespace ServiceQuality.Domain.Tests.Calendars;

/// <summary>Yearly holiday rules: against the minute-by-minute reference, against their dated expansion, and their precedence.</summary>
public sealed class YearlyHolidayTests
{
    private const int Cases = 1000;
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property AllOperations_WithYearlyHolidays_AgreeWithTheMinuteByMinuteReference() =>
        Prop.ForAll(CalendarGenerators.CasesWithYearlyHolidays(maxSpanMinutes: 10 * 24 * 60).ToArbitrary(), (CalendarCase c) => OracleAnswers.AssertAgreeWithReference(c));

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property Build_WithYearlyHolidays_EqualsTheCalendarWithTheirDatedExpansion() =>
        Prop.ForAll(CalendarGenerators.CasesWithYearlyHolidays(maxSpanMinutes: 0).ToArbitrary(), (CalendarCase c) =>
        {
            var working = c.Spec.WorkingDays.Select(w => w.Date).ToHashSet();
            var expanded = c.Spec.YearlyHolidays
                .SelectMany(y => Enumerable.Range(y.FirstYear, y.LastYear - y.FirstYear + 1).Where(y.Date.IsValidYear).Select(y.Date.InYear))
                .Where(d => !working.Contains(d))
                .Concat(c.Spec.Holidays)
                .Distinct()
                .ToList();
            var dated = (c.Spec with { Holidays = expanded, Yearly = null }).Build();
            var yearly = c.Spec.Build();
            var from = c.Start - Duration.FromDays(800);
            var to = c.Start + Duration.FromDays(800);

            Assert.Equal(dated.OpenIntervals(from, to), yearly.OpenIntervals(from, to));
            // Every rule's years lie within four years of the window, and so does all the difference a wrong rule could make.
            var year = c.Start.InUtc().Year;
            var (first, last) = (Instant.FromUtc(year - 4, 1, 1, 0, 0), Instant.FromUtc(year + 5, 1, 1, 0, 0));
            Assert.Equal(dated.BusinessTimeBetween(first, last), yearly.BusinessTimeBetween(first, last));
        });

    [Fact]
    public void AddYearlyHoliday_ClosesTheDateInEveryYear()
    {
        var calendar = AllDay().AddYearlyHoliday(new AnnualDate(10, 1)).Build();

        foreach (var year in new[] { 1900, 2025, 2026, 2199 })
        {
            Assert.False(calendar.IsOpen(At(year, 10, 1, 12)));
            Assert.True(calendar.IsOpen(At(year, 10, 2, 12)));
        }
    }

    [Fact]
    public void AddYearlyHoliday_WithYears_ClosesOnlyThoseYears()
    {
        var calendar = AllDay().AddYearlyHoliday(new AnnualDate(5, 1), 2024, 2026).Build();

        Assert.Equal([true, false, false, false, true], new[] { 2023, 2024, 2025, 2026, 2027 }.Select(y => calendar.IsOpen(At(y, 5, 1, 12))));
    }

    [Fact]
    public void AddYearlyHoliday_OnTwentyNinthFebruary_ClosesOnlyLeapYears()
    {
        var calendar = AllDay().AddYearlyHoliday(new AnnualDate(2, 29)).Build();

        Assert.False(calendar.IsOpen(At(2024, 2, 29, 12)));
        Assert.True(calendar.IsOpen(At(2025, 2, 28, 12)));
        Assert.True(calendar.IsOpen(At(2025, 3, 1, 12)));
    }

    [Fact]
    public void Build_WithADatedWorkingDayOnAYearlyHoliday_OpensTheWorkingDaysHours()
    {
        var calendar = AllDay()
            .AddYearlyHoliday(new AnnualDate(1, 1))
            .AddWorkingDay(new LocalDate(2026, 1, 1), new LocalTime(9, 0), new LocalTime(12, 0))
            .Build();

        Assert.True(calendar.IsOpen(At(2026, 1, 1, 10)));
        Assert.False(calendar.IsOpen(At(2026, 1, 1, 13)));
        Assert.False(calendar.IsOpen(At(2027, 1, 1, 10)));
    }

    [Fact]
    public void Build_WithADatedHolidayOnAYearlyHoliday_IsAccepted()
    {
        var calendar = AllDay().AddYearlyHoliday(new AnnualDate(1, 1)).AddHoliday(new LocalDate(2026, 1, 1)).Build();

        Assert.False(calendar.IsOpen(At(2026, 1, 1, 10)));
    }

    [Theory]
    [InlineData(1899, 2000, "firstYear")]
    [InlineData(2000, 2200, "lastYear")]
    [InlineData(2001, 2000, "lastYear")]
    [InlineData(int.MinValue, int.MaxValue, "firstYear")]
    public void AddYearlyHoliday_WithYearsOutsideTheRange_ThrowsNamingTheYear(int first, int last, string parameter) =>
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => AllDay().AddYearlyHoliday(new AnnualDate(1, 1), first, last)).ParamName);

    private static BusinessCalendarBuilder AllDay()
    {
        var builder = BusinessCalendar.CreateBuilder(Shanghai);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            builder.AddOpenHours(day, LocalTime.Midnight, LocalTime.Midnight);
        }

        return builder;
    }

    private static Instant At(int year, int month, int day, int hour) => new LocalDateTime(year, month, day, hour, 0).InZoneStrictly(Shanghai).ToInstant();
}
