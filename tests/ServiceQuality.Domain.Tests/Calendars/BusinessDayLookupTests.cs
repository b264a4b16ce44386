using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Tests.ServiceLevels;
using ServiceQuality.Testing;

namespace ServiceQuality.Domain.Tests.Calendars;

/// <summary>Counting business days by lookup against a walk over dates, on random calendars in zones with unusual daylight saving.</summary>
public sealed class BusinessDayLookupTests
{
    [Property(MaxTest = 1000, Replay = PropertyRuns.Replay)]
    public Property TryGetBusinessDay_OnRandomCalendars_AgreesWithAWalkOverDates()
    {
        var cases =
            from c in CalendarGenerators.Cases(maxSpanMinutes: 0)
            from offset in Gen.Choose(-5, 15)
            from count in Gen.Frequency((4, Gen.Choose(0, 10)), (1, Gen.Choose(11, 400)))
            select (c.Spec, Date: c.Start.InZone(c.Spec.Zone).Date.PlusDays(offset), Count: count);
        return Prop.ForAll(cases.ToArbitrary(), x =>
        {
            var calendar = x.Spec.Build();
            var reference = new ReferenceDeadline(x.Spec, calendar.IsOpen);

            Assert.True(calendar.TryGetBusinessDay(x.Date, x.Count, out var day));
            Assert.Equal(reference.Nth(x.Date, x.Count), day);
            Assert.Equal(reference.IsBusinessDay(x.Date), calendar.TryGetCloseOfBusinessDay(x.Date, out var close));
            Assert.Equal(reference.Close(x.Date), reference.IsBusinessDay(x.Date) ? close : null);
        });
    }

    [Fact]
    public void TryGetBusinessDay_AroundNationalDay2025_SkipsTheHolidayAndCountsTheMakeUpSaturday()
    {
        var china = ReferenceCalendars.ChinaServiceCentre2025;

        Assert.True(china.TryGetBusinessDay(new LocalDate(2025, 9, 30), 1, out var next));
        Assert.True(china.TryGetBusinessDay(new LocalDate(2025, 10, 1), 0, out var firstAfterHoliday));
        Assert.True(china.TryGetBusinessDay(new LocalDate(2025, 10, 10), 1, out var makeUp));
        Assert.True(china.TryGetCloseOfBusinessDay(new LocalDate(2025, 10, 11), out var close));

        Assert.Equal((new LocalDate(2025, 10, 9), new LocalDate(2025, 10, 9), new LocalDate(2025, 10, 11)), (next, firstAfterHoliday, makeUp));
        Assert.Equal(Instant.FromUtc(2025, 10, 11, 10, 0), close);
        Assert.False(china.TryGetCloseOfBusinessDay(new LocalDate(2025, 10, 1), out _));
    }

    [Fact]
    public void TryGetBusinessDay_OnAComposedCalendar_CountsTheDatesWithOpenTime_AndTheirLastClose()
    {
        // The reference calendar, except Mondays (closed by a calendar open on Mondays only).
        var mondays = BusinessCalendar.CreateBuilder(ReferenceCalendars.ChinaServiceCentre2025.Zone)
            .AddOpenHours(IsoDayOfWeek.Monday, LocalTime.Midnight, LocalTime.Midnight)
            .Build();
        var composed = ReferenceCalendars.ChinaServiceCentre2025.Except(mondays);

        Assert.True(composed.TryGetBusinessDay(new LocalDate(2025, 9, 26), 1, out var next)); // Friday 26 Sep, then Sunday 28 Sep (a make-up working day)
        Assert.True(composed.TryGetBusinessDay(new LocalDate(2025, 9, 29), 0, out var notMonday));
        Assert.True(composed.TryGetCloseOfBusinessDay(new LocalDate(2025, 9, 30), out var close));

        Assert.Equal(new LocalDate(2025, 9, 28), next);
        Assert.Equal(new LocalDate(2025, 9, 30), notMonday);
        Assert.Equal(new LocalDateTime(2025, 9, 30, 18, 0), close.InZone(composed.Zone).LocalDateTime);
        Assert.False(composed.TryGetCloseOfBusinessDay(new LocalDate(2025, 9, 29), out _));
    }

    [Fact]
    public void TryGetBusinessDay_PastTheLastSupportedDate_IsFalse()
    {
        var china = ReferenceCalendars.ChinaServiceCentre2025;

        Assert.False(china.TryGetBusinessDay(new LocalDate(2199, 12, 1), 100, out _));
        Assert.True(china.TryGetBusinessDay(new LocalDate(1900, 1, 1), 0, out var first));
        Assert.Equal(new LocalDate(1900, 1, 1), first);
        Assert.True(BusinessCalendar.AlwaysOpen.TryGetBusinessDay(new LocalDate(2199, 12, 31), 0, out _));
        Assert.False(BusinessCalendar.AlwaysOpen.TryGetBusinessDay(new LocalDate(2199, 12, 31), 1, out _));
    }

    [Fact]
    public void TryGetBusinessDay_WithBadArguments_ThrowsArgumentOutOfRange()
    {
        var china = ReferenceCalendars.ChinaServiceCentre2025;

        Assert.Throws<ArgumentOutOfRangeException>("count", () => china.TryGetBusinessDay(new LocalDate(2025, 1, 1), -1, out _));
        Assert.Throws<ArgumentOutOfRangeException>("date", () => china.TryGetBusinessDay(new LocalDate(1899, 12, 31), 0, out _));
        Assert.Throws<ArgumentOutOfRangeException>("date", () => china.TryGetCloseOfBusinessDay(new LocalDate(2200, 1, 1), out _));
        Assert.Throws<ArgumentException>("date", () => china.TryGetCloseOfBusinessDay(new LocalDate(2025, 1, 1, CalendarSystem.Julian), out _));
    }
}
