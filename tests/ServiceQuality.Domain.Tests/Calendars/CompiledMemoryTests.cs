using NodaTime;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Testing;

namespace ServiceQuality.Domain.Tests.Calendars;

public sealed class CompiledMemoryTests
{
    private const double MaxBytesPerYear = 64 * 1024;

    [Fact]
    public void CompiledTimeline_OfTheReferenceCalendar_HoldsAtMost64KiBPerYear()
    {
        var (bytes, covered) = ReferenceCalendars.ChinaServiceCentre2025.CompiledSizeAt(Instant.FromUtc(2025, 6, 1, 0, 0));
        var bytesPerYear = bytes / (covered.TotalDays / 365.25);

        Assert.InRange(bytesPerYear, 1, MaxBytesPerYear);
    }

    [Theory]
    [InlineData(1900)]
    [InlineData(2025)]
    [InlineData(2199)]
    public void CompiledTimeline_WithTheMostWeeklyIntervalsAllowed_HoldsAtMost64KiBPerYear(int year)
    {
        // The worst weekly template the builder accepts: the most intervals, none touching another, in a zone whose
        // half-hour daylight-saving shifts (at 02:00 on Sundays) split the Sunday 01:45 interval twice a year.
        var builder = BusinessCalendar.CreateBuilder(DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"]);
        for (var i = 0; i < BusinessCalendarBuilder.MaxWeeklyIntervals; i++)
        {
            var start = new LocalTime(1, 45).PlusHours(3 * (i / 7));
            builder.AddOpenHours((IsoDayOfWeek)(7 - (i % 7)), start, start.PlusMinutes(30));
        }

        var (bytes, covered) = builder.Build().CompiledSizeAt(Instant.FromUtc(year, 6, 1, 0, 0));
        var bytesPerYear = bytes / (covered.TotalDays / 365.25);

        Assert.InRange(bytesPerYear, 1, MaxBytesPerYear);
    }

    [Fact]
    public void Build_WithFiveThousandWeeklyIntervals_IsRefusedBeforeAnythingIsCompiled()
    {
        var builder = BusinessCalendar.CreateBuilder(DateTimeZone.Utc);
        for (var i = 0; i < 5000; i++)
        {
            var minute = 2 * i;
            builder.AddOpenHours((IsoDayOfWeek)(minute / (24 * 60) + 1), LocalTime.FromMinutesSinceMidnight(minute % (24 * 60)), LocalTime.FromMinutesSinceMidnight(minute % (24 * 60) + 1));
        }

        var problem = Assert.Single(Assert.Throws<InvalidDefinitionException>(builder.Build).Problems);

        Assert.Equal(("openHours", ProblemCode.OutOfRange), (problem.Path, problem.Code));
        Assert.Contains("5,000 intervals", problem.Message, StringComparison.Ordinal);
    }
}
