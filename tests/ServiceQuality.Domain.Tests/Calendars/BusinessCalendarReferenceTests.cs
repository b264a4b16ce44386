using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ServiceQuality.Domain.Tests.Calendars;

/// <summary>All five operations against the minute-by-minute reference, on random calendars and windows.</summary>
public sealed class BusinessCalendarReferenceTests
{
    private const int Cases = 2000;

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property AllOperations_OnRandomCalendars_AgreeWithTheMinuteByMinuteReference() =>
        Prop.ForAll(CalendarGenerators.Cases(maxSpanMinutes: 10 * 24 * 60).ToArbitrary(), (CalendarCase c) => OracleAnswers.AssertAgreeWithReference(c));
}
