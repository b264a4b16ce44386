using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Tests.ServiceLevels;

/// <summary>Laws of the SLA clock, on random calendars, agreements and histories.</summary>
public sealed class SlaClockLawTests
{
    private const int Cases = 500;

    private static (SlaEvaluation At, SlaEvaluation Later, Instant Now, Instant LaterNow) EvaluateTwice(SlaClockReferenceTests.SlaCase c)
    {
        var calendar = c.Calendar.Build();
        var sla = SlaClockReferenceTests.AgreementFor(c);
        var ticket = SlaClockReferenceTests.TicketFor(c, sla);
        var lookup = CalendarLookup.Of("cal", calendar);
        var now = c.Start + ((ticket.LastEventAt - c.Start) * (c.NowOffset % 100 / 100d));
        var later = now + Duration.FromMinutes(c.NowOffset);
        return (SlaClock.EvaluateTicket(ticket.History, sla, lookup, now), SlaClock.EvaluateTicket(ticket.History, sla, lookup, later), now, later);
    }

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property Evaluate_TheSameHistoryTwice_GivesEqualResults() =>
        Prop.ForAll(SlaClockReferenceTests.Cases.ToArbitrary(), c =>
        {
            var calendar = c.Calendar.Build();
            var sla = SlaClockReferenceTests.AgreementFor(c);
            var ticket = SlaClockReferenceTests.TicketFor(c, sla);
            var lookup = CalendarLookup.Of("cal", calendar);
            var first = SlaClock.EvaluateTicket(ticket.History, sla, lookup, ticket.LastEventAt);
            var second = SlaClock.EvaluateTicket(Ticket.FromHistory(ticket.History).History, sla, CalendarLookup.Of("cal", c.Calendar.Build()), ticket.LastEventAt);

            Assert.Equal(first.Statuses, second.Statuses);
            Assert.Equal(first.NextChangeAt, second.NextChangeAt);
        });

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property Evaluate_AsNowGrows_ElapsedNeverDecreasesAndMissedNeverBecomesMet() =>
        Prop.ForAll(SlaClockReferenceTests.Cases.ToArbitrary(), c =>
        {
            var (at, later, _, _) = EvaluateTwice(c);
            foreach (var earlier in at.Statuses)
            {
                var next = Assert.Single(later.Statuses, s => s.Metric == earlier.Metric);
                if (next.Cycle == earlier.Cycle)
                {
                    Assert.True(next.Elapsed >= earlier.Elapsed, $"{earlier.Metric}: {earlier.Elapsed} then {next.Elapsed}");
                }

                // Cancelling a case withdraws its current clock from the count: cancelled is neither met nor missed.
                if (next.State != SlaState.Cancelled)
                {
                    Assert.True(next.MissedCycles >= earlier.MissedCycles, $"{earlier.Metric}: missed cycles {earlier.MissedCycles} then {next.MissedCycles}");
                }

                if (earlier.State == SlaState.Missed && next.Cycle == earlier.Cycle)
                {
                    Assert.Contains(next.State, new[] { SlaState.Missed, SlaState.Cancelled });
                }
            }
        });

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property Evaluate_WhilePausedOrStopped_AddsNothing() =>
        Prop.ForAll(SlaClockReferenceTests.Cases.ToArbitrary(), c =>
        {
            var calendar = c.Calendar.Build();
            var sla = SlaClockReferenceTests.AgreementFor(c);
            var ticket = SlaClockReferenceTests.TicketFor(c, sla);
            var lookup = CalendarLookup.Of("cal", calendar);
            var end = SlaClock.EvaluateTicket(ticket.History, sla, lookup, ticket.LastEventAt);
            var much = SlaClock.EvaluateTicket(ticket.History, sla, lookup, ticket.LastEventAt + Duration.FromDays(30) + Duration.FromMinutes(c.NowOffset));
            foreach (var status in end.Statuses.Where(s => s.State is SlaState.Paused or SlaState.Met or SlaState.Cancelled
                || (s.State == SlaState.Missed && s.StoppedAt is not null)))
            {
                var after = Assert.Single(much.Statuses, s => s.Metric == status.Metric);
                Assert.Equal(status.Elapsed, after.Elapsed);
                Assert.Equal(status.State, after.State);
            }
        });

    [Property(MaxTest = 1000, Replay = PropertyRuns.Replay)]
    public Property Evaluate_AroundTheClockWithoutPauses_ElapsedIsNowMinusStart()
    {
        var cases =
            (from minutes in Gen.Choose(0, 100_000)
             from response in Gen.Choose(1, 100_000)
             from respond in Gen.Elements(true, false)
             select (minutes, response, respond)).ToArbitrary();
        return Prop.ForAll(cases, input =>
        {
            var start = Instant.FromUtc(2025, 5, 1, 0, 0);
            var sla = ServiceLevelAgreement.Draft(new AgreementId("A"), "24x7", AgreementKind.ServiceLevel, start);
            sla.AddTarget(Metric.FirstResponse, null, null, Duration.FromHours(4), TimeBasis.CalendarTime, start);
            sla.Publish(start, start);
            var ticket = Ticket.Open(new TicketId("T"), new CustomerId("C"), TicketKind.FaultReport, Channel.Online, Priority.P2, new StaffId("s"), ServiceTier.Ordinary, start);
            if (input.respond)
            {
                ticket.RecordResponse(new StaffId("s"), true, start + Duration.FromMinutes(input.response));
            }

            var now = start + Duration.FromMinutes(input.minutes);
            var stop = input.respond && input.response <= input.minutes ? start + Duration.FromMinutes(input.response) : now;
            var status = SlaClock.EvaluateTicket(ticket.History, sla, CalendarLookup.From([]), now).Statuses.Single();

            Assert.Equal(stop - start, status.Elapsed);
            Assert.Equal(status.Elapsed > Duration.FromHours(4), status.State == SlaState.Missed);
        });
    }

    [Property(MaxTest = Cases, Replay = PropertyRuns.Replay)]
    public Property Evaluate_NextChangeAt_IsWhenAStatusChanges() =>
        Prop.ForAll(SlaClockReferenceTests.Cases.ToArbitrary(), c =>
        {
            var calendar = c.Calendar.Build();
            var sla = SlaClockReferenceTests.AgreementFor(c);
            var ticket = SlaClockReferenceTests.TicketFor(c, sla);
            var lookup = CalendarLookup.Of("cal", calendar);
            var at = SlaClock.EvaluateTicket(ticket.History, sla, lookup, ticket.LastEventAt);
            if (at.NextChangeAt is not { } next || next > calendar.SupportedRange.End - Duration.FromDays(1))
            {
                return;
            }

            var before = SlaClock.EvaluateTicket(ticket.History, sla, lookup, next - Duration.Epsilon);
            var then = SlaClock.EvaluateTicket(ticket.History, sla, lookup, next);
            Assert.Equal(at.Statuses.Select(s => (s.State, s.StageCount)), before.Statuses.Select(s => (s.State, s.StageCount)));
            Assert.NotEqual(before.Statuses.Select(s => (s.State, s.StageCount)), then.Statuses.Select(s => (s.State, s.StageCount)));
        });
}
