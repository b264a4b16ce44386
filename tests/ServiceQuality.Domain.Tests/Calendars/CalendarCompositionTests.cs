using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Calendars;

namespace ServiceQuality.Domain.Tests.Calendars;

public enum Composition
{
    Intersect,
    Union,
    Except,
}

/// <summary>Three calendars near one window, composed as (first op1 second) op2 third.</summary>
public sealed record ComposedCase(CalendarSpec First, CalendarSpec Second, CalendarSpec Third, Composition Inner, Composition Outer, Instant Start, int SpanMinutes, double AmountFraction)
{
    public Instant End => Start + Duration.FromMinutes(SpanMinutes);

    public override string ToString() =>
        $"(({First}) {Inner} ({Second})) {Outer} ({Third}) | start {Start} | span {SpanMinutes} min | amount fraction {AmountFraction:0.###}";
}

/// <summary>Intersection, union and difference of calendars, against the minute-by-minute reference of their inputs.</summary>
public sealed class CalendarCompositionTests
{
    private const int Cases = 1000;
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private static Gen<ComposedCase> ComposedCases() =>
        from c in CalendarGenerators.Cases(maxSpanMinutes: 4 * 24 * 60)
        from second in CalendarGenerators.SpecNear(c.Start)
        from third in CalendarGenerators.SpecNear(c.Start)
        from inner in Gen.Elements(Composition.Intersect, Composition.Union, Composition.Except)
        from outer in Gen.Elements(Composition.Intersect, Composition.Union, Composition.Except)
        select new ComposedCase(c.Spec, second, third, inner, outer, c.Start, c.SpanMinutes, c.AmountFraction);

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property AllOperations_OnComposedCalendars_AgreeWithTheReferenceOfTheirInputs() =>
        Prop.ForAll(ComposedCases().ToArbitrary(), (ComposedCase c) =>
        {
            var inner = Compose(c.Inner, c.First.Build(), c.Second.Build());
            var calendar = Compose(c.Outer, inner, c.Third.Build());
            var (first, second, third) = (c.First.Reference(), c.Second.Reference(), c.Third.Reference());
            bool IsOpen(Instant t) => Apply(c.Outer, Apply(c.Inner, first.IsOpen(t), second.IsOpen(t)), third.IsOpen(t));
            bool InnerOpen(Instant t) => Apply(c.Inner, first.IsOpen(t), second.IsOpen(t));
            var open = Enumerable.Range(0, c.SpanMinutes).Select(i => IsOpen(c.Start + (Minute * i))).ToArray();
            var openMinutes = open.Count(o => o);
            var amount = (int)Math.Round(openMinutes * c.AmountFraction);

            Assert.Equal(IsOpen(c.Start), calendar.IsOpen(c.Start));
            Assert.Equal(InnerOpen(c.Start), inner.IsOpen(c.Start));
            Assert.Equal(Minute * openMinutes, calendar.BusinessTimeBetween(c.Start, c.End));
            Assert.Equal(-Minute * openMinutes, calendar.BusinessTimeBetween(c.End, c.Start));
            Assert.Equal(OracleAnswers.EarliestAfter(open, c.Start, amount), calendar.AddBusinessTime(c.Start, Minute * amount));
            Assert.Equal(OracleAnswers.LatestBefore(open, c.Start, amount), calendar.SubtractBusinessTime(c.End, Minute * amount));
            if (Array.IndexOf(open, true) is var next and >= 0)
            {
                Assert.Equal(c.Start + (Minute * next), calendar.NextOpen(c.Start));
            }
        });

    [Fact]
    public void Intersect_OfDesksInTwoZones_IsOpenWhereTheirHoursOverlap()
    {
        // Shanghai 09:00-18:00 is 01:00-10:00 UTC; London 09:00-17:00 in winter is 09:00-17:00 UTC: one hour together.
        var shanghai = Weekdays(Shanghai, 9, 18);
        var london = Weekdays(London, 9, 17);

        var both = shanghai.Intersect(london);

        Assert.Same(Shanghai, both.Zone);
        Assert.Equal(Duration.FromHours(1), both.BusinessTimeBetween(Instant.FromUtc(2025, 1, 6, 0, 0), Instant.FromUtc(2025, 1, 7, 0, 0)));
        Assert.Equal(Instant.FromUtc(2025, 1, 6, 9, 0), both.NextOpen(Instant.FromUtc(2025, 1, 6, 0, 0)));
        Assert.Equal(Instant.FromUtc(2025, 1, 7, 9, 30), both.AddBusinessTime(Instant.FromUtc(2025, 1, 6, 9, 30), Duration.FromHours(1)));
    }

    [Fact]
    public void Union_OfDesksInTwoZones_CoversBothDays()
    {
        var either = Weekdays(Shanghai, 9, 18).Union(Weekdays(London, 9, 17));

        // 01:00-17:00 UTC on a winter Monday.
        Assert.Equal(Duration.FromHours(16), either.BusinessTimeBetween(Instant.FromUtc(2025, 1, 6, 0, 0), Instant.FromUtc(2025, 1, 7, 0, 0)));
    }

    [Fact]
    public void Except_WithAMaintenanceWindow_ClosesTheWindowOnly()
    {
        var desk = Weekdays(Shanghai, 9, 18);
        var maintenance = BusinessCalendar.CreateBuilder(Shanghai)
            .AddOpenHours(IsoDayOfWeek.Wednesday, new LocalTime(12, 0), new LocalTime(14, 0))
            .Build();

        var open = desk.Except(maintenance);

        Assert.Equal(Duration.FromHours(7), open.BusinessTimeBetween(At(2025, 1, 8, 0), At(2025, 1, 9, 0)));
        Assert.Equal(Duration.FromHours(9), open.BusinessTimeBetween(At(2025, 1, 9, 0), At(2025, 1, 10, 0)));
        Assert.Equal(At(2025, 1, 8, 14), open.NextOpen(At(2025, 1, 8, 12)));
    }

    [Fact]
    public void Compose_OverTheSupportedRanges_KeepsTheOverlapOfBoth()
    {
        var composed = Weekdays(Shanghai, 9, 18).Union(Weekdays(DateTimeZoneProviders.Tzdb["America/New_York"], 9, 17));

        Assert.Equal(Weekdays(Shanghai, 9, 18).SupportedRange.End, composed.SupportedRange.End);
        Assert.Equal(Weekdays(DateTimeZoneProviders.Tzdb["America/New_York"], 9, 17).SupportedRange.Start, composed.SupportedRange.Start);
        Assert.Throws<ArgumentOutOfRangeException>(() => composed.IsOpen(Weekdays(Shanghai, 9, 18).SupportedRange.Start));
    }

    [Fact]
    public void Intersect_OfDisjointCalendars_IsNeverOpenAndSaysSo()
    {
        var never = Weekdays(Shanghai, 9, 12).Intersect(Weekdays(Shanghai, 13, 18));
        var start = At(2025, 1, 6, 0);

        Assert.Equal(Duration.Zero, never.BusinessTimeBetween(start, start + Duration.FromDays(30)));
        Assert.False(never.TryAddBusinessTime(start, Duration.FromHours(1), out _));
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => never.NextOpen(start)).ParamName);
    }

    [Fact]
    public void Compose_WithNull_ThrowsNamingTheArgument()
    {
        var desk = Weekdays(Shanghai, 9, 18);

        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => desk.Intersect(null!)).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => desk.Union(null!)).ParamName);
        Assert.Equal("closedBy", Assert.Throws<ArgumentNullException>(() => desk.Except(null!)).ParamName);
    }

    [Fact]
    public void Description_OfAComposedCalendar_NamesBothInputs()
    {
        var desk = Weekdays(Shanghai, 9, 18);

        Assert.Equal($"({desk}) unless ({BusinessCalendar.AlwaysOpen})", desk.Except(BusinessCalendar.AlwaysOpen).Description);
    }

    private static BusinessCalendar Compose(Composition composition, BusinessCalendar first, BusinessCalendar second) => composition switch
    {
        Composition.Intersect => first.Intersect(second),
        Composition.Union => first.Union(second),
        _ => first.Except(second),
    };

    private static bool Apply(Composition composition, bool first, bool second) => composition switch
    {
        Composition.Intersect => first && second,
        Composition.Union => first || second,
        _ => first && !second,
    };

    private static BusinessCalendar Weekdays(DateTimeZone zone, int from, int to)
    {
        var builder = BusinessCalendar.CreateBuilder(zone);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.AddOpenHours(day, new LocalTime(from, 0), new LocalTime(to, 0));
        }

        return builder.Build();
    }

    private static Instant At(int year, int month, int day, int hour) => new LocalDateTime(year, month, day, hour, 0).InZoneStrictly(Shanghai).ToInstant();
}
