using NodaTime;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Testing;

namespace ServiceQuality.Domain.Tests.Calendars;

public sealed class BusinessCalendarValidationTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly BusinessCalendar Calendar = ReferenceCalendars.ChinaServiceCentre2025;
    private static readonly Instant InRange = Instant.FromUtc(2025, 3, 3, 2, 0);
    private static readonly Instant TooEarly = Instant.FromUtc(1899, 6, 1, 0, 0);
    private static readonly Instant TooLate = Instant.FromUtc(2200, 6, 1, 0, 0);

    private static BusinessCalendarBuilder Weekdays() =>
        BusinessCalendar.CreateBuilder(London).AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(17, 0));

    [Fact]
    public void CreateBuilder_WithNullZone_ThrowsNamingZone() =>
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => BusinessCalendar.CreateBuilder(null!)).ParamName);

    [Fact]
    public void AddOpenHours_WithNoDayOfWeek_ThrowsNamingDay() =>
        Assert.Equal("day", Assert.Throws<ArgumentOutOfRangeException>(
            () => Weekdays().AddOpenHours(IsoDayOfWeek.None, new LocalTime(9, 0), new LocalTime(10, 0))).ParamName);

    [Fact]
    public void AddHoliday_OutsideSupportedYears_ThrowsNamingDate()
    {
        Assert.Equal("date", Assert.Throws<ArgumentOutOfRangeException>(() => Weekdays().AddHoliday(new LocalDate(1899, 12, 31))).ParamName);
        Assert.Equal("date", Assert.Throws<ArgumentOutOfRangeException>(
            () => Weekdays().AddWorkingDay(new LocalDate(2200, 1, 1), new LocalTime(9, 0), new LocalTime(10, 0))).ParamName);
    }

    [Fact]
    public void AddHoliday_InAnotherCalendarSystem_ThrowsNamingDate() =>
        Assert.Equal("date", Assert.Throws<ArgumentException>(
            () => Weekdays().AddHoliday(new LocalDate(2025, 1, 1).WithCalendar(CalendarSystem.Julian))).ParamName);

    [Theory]
    [InlineData("add")]
    [InlineData("subtract")]
    public void Arithmetic_WithNegativeAmount_ThrowsNamingAmount(string operation)
    {
        var negative = Duration.FromTicks(-1);
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => operation == "add"
            ? Calendar.AddBusinessTime(InRange, negative)
            : Calendar.SubtractBusinessTime(InRange, negative));

        Assert.Equal("amount", exception.ParamName);
    }

    [Fact]
    public void Queries_OutsideSupportedRange_ThrowNamingTheArgument()
    {
        foreach (var outside in new[] { TooEarly, TooLate })
        {
            Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.IsOpen(outside)).ParamName);
            Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.NextOpen(outside)).ParamName);
            Assert.Equal("start", Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddBusinessTime(outside, Duration.FromHours(1))).ParamName);
            Assert.Equal("end", Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.SubtractBusinessTime(outside, Duration.FromHours(1))).ParamName);
            Assert.Equal("a", Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.BusinessTimeBetween(outside, InRange)).ParamName);
            Assert.Equal("b", Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.BusinessTimeBetween(InRange, outside)).ParamName);
        }
    }

    [Fact]
    public void SupportedRange_StartsAndEndsAtLocalMidnightOf1900And2200()
    {
        var zone = Calendar.Zone;
        Assert.Equal(zone.AtStartOfDay(new LocalDate(1900, 1, 1)).ToInstant(), Calendar.SupportedRange.Start);
        Assert.Equal(zone.AtStartOfDay(new LocalDate(2200, 1, 1)).ToInstant(), Calendar.SupportedRange.End);
        Assert.False(Calendar.IsOpen(Calendar.SupportedRange.Start));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.IsOpen(Calendar.SupportedRange.End));
    }

    [Fact]
    public void Arithmetic_PastTheSupportedRange_ThrowsNamingAmountInsteadOfOverflowing()
    {
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(
            () => Calendar.AddBusinessTime(InRange, Duration.FromDays(365 * 200))).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(
            () => Calendar.AddBusinessTime(InRange, Duration.MaxValue)).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(
            () => Calendar.SubtractBusinessTime(InRange, Duration.FromDays(365 * 130))).ParamName);
    }

    [Fact]
    public void OpenIntervals_WithEndBeforeStart_ThrowsNamingB() =>
        Assert.Equal("b", Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.OpenIntervals(InRange, InRange - Duration.FromSeconds(1))).ParamName);

    [Fact]
    public void Build_WithSeveralProblems_ReportsThemAllAtOnce()
    {
        var monday = new LocalDate(2025, 6, 2);
        var builder = BusinessCalendar.CreateBuilder(London)
            .AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0))
            .AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(11, 0), new LocalTime(14, 0))
            .AddOpenHours(IsoDayOfWeek.Sunday, new LocalTime(22, 0), new LocalTime(10, 0))
            .AddWorkingDay(monday, new LocalTime(8, 0), new LocalTime(10, 0))
            .AddWorkingDay(monday, new LocalTime(9, 30), new LocalTime(11, 0))
            .AddHoliday(monday);

        var exception = Assert.Throws<InvalidDefinitionException>(builder.Build);

        Assert.Equal(nameof(BusinessCalendar), exception.Definition);
        Assert.Equal(
            [
                "openHours[Monday 09:00-12:00]: The interval Monday 09:00-12:00 overlaps Sunday 22:00-10:00(+1).",
                "openHours[Monday 11:00-14:00]: The interval Monday 11:00-14:00 overlaps Monday 09:00-12:00.",
                "workingDays[2025-06-02 09:30-11:00]: The interval 2025-06-02 09:30-11:00 overlaps 2025-06-02 08:00-10:00.",
                "workingDays[2025-06-02]: 2025-06-02 is both a holiday and a working day.",
            ],
            exception.Problems.Select(p => p.ToString()).Order(StringComparer.Ordinal));
        Assert.All(exception.Problems, p => Assert.Contains(p.Message, exception.Message, StringComparison.Ordinal));
        Assert.All(exception.Problems, p => Assert.Equal(ProblemCode.Conflict, p.Code));
    }

    [Fact]
    public void Build_WithTensOfThousandsOfOverlappingIntervals_KeepsTheFirstHundredAndCountsTheRest()
    {
        var builder = BusinessCalendar.CreateBuilder(London);
        for (var i = 0; i < 50_000; i++)
        {
            builder.AddOpenHours(IsoDayOfWeek.Tuesday, new LocalTime(9, 0), new LocalTime(17, 0));
        }

        var exception = Assert.Throws<InvalidDefinitionException>(builder.Build);

        // 49,999 overlaps, and one problem for holding more than MaxWeeklyIntervals intervals, reported first.
        Assert.Equal(InvalidDefinitionException.MaxProblems, exception.Problems.Count);
        Assert.Equal(ProblemCode.OutOfRange, exception.Problems[0].Code);
        Assert.Equal(50_000 - InvalidDefinitionException.MaxProblems, exception.OmittedProblems);
        Assert.Equal(InvalidDefinitionException.MaxProblems + 1, exception.Lines().Count());
        Assert.Contains("and 49,900 more problems not listed", exception.Lines().Last(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithNoWeeklyHours_IsRefusedAndTheBuilderStaysUsable()
    {
        var builder = BusinessCalendar.CreateBuilder(London).AddWorkingDay(new LocalDate(2025, 6, 7), new LocalTime(9, 0), new LocalTime(10, 0));

        var exception = Assert.Throws<InvalidDefinitionException>(builder.Build);
        Assert.Equal("openHours", Assert.Single(exception.Problems).Path);

        var calendar = builder.AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(17, 0)).Build();
        Assert.True(calendar.IsOpen(new LocalDateTime(2025, 6, 7, 9, 30).InZoneStrictly(London).ToInstant()));
    }

    [Fact]
    public void Build_WithTouchingIntervals_IsAccepted()
    {
        var calendar = BusinessCalendar.CreateBuilder(London)
            .AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0))
            .AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(12, 0), new LocalTime(0, 0))
            .AddOpenHours(IsoDayOfWeek.Tuesday, new LocalTime(0, 0), new LocalTime(1, 0))
            .Build();
        var monday = new LocalDateTime(2025, 6, 2, 9, 0).InZoneStrictly(London).ToInstant();

        Assert.Equal([new Interval(monday, monday + Duration.FromHours(16))], calendar.OpenIntervals(monday - Duration.FromDays(1), monday + Duration.FromDays(1)));
    }

    [Fact]
    public void Build_WithTheMostWeeklyIntervalsAllowed_IsAcceptedAndOneMoreIsRefused()
    {
        var builder = BusinessCalendar.CreateBuilder(DateTimeZone.Utc);
        for (var i = 0; i < BusinessCalendarBuilder.MaxWeeklyIntervals; i++)
        {
            builder.AddOpenHours((IsoDayOfWeek)(i % 7 + 1), new LocalTime(i / 7, 0), new LocalTime(i / 7, 30));
        }

        Assert.NotNull(builder.Build());

        builder.AddOpenHours(IsoDayOfWeek.Sunday, new LocalTime(23, 0), new LocalTime(23, 30));
        var problem = Assert.Single(Assert.Throws<InvalidDefinitionException>(builder.Build).Problems);
        Assert.Equal(("openHours", ProblemCode.OutOfRange), (problem.Path, problem.Code));
    }

    [Fact]
    public void Validate_ListsWhatBuildWouldRefuse_WithCodesAndPaths_AndNothingForAGoodCalendar()
    {
        var builder = BusinessCalendar.CreateBuilder(DateTimeZoneProviders.Tzdb["Asia/Shanghai"])
            .AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0))
            .AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(11, 0), new LocalTime(13, 0))
            .AddHoliday(new LocalDate(2025, 10, 11))
            .AddWorkingDay(new LocalDate(2025, 10, 11), new LocalTime(9, 0), new LocalTime(17, 0));

        var problems = builder.Validate();

        Assert.Equal(problems, Assert.Throws<InvalidDefinitionException>(builder.Build).Problems);
        Assert.Contains(problems, p => p.Path.StartsWith("openHours", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path.StartsWith("workingDays", StringComparison.Ordinal) && p.Code == ProblemCode.Conflict);
        Assert.Empty(BusinessCalendar.CreateBuilder(London).AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(17, 0)).Validate());
    }
}
