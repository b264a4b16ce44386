using NodaTime;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using static ServiceQuality.Calendars.ICalendar.Tests.ICalendarImportExampleTests;

namespace ServiceQuality.Calendars.ICalendar.Tests;

/// <summary>Bad files: every problem at once, at its line, with its code, in one InvalidDefinitionException; the builder untouched.</summary>
public sealed class ICalendarProblemTests
{
    private static (string Path, string Code)[] Problems(string text, ICalendarImportOptions? options = null)
    {
        var exception = Assert.Throws<InvalidDefinitionException>(() => AllDays().AddICalendar(text, options));
        Assert.Equal("iCalendar file", exception.Definition);
        return [.. exception.Problems.Select(p => (p.Path, p.Code))];
    }

    [Fact]
    public void AddICalendar_ABadFile_ReportsEveryProblemAtItsLine()
    {
        const string text = """
            BEGIN:VCALENDAR
            VERSION:2.0
            BEGIN:VEVENT
            SUMMARY:no date
            END:VEVENT
            BEGIN:VEVENT
            DTSTART:not a date
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20260101
            RRULE:FREQ=SOMETIMES
            END:VEVENT
            BEGIN:VEVENT
            DTSTART:20260101T090000Z
            DTEND:20260101T100000Z
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:18991231
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20260101
            CATEGORIES:WORKDAY
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;TZID=Mars/Olympus:20260101T090000
            DTEND;TZID=Mars/Olympus:20260101T100000
            CATEGORIES:WORKDAY
            END:VEVENT
            no colon here
            END:VCALENDAR
            """;

        Assert.Equal(
            [
                ("line 29", ProblemCode.InvalidFormat),
                ("line 3", ProblemCode.MissingProperty),
                ("line 7", ProblemCode.InvalidFormat),
                ("line 11", ProblemCode.InvalidFormat),
                ("line 14", ProblemCode.Unsupported),
                ("line 18", ProblemCode.OutOfRange),
                ("line 22", ProblemCode.Unsupported),
                ("line 25", ProblemCode.UnknownName),
            ],
            Problems(text));
    }

    [Theory]
    [InlineData("", "line 1", ProblemCode.Empty)]
    [InlineData("hello", "line 1", ProblemCode.InvalidFormat)]
    [InlineData("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nEND:VCALENDAR", "line 2", ProblemCode.InvalidFormat)]
    [InlineData("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nEND:VEVENT", "line 1", ProblemCode.InvalidFormat)]
    [InlineData("BEGIN:VCALENDAR\nEND:VEVENT\nEND:VCALENDAR", "line 2", ProblemCode.InvalidFormat)]
    [InlineData("BEGIN:VEVENT\nEND:VEVENT", "line 1", ProblemCode.InvalidFormat)]
    [InlineData("BEGIN:VCALENDAR\nX-A;P=\"unbalanced:value\nEND:VCALENDAR", "line 2", ProblemCode.InvalidFormat)]
    [InlineData(" continuation\nBEGIN:VCALENDAR\nEND:VCALENDAR", "line 1", ProblemCode.InvalidFormat)]
    public void AddICalendar_AFileThatIsNotICalendar_IsRefusedAtItsLine(string text, string path, string code) =>
        Assert.Contains((path, code), Problems(text));

    [Theory]
    [InlineData("DTSTART;VALUE=DATE:20260101\nDTEND;VALUE=DATE:20260101", "line 6", ProblemCode.OutOfRange)]
    [InlineData("DTSTART;VALUE=DATE:20260101\nDTEND:20260102T100000", "line 6", ProblemCode.InvalidFormat)]
    [InlineData("DTSTART;VALUE=DATE:20260101\nDURATION:PT5H", "line 6", ProblemCode.InvalidFormat)]
    [InlineData("DTSTART;VALUE=DATE:20260101\nDTEND;VALUE=DATE:20260102\nDURATION:P1D", "line 7", ProblemCode.Conflict)]
    [InlineData("DTSTART;VALUE=DATE:20260101\nDTSTART;VALUE=DATE:20260102", "line 6", ProblemCode.Conflict)]
    [InlineData("DTSTART:20260101T090000\nDTEND:20260102T100000\nCATEGORIES:WORKDAY", "line 6", ProblemCode.OutOfRange)]
    [InlineData("DTSTART:20260101T090000\nDTEND:20260101T090000\nCATEGORIES:WORKDAY", "line 6", ProblemCode.OutOfRange)]
    [InlineData("DTSTART:20260101T090000\nCATEGORIES:WORKDAY", "line 4", ProblemCode.MissingProperty)]
    [InlineData("DTSTART;VALUE=DATE:22000101", "line 5", ProblemCode.OutOfRange)]
    [InlineData("DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=DAILY", "line 6", ProblemCode.Unsupported)]
    [InlineData("DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=YEARLY\nRRULE:FREQ=MONTHLY", "line 7", ProblemCode.Unsupported)]
    [InlineData("DTSTART;VALUE=DATE:20260101\nEXRULE:FREQ=YEARLY", "line 6", ProblemCode.Unsupported)]
    public void AddICalendar_ABadEvent_IsRefusedAtItsLine(string lines, string path, string code) =>
        Assert.Equal([(path, code)], Problems(Ics(lines)));

    [Fact]
    public void AddICalendar_ADateBothHolidayAndWorkingDay_IsAConflictAtTheWorkdayEvent() =>
        Assert.Equal(
            [("line 7", ProblemCode.Conflict)],
            Problems(Ics("DTSTART;VALUE=DATE:20260101", "DTSTART:20260101T090000\nDTEND:20260101T120000\nCATEGORIES:WORKDAY")));

    [Fact]
    public void AddICalendar_ABadFile_LeavesTheBuilderAsItWas()
    {
        var builder = AllDays();
        var before = builder.Build();

        Assert.Throws<InvalidDefinitionException>(() => builder.AddICalendar(Ics("DTSTART;VALUE=DATE:20260101", "SUMMARY:no date")));

        var (from, to) = (Instant.FromUtc(2025, 12, 1, 0, 0), Instant.FromUtc(2026, 2, 1, 0, 0));
        Assert.Equal(before.OpenIntervals(from, to), builder.Build().OpenIntervals(from, to));
    }

    [Fact]
    public void AddICalendar_WithNullArguments_ThrowsNamingThem()
    {
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => ((BusinessCalendarBuilder)null!).AddICalendar("")).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => AllDays().AddICalendar(null!)).ParamName);
    }

    [Fact]
    public void AddICalendar_WithBadOptions_ThrowsArgumentException()
    {
        Assert.Equal("options", Assert.ThrowsAny<ArgumentException>(() => AllDays().AddICalendar(Ics(), new ICalendarImportOptions { WorkingDayCategory = " " })).ParamName);
        Assert.Equal("options", Assert.ThrowsAny<ArgumentException>(() => AllDays().AddICalendar(Ics(), new ICalendarImportOptions { RecurrenceEnd = new LocalDate(2200, 1, 1) })).ParamName);
    }
}

/// <summary>Recurrences Ical.Net cannot finish: refused in bounded time, not looped on.</summary>
public sealed class ICalendarRecurrenceBoundTests
{
    [Theory]
    [InlineData("DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2", "line 6")]
    [InlineData("DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "line 6")]
    [InlineData("DTSTART:20260101T090000\nDTEND:20260101T100000\nRRULE:FREQ=SECONDLY\nCATEGORIES:WORKDAY", "line 7")]
    public void AddICalendar_ARecurrenceThatNeverOrTooOftenMatches_EndsWithAnAnswer(string lines, string rruleLine)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            ICalendarImportExampleTests.AllDays().AddICalendar(ICalendarImportExampleTests.Ics(lines)).Build();
        }
        catch (InvalidDefinitionException e)
        {
            Assert.All(e.Problems, p => Assert.Equal(rruleLine, p.Path));
        }

        Assert.True(started.Elapsed < TimeSpan.FromMinutes(1));
    }
}
