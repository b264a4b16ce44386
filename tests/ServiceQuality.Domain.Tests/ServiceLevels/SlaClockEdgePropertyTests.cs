using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using static ServiceQuality.Domain.Tests.Calendars.EdgeGenerators;

namespace ServiceQuality.Domain.Tests.ServiceLevels;

/// <summary>
/// The SLA clock for any target and any opening and evaluation instants: the exact status, a deadline beyond the supported
/// range as a status, or <see cref="ArgumentOutOfRangeException"/> naming <c>now</c> or <c>history</c>.
/// </summary>
public sealed class SlaClockEdgePropertyTests
{
    private static readonly ICalendarLookup Lookup = CalendarLookup.From(Names.Select((name, i) => KeyValuePair.Create(name, CalendarsUnderTest[i])));

    public sealed record ClockCase(int Calendar, Duration Target, Instant Opened, Instant Now)
    {
        public override string ToString() => $"{Names[Calendar]} | target {Target} | opened {Opened} | now {Now}";
    }

    private static Arbitrary<ClockCase> Cases =>
        (from calendar in AnyCalendar
         let range = CalendarsUnderTest[calendar].SupportedRange
         from target in PositiveDuration
         from opened in AnyInstant(range)
         from later in Gen.Frequency((3, AnyDuration.Select(d => (Duration?)d)), (1, Gen.Constant((Duration?)null)))
         from other in AnyInstant(range)
         let now = later is { } d && d >= Duration.Zero && Nanoseconds(opened) + d.ToInt128Nanoseconds() <= Nanoseconds(Instant.MaxValue) ? opened + d : other
         select new ClockCase(calendar, target, opened, now)).ToArbitrary();

    private static ServiceLevelAgreement Agreement(string calendar, Duration target)
    {
        var at = Instant.FromUtc(2024, 1, 1, 0, 0);
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "edge", AgreementKind.ServiceLevel, at);
        sla.SetCalendar(calendar, at);
        sla.AddTarget(Metric.Resolution, null, null, target, TimeBasis.BusinessTime, at);
        // In force from the start of time: these cases open anywhere in the calendars' range.
        sla.Publish(Instant.MinValue, at);
        return sla;
    }

    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property EvaluateTicket_IsExactOrReportsTheDeadlineBeyondTheRangeOrRefusesNowOrHistory() =>
        Prop.ForAll(Cases, c =>
        {
            var calendar = CalendarsUnderTest[c.Calendar];
            var range = calendar.SupportedRange;
            var sla = Agreement(Names[c.Calendar], c.Target);
            var ticket = Ticket.Open(
                new TicketId("T-1"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P2, new StaffId("agent"), ServiceTier.Gold, c.Opened, sla.Reference);

            SlaStatus Evaluate() => Assert.Single(SlaClock.EvaluateTicket(ticket.History, sla, Lookup, c.Now).Statuses);

            if (!range.Contains(c.Now) || (c.Opened <= c.Now && !range.Contains(c.Opened)))
            {
                var expected = range.Contains(c.Now) ? "history" : "now";
                Assert.Equal(expected, Assert.Throws<ArgumentOutOfRangeException>(() => Evaluate()).ParamName);
                return;
            }

            var status = Evaluate();
            if (c.Opened > c.Now)
            {
                Assert.Equal(SlaState.NotApplicable, status.State);
                return;
            }

            var elapsed = calendar.BusinessTimeBetween(c.Opened, c.Now);
            Assert.Equal(elapsed, status.Elapsed);
            var reachable = calendar.TryAddBusinessTime(c.Opened, c.Target, out var deadline);
            if (elapsed < c.Target)
            {
                Assert.Equal(SlaState.Running, status.State);
                Assert.Equal((reachable ? deadline : (Instant?)null, !reachable), (status.DueAt, status.IsDueBeyondSupportedRange));
            }
            else
            {
                Assert.Equal((SlaState.Missed, (Instant?)deadline, false), (status.State, status.BreachedAt, status.IsDueBeyondSupportedRange));
            }
        });
}
