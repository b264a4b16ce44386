using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace ServiceQuality.Domain.Tests.Calendars;

/// <summary>All five operations against the minute-by-minute reference, on random calendars and windows.</summary>
public sealed class BusinessCalendarReferenceTests
{
    private const int Cases = 2000;
    private static readonly Duration Minute = Duration.FromMinutes(1);

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property AllOperations_OnRandomCalendars_AgreeWithTheMinuteByMinuteReference() =>
        Prop.ForAll(CalendarGenerators.Cases(maxSpanMinutes: 10 * 24 * 60).ToArbitrary(), (CalendarCase c) =>
        {
            var calendar = c.Spec.Build();
            var reference = c.Spec.Reference();
            var open = reference.OpenMinutes(c.Start, c.SpanMinutes);
            var openMinutes = open.Count(o => o);
            var amount = (int)Math.Round(openMinutes * c.AmountFraction);

            Assert.Equal(reference.IsOpen(c.Start), calendar.IsOpen(c.Start));
            Assert.Equal(reference.NextOpen(c.Start, maxMinutes: 60 * 24 * 60), calendar.NextOpen(c.Start));
            Assert.Equal(Minute * openMinutes, calendar.BusinessTimeBetween(c.Start, c.End));
            Assert.Equal(-Minute * openMinutes, calendar.BusinessTimeBetween(c.End, c.Start));
            Assert.Equal(OracleAnswers.EarliestAfter(open, c.Start, amount), calendar.AddBusinessTime(c.Start, Minute * amount));
            Assert.Equal(OracleAnswers.LatestBefore(open, c.Start, amount), calendar.SubtractBusinessTime(c.End, Minute * amount));
        });
}
