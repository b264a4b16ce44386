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

/// <summary>
/// The clocks of an SLA, an OLA per team and an underpinning contract on one ticket against the minute-by-minute reference,
/// on random calendars and histories with assignments and transfers between teams and referrals to a third party.
/// </summary>
public sealed class AgreementsReferenceTests
{
    private static readonly Duration Horizon = Duration.FromDays(120);
    private static readonly Metric[] Metrics = [Metric.FirstResponse, Metric.NextResponse, Metric.Resolution, Metric.OnSiteArrival];
    private static readonly DepartmentId?[] Teams = [new DepartmentId("desk"), new DepartmentId("field"), null];
    private static readonly StaffId[] Staff = [new("s1"), new("s2"), new("s3")];

    /// <summary>The SLA of the random case, and copies of its terms as an OLA of the field team, an OLA without a team, and an underpinning contract.</summary>
    private static ServiceLevelAgreement[] Agreements(SlaClockReferenceTests.SlaCase c)
    {
        var sla = SlaClockReferenceTests.AgreementFor(c);
        var start = sla.EffectiveFrom!.Value;
        ServiceLevelAgreement Copy(string id, AgreementKind kind, DepartmentId? team)
        {
            var copy = ServiceLevelAgreement.Draft(new AgreementId(id), id, kind, start);
            copy.SetCalendar("cal", start);
            foreach (var target in sla.Targets)
            {
                copy.AddTarget(target, start);
            }

            foreach (var pause in sla.PauseRules)
            {
                copy.PauseOn(pause.Reason, pause.Metrics, start);
            }

            copy.SetWarningStages(sla.WarningStages, start);
            copy.SetReopenBehaviour(sla.Reopen, start);
            if (team is not null)
            {
                copy.SetTeam(team, start);
            }

            copy.Publish(start, start);
            return copy;
        }

        return [sla, Copy("OLA-field", AgreementKind.OperationalLevel, Teams[1]), Copy("OLA-all", AgreementKind.OperationalLevel, null), Copy("UC", AgreementKind.UnderpinningContract, null)];
    }

    /// <summary>The random ticket of the SLA reference tests, with its assignments and transfers spread over teams, opened under every agreement.</summary>
    private static Ticket TicketFor(SlaClockReferenceTests.SlaCase c, ServiceLevelAgreement[] agreements)
    {
        var ticket = Ticket.Open(
            new TicketId("T"), new CustomerId("C"), TicketKind.RepairRequest, Channel.Hotline, Priority.P3, Staff[0], ServiceTier.Gold, c.Start,
            agreements[0].Reference, c.OnSite, otherAgreements: agreements.Skip(1).Select(a => a.Reference));
        var now = c.Start;
        foreach (var step in c.Steps)
        {
            now += Duration.FromMinutes(step.Gap);
            var team = Teams[step.Choice % Teams.Length];
            var someone = Staff[step.Pick % Staff.Length];
            switch (step.Pick % 9)
            {
                case 0 when ticket.CanAssign():
                    ticket.Assign(someone, team, now);
                    break;
                case 1 when ticket.CanTransfer() && ticket.Assignee != someone:
                    ticket.Transfer(someone, team, now);
                    break;
                case 2 when ticket.CanReferToThirdParty():
                    ticket.ReferToThirdParty("vendor", now);
                    break;
                case 2 or 3 when ticket.CanStartWork():
                    ticket.StartWork(now);
                    break;
                case 3 when ticket.CanRecordThirdPartyReturn():
                    ticket.RecordThirdPartyReturn("done", now);
                    break;
                case 4 when ticket.CanResolve():
                    ticket.Resolve(someone, now);
                    break;
                case 5 when ticket.CanReopen():
                    ticket.Reopen("again", now);
                    break;
                case 6 when ticket.CanRecordResponse():
                    ticket.RecordResponse(someone, true, now);
                    break;
                case 7 when ticket.CanHold():
                    ticket.Hold(step.Choice % 2 == 0 ? HoldReason.WaitingForCustomer : new HoldReason("awaiting-parts"), now);
                    break;
                case 7 when ticket.CanResume():
                    ticket.Resume(now);
                    break;
                case 8 when ticket.CanChangePriority() && ticket.Priority != (Priority)(step.Choice + 1):
                    ticket.ChangePriority((Priority)(step.Choice + 1), now);
                    break;
                case 8 when ticket.CanRecordOnSiteArrival():
                    ticket.RecordOnSiteArrival(someone, now);
                    break;
            }
        }

        return ticket;
    }

    [Property(MaxTest = 1000, Replay = PropertyRuns.Replay)]
    public Property EveryAgreementOnTheCase_OnRandomHistories_AgreesWithTheMinuteByMinuteReference() =>
        Prop.ForAll(SlaClockReferenceTests.Cases.ToArbitrary(), c =>
        {
            var calendar = c.Calendar.Build();
            var agreements = Agreements(c);
            var ticket = TicketFor(c, agreements);
            var now = ticket.LastEventAt + Duration.FromMinutes(c.NowOffset % 600);

            var evaluation = SlaClock.EvaluateTicket(ticket.History, agreements, CalendarLookup.Of("cal", calendar), now);

            var expectedCount = 0;
            foreach (var agreement in agreements)
            {
                foreach (var metric in Metrics)
                {
                    var expected = ReferenceClock.Evaluate(ticket.History, agreement, calendar.IsOpen, metric, now, horizonMinutes: (int)Horizon.TotalMinutes);
                    if (expected is null)
                    {
                        Assert.DoesNotContain(evaluation.Statuses, s => s.Metric == metric && s.Agreement == agreement.Reference);
                        continue;
                    }

                    expectedCount++;
                    expected.AssertMatches(Assert.Single(evaluation.Statuses, s => s.Metric == metric && s.Agreement == agreement.Reference), now, Horizon);
                }
            }

            Assert.Equal(expectedCount, evaluation.Statuses.Count);

            // Laws: every started clock's breakdown sums exactly to its elapsed time, and the cycles kept account for every missed cycle.
            foreach (var status in evaluation.Statuses.Where(s => s.State != SlaState.NotApplicable && s.Metric != Metric.LossReport))
            {
                var breakdown = Assert.Single(evaluation.Breakdowns, b => b.Agreement == status.Agreement && b.Metric == status.Metric);
                Assert.Equal(status.Elapsed, breakdown.Shares.Aggregate(Duration.Zero, (sum, share) => sum + share.Elapsed));
                Assert.Equal(status.BreachedAt is not null, breakdown.AtBreach is not null);
            }

            foreach (var status in evaluation.Statuses)
            {
                var cycles = evaluation.CompletedCycles.Where(k => k.Agreement == status.Agreement && k.Metric == status.Metric).ToList();
                Assert.Equal(status.MissedCycles, cycles.Count(k => k.State == SlaState.Missed) + (status.State == SlaState.Missed ? 1 : 0));
                Assert.All(cycles, k => Assert.True(k.Cycle < status.Cycle && k.StartedAt <= k.StoppedAt, $"{k} before {status}"));
            }

            // The SLA alone evaluates as it did before OLAs and contracts existed.
            var alone = SlaClock.EvaluateTicket(ticket.History, agreements[0], CalendarLookup.Of("cal", calendar), now);
            Assert.Equal(alone.Statuses, evaluation.Statuses.Where(s => s.Agreement == agreements[0].Reference));
        });
}
