using NodaTime;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Testing;

namespace ServiceQuality.Domain.Tests.Calendars;

/// <summary>Business-time arithmetic at the ends of the supported range and of <see cref="Duration"/>: exact, or refused naming the argument.</summary>
public sealed class BusinessCalendarEdgeTests
{
    private static readonly BusinessCalendar AlwaysOpen = BusinessCalendar.AlwaysOpen;
    private static readonly BusinessCalendar Reference = ReferenceCalendars.ChinaServiceCentre2025;
    private static readonly Instant Mid2025 = Instant.FromUtc(2025, 6, 2, 3, 0);

    /// <summary>2^63 ns, about 292 years: more than a long holds, less than the supported range.</summary>
    private static readonly Duration Beyond64Bits = Duration.FromNanoseconds((Int128)long.MaxValue + 1);

    [Fact]
    public void SupportedRange_OfAlwaysOpen_IsLocalYears1900To2199AndLongerThan2Pow63Nanoseconds()
    {
        Assert.Equal(new Interval(Instant.FromUtc(1900, 1, 1, 0, 0), Instant.FromUtc(2200, 1, 1, 0, 0)), AlwaysOpen.SupportedRange);
        Assert.True(AlwaysOpen.SupportedRange.Duration > Beyond64Bits);
    }

    [Fact]
    public void AddBusinessTime_OnAlwaysOpenWithDurationMaxValue_ThrowsNamingTheAmount()
    {
        // It used to clamp the amount to 2^62 ns and answer an instant in 2171.
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => AlwaysOpen.AddBusinessTime(Mid2025, Duration.MaxValue));

        Assert.Equal("amount", exception.ParamName);
        Assert.False(AlwaysOpen.TryAddBusinessTime(Mid2025, Duration.MaxValue, out _));
    }

    [Fact]
    public void BusinessTimeBetween_AcrossTheWholeSupportedRangeOfAlwaysOpen_IsTheRangeItself()
    {
        var (start, last) = (AlwaysOpen.SupportedRange.Start, AlwaysOpen.SupportedRange.End - Duration.Epsilon);

        // It used to overflow 64 bits and come out negative.
        Assert.Equal(last - start, AlwaysOpen.BusinessTimeBetween(start, last));
        Assert.Equal(start - last, AlwaysOpen.BusinessTimeBetween(last, start));
    }

    [Fact]
    public void AddAndSubtractBusinessTime_OnAlwaysOpenBeyond2Pow63Nanoseconds_AreExact()
    {
        var start = AlwaysOpen.SupportedRange.Start + Duration.FromNanoseconds(12_345);
        var amount = Beyond64Bits + Duration.FromDays(1000) + Duration.FromNanoseconds(7);

        var end = AlwaysOpen.AddBusinessTime(start, amount);

        Assert.Equal(start + amount, end);
        Assert.Equal(start, AlwaysOpen.SubtractBusinessTime(end, amount));
        Assert.Equal(amount, AlwaysOpen.BusinessTimeBetween(start, end));
    }

    [Fact]
    public void AddBusinessTime_OnAlwaysOpenToTheLastNanosecond_IsExactAndOneMoreIsRefused()
    {
        var start = AlwaysOpen.SupportedRange.Start;
        var last = AlwaysOpen.SupportedRange.End - Duration.Epsilon;

        Assert.Equal(last, AlwaysOpen.AddBusinessTime(start, last - start));
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => AlwaysOpen.AddBusinessTime(start, last - start + Duration.Epsilon)).ParamName);
        Assert.Equal(start, AlwaysOpen.SubtractBusinessTime(last, last - start));
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => AlwaysOpen.SubtractBusinessTime(last, last - start + Duration.Epsilon)).ParamName);
    }

    [Theory]
    [InlineData(106_751)]
    [InlineData(106_752)]
    [InlineData(16_777_215)]
    public void AddAndSubtractBusinessTime_OnTheReferenceCalendarWithATargetOfCenturies_ThrowNamingTheAmount(int days)
    {
        // P106751D (just under 2^63 ns) used to overflow the search and throw IndexOutOfRangeException.
        var amount = Duration.FromDays(days);

        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => Reference.AddBusinessTime(Mid2025, amount)).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => Reference.SubtractBusinessTime(Mid2025, amount)).ParamName);
        Assert.False(Reference.TryAddBusinessTime(Mid2025, amount, out var result));
        Assert.Equal(default, result);
    }

    [Fact]
    public void AddBusinessTime_OnAlwaysOpenWithP106751DFrom1900_IsExact()
    {
        var start = Instant.FromUtc(1900, 1, 2, 0, 0);

        Assert.Equal(start + Duration.FromDays(106_751), AlwaysOpen.AddBusinessTime(start, Duration.FromDays(106_751)));
    }

    [Fact]
    public void TryAddBusinessTime_WhenReachable_AnswersWhatAddBusinessTimeAnswers()
    {
        Assert.True(Reference.TryAddBusinessTime(Mid2025, Duration.FromHours(100), out var result));
        Assert.Equal(Reference.AddBusinessTime(Mid2025, Duration.FromHours(100)), result);
        Assert.True(Reference.TryAddBusinessTime(Mid2025, Duration.Zero, out var same));
        Assert.Equal(Mid2025, same);
    }

    [Fact]
    public void TryAddBusinessTime_WithABadStartOrANegativeAmount_ThrowsNamingIt()
    {
        Assert.Equal("start", Assert.Throws<ArgumentOutOfRangeException>(() => Reference.TryAddBusinessTime(Instant.MaxValue, Duration.Zero, out _)).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => Reference.TryAddBusinessTime(Mid2025, Duration.MinValue, out _)).ParamName);
    }

    [Fact]
    public void Operations_AtInstantMinAndMaxValue_ThrowNamingTheInstant()
    {
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => Reference.IsOpen(Instant.MinValue)).ParamName);
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => Reference.NextOpen(Instant.MaxValue)).ParamName);
        Assert.Equal("end", Assert.Throws<ArgumentOutOfRangeException>(() => Reference.SubtractBusinessTime(Instant.MaxValue, Duration.MaxValue)).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentOutOfRangeException>(() => Reference.BusinessTimeBetween(Instant.MinValue, Mid2025)).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentOutOfRangeException>(() => Reference.BusinessTimeBetween(Mid2025, Instant.MaxValue)).ParamName);
    }
}
