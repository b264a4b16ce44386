using NodaTime;
using ServiceQuality.Testing;

namespace ServiceQuality.Calendars.ICalendar.Tests;

/// <summary>The worked example: the 2025 public-holiday calendar as an .ics file, imported, equals the hand-written calendar.</summary>
public sealed class ReferenceCalendarImportTests
{
    [Fact]
    public void AddICalendar_TheReferenceFile_GivesTheHandWrittenCalendar()
    {
        var imported = ReferenceCalendars.ChinaServiceCentreHours().AddICalendar(ReferenceCalendars.ChinaServiceCentre2025ICalendar).Build();
        var (from, to) = (Instant.FromUtc(2024, 12, 1, 0, 0), Instant.FromUtc(2026, 2, 1, 0, 0));

        Assert.Equal(ReferenceCalendars.ChinaServiceCentre2025.OpenIntervals(from, to), imported.OpenIntervals(from, to));
    }

    [Fact]
    public void AddICalendar_TheReferenceFile_ClosesNationalDayAndOpensItsMakeUpSaturday()
    {
        var imported = ReferenceCalendars.ChinaServiceCentreHours().AddICalendar(ReferenceCalendars.ChinaServiceCentre2025ICalendar).Build();

        // Sep 26, Sep 28 (make-up Sunday), Sep 29, Sep 30, Oct 9, Oct 10, Oct 11 (make-up Saturday): seven days of 7.5 h.
        Assert.Equal(Duration.FromMinutes(7 * 450), imported.BusinessTimeBetween(Instant.FromUtc(2025, 9, 26, 1, 0), Instant.FromUtc(2025, 10, 13, 1, 0)));
        Assert.False(imported.IsOpen(Instant.FromUtc(2025, 10, 8, 2, 0)));
        Assert.True(imported.IsOpen(Instant.FromUtc(2025, 10, 11, 2, 0)));
    }

    [Fact]
    public void ReferenceFile_IsTheSamplesDataFile() =>
        Assert.Equal(
            File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "ServiceDesk", "data", "china-2025.ics")),
            ReferenceCalendars.ChinaServiceCentre2025ICalendar);

    [Fact]
    public void AddICalendar_TheReferenceFileWithYearlyRules_KeepsNewYearInLaterYears()
    {
        // How a calendar is kept current: yearly rules for the fixed dates, each year's announcement imported on top.
        var calendar = ReferenceCalendars.ChinaServiceCentreHours()
            .AddYearlyHoliday(new AnnualDate(1, 1))
            .AddYearlyHoliday(new AnnualDate(5, 1))
            .AddYearlyHoliday(new AnnualDate(10, 1))
            .AddICalendar(ReferenceCalendars.ChinaServiceCentre2025ICalendar)
            .Build();

        Assert.False(calendar.IsOpen(Instant.FromUtc(2026, 1, 1, 2, 0)));
        Assert.False(calendar.IsOpen(Instant.FromUtc(2027, 10, 1, 2, 0)));
        Assert.True(calendar.IsOpen(Instant.FromUtc(2026, 1, 2, 2, 0)));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "ServiceQuality.sln")))
        {
            directory = directory.Parent;
        }

        return directory.FullName;
    }
}
