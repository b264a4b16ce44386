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

    [Fact]
    public void Extremes_RoundTripThroughJson()
    {
        foreach (var instant in new[] { Instant.MinValue, Instant.MaxValue, Instant.FromUtc(0, 12, 31, 23, 59, 59), Instant.FromUtc(1, 1, 1, 0, 0), Instant.FromUnixTimeTicks(0) })
        {
            var json = TestSupport.JsonText.Write(new Domain.Tickets.Events.TicketWorkStarted(new Domain.Common.TicketId("T-1"), instant));

            Assert.Equal(instant, TestSupport.JsonText.Read<Domain.Tickets.Events.TicketEvent>(json).OccurredAt);
        }
    }

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
