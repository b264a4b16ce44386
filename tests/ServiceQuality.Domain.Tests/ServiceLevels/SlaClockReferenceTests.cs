using FsCheck.Fluent;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tests.Calendars;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Tests.ServiceLevels;

/// <summary>The SLA clock against the minute-by-minute reference, on random calendars, agreements and ticket histories.</summary>
public sealed class SlaClockReferenceTests
{
    private static readonly Duration Horizon = Duration.FromDays(120);
    private static readonly Metric[] Metrics = [Metric.FirstResponse, Metric.NextResponse, Metric.Resolution, Metric.OnSiteArrival];
    private static readonly decimal[] StageChoices = [25m, 50m, 75m, 90m];

    public sealed record HistoryStep(int Pick, int Gap, int Choice);

    public sealed record SlaCase(CalendarSpec Calendar, Instant Start, int[] Targets, bool[] Business, int[] PausedBy, decimal[] Stages, bool NewCycle, bool OnSite, HistoryStep[] Steps, int NowOffset)
    {
        public override string ToString() =>
            $"{Calendar} | start {Start} | targets [{string.Join(",", Targets)}] business [{string.Join(",", Business)}] pauses [{string.Join(",", PausedBy)}] " +
            $"stages [{string.Join(",", Stages)}] newCycle {NewCycle} onSite {OnSite} | now +{NowOffset} | {string.Join("; ", Steps.Select(s => $"{s.Pick}+{s.Gap}/{s.Choice}"))}";
    }

    /// <summary>The stock reasons, a host's own reason the agreement names, and one it does not (which pauses nothing).</summary>
    private static readonly HoldReason[] HoldReasons = [HoldReason.WaitingForCustomer, HoldReason.WaitingForThirdParty, new("awaiting-parts"), new("等待业主答复")];

    private static readonly string[] Commands = ["Assign", "Start", "Public", "Internal", "Hold", "Resume", "Refer", "Return", "Arrive", "Priority", "Resolve", "Reopen", "Close", "Cancel"];

    internal static Gen<SlaCase> Cases =>
        from calendar in CalendarGenerators.Cases(maxSpanMinutes: 0)
        from targets in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(10, 1500))), 4)
        from business in Gen.ArrayOf(Gen.Elements(true, true, false), 4)
        from pausedBy in Gen.ArrayOf(Gen.Choose(0, 7), 4)
        from stages in Gen.SubListOf(StageChoices)
        from newCycle in Gen.Elements(true, false)
        from onSite in Gen.Elements(true, false)
        from steps in Gen.Choose(0, 25).SelectMany(n => Gen.ArrayOf(
            from pick in Gen.Choose(0, 1000)
            from gap in Gen.Frequency((3, Gen.Choose(1, 120)), (1, Gen.Choose(121, 3000)))
            from choice in Gen.Choose(0, 3)
            select new HistoryStep(pick, gap, choice), n))
        from nowOffset in Gen.Choose(0, 4000)
        select new SlaCase(calendar.Spec, calendar.Start, targets, business, pausedBy, [.. stages], newCycle, onSite, steps, nowOffset);

    internal static ServiceLevelAgreement AgreementFor(SlaCase c)
    {
        var start = Instant.FromUtc(2000, 1, 1, 0, 0);
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "random", AgreementKind.ServiceLevel, start);
        sla.SetCalendar("cal", start);
        for (var i = 0; i < Metrics.Length; i++)
        {
            var basis = c.Business[i] ? TimeBasis.BusinessTime : TimeBasis.CalendarTime;
            var minutes = c.Targets[i] == 0 && i == 2 ? 240 : c.Targets[i];
            if (minutes > 0)
            {
                sla.AddTarget(Metrics[i], null, null, Duration.FromMinutes(minutes), basis, start);
                sla.AddTarget(Metrics[i], Priority.P1, null, Duration.FromMinutes(Math.Max(5, minutes / 3)), basis, start);
            }
        }

        sla.PauseOn(HoldReason.WaitingForCustomer, Metrics.Where((_, i) => (c.PausedBy[i] & 1) != 0), start);
        sla.PauseOn(HoldReason.WaitingForThirdParty, Metrics.Where((_, i) => (c.PausedBy[i] & 2) != 0), start);
        sla.PauseOn(HoldReasons[2], Metrics.Where((_, i) => (c.PausedBy[i] & 4) != 0), start); // the host's own reason; HoldReasons[3] has no rule
        sla.SetWarningStages(c.Stages, start);
        sla.SetReopenBehaviour(c.NewCycle ? ReopenBehaviour.NewCycle : ReopenBehaviour.ContinueClock, start);
        sla.Publish(start, start);
        return sla;
    }

    /// <summary>Runs each step on a real ticket, choosing among the commands the ticket accepts, so histories are valid and varied.</summary>
    internal static Ticket TicketFor(SlaCase c, ServiceLevelAgreement sla)
    {
        var staff = new StaffId("s1");
        var ticket = Ticket.Open(new TicketId("T"), new CustomerId("C"), TicketKind.RepairRequest, Channel.Hotline, Priority.P3, staff, ServiceTier.Gold, c.Start, sla.Reference, c.OnSite);
        var now = c.Start;
        foreach (var step in c.Steps)
        {
            now += Duration.FromMinutes(step.Gap);
            var allowed = Commands.Where(command => command switch
            {
                "Assign" => ticket.CanAssign(),
                "Start" => ticket.CanStartWork(),
                "Public" or "Internal" => ticket.CanRecordResponse(),
                "Hold" => ticket.CanHold(),
                "Resume" => ticket.CanResume(),
                "Refer" => ticket.CanReferToThirdParty(),
                "Return" => ticket.CanRecordThirdPartyReturn(),
                "Arrive" => ticket.CanRecordOnSiteArrival(),
                "Priority" => ticket.CanChangePriority(),
                "Resolve" => ticket.CanResolve(),
                "Reopen" => ticket.CanReopen(),
                "Close" => ticket.CanClose(),
                "Cancel" => ticket.CanCancel(),
                _ => false,
            }).ToList();

            // Close and cancel end the history; make them rarer so that lives are long.
            var command = allowed.Count == 0 ? "none" : allowed[step.Pick % allowed.Count];
            if (command is "Close" or "Cancel" && step.Pick % 5 != 0)
            {
                command = allowed[(step.Pick + 1) % allowed.Count];
            }

            switch (command)
            {
                case "Assign": ticket.Assign(staff, null, now); break;
                case "Start": ticket.StartWork(now); break;
                case "Public": ticket.RecordResponse(staff, true, now); break;
                case "Internal": ticket.RecordResponse(staff, false, now); break;
                case "Hold": ticket.Hold(HoldReasons[step.Choice % HoldReasons.Length], now); break;
                case "Resume": ticket.Resume(now); break;
                case "Refer": ticket.ReferToThirdParty("vendor", now); break;
                case "Return": ticket.RecordThirdPartyReturn("done", now); break;
                case "Arrive": ticket.RecordOnSiteArrival(staff, now); break;
                case "Priority" when ticket.Priority != (Priority)(step.Choice + 1): ticket.ChangePriority((Priority)(step.Choice + 1), now); break;
                case "Resolve": ticket.Resolve(staff, now); break;
                case "Reopen": ticket.Reopen("again", now); break;
                case "Close": ticket.Close(now); break;
                case "Cancel": ticket.Cancel("dup", now); break;
            }
        }

        return ticket;
    }

    [Property(MaxTest = 1000, Replay = PropertyRuns.Replay)]
    public Property Evaluation_OnRandomHistories_AgreesWithTheMinuteByMinuteReference()
    {
        return Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var calendar = c.Calendar.Build();
            var sla = AgreementFor(c);
            var ticket = TicketFor(c, sla);
            var now = ticket.LastEventAt + Duration.FromMinutes(c.NowOffset) - Duration.FromMinutes(c.NowOffset % 7 == 0 ? (long)(ticket.LastEventAt - c.Start).TotalMinutes / 2 : 0);
            now = now < c.Start ? c.Start : now;

            var evaluation = SlaClock.EvaluateTicket(ticket.History, sla, CalendarLookup.Of("cal", calendar), now);

            Instant? expectedNext = null;
            var expectedMetrics = 0;
            foreach (var metric in Metrics)
            {
                var expected = ReferenceClock.Evaluate(ticket.History, sla, calendar.IsOpen, metric, now, horizonMinutes: (int)Horizon.TotalMinutes);
                if (expected is null)
                {
                    Assert.DoesNotContain(evaluation.Statuses, s => s.Metric == metric);
                    continue;
                }

                expectedMetrics++;
                var actual = Assert.Single(evaluation.Statuses, s => s.Metric == metric);
                expected.AssertMatches(actual, now, Horizon);

                expectedNext = expected.NextChange is { } n && (expectedNext is null || n < expectedNext) ? n : expectedNext;
            }

            Assert.Equal(expectedMetrics, evaluation.Statuses.Count);
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
