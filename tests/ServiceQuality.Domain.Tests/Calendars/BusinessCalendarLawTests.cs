using FsCheck.Fluent;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Calendars;

namespace ServiceQuality.Domain.Tests.Calendars;

/// <summary>The algebra of business time, at nanosecond precision and over spans of years, on random calendars.</summary>
public sealed class BusinessCalendarLawTests
{
    private const int Cases = 2000;
    private static readonly Instant From = Instant.FromUtc(2005, 1, 1, 0, 0);
    private static readonly long SpanNanoseconds = (Instant.FromUtc(2035, 1, 1, 0, 0) - From).ToInt64Nanoseconds();

    public sealed record LawCase(CalendarSpec Spec, Instant A, Instant B, Instant C, Duration D1, Duration D2)
    {
        public override string ToString() => $"{Spec} | a {A} | b {B} | c {C} | d1 {D1} | d2 {D2}";
    }

    private static Gen<Instant> AnyInstant =>
        Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, int.MaxValue))
            .Select(p => From + Duration.FromNanoseconds((((long)p.Item1 << 31) | (uint)p.Item2) % SpanNanoseconds));

    /// <summary>Up to 3,000 hours with nanoseconds, or up to a few days, to cross both short and long spans.</summary>
    private static Gen<Duration> Amount =>
        Gen.Frequency(
            (3, Gen.Choose(0, 3 * 24 * 60 * 60).Select(s => Duration.FromSeconds(s))),
            (2, Gen.Zip(Gen.Choose(0, 3000 * 60 * 60), Gen.Choose(0, 999_999_999)).Select(p => Duration.FromSeconds(p.Item1) + Duration.FromNanoseconds(p.Item2))));

    private static Arbitrary<LawCase> Laws =>
        (from c in CalendarGenerators.Cases(maxSpanMinutes: 0)
         from nearby in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 400 * 24 * 60), Gen.Choose(0, 999_999_999)), 3)
         from far in Gen.ArrayOf(AnyInstant, 3)
         from useFar in Gen.Elements(true, false)
         from d1 in Amount
         from d2 in Amount
         let points = useFar
             ? far
             : nearby.Select(p => c.Start + Duration.FromMinutes(p.Item1) + Duration.FromNanoseconds(p.Item2)).ToArray()
         let sorted = points.OrderBy(p => p).ToArray()
         select new LawCase(c.Spec, sorted[0], sorted[1], sorted[2], d1, d2)).ToArbitrary();

    /// <summary>
    /// An amount that a sparse calendar (a few minutes a week) can still add from <paramref name="start"/> within ten
    /// years, so results stay inside the supported range (a larger one correctly throws).
    /// </summary>
    private static Duration Bounded(BusinessCalendar calendar, Instant start, Duration amount) =>
        Duration.Min(amount, calendar.BusinessTimeBetween(start, start + Duration.FromDays(3650)));

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property BusinessTimeBetween_OfAddBusinessTime_IsTheAmountAdded() =>
        Prop.ForAll(Laws, c =>
        {
            var calendar = c.Spec.Build();
            var amount = Bounded(calendar, c.A, c.D1);
            Assert.Equal(amount, calendar.BusinessTimeBetween(c.A, calendar.AddBusinessTime(c.A, amount)));
        });

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property AddBusinessTime_IsMonotoneInStartAndAmount() =>
        Prop.ForAll(Laws, c =>
        {
            var calendar = c.Spec.Build();
            var (d1, d2) = (Bounded(calendar, c.B, c.D1), Bounded(calendar, c.B, c.D2));
            var (small, large) = d1 <= d2 ? (d1, d2) : (d2, d1);
            Assert.True(calendar.AddBusinessTime(c.A, d1) <= calendar.AddBusinessTime(c.B, d1));
            Assert.True(calendar.AddBusinessTime(c.A, small) <= calendar.AddBusinessTime(c.A, large));
            Assert.True(calendar.AddBusinessTime(c.A, d1) >= c.A);
        });

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property BusinessTimeBetween_IsAdditiveAndAntisymmetric() =>
        Prop.ForAll(Laws, c =>
        {
            var calendar = c.Spec.Build();
            Assert.Equal(calendar.BusinessTimeBetween(c.A, c.C), calendar.BusinessTimeBetween(c.A, c.B) + calendar.BusinessTimeBetween(c.B, c.C));
            Assert.Equal(-calendar.BusinessTimeBetween(c.A, c.C), calendar.BusinessTimeBetween(c.C, c.A));
        });

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property BusinessTimeBetween_NeverExceedsElapsedTime() =>
        Prop.ForAll(Laws, c =>
        {
            var between = c.Spec.Build().BusinessTimeBetween(c.A, c.C);
            Assert.InRange(between, Duration.Zero, c.C - c.A);
        });

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property SubtractBusinessTime_InvertsAddBusinessTime_FromOpenInstants() =>
        Prop.ForAll(Laws, c =>
        {
            var calendar = c.Spec.Build();
            var start = calendar.NextOpen(c.A);
            var amount = Bounded(calendar, start, c.D1);
            Assert.Equal(start, calendar.SubtractBusinessTime(calendar.AddBusinessTime(start, amount), amount));
            // Bounded by the open time since A so that the result stays inside the supported range.
            var back = Duration.Min(c.D1, calendar.BusinessTimeBetween(c.A, c.C));
            var from = calendar.SubtractBusinessTime(c.C, back);
            Assert.Equal(back, calendar.BusinessTimeBetween(from, c.C));
            Assert.InRange(from, c.A, c.C);
        });

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property NextOpen_IsTheFirstOpenInstant() =>
        Prop.ForAll(Laws, c =>
        {
            var calendar = c.Spec.Build();
            var next = calendar.NextOpen(c.A);
            Assert.True(next >= c.A);
            Assert.True(calendar.IsOpen(next));
            Assert.Equal(Duration.Zero, calendar.BusinessTimeBetween(c.A, next));
            Assert.Equal(calendar.IsOpen(c.A), next == c.A);
        });

    [Property(MaxTest = 500, Replay = PropertyRuns.Replay)]
    public Property OpenIntervals_SumToBusinessTimeBetween() =>
        Prop.ForAll(Laws, c =>
        {
            var calendar = c.Spec.Build();
            var intervals = calendar.OpenIntervals(c.A, c.B);
            var total = intervals.Aggregate(Duration.Zero, (sum, i) => sum + i.Duration);
            Assert.Equal(calendar.BusinessTimeBetween(c.A, c.B), total);
            Assert.All(intervals, i => Assert.True(calendar.IsOpen(i.Start)));
            Assert.All(intervals.Zip(intervals.Skip(1)), p => Assert.True(p.First.End < p.Second.Start));
        });

    [Property(MaxTest = 500, Replay = PropertyRuns.Replay)]
    public Property AlwaysOpen_BusinessTimeEqualsElapsedTime() =>
        Prop.ForAll(Laws, c =>
        {
            var calendar = BusinessCalendar.AlwaysOpen;
            Assert.Equal(c.C - c.A, calendar.BusinessTimeBetween(c.A, c.C));
            Assert.Equal(c.A + c.D1, calendar.AddBusinessTime(c.A, c.D1));
            Assert.Equal(c.C - c.D1, calendar.SubtractBusinessTime(c.C, c.D1));
        });
}
