using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Calendars;
using static ServiceQuality.Domain.Tests.Calendars.EdgeGenerators;

namespace ServiceQuality.Domain.Tests.Calendars;

/// <summary>
/// Every calendar operation, for any instant and any duration, returns the exact answer or throws exactly
/// <see cref="ArgumentOutOfRangeException"/> naming the argument: never an overflow, a wrong answer or another exception.
/// </summary>
public sealed class BusinessCalendarEdgePropertyTests
{
    private const int Cases = 400;

    public sealed record EdgeCase(int Calendar, Instant T, Instant U, Duration D)
    {
        public BusinessCalendar Of => CalendarsUnderTest[Calendar];

        public override string ToString() => $"{Names[Calendar]} | t {T} | u {U} | d {D} ({D.ToInt128Nanoseconds()} ns)";
    }

    private static Arbitrary<EdgeCase> Edges(Gen<int> calendars) =>
        (from calendar in calendars
         let range = CalendarsUnderTest[calendar].SupportedRange
         from t in AnyInstant(range)
         from u in AnyInstant(range)
         from d in AmountFrom(calendar, t)
         select new EdgeCase(calendar, t, u, d)).ToArbitrary();

    /// <summary>Runs <paramref name="operation"/>: it must throw exactly ArgumentOutOfRangeException naming <paramref name="refused"/> when that is not null, else return a value <paramref name="check"/> accepts.</summary>
    private static void ExactOrRefused<T>(Func<T> operation, string? refused, Action<T> check)
    {
        if (refused is null)
        {
            check(operation());
        }
        else
        {
            Assert.Equal(refused, Assert.Throws<ArgumentOutOfRangeException>(() => operation()).ParamName);
        }
    }

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property AlwaysOpen_IsInstantArithmeticToTheNanosecondOrRefusesTheArgument() =>
        Prop.ForAll(Edges(Gen.Constant(0)), c =>
        {
            var calendar = c.Of;
            var (start, end) = (Nanoseconds(calendar.SupportedRange.Start), Nanoseconds(calendar.SupportedRange.End));
            var (t, u, d) = (Nanoseconds(c.T), Nanoseconds(c.U), c.D.ToInt128Nanoseconds());
            var tIn = t >= start && t < end;
            var uIn = u >= start && u < end;

            var addRefused = !tIn ? "start" : d < 0 || t + d >= end ? "amount" : null;
            ExactOrRefused(() => calendar.AddBusinessTime(c.T, c.D), addRefused, r => Assert.Equal(t + d, Nanoseconds(r)));
            ExactOrRefused(() => calendar.TryAddBusinessTime(c.T, c.D, out var r) ? Nanoseconds(r) : (Int128?)null, addRefused == "start" || d < 0 ? addRefused : null,
                r => Assert.Equal(t + d < end ? (Int128?)(t + d) : null, r));
            ExactOrRefused(() => calendar.SubtractBusinessTime(c.T, c.D), !tIn ? "end" : d < 0 || t - d < start ? "amount" : null, r => Assert.Equal(t - d, Nanoseconds(r)));
            ExactOrRefused(() => calendar.BusinessTimeBetween(c.T, c.U), !tIn ? "a" : !uIn ? "b" : null, r => Assert.Equal(u - t, r.ToInt128Nanoseconds()));
            ExactOrRefused(() => calendar.NextOpen(c.T), !tIn ? "t" : null, r => Assert.Equal(c.T, r));
        });

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property AddBusinessTime_IsTheEarliestInstantAtTheAmountOrRefusesTheArgument() =>
        Prop.ForAll(Edges(AnyCalendar), c =>
        {
            var (calendar, range) = (c.Of, c.Of.SupportedRange);
            var last = range.End - Duration.Epsilon;

            // The amount is reachable exactly when the open time in [t, last) holds it: the result must then be at most last.
            var refused = !range.Contains(c.T) ? "start" : c.D < Duration.Zero || c.D > calendar.BusinessTimeBetween(c.T, last) ? "amount" : null;
            ExactOrRefused(() => calendar.AddBusinessTime(c.T, c.D), refused, r =>
            {
                Assert.Equal(c.D, calendar.BusinessTimeBetween(c.T, r));
                Assert.True(c.D == Duration.Zero ? r == c.T : calendar.BusinessTimeBetween(c.T, r - Duration.Epsilon) < c.D);
            });
            ExactOrRefused(() => calendar.TryAddBusinessTime(c.T, c.D, out var r) ? r : (Instant?)null, refused == "amount" && c.D >= Duration.Zero ? null : refused, r =>
                Assert.Equal(refused is null ? (Instant?)calendar.AddBusinessTime(c.T, c.D) : null, r));
        });

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property SubtractBusinessTime_IsTheLatestInstantAtTheAmountOrRefusesTheArgument() =>
        Prop.ForAll(Edges(AnyCalendar), c =>
        {
            var (calendar, range) = (c.Of, c.Of.SupportedRange);
            var refused = !range.Contains(c.T) ? "end" : c.D < Duration.Zero || c.D > calendar.BusinessTimeBetween(range.Start, c.T) ? "amount" : null;
            ExactOrRefused(() => calendar.SubtractBusinessTime(c.T, c.D), refused, r =>
            {
                Assert.Equal(c.D, calendar.BusinessTimeBetween(r, c.T));
                Assert.True(c.D == Duration.Zero ? r == c.T : calendar.BusinessTimeBetween(r + Duration.Epsilon, c.T) < c.D);
            });
        });

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property BusinessTimeBetween_IsBoundedAntisymmetricAndAdditiveOrRefusesTheArgument() =>
        Prop.ForAll(Edges(AnyCalendar), c =>
        {
            var (calendar, range) = (c.Of, c.Of.SupportedRange);
            var refused = !range.Contains(c.T) ? "a" : !range.Contains(c.U) ? "b" : null;
            ExactOrRefused(() => calendar.BusinessTimeBetween(c.T, c.U), refused, r =>
            {
                var elapsed = c.U - c.T;
                Assert.InRange(r.ToInt128Nanoseconds() * (elapsed < Duration.Zero ? -1 : 1), Int128.Zero, (elapsed < Duration.Zero ? -elapsed : elapsed).ToInt128Nanoseconds());
                Assert.Equal(-r, calendar.BusinessTimeBetween(c.U, c.T));
                var middle = c.T + ((c.U - c.T) / 2);
                Assert.Equal(r, calendar.BusinessTimeBetween(c.T, middle) + calendar.BusinessTimeBetween(middle, c.U));
            });
        });

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property IsOpenAndNextOpen_AreExactOrRefuseTheInstant() =>
        Prop.ForAll(Edges(AnyCalendar), c =>
        {
            var (calendar, range) = (c.Of, c.Of.SupportedRange);
            var last = range.End - Duration.Epsilon;
            ExactOrRefused(() => calendar.IsOpen(c.T), range.Contains(c.T) ? null : "t", open =>
                Assert.Equal(open, c.T < last ? calendar.BusinessTimeBetween(c.T, c.T + Duration.Epsilon) == Duration.Epsilon : open));

            var neverOpensAgain = range.Contains(c.T) && calendar.BusinessTimeBetween(c.T, last) == Duration.Zero && !calendar.IsOpen(last);
            ExactOrRefused(() => calendar.NextOpen(c.T), !range.Contains(c.T) || neverOpensAgain ? "t" : null, r =>
            {
                Assert.True(r >= c.T && calendar.IsOpen(r));
                Assert.Equal(Duration.Zero, calendar.BusinessTimeBetween(c.T, r));
            });
        });
}
