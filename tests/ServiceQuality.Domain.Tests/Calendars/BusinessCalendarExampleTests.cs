using NodaTime;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Testing;

namespace ServiceQuality.Domain.Tests.Calendars;

/// <summary>Worked examples, computed by hand, on the 2025 reference calendar and on New York's 2025 DST changes.</summary>
public sealed class BusinessCalendarExampleTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly BusinessCalendar China = ReferenceCalendars.ChinaServiceCentre2025;

    private static Instant InShanghai(int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(2025, month, day, hour, minute).InZoneStrictly(Shanghai).ToInstant();

    // Spring Festival: closed Tue Jan 28 - Tue Feb 4; Sun Jan 26 and Sat Feb 8 are make-up working days.

    [Fact]
    public void AddBusinessTime_FromFridayEvening_UsesTheSundayMakeUpDay()
    {
        // Fri 17:00-18:00 (1 h), Sat closed, Sun Jan 26 09:00-12:00 (3 h) and 13:30-17:30 (4 h).
        Assert.Equal(InShanghai(1, 26, 17, 30), China.AddBusinessTime(InShanghai(1, 24, 17), Duration.FromHours(8)));
    }

    [Fact]
    public void AddBusinessTime_AcrossSpringFestival_ResumesAfterTheHoliday()
    {
        // Mon Jan 27 17:00-18:00 (1 h), Jan 28 - Feb 4 closed, Wed Feb 5 09:00-10:00 (1 h).
        Assert.Equal(InShanghai(2, 5, 10), China.AddBusinessTime(InShanghai(1, 27, 17), Duration.FromHours(2)));
    }

    [Fact]
    public void BusinessTimeBetween_AcrossSpringFestival_CountsWorkingAndMakeUpDaysOnly()
    {
        // Jan 27, Feb 5, 6, 7 and the Saturday make-up day Feb 8: five days of 7.5 h.
        Assert.Equal(Duration.FromMinutes(5 * 450), China.BusinessTimeBetween(InShanghai(1, 27, 9), InShanghai(2, 10, 9)));
    }

    [Fact]
    public void AddBusinessTime_LandingOnClosingTime_ReturnsTheClosingTime()
    {
        Assert.Equal(InShanghai(1, 27, 18), China.AddBusinessTime(InShanghai(1, 27, 9), Duration.FromMinutes(450)));
    }

    [Fact]
    public void SubtractBusinessTime_ReachingAnOpening_ReturnsTheOpeningNotThePreviousClose()
    {
        Assert.Equal(InShanghai(2, 5, 9), China.SubtractBusinessTime(InShanghai(2, 5, 10), Duration.FromHours(1)));
    }

    // National Day: closed Wed Oct 1 - Wed Oct 8; Sun Sep 28 and Sat Oct 11 are make-up working days.

    [Fact]
    public void BusinessTimeBetween_AcrossNationalDay_CountsSevenWorkingDays()
    {
        // Sep 26, Sep 28 (make-up), Sep 29, Sep 30, Oct 9, Oct 10, Oct 11 (make-up).
        Assert.Equal(Duration.FromMinutes(7 * 450), China.BusinessTimeBetween(InShanghai(9, 26, 9), InShanghai(10, 13, 9)));
    }

    [Fact]
    public void AddAndSubtract_AcrossNationalDay_AreInverse()
    {
        // Tue Sep 30 16:00-18:00 (2 h), then Thu Oct 9 09:00-10:00 (1 h).
        Assert.Equal(InShanghai(10, 9, 10), China.AddBusinessTime(InShanghai(9, 30, 16), Duration.FromHours(3)));
        Assert.Equal(InShanghai(9, 30, 16), China.SubtractBusinessTime(InShanghai(10, 9, 10), Duration.FromHours(3)));
    }

    [Fact]
    public void IsOpen_OnTheReferenceCalendar_FollowsHolidaysMakeUpDaysAndLunch()
    {
        Assert.True(China.IsOpen(InShanghai(10, 11, 10)));
        Assert.False(China.IsOpen(InShanghai(10, 1, 10)));
        Assert.False(China.IsOpen(InShanghai(10, 10, 12, 30)));
        Assert.True(China.IsOpen(InShanghai(10, 10, 13, 30)));
        Assert.False(China.IsOpen(InShanghai(10, 10, 18)));
        Assert.False(China.IsOpen(InShanghai(10, 12, 10)));
    }

    [Fact]
    public void NextOpen_DuringNationalDay_IsTheFirstMorningAfter()
    {
        Assert.Equal(InShanghai(10, 9, 9), China.NextOpen(InShanghai(10, 1, 10)));
        Assert.Equal(InShanghai(10, 9, 13, 30), China.NextOpen(InShanghai(10, 9, 12)));
    }

    // New York 2025: clocks go forward at 02:00 on Sun Mar 9 and back at 02:00 on Sun Nov 2.

    private static BusinessCalendar NewYorkHours(params (IsoDayOfWeek Day, int From, int To)[] hours)
    {
        var builder = BusinessCalendar.CreateBuilder(NewYork);
        foreach (var (day, from, to) in hours)
        {
            builder.AddOpenHours(day, new LocalTime(from, 0), new LocalTime(to, 0));
        }

        return builder.Build();
    }

    private static Instant Utc(int month, int day, int hour, int minute = 0) => Instant.FromUtc(2025, month, day, hour, minute);

    [Fact]
    public void BusinessTimeBetween_AroundTheClockInNewYork_IsTwentyThreeAndTwentyFiveHoursOnChangeDays()
    {
        var always = NewYorkHours([.. Enum.GetValues<IsoDayOfWeek>().Skip(1).Select(d => (d, 0, 0))]);
        var march8Noon = new LocalDateTime(2025, 3, 8, 12, 0).InZoneStrictly(NewYork).ToInstant();
        var nov1Noon = new LocalDateTime(2025, 11, 1, 12, 0).InZoneStrictly(NewYork).ToInstant();

        Assert.Equal(Duration.FromHours(23), always.BusinessTimeBetween(march8Noon, march8Noon.Plus(Duration.FromHours(23))));
        Assert.Equal(Duration.FromHours(23), always.BusinessTimeBetween(march8Noon, new LocalDateTime(2025, 3, 9, 12, 0).InZoneStrictly(NewYork).ToInstant()));
        Assert.Equal(Duration.FromHours(25), always.BusinessTimeBetween(nov1Noon, new LocalDateTime(2025, 11, 2, 12, 0).InZoneStrictly(NewYork).ToInstant()));
    }

    [Fact]
    public void SpringForward_WallClockHoursSkippedByTheGap_AreNeverOpen()
    {
        // Open Sundays 01:00-04:00: on Mar 9 the wall clock skips 02:00-03:00, leaving 01:00-02:00 EST and 03:00-04:00 EDT.
        var calendar = NewYorkHours((IsoDayOfWeek.Sunday, 1, 4));

        Assert.Equal(Duration.FromHours(2), calendar.BusinessTimeBetween(Utc(3, 9, 0), Utc(3, 9, 12)));
        Assert.Equal(Utc(3, 9, 7, 30), calendar.AddBusinessTime(Utc(3, 9, 6, 30), Duration.FromHours(1)));
        Assert.Equal(Utc(3, 9, 6, 30), calendar.SubtractBusinessTime(Utc(3, 9, 7, 30), Duration.FromHours(1)));
        Assert.Equal(Utc(3, 9, 8), calendar.AddBusinessTime(Utc(3, 9, 6), Duration.FromHours(2)));
    }

    [Fact]
    public void FallBack_WallClockHoursRepeatedByTheOverlap_AreOpenBothTimes()
    {
        // Open Sundays 01:00-04:00: on Nov 2 the wall clock shows 01:00-02:00 twice, so 4 real hours are open
        // (05:00Z to 09:00Z).
        var calendar = NewYorkHours((IsoDayOfWeek.Sunday, 1, 4));

        Assert.Equal(Duration.FromHours(4), calendar.BusinessTimeBetween(Utc(11, 2, 0), Utc(11, 2, 12)));
        Assert.True(calendar.IsOpen(Utc(11, 2, 5, 30)));
        Assert.True(calendar.IsOpen(Utc(11, 2, 6, 30)));
        Assert.Equal(Utc(11, 2, 9), calendar.AddBusinessTime(Utc(11, 2, 5), Duration.FromHours(4)));
    }

    [Fact]
    public void FallBack_AnIntervalEndingInsideTheOverlap_IsOpenOnBothPasses()
    {
        // Open Sundays 00:00-01:30: 00:00-01:30 EDT (04:00Z-05:30Z) and again 01:00-01:30 EST (06:00Z-06:30Z).
        var builder = BusinessCalendar.CreateBuilder(NewYork).AddOpenHours(IsoDayOfWeek.Sunday, LocalTime.Midnight, new LocalTime(1, 30));
        var calendar = builder.Build();

        Assert.Equal(Duration.FromHours(2), calendar.BusinessTimeBetween(Utc(11, 2, 0), Utc(11, 2, 12)));
        Assert.False(calendar.IsOpen(Utc(11, 2, 5, 45)));
        Assert.True(calendar.IsOpen(Utc(11, 2, 6, 15)));
        Assert.Equal(
            [new Interval(Utc(11, 2, 4), Utc(11, 2, 5, 30)), new Interval(Utc(11, 2, 6), Utc(11, 2, 6, 30))],
            calendar.OpenIntervals(Utc(11, 2, 0), Utc(11, 2, 12)));
    }

    [Fact]
    public void OvernightInterval_AcrossSpringForward_CountsRealElapsedTime()
    {
        // Sat 22:00 EST (Mar 9 03:00Z) to Sun 06:00 EDT (Mar 9 10:00Z): 7 real hours.
        var calendar = NewYorkHours((IsoDayOfWeek.Saturday, 22, 6));

        Assert.Equal(Duration.FromHours(7), calendar.BusinessTimeBetween(Utc(3, 8, 12), Utc(3, 9, 12)));
    }

    [Fact]
    public void OvernightInterval_BelongsToTheDateItStartsOn()
    {
        // Friday 22:00 to Saturday 06:00: closed entirely when the Friday is a holiday, open when only the Saturday is.
        var friday = new LocalDate(2025, 6, 13);
        BusinessCalendar Build(LocalDate holiday) =>
            BusinessCalendar.CreateBuilder(NewYork).AddOpenHours(IsoDayOfWeek.Friday, new LocalTime(22, 0), new LocalTime(6, 0)).AddHoliday(holiday).Build();
        var saturdayThreeAm = friday.PlusDays(1).At(new LocalTime(3, 0)).InZoneStrictly(NewYork).ToInstant();

        Assert.False(Build(friday).IsOpen(saturdayThreeAm));
        Assert.True(Build(friday.PlusDays(1)).IsOpen(saturdayThreeAm));
    }

    [Fact]
    public void WorkingDay_ReplacesTheWeeklyHoursOfItsDate()
    {
        var saturday = new LocalDate(2025, 6, 14);
        var calendar = BusinessCalendar.CreateBuilder(NewYork)
            .AddOpenHours(IsoDayOfWeek.Saturday, new LocalTime(9, 0), new LocalTime(17, 0))
            .AddWorkingDay(saturday, new LocalTime(10, 0), new LocalTime(11, 0))
            .AddWorkingDay(saturday, new LocalTime(14, 0), new LocalTime(15, 0))
            .Build();
        var start = saturday.AtMidnight().InZoneStrictly(NewYork).ToInstant();

        Assert.Equal(Duration.FromHours(2), calendar.BusinessTimeBetween(start, start + Duration.FromDays(1)));
        Assert.Equal(Duration.FromHours(8), calendar.BusinessTimeBetween(start + Duration.FromDays(7), start + Duration.FromDays(8)));
    }

    [Fact]
    public void AlwaysOpen_IsUtcAndOpenEverywhere()
    {
        Assert.Equal(DateTimeZone.Utc, BusinessCalendar.AlwaysOpen.Zone);
        Assert.True(BusinessCalendar.AlwaysOpen.IsOpen(Utc(12, 25, 3)));
        Assert.Equal(Duration.FromDays(365), BusinessCalendar.AlwaysOpen.BusinessTimeBetween(Utc(1, 1, 0), Instant.FromUtc(2026, 1, 1, 0, 0)));
    }

    [Fact]
    public void AddBusinessTime_OverManyYears_CrossesCompiledChunks()
    {
        // 37.5 h a week outside 2025. 2,000 h = 53 weeks (1,987.5 h) + Monday (7.5 h) + Tuesday 09:00-12:00 and 13:30-15:30.
        var monday = new LocalDateTime(2030, 1, 7, 9, 0);
        var start = monday.InZoneStrictly(Shanghai).ToInstant();

        Assert.Equal(
            monday.PlusWeeks(53).PlusDays(1).PlusHours(6).PlusMinutes(30).InZoneStrictly(Shanghai).ToInstant(),
            China.AddBusinessTime(start, Duration.FromHours(2000)));
        Assert.Equal(Duration.FromHours(37.5 * 1000), China.BusinessTimeBetween(start, monday.PlusWeeks(1000).InZoneStrictly(Shanghai).ToInstant()));
    }
}
