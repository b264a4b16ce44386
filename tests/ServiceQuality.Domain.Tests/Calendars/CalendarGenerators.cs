using FsCheck.Fluent;
using FsCheck;
using NodaTime;

namespace ServiceQuality.Domain.Tests.Calendars;

/// <summary>A random calendar with a minute-aligned window [Start, Start + SpanMinutes) to query it in.</summary>
public sealed record CalendarCase(CalendarSpec Spec, Instant Start, int SpanMinutes, double AmountFraction)
{
    public Instant End => Start + Duration.FromMinutes(SpanMinutes);

    public override string ToString() => $"{Spec} | start {Start} | span {SpanMinutes} min | amount fraction {AmountFraction:0.###}";
}

/// <summary>FsCheck generators for calendars: zones with unusual daylight saving, split, overnight and whole-day hours, holidays and working days near the queried window.</summary>
public static class CalendarGenerators
{
    public static readonly string[] Zones =
    [
        "Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Santiago", "Pacific/Apia", "UTC",
    ];

    private const int MinutesPerDay = 24 * 60;
    private const int MinutesPerWeek = 7 * MinutesPerDay;
    private static readonly Instant From = Instant.FromUtc(2005, 1, 1, 0, 0);
    private static readonly Instant To = Instant.FromUtc(2035, 1, 1, 0, 0);

    /// <summary>Zone transitions in 2005–2035, per zone: windows are often placed on them.</summary>
    private static readonly Dictionary<string, Instant[]> Transitions = Zones.ToDictionary(
        zone => zone,
        zone => DateTimeZoneProviders.Tzdb[zone].GetZoneIntervals(From, To).Where(i => i.HasStart && i.Start > From).Select(i => i.Start).ToArray());

    public static Gen<CalendarCase> Cases(int maxSpanMinutes) =>
        from zone in Gen.Elements(Zones)
        from start in StartNear(zone)
        from span in Gen.Frequency((4, Gen.Choose(0, Math.Min(maxSpanMinutes, 3 * MinutesPerDay))), (1, Gen.Choose(0, maxSpanMinutes)))
        from weekly in Weekly()
        from holidays in ListOf(Gen.Choose(-3, 12), 0, 4)
        from workingOffsets in ListOf(Gen.Choose(-3, 12), 0, 3)
        from workingHours in Gen.ArrayOf(DayHours(), 3)
        from fraction in Gen.Choose(0, 1000).Select(i => i / 1000.0)
        select Assemble(zone, start, span, weekly, holidays, workingOffsets, workingHours, fraction);

    /// <summary>
    /// As <see cref="Cases"/>, with yearly holidays on dates near the window (some overridden by a dated working day,
    /// some with year ranges that end before or start after the window's year).
    /// </summary>
    public static Gen<CalendarCase> CasesWithYearlyHolidays(int maxSpanMinutes) =>
        from c in Cases(maxSpanMinutes)
        from offsets in ListOf(Gen.Choose(-3, 12), 1, 4)
        from ranges in Gen.ArrayOf(Gen.Zip(Gen.Choose(-3, 1), Gen.Choose(-1, 3)), 4)
        select c with { Spec = c.Spec with { Yearly = Yearly(c, offsets, ranges) } };

    /// <summary>A calendar with holidays and working days near <paramref name="start"/>, for composing with another.</summary>
    public static Gen<CalendarSpec> SpecNear(Instant start) =>
        from zone in Gen.Elements(Zones)
        from weekly in Weekly()
        from holidays in ListOf(Gen.Choose(-3, 12), 0, 4)
        from workingOffsets in ListOf(Gen.Choose(-3, 12), 0, 3)
        from workingHours in Gen.ArrayOf(DayHours(), 3)
        select Assemble(zone, start, 0, weekly, holidays, workingOffsets, workingHours, 0).Spec;

    private static List<YearlyHoliday> Yearly(CalendarCase c, List<int> offsets, (int, int)[] ranges)
    {
        var startDate = c.Start.InZone(c.Spec.Zone).Date;
        return offsets.Select((offset, i) =>
        {
            var date = startDate.PlusDays(offset);
            var (before, after) = ranges[i % ranges.Length];
            return new YearlyHoliday(new AnnualDate(date.Month, date.Day), date.Year + before, Math.Max(date.Year + before, date.Year + after));
        }).ToList();
    }

    private static CalendarCase Assemble(
        string zone, Instant start, int span, List<WeeklyHours> weekly, List<int> holidayOffsets, List<int> workingOffsets,
        List<(LocalTime, LocalTime)>[] workingHours, double fraction)
    {
        var startDate = start.InZone(DateTimeZoneProviders.Tzdb[zone]).Date;
        var holidays = holidayOffsets.Distinct().Select(startDate.PlusDays).ToList();
        var working = workingOffsets.Distinct()
            .Select(startDate.PlusDays)
            .Where(d => !holidays.Contains(d))
            .SelectMany((date, i) => workingHours[i % workingHours.Length].Select(h => new DatedHours(date, h.Item1, h.Item2)))
            .ToList();
        return new CalendarCase(new CalendarSpec(zone, weekly, holidays, working), start, span, fraction);
    }

    private static Gen<Instant> StartNear(string zone) =>
        Gen.Frequency(
            (1, Gen.Choose(0, (int)((To - From).TotalMinutes / 2)).Select(m => From + Duration.FromMinutes(2L * m))),
            (1, from transition in Gen.Elements(Transitions[zone].DefaultIfEmpty(From).ToArray())
                from offset in Gen.Choose(-4 * MinutesPerDay, 2 * MinutesPerDay)
                select transition + Duration.FromMinutes(offset)));

    /// <summary>A non-empty weekly template with no overlaps, including across midnight and from Sunday into Monday.</summary>
    private static Gen<List<WeeklyHours>> Weekly() =>
        ListOf(Candidate(), 1, 10)
            .Select(candidates =>
            {
                var kept = new List<(int Start, int Length)>();
                foreach (var c in candidates.Where(c => !kept.Any(k => OverlapsOnWeek(k, c))))
                {
                    kept.Add(c);
                }

                return kept.Select(k => new WeeklyHours(
                    (IsoDayOfWeek)(k.Start / MinutesPerDay + 1),
                    LocalTime.FromMinutesSinceMidnight(k.Start % MinutesPerDay),
                    LocalTime.FromMinutesSinceMidnight((k.Start + k.Length) % MinutesPerDay))).ToList();
            });

    private static Gen<(int Start, int Length)> Candidate() =>
        from day in Gen.Choose(0, 6)
        from shape in Gen.Frequency(
            (6, Gen.Zip(Gen.Choose(0, MinutesPerDay - 1), Gen.Choose(1, 8 * 60))),
            (2, Gen.Zip(Gen.Choose(18 * 60, MinutesPerDay - 1), Gen.Choose(6 * 60, 12 * 60))),
            (1, Gen.Constant((0, MinutesPerDay))))
        select (day * MinutesPerDay + shape.Item1, shape.Item2);

    /// <summary>One to two non-overlapping intervals for a dated working day (possibly overnight).</summary>
    private static Gen<List<(LocalTime, LocalTime)>> DayHours() =>
        from first in Gen.Zip(Gen.Choose(0, 12 * 60), Gen.Choose(1, 10 * 60))
        from second in Gen.Zip(Gen.Choose(0, 6 * 60), Gen.Choose(1, 14 * 60))
        from two in Gen.Elements(true, false)
        select Hours(first, second, two);

    private static List<(LocalTime, LocalTime)> Hours((int Start, int Length) first, (int Gap, int Length) second, bool two)
    {
        var result = new List<(LocalTime, LocalTime)> { (Time(first.Start), Time(first.Start + first.Length)) };
        var secondStart = first.Start + first.Length + second.Gap;
        if (two && secondStart < MinutesPerDay && secondStart + second.Length < first.Start + MinutesPerDay)
        {
            result.Add((Time(secondStart), Time(secondStart + second.Length)));
        }

        return result;
    }

    private static Gen<List<T>> ListOf<T>(Gen<T> item, int min, int max) =>
        Gen.Choose(min, max).SelectMany(count => Gen.ListOf(item, count));

    private static LocalTime Time(int minutes) => LocalTime.FromMinutesSinceMidnight(minutes % MinutesPerDay);

    private static bool OverlapsOnWeek((int Start, int Length) a, (int Start, int Length) b)
    {
        foreach (var shift in new[] { -MinutesPerWeek, 0, MinutesPerWeek })
        {
            if (a.Start < b.Start + shift + b.Length && b.Start + shift < a.Start + a.Length)
            {
                return true;
            }
        }

        return false;
    }
}
