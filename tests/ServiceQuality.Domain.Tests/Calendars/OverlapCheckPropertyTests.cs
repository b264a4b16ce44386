using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Tests.Calendars;

/// <summary>The sorted overlap check of <see cref="BusinessCalendarBuilder.Build"/> against the pairwise definition.</summary>
public sealed class OverlapCheckPropertyTests
{
    private const int MinutesPerDay = 24 * 60;
    private const int MinutesPerWeek = 7 * MinutesPerDay;

    private static readonly Arbitrary<(int Start, int Length)[]> Intervals =
        (from count in Gen.Choose(1, 8)
         from items in Gen.ArrayOf(
             Gen.Zip(Gen.Choose(0, MinutesPerWeek - 1), Gen.Frequency((5, Gen.Choose(1, 6 * 60)), (1, Gen.Choose(6 * 60, MinutesPerDay)))), count)
         select items).ToArbitrary();

    [Property(MaxTest = 500, Replay = PropertyRuns.Replay)]
    public Property Build_RefusesWeeklyHoursExactlyWhenTwoIntervalsOverlapSomewhereInTheWeek() =>
        Prop.ForAll(Intervals, intervals =>
        {
            var builder = BusinessCalendar.CreateBuilder(DateTimeZone.Utc);
            foreach (var (start, length) in intervals)
            {
                var end = (start + length) % MinutesPerDay;
                builder.AddOpenHours((IsoDayOfWeek)(start / MinutesPerDay + 1), LocalTime.FromMinutesSinceMidnight(start % MinutesPerDay), LocalTime.FromMinutesSinceMidnight(end));
            }

            var overlapping = Enumerable.Range(0, intervals.Length)
                .SelectMany(i => Enumerable.Range(i + 1, intervals.Length - i - 1).Select(j => (i, j)))
                .Where(p => Overlap(intervals[p.i], intervals[p.j]))
                .ToList();
            var involved = overlapping.SelectMany(p => new[] { p.i, p.j }).ToHashSet();

            var problems = Record.Exception(builder.Build) is InvalidDefinitionException e ? e.Problems : [];

            Assert.Equal(overlapping.Count > 0, problems.Count > 0);
            Assert.All(problems, p => Assert.Equal(ProblemCode.Conflict, p.Code));
            // Every interval reported is one that overlaps another, and a problem is reported for every overlapping pair's later member or its partner.
            Assert.All(problems, p => Assert.Contains(involved, i => p.Path.Contains(Describe(intervals[i]), StringComparison.Ordinal)));
        });

    private static bool Overlap((int Start, int Length) a, (int Start, int Length) b) =>
        new[] { -MinutesPerWeek, 0, MinutesPerWeek }.Any(shift => a.Start < b.Start + shift + b.Length && b.Start + shift < a.Start + a.Length);

    private static string Describe((int Start, int Length) interval)
    {
        var day = (IsoDayOfWeek)(interval.Start / MinutesPerDay + 1);
        var start = LocalTime.FromMinutesSinceMidnight(interval.Start % MinutesPerDay);
        return $"{day} {start:HH:mm}-";
    }
}
