using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Testing;

namespace ServiceQuality.Calendars.ICalendar.Tests;

/// <summary>A generated holiday file: dated holiday periods, yearly holidays and working-day hours, as data.</summary>
public sealed record HolidayFile(
    string ZoneId,
    LocalDate Base,
    IReadOnlyList<(LocalDate Start, int Days)> Holidays,
    IReadOnlyList<(AnnualDate Date, int FirstYear, int? Until, int? Count)> Yearly,
    IReadOnlyList<(LocalDate Date, int FromMinute, int ToMinute, int TimeForm)> WorkingHours)
{
    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[ZoneId];

    public override string ToString() =>
        $"{ZoneId}; holidays [{string.Join(", ", Holidays.Select(h => $"{h.Start} +{h.Days}"))}]; yearly [{string.Join(", ", Yearly)}]; working [{string.Join(", ", WorkingHours)}]";
}

/// <summary>Imported files equal the calendars built from the same data; no input, however broken, escapes as another exception type.</summary>
public sealed partial class ICalendarPropertyTests
{
    private const int Cases = 1000;
    private static readonly string[] Zones = ["Asia/Shanghai", "Europe/London", "America/New_York", "UTC"];

    private static Gen<HolidayFile> Files() =>
        from zone in Gen.Elements(Zones)
        from baseDay in Gen.Choose(0, 365 * 40)
        from holidays in ListOf(Gen.Zip(Gen.Choose(-20, 400), Gen.Choose(1, 5)), 0, 6)
        from yearly in ListOf(
            from offset in Gen.Choose(-20, 400)
            from first in Gen.Choose(-2, 1)
            from end in Gen.Choose(0, 2)
            from length in Gen.Choose(1, 5)
            select (offset, first, end, length), 0, 4)
        from working in ListOf(
            from offset in Gen.Choose(-20, 400)
            from from1 in Gen.Choose(6 * 60, 11 * 60)
            from to1 in Gen.Choose(1, 3 * 60)
            from gap in Gen.Choose(0, 2 * 60)
            from to2 in Gen.Choose(0, 4 * 60)
            from form in Gen.Choose(0, 2)
            select (offset, from1, to1, gap, to2, form), 0, 5)
        select Assemble(zone, new LocalDate(2000, 1, 1).PlusDays(baseDay), holidays, yearly, working);

    private static Gen<List<T>> ListOf<T>(Gen<T> item, int min, int max) =>
        Gen.Choose(min, max).SelectMany(count => Gen.ListOf(item, count));

    private static HolidayFile Assemble(
        string zone, LocalDate baseDate, List<(int, int)> holidays, List<(int Offset, int First, int End, int Length)> yearly,
        List<(int Offset, int From1, int To1, int Gap, int To2, int Form)> working)
    {
        var periods = holidays.Select(h => (Start: baseDate.PlusDays(h.Item1), Days: h.Item2)).ToList();
        var closed = periods.SelectMany(p => Enumerable.Range(0, p.Days).Select(p.Start.PlusDays)).ToHashSet();
        var rules = yearly.Select(y =>
        {
            var date = baseDate.PlusDays(y.Offset);
            var day = date.Month == 2 && date.Day == 29 ? 28 : date.Day;
            var first = date.Year + y.First;
            return (new AnnualDate(date.Month, day), first, y.End == 1 ? first + y.Length : (int?)null, y.End == 2 ? y.Length : (int?)null);
        }).ToList();
        var hours = working
            .Where(w => !closed.Contains(baseDate.PlusDays(w.Offset)))
            .GroupBy(w => w.Offset)
            .Select(g => g.First())
            .SelectMany(w =>
            {
                var date = baseDate.PlusDays(w.Offset);
                var morning = (date, w.From1, w.From1 + w.To1, w.Form);
                var afternoonStart = w.From1 + w.To1 + w.Gap;
                return w.To2 > 0 && afternoonStart + w.To2 <= 23 * 60 ? new[] { morning, (date, afternoonStart, afternoonStart + w.To2, (w.Form + 1) % 3) } : [morning];
            })
            .ToList();
        return new HolidayFile(zone, baseDate, periods, rules, hours);
    }

    private static BusinessCalendarBuilder Weekdays(DateTimeZone zone)
    {
        var builder = BusinessCalendar.CreateBuilder(zone);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.AddOpenHours(day, new LocalTime(9, 0), new LocalTime(18, 0));
        }

        return builder;
    }

    private static BusinessCalendar Built(HolidayFile file)
    {
        var builder = Weekdays(file.Zone);
        foreach (var date in file.Holidays.SelectMany(p => Enumerable.Range(0, p.Days).Select(p.Start.PlusDays)))
        {
            builder.AddHoliday(date);
        }

        foreach (var (date, first, until, count) in file.Yearly)
        {
            builder.AddYearlyHoliday(date, first, until ?? (count is { } c ? first + c - 1 : 2199));
        }

        foreach (var (date, from, to, _) in file.WorkingHours)
        {
            builder.AddWorkingDay(date, LocalTime.FromMinutesSinceMidnight(from), LocalTime.FromMinutesSinceMidnight(to));
        }

        return builder.Build();
    }

    private static string Ics(HolidayFile file)
    {
        var text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tests//EN\r\n");
        foreach (var (start, days) in file.Holidays)
        {
            text.Append(CultureInfo.InvariantCulture, $"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:{Date(start)}\r\n");
            text.Append(days == 1 ? "" : $"DTEND;VALUE=DATE:{Date(start.PlusDays(days))}\r\n");
            text.Append("SUMMARY:holiday\r\nEND:VEVENT\r\n");
        }

        foreach (var (date, first, until, count) in file.Yearly)
        {
            var end = until is { } u ? $";UNTIL={Date(new LocalDate(u, date.Month, date.Day))}" : count is { } c ? $";COUNT={c}" : "";
            text.Append(CultureInfo.InvariantCulture, $"BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:{Date(date.InYear(first))}\r\nRRULE:FREQ=YEARLY{end}\r\nEND:VEVENT\r\n");
        }

        foreach (var (date, from, to, form) in file.WorkingHours)
        {
            text.Append(CultureInfo.InvariantCulture, $"BEGIN:VEVENT\r\n{Time("DTSTART", file.Zone, date, from, form)}\r\n{Time("DTEND", file.Zone, date, to, form)}\r\nCATEGORIES:WORKDAY\r\nEND:VEVENT\r\n");
        }

        return text.Append("END:VCALENDAR\r\n").ToString();
    }

    /// <summary>A time written floating (0), with the calendar's TZID (1) or in UTC (2).</summary>
    private static string Time(string name, DateTimeZone zone, LocalDate date, int minute, int form)
    {
        var local = date.At(LocalTime.FromMinutesSinceMidnight(minute));
        return form switch
        {
            0 => $"{name}:{local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}",
            1 => $"{name};TZID={zone.Id}:{local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}",
            _ => $"{name}:{local.InZoneLeniently(zone).ToInstant().InUtc().LocalDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}Z",
        };
    }

    private static string Date(LocalDate date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property AddICalendar_OfAGeneratedFile_EqualsTheCalendarBuiltFromTheSameData() =>
        Prop.ForAll(Files().ToArbitrary(), file =>
        {
            var imported = Weekdays(file.Zone).AddICalendar(Ics(file)).Build();
            var built = Built(file);
            var from = file.Base.PlusDays(-30).AtStartOfDayInZone(file.Zone).ToInstant();
            var to = file.Base.PlusDays(420).AtStartOfDayInZone(file.Zone).ToInstant();
            var (yearsFrom, yearsTo) = (Instant.FromUtc(file.Base.Year - 3, 1, 1, 0, 0), Instant.FromUtc(file.Base.Year + 8, 1, 1, 0, 0));

            Assert.Equal(built.OpenIntervals(from, to), imported.OpenIntervals(from, to));
            Assert.Equal(built.BusinessTimeBetween(yearsFrom, yearsTo), imported.BusinessTimeBetween(yearsFrom, yearsTo));
        });

    private static readonly string[] Insertions =
    [
        "RRULE:FREQ=WEEKLY;BYDAY=XX", "DTEND;VALUE=DATE:2025", "DURATION:P-1D", "EXDATE:foo", "RDATE;VALUE=PERIOD:garbage",
        "DTSTART;TZID=\"a:b\":20250101T000000", "RRULE:FREQ=YEARLY;COUNT=-1", "RRULE:FREQ=DAILY;INTERVAL=0", "BEGIN:VALARM",
        "END:VEVENT", "BEGIN:VEVENT", "RRULE:FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2", "DTSTART:99991231T235959Z", "CATEGORIES:WORKDAY",
        "RRULE:FREQ=SECONDLY", "DTSTART;VALUE=DATE:00010101", "DURATION:PT25H", "RRULE:FREQ=YEARLY;UNTIL=18000101", "STATUS:CANCELLED",
        "DTEND;TZID=Asia/Shanghai:20250126T080000", "RDATE;VALUE=DATE:20250301,20250302", "EXRULE:FREQ=DAILY", ";:", ":", "X;=\"",
    ];

    private static Gen<string> Mutated() =>
        from baseText in Gen.OneOf(Gen.Constant(ReferenceCalendars.ChinaServiceCentre2025ICalendar), Files().Select(Ics))
        from mutations in ListOf(
            from kind in Gen.Choose(0, 5)
            from a in Gen.Choose(0, int.MaxValue)
            from b in Gen.Choose(0, int.MaxValue)
            select (Kind: kind, A: a, B: b), 1, 4)
        select mutations.Aggregate(baseText, Mutate);

    private static string Mutate(string text, (int Kind, int A, int B) m)
    {
        var lines = text.Split("\r\n").ToList();
        var i = m.A % lines.Count;
        var j = m.B % lines.Count;
        switch (m.Kind)
        {
            case 0:
                lines.RemoveAt(i);
                break;
            case 1:
                lines.Insert(i, lines[j]);
                break;
            case 2:
                (lines[i], lines[j]) = (lines[j], lines[i]);
                break;
            case 3:
                lines.Insert(i, Insertions[m.B % Insertions.Length]);
                break;
            case 4:
                return text[..(m.A % (text.Length + 1))];
            default:
                var position = m.A % (text.Length + 1);
                const string replacements = ":;\"= X0\n\r,\t\u00e9-";
                var replacement = replacements[m.B % replacements.Length];
                return text[..position] + replacement + text[Math.Min(text.Length, position + 1)..];
        }

        return string.Join("\r\n", lines);
    }

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property AddICalendar_OfAnyMutatedFile_ImportsOrThrowsTheDocumentedExceptionWithLineNumbers() =>
        Prop.ForAll(Mutated().ToArbitrary(), text =>
        {
            var lineCount = text.Split('\n').Length + text.Count(c => c == '\r');
            try
            {
                ReferenceCalendars.ChinaServiceCentreHours().AddICalendar(text).Build();
            }
            catch (InvalidDefinitionException e)
            {
                Assert.All(e.Problems, p =>
                {
                    var match = LinePath().Match(p.Path);
                    Assert.True(match.Success || p.Path.StartsWith("workingDays[", StringComparison.Ordinal), p.ToString());
                    Assert.True(!match.Success || int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is >= 1 and var line && line <= lineCount + 1, p.ToString());
                });
            }
        });

    [GeneratedRegex(@"^line (\d+)$")]
    private static partial Regex LinePath();
}
