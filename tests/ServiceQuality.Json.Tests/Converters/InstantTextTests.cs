using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;
using ServiceQuality.Json.Converters;

namespace ServiceQuality.Json.Tests.Converters;

/// <summary>The allocation-free instant text agrees with NodaTime's extended ISO pattern, which reads and writes the rest.</summary>
public sealed class InstantTextTests
{
    private static readonly Gen<Instant> AnyInstant =
        Gen.Choose(-9998, 9999).SelectMany(year => Gen.Choose(0, 364).SelectMany(day => Gen.Choose(0, 86_399).SelectMany(second => Gen.Frequency(
            (1, Gen.Constant(0)), (1, Gen.Choose(0, 999)), (2, Gen.Choose(0, 999_999_999))).Select(nanos =>
                Instant.FromUtc(year, 1, 1, 0, 0) + Duration.FromDays(day) + Duration.FromSeconds(second) + Duration.FromNanoseconds(nanos)))));

    [Property(MaxTest = 2000, Replay = PropertyRuns.Replay)]
    public Property Format_WritesWhatNodaTimeWrites_AndTryParseReadsItBack() =>
        Prop.ForAll(AnyInstant.ToArbitrary(), instant =>
        {
            Span<byte> buffer = stackalloc byte[InstantText.MaxLength];
            var length = InstantText.Format(instant, buffer);
            var expected = InstantPattern.ExtendedIso.Format(instant);
            if (instant.InUtc().Year < 1)
            {
                Assert.Equal(0, length);
                return;
            }

            Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(buffer[..length]));
            Assert.True(InstantText.TryParse(buffer[..length], out var parsed));
            Assert.Equal(instant, parsed);
        });

    /// <summary>Texts near the valid ones: every field one past its range now and then, fractions of zero to ten digits.</summary>
    private static readonly Gen<string> NearlyInstantText =
        Gen.Choose(0, 10).SelectMany(kind => Gen.Choose(0, 9999).SelectMany(year => Gen.Choose(0, 13).SelectMany(month => Gen.Choose(0, 32).SelectMany(day =>
            Gen.Choose(0, 24).SelectMany(hour => Gen.Choose(0, 60).SelectMany(minute => Gen.Choose(0, 60).SelectMany(second => Gen.Choose(0, 10).SelectMany(digits =>
                Gen.Choose(0, 999_999_999).Select(fraction =>
                {
                    (month, day, hour, minute, second) = kind < 8 ? (1 + (month % 12), 1 + (day % 28) + (kind % 4), hour % 24, minute % 60, second % 60) : (month, day, hour, minute, second);
                    var text = FormattableString.Invariant($"{year:D4}-{month:D2}-{day:D2}T{hour:D2}:{minute:D2}:{second:D2}");
                    return digits == 0 ? text + "Z" : text + "." + FormattableString.Invariant($"{fraction:D9}0")[..digits] + "Z";
                })))))))));

    [Property(MaxTest = 5000, Replay = PropertyRuns.Replay)]
    public Property TryParse_AcceptsWhatNodaTimeReads_AsTheSameInstant() =>
        Prop.ForAll(NearlyInstantText.ToArbitrary(), text =>
        {
            var expected = InstantPattern.ExtendedIso.Parse(text);
            var accepted = InstantText.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out var parsed);

            // NodaTime also reads year 0 and ten fraction digits; this parser leaves those to it.
            var inRange = text[..4] != "0000" && text.Length <= InstantText.MaxLength;
            Assert.Equal(expected.Success && inRange, accepted);
            if (accepted)
            {
                Assert.Equal(expected.Value, parsed);
            }
        });

    [Fact]
    public void Extremes_RoundTripThroughJson()
    {
        foreach (var instant in new[] { Instant.MinValue, Instant.MaxValue, Instant.FromUtc(0, 12, 31, 23, 59, 59), Instant.FromUtc(1, 1, 1, 0, 0), Instant.FromUnixTimeTicks(0) })
        {
            var json = TestSupport.JsonText.Write(new Domain.Tickets.Events.TicketWorkStarted(new Domain.Common.TicketId("T-1"), instant));

            Assert.Equal(instant, TestSupport.JsonText.Read<Domain.Tickets.Events.TicketEvent>(json).OccurredAt);
        }
    }

    /// <summary>The days in a month that dates and instants are read with, against NodaTime's ISO calendar for every month of every year read.</summary>
    [Fact]
    public void DaysIn_AgreesWithTheIsoCalendar_ForEveryMonthOfYears0To9999()
    {
        for (var year = 0; year <= 9999; year++)
        {
            for (var month = 1; month <= 12; month++)
            {
                if (Reading.FileValues.DaysIn(year, month) != CalendarSystem.Iso.GetDaysInMonth(year, month))
                {
                    Assert.Fail($"{year:0000}-{month:00}: {Reading.FileValues.DaysIn(year, month)} days, the ISO calendar {CalendarSystem.Iso.GetDaysInMonth(year, month)}.");
                }
            }
        }
    }

    [Theory]
    [InlineData("2000-02-29T12:00:00Z")]
    [InlineData("2024-02-29T12:00:00Z")]
    [InlineData("2025-12-31T23:59:59Z")]
    public void TryParse_TakesTheLastDayOfAMonth(string text)
    {
        Assert.True(InstantText.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out var instant));
        Assert.Equal(InstantPattern.ExtendedIso.Parse(text).Value, instant);
    }

    [Theory]
    [InlineData("1900-02-29T00:00:00Z")]
    [InlineData("2100-02-29T00:00:00Z")]
    [InlineData("2025-04-31T00:00:00Z")]
    [InlineData("2025-12-32T00:00:00Z")]
    public void TryParse_RefusesADayPastTheEndOfItsMonth(string text) => Assert.False(InstantText.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out _));

    [Theory]
    [InlineData("2025-01-13T01:00:00.500Z", 500_000_000)]
    [InlineData("2025-01-13T01:00:00.000000001Z", 1)]
    [InlineData("2025-01-13T01:00:00.1Z", 100_000_000)]
    public void TryParse_TakesAFractionOfOneToNineDigits(string text, int nanoseconds)
    {
        Assert.True(InstantText.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out var instant));
        Assert.Equal(Instant.FromUtc(2025, 1, 13, 1, 0).PlusNanoseconds(nanoseconds), instant);
    }
}
