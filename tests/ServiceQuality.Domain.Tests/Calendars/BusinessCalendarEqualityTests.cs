using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Calendars;

namespace ServiceQuality.Domain.Tests.Calendars;

/// <summary>A calendar is a value: equal definitions give equal calendars, whatever the order they were given in.</summary>
public sealed class BusinessCalendarEqualityTests
{
    private const int Cases = 200;
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly LocalTime Nine = new(9, 0);
    private static readonly LocalTime Noon = new(12, 0);
    private static readonly LocalTime One = new(13, 0);
    private static readonly LocalTime Five = new(17, 0);

    [Fact]
    public void Equals_WhenBuiltTwiceFromTheSameCalls_IsTrueWithEqualHashCodes()
    {
        var first = Office(Shanghai).Build();
        var second = Office(Shanghai).Build();

        Assert.NotSame(first, second);
        Assert.True(first.Equals(second));
        Assert.True(first.Equals((object)second));
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Equals_WhenTheSameDefinitionIsGivenInAnotherOrder_IsTrue()
    {
        var ordered = Office(Shanghai).Build();
        var shuffled = BusinessCalendar.CreateBuilder(Shanghai)
            .AddYearlyHoliday(new AnnualDate(10, 1), 2001, 2199)
            .AddWorkingDay(new LocalDate(2025, 9, 28), One, Five)
            .AddHoliday(new LocalDate(2025, 10, 2))
            .AddOpenHours(IsoDayOfWeek.Friday, One, Five)
            .AddOpenHours(IsoDayOfWeek.Friday, Nine, Noon)
            .AddWorkingDay(new LocalDate(2025, 9, 28), Nine, Noon)
            .AddHoliday(new LocalDate(2025, 10, 2))
            .AddOpenHours(IsoDayOfWeek.Monday, One, Five)
            .AddOpenHours(IsoDayOfWeek.Monday, Nine, Noon)
            .AddYearlyHoliday(new AnnualDate(10, 1), 1950, 2000)
            .AddYearlyHoliday(new AnnualDate(10, 1), 1900, 1990)
            .Build();

        Assert.Equal(ordered, shuffled);
        Assert.Equal(ordered.GetHashCode(), shuffled.GetHashCode());
    }

    [Fact]
    public void Equals_WhenOneElementDiffers_IsFalse()
    {
        var office = Office(Shanghai).Build();

        Assert.NotEqual(office, Office(London).Build());
        Assert.NotEqual(office, Office(Shanghai).AddHoliday(new LocalDate(2025, 10, 3)).Build());
        Assert.NotEqual(office, Office(Shanghai).AddWorkingDay(new LocalDate(2025, 10, 11), Nine, Noon).Build());
        Assert.NotEqual(office, Office(Shanghai).AddOpenHours(IsoDayOfWeek.Saturday, Nine, Noon).Build());
        Assert.NotEqual(office, Office(Shanghai).AddYearlyHoliday(new AnnualDate(5, 1)).Build());
        Assert.NotEqual(office, Office(Shanghai, yearlyFrom: 1901).Build());
        Assert.False(office.Equals(null));
        Assert.False(office.Equals("not a calendar"));
    }

    [Fact]
    public void Equals_WhenOpenAtTheSameInstantsButDefinedDifferently_IsFalse()
    {
        var split = BusinessCalendar.CreateBuilder(London).AddOpenHours(IsoDayOfWeek.Monday, Nine, Noon).AddOpenHours(IsoDayOfWeek.Monday, Noon, Five).Build();
        var whole = BusinessCalendar.CreateBuilder(London).AddOpenHours(IsoDayOfWeek.Monday, Nine, Five).Build();
        var start = Instant.FromUtc(2025, 1, 1, 0, 0);

        Assert.Equal(split.BusinessTimeBetween(start, start + Duration.FromDays(28)), whole.BusinessTimeBetween(start, start + Duration.FromDays(28)));
        Assert.NotEqual(split, whole);
    }

    [Fact]
    public void AlwaysOpen_EqualsItselfAndAnIndependentlyBuiltAroundTheClockCalendarInUtc()
    {
        var builder = BusinessCalendar.CreateBuilder(DateTimeZone.Utc);
        foreach (var day in new[] { IsoDayOfWeek.Sunday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Friday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Monday })
        {
            builder.AddOpenHours(day, LocalTime.Midnight, LocalTime.Midnight);
        }

        var alwaysOpen = BusinessCalendar.AlwaysOpen;
        Assert.True(alwaysOpen.Equals(alwaysOpen));
        Assert.Equal(alwaysOpen.GetHashCode(), alwaysOpen.GetHashCode());
        Assert.Equal(alwaysOpen, builder.Build());
        Assert.NotEqual(alwaysOpen, Office(Shanghai).Build());
    }

    [Fact]
    public void Equals_ForComposedCalendars_IsTrueForEqualPartsAndTheSameOperationOnly()
    {
        BusinessCalendar Shanghai1() => Office(Shanghai).Build();
        BusinessCalendar London1() => Office(London).Build();

        Assert.Equal(Shanghai1().Intersect(London1()), Shanghai1().Intersect(London1()));
        Assert.Equal(Shanghai1().Intersect(London1()).GetHashCode(), Shanghai1().Intersect(London1()).GetHashCode());
        Assert.Equal(Shanghai1().Union(London1()).Except(BusinessCalendar.AlwaysOpen), Shanghai1().Union(London1()).Except(BusinessCalendar.AlwaysOpen));
        Assert.NotEqual(Shanghai1().Intersect(London1()), Shanghai1().Union(London1()));
        Assert.NotEqual(Shanghai1().Intersect(London1()), Shanghai1().Except(London1()));
        Assert.NotEqual(Shanghai1().Intersect(London1()), London1().Intersect(Shanghai1()));
        Assert.NotEqual(Shanghai1().Intersect(Shanghai1()), Shanghai1());
        Assert.NotEqual(Shanghai1(), Shanghai1().Intersect(Shanghai1()));
    }

    [Fact]
    public void GetHashCode_LetsAnEqualCalendarFindADictionaryEntry()
    {
        var names = new Dictionary<BusinessCalendar, string> { [Office(Shanghai).Build()] = "shanghai", [Office(London).Build()] = "london" };

        Assert.Equal("shanghai", names[Office(Shanghai).Build()]);
        Assert.Equal("london", names[Office(London).Build()]);
        Assert.False(names.ContainsKey(BusinessCalendar.AlwaysOpen));
    }

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property Build_WhenARandomDefinitionIsBuiltTwiceInAnotherOrder_GivesEqualCalendarsWithEqualHashCodes() =>
        Prop.ForAll(CalendarGenerators.CasesWithYearlyHolidays(maxSpanMinutes: 0).ToArbitrary(), (CalendarCase c) =>
        {
            var spec = c.Spec;
            var reversed = spec with
            {
                Weekly = [.. spec.Weekly.Reverse()],
                Holidays = [.. spec.Holidays.Reverse(), .. spec.Holidays],
                WorkingDays = [.. spec.WorkingDays.Reverse()],
                Yearly = [.. spec.YearlyHolidays.Reverse().SelectMany(Split)],
            };

            var first = spec.Build();
            var second = reversed.Build();
            Assert.Equal(first, second);
            Assert.Equal(first.GetHashCode(), second.GetHashCode());
        });

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property Build_WhenOneElementOfARandomDefinitionChanges_GivesAnUnequalCalendar() =>
        Prop.ForAll(Gen.Zip(CalendarGenerators.CasesWithYearlyHolidays(maxSpanMinutes: 0), Gen.Choose(0, 4)).ToArbitrary(), pair =>
        {
            var (c, change) = pair;
            var spec = c.Spec;

            // Far from the dates the generator uses (2005–2035), so that no change collides with an existing element.
            var far = new LocalDate(2150, 3, 3);
            var changed = change switch
            {
                0 => spec with { ZoneId = CalendarGenerators.Zones.First(z => z != spec.ZoneId) },
                1 => spec with { Holidays = [.. spec.Holidays, far] },
                2 => spec with { WorkingDays = [.. spec.WorkingDays, new DatedHours(far, Nine, Noon)] },
                3 => spec with { Yearly = [.. spec.YearlyHolidays, new YearlyHoliday(new AnnualDate(2, 29), 2100, 2104)] },
                _ => spec with { Weekly = spec.Weekly.Count > 1 ? [.. spec.Weekly.Skip(1)] : [.. spec.Weekly.Select(w => w with { End = w.End == w.Start.PlusMinutes(1) ? w.Start.PlusMinutes(2) : w.Start.PlusMinutes(1) })] },
            };

            Assert.NotEqual(spec.Build(), changed.Build());
        });

    /// <summary>A yearly holiday as two rules whose years together are the same (or the same rule twice, for a single year).</summary>
    private static IEnumerable<YearlyHoliday> Split(YearlyHoliday holiday)
    {
        if (holiday.FirstYear == holiday.LastYear)
        {
            return [holiday, holiday];
        }

        var middle = holiday.FirstYear + ((holiday.LastYear - holiday.FirstYear) / 2);
        return [holiday with { FirstYear = middle + 1 }, holiday with { LastYear = middle }];
    }

    /// <summary>A split-shift office with a holiday, a make-up working day and a yearly holiday.</summary>
    private static BusinessCalendarBuilder Office(DateTimeZone zone, int yearlyFrom = 1900) =>
        BusinessCalendar.CreateBuilder(zone)
            .AddOpenHours(IsoDayOfWeek.Monday, Nine, Noon)
            .AddOpenHours(IsoDayOfWeek.Monday, One, Five)
            .AddOpenHours(IsoDayOfWeek.Friday, Nine, Noon)
            .AddOpenHours(IsoDayOfWeek.Friday, One, Five)
            .AddHoliday(new LocalDate(2025, 10, 2))
            .AddWorkingDay(new LocalDate(2025, 9, 28), Nine, Noon)
            .AddWorkingDay(new LocalDate(2025, 9, 28), One, Five)
            .AddYearlyHoliday(new AnnualDate(10, 1), yearlyFrom, 2199);
}
