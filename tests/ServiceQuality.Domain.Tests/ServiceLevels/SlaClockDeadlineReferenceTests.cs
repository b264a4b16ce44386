using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Tests.ServiceLevels;

/// <summary>
/// Deadlines in business days and start rules against the minute-by-minute reference (with deadlines found by walking
/// dates), on random calendars, agreements and ticket histories.
/// </summary>
public sealed class SlaClockDeadlineReferenceTests
{
    private static readonly Duration Horizon = Duration.FromDays(120);
    private static readonly Metric[] Metrics = [Metric.FirstResponse, Metric.NextResponse, Metric.Resolution, Metric.OnSiteArrival];

    /// <summary>A cell: a duration in minutes (kind 3) or a deadline (kinds 0-2), with its start rule.</summary>
    public sealed record CellSpec(int Kind, int Days, int AtMinute, int? CutOffMinute, int? AfterKind, int AfterDays, int AfterAtMinute, int Minutes, bool Business, TargetStart Start)
    {
        public ServiceTarget For(Metric metric, Priority? priority)
        {
            if (Kind == 3)
            {
                return new ServiceTarget(metric, priority, null, Duration.FromMinutes(Minutes), Business ? TimeBasis.BusinessTime : TimeBasis.CalendarTime) { Start = Start };
            }

            var deadline = Deadline(Kind, Days, AtMinute);
            if (Kind != 2 && CutOffMinute is { } cutOff)
            {
                deadline = deadline.WithCutOff(LocalTime.FromMinutesSinceMidnight(cutOff), AfterKind is { } after ? Deadline(after, AfterDays, AfterAtMinute) : null);
            }

            return new ServiceTarget(metric, priority, null, deadline, Start);
        }

        private static BusinessDayDeadline Deadline(int kind, int days, int atMinute) => kind switch
        {
            0 => BusinessDayDeadline.EndOfBusinessDay(days),
            1 => BusinessDayDeadline.OnBusinessDayAt(days, LocalTime.FromMinutesSinceMidnight(atMinute)),
            _ => BusinessDayDeadline.WithinBusinessDays(Math.Max(days, 1)),
        };

        public override string ToString() => $"{For(Metric.Resolution, null).Deadline?.ToString() ?? $"{Minutes} min {(Business ? "business" : "calendar")}"} / {Start}";
    }

    public sealed record DeadlineCase(SlaClockReferenceTests.SlaCase Case, CellSpec[] Defaults, CellSpec[] P1)
    {
        public override string ToString() => $"{Case} | defaults [{string.Join("; ", Defaults.AsEnumerable())}] | P1 [{string.Join("; ", P1.AsEnumerable())}]";
    }

    private static Gen<CellSpec> Cells =>
        from kind in Gen.Frequency((3, Gen.Constant(0)), (3, Gen.Constant(1)), (2, Gen.Constant(2)), (2, Gen.Constant(3)))
        from days in Gen.Frequency((3, Gen.Choose(0, 1)), (1, Gen.Choose(2, 3)))
        from at in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(0, 95).Select(q => q * 15)))
        from cutOff in Gen.Frequency((1, Gen.Constant((int?)null)), (1, Gen.Choose(0, 95).Select(q => (int?)(q * 15))))
        from afterKind in Gen.Frequency((1, Gen.Constant((int?)null)), (1, Gen.Choose(0, 1).Select(k => (int?)k)))
        from afterDays in Gen.Choose(0, 2)
        from afterAt in Gen.Choose(0, 95).Select(q => q * 15)
        from minutes in Gen.Choose(10, 1500)
        from business in Gen.Elements(true, true, false)
        from start in Gen.Elements(TargetStart.Opening, TargetStart.WhenApplies, TargetStart.Retroactive)
        select new CellSpec(kind, days, at, cutOff, afterKind, afterDays, afterAt, minutes, business, start);

    private static Gen<DeadlineCase> Cases =>
        from c in SlaClockReferenceTests.Cases
        from defaults in Gen.ArrayOf(Cells, 4)
        from p1 in Gen.ArrayOf(Cells, 4)
        select new DeadlineCase(c, defaults, p1);

    private static ServiceLevelAgreement AgreementFor(DeadlineCase d)
    {
        var c = d.Case;
        var start = Instant.FromUtc(2000, 1, 1, 0, 0);
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "random", AgreementKind.ServiceLevel, start);
        sla.SetCalendar("cal", start);
        for (var i = 0; i < Metrics.Length; i++)
        {
            sla.AddTarget(d.Defaults[i].For(Metrics[i], null), start);
            sla.AddTarget(d.P1[i].For(Metrics[i], Priority.P1), start);
        }

        sla.PauseOn(HoldReason.WaitingForCustomer, Metrics.Where((_, i) => (c.PausedBy[i] & 1) != 0), start);
        sla.PauseOn(HoldReason.WaitingForThirdParty, Metrics.Where((_, i) => (c.PausedBy[i] & 2) != 0), start);
        sla.SetWarningStages(c.Stages, start);
        sla.SetReopenBehaviour(c.NewCycle ? ReopenBehaviour.NewCycle : ReopenBehaviour.ContinueClock, start);
        sla.Publish(start, start);
        return sla;
    }

    [Property(MaxTest = 1000, Replay = PropertyRuns.Replay)]
    public Property Evaluation_WithDeadlinesInBusinessDaysAndStartRules_AgreesWithTheMinuteByMinuteReference()
    {
        return Prop.ForAll(Cases.ToArbitrary(), d =>
        {
            var c = d.Case;
            var calendar = c.Calendar.Build();
            var sla = AgreementFor(d);
            var ticket = SlaClockReferenceTests.TicketFor(c, sla);
            var now = ticket.LastEventAt + Duration.FromMinutes(c.NowOffset) - Duration.FromMinutes(c.NowOffset % 7 == 0 ? (long)(ticket.LastEventAt - c.Start).TotalMinutes / 2 : 0);
            now = now < c.Start ? c.Start : now;
            var deadlines = new ReferenceDeadline(c.Calendar, calendar.IsOpen);

            var evaluation = SlaClock.EvaluateTicket(ticket.History, sla, CalendarLookup.Of("cal", calendar), now);

            Instant? expectedNext = null;
            foreach (var metric in Metrics)
            {
                var expected = ReferenceClock.Evaluate(ticket.History, sla, calendar.IsOpen, metric, now, (int)Horizon.TotalMinutes, deadlines);
                if (expected is null)
                {
                    Assert.DoesNotContain(evaluation.Statuses, s => s.Metric == metric);
                    continue;
                }

                var actual = Assert.Single(evaluation.Statuses, s => s.Metric == metric);
                expected.AssertMatches(actual, now, Horizon, origin: true);

                expectedNext = expected.NextChange is { } n && (expectedNext is null || n < expectedNext) ? n : expectedNext;
            }

            if (expectedNext is not null)
            {
                Assert.Equal(expectedNext, evaluation.NextChangeAt);
            }
            else
            {
                Assert.True(evaluation.NextChangeAt is null || evaluation.NextChangeAt > now + Horizon, $"next change {evaluation.NextChangeAt}, expected none within the horizon");
            }
        });
    }
}
