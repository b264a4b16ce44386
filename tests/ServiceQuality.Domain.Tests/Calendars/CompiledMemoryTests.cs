using NodaTime;
using ServiceQuality.Domain.Calendars;

namespace ServiceQuality.Domain.Tests.Calendars;

public sealed class CompiledMemoryTests
{
    [Fact]
    public void CompiledTimeline_OfTheReferenceCalendar_HoldsAtMost64KiBPerYear()
    {
        var (bytes, covered) = CalendarPresets.ChinaServiceCentre2025.CompiledSizeAt(Instant.FromUtc(2025, 6, 1, 0, 0));
        var bytesPerYear = bytes / (covered.TotalDays / 365.25);

        Assert.InRange(bytesPerYear, 1, 64 * 1024);
    }
}
