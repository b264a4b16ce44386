using NodaTime;
using ServiceQuality.Domain.Calendars;

namespace ServiceQuality.Domain.Tests.Documentation;

/// <summary>The README's quick start, kept compiling and true.</summary>
public sealed class ReadmeQuickStartTests
{
    [Fact]
    public void CalendarQuickStart_GivesTheAnswersItsCommentsState()
    {
        var builder = BusinessCalendar.CreateBuilder(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.AddOpenHours(day, new LocalTime(9, 0), new LocalTime(12, 0))
                   .AddOpenHours(day, new LocalTime(13, 30), new LocalTime(18, 0));
        }

        for (var date = new LocalDate(2025, 10, 1); date <= new LocalDate(2025, 10, 8); date = date.PlusDays(1))
        {
            builder.AddHoliday(date);
        }

        builder.AddWorkingDay(new LocalDate(2025, 9, 28), new LocalTime(9, 0), new LocalTime(18, 0));
        var calendar = builder.Build();

        var opened = Instant.FromUtc(2025, 9, 30, 8, 0);
        var due = calendar.AddBusinessTime(opened, Duration.FromHours(3));
        var used = calendar.BusinessTimeBetween(opened, due);
        var open = calendar.IsOpen(Instant.FromUtc(2025, 10, 3, 2, 0));

        Assert.Equal(new LocalDateTime(2025, 10, 9, 10, 0), due.InZone(calendar.Zone).LocalDateTime);
        Assert.Equal(Duration.FromHours(3), used);
        Assert.False(open);
    }
}
