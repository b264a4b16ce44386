using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Policies.Escalation;

namespace ServiceQuality.Policies.Tests.Assessment;

public sealed class AssessmentTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);
    private static readonly IReadOnlyList<IEscalationRule> Rules = [.. EscalationRules.DefaultTimeRules(), EscalationRules.OnSeverity(Severity.Major, 2)];
    private static readonly CaseAssessor Assessor = new(CalendarLookup.From([]), EscalationPolicies.HighestOf(EscalationLadder.Default, [.. Rules]));

    private static ServiceLevelAgreement Sla()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "24x7", AgreementKind.ServiceLevel, T0);
        sla.AddTarget(Metric.Resolution, null, null, Duration.FromHours(4), TimeBasis.CalendarTime, T0);
        sla.AddTarget(Metric.ComplaintResolution, null, null, Duration.FromHours(8), TimeBasis.CalendarTime, T0);
        sla.SetWarningStages([50m], T0);
        sla.Publish(T0, T0);
        return sla;
    }

    [Fact]
    public void AssessTicket_ReadsTheLevelFromTheTicketAndSaysWhenToLookAgain()
    {
        var sla = Sla();
        var ticket = Ticket.Open(new TicketId("T"), new CustomerId("C"), TicketKind.FaultReport, Channel.Hotline, Priority.P2, new StaffId("s"), ServiceTier.Gold, T0, sla.Reference);

        var early = Assessor.AssessTicket(ticket, sla, T0 + Duration.FromHours(1));
        var late = Assessor.AssessTicket(ticket, sla, T0 + Duration.FromHours(3));

        // Next: the 50 % stage at 2 h (the SLA's own), then 75 % (3 h, an escalation rule), 100 % (4 h), 150 % (6 h).
        Assert.False(early.Escalation.Fires);
        Assert.Equal(T0 + Duration.FromHours(2), early.NextChangeAt);
        Assert.Equal(1, late.Escalation.Step!.Level);
        Assert.Equal(T0 + Duration.FromHours(4), late.NextChangeAt);

        Assert.True(late.Escalation.ApplyTo(ticket, T0 + Duration.FromHours(3)));
        var again = Assessor.AssessTicket(ticket, sla, T0 + Duration.FromHours(3));
        Assert.False(again.Escalation.Fires);
        Assert.Equal(T0 + Duration.FromHours(4), again.NextChangeAt);

        Assert.True(Assessor.AssessTicket(ticket, sla, T0 + Duration.FromHours(4)).Escalation.ApplyTo(ticket, T0 + Duration.FromHours(4)));
        Assert.Equal(T0 + Duration.FromHours(6), Assessor.AssessTicket(ticket, sla, T0 + Duration.FromHours(5)).NextChangeAt);
        Assert.True(Assessor.AssessTicket(ticket, sla, T0 + Duration.FromHours(6)).Escalation.ApplyTo(ticket, T0 + Duration.FromHours(6)));

        var top = Assessor.AssessTicket(ticket, sla, T0 + Duration.FromHours(7));
        Assert.False(top.Escalation.Fires);
        Assert.Null(top.NextChangeAt);
        Assert.Equal([1, 2, 3], ticket.Escalation.Escalations.Select(e => e.Level));
        Assert.Equal(["time.75", "time.100", "time.150"], ticket.Escalation.Escalations.Select(e => e.Reason));
    }

    [Fact]
    public void AssessComplaint_ReadsTheLevelFromTheComplaint_SoAnAppliedDecisionIsNotProposedAgain()
    {
        var sla = Sla();
        var complaint = Complaint.Receive(new ComplaintId("K"), new CustomerId("C"), Channel.Letter, ComplaintCategory.ServiceAttitude, Severity.Major, T0);

        var first = Assessor.AssessComplaint(complaint, ServiceTier.Ordinary, sla, T0);
        Assert.True(first.Escalation.ApplyTo(complaint, T0));
        var second = Assessor.AssessComplaint(complaint, ServiceTier.Ordinary, sla, T0 + Duration.FromHours(1));

        Assert.Equal(2, complaint.Escalation.Level);
        Assert.False(second.Escalation.Fires);
        Assert.False(second.Escalation.ApplyTo(complaint, T0 + Duration.FromHours(1)));
        Assert.Single(complaint.Escalation.Escalations);
    }

    [Fact]
    public void ACaseThatAcceptsNoEscalation_GetsNoDecision()
    {
        var sla = Sla();
        var ticket = Ticket.Open(new TicketId("T"), new CustomerId("C"), TicketKind.FaultReport, Channel.Hotline, Priority.P2, new StaffId("s"), ServiceTier.Gold, T0, sla.Reference);
        ticket.Cancel("duplicate", T0 + Duration.FromMinutes(5));

        var assessment = Assessor.AssessTicket(ticket, sla, T0 + Duration.FromHours(7));

        Assert.False(assessment.Escalation.Fires);
        Assert.False(ticket.CanEscalate());
    }

    [Fact]
    public void AssessComplaint_EscalatesAMajorComplaintAtOnce()
    {
        var sla = Sla();
        var complaint = Complaint.Receive(new ComplaintId("K"), new CustomerId("C"), Channel.Letter, ComplaintCategory.ServiceAttitude, Severity.Major, T0);

        var assessment = Assessor.AssessComplaint(complaint, ServiceTier.Ordinary, sla, T0);

        Assert.Equal((2, "severity.major"), (assessment.Escalation.Step!.Level, assessment.Escalation.ReasonCode));
        Assert.Equal(T0 + Duration.FromHours(4), assessment.NextChangeAt);
    }

    [Fact]
    public void Scheduler_ReturnsOnlyDueCasesEarliestFirstAndHonoursReschedules()
    {
        var scheduler = new AssessmentScheduler<string>();
        scheduler.Schedule("a", T0 + Duration.FromHours(3));
        scheduler.Schedule("b", T0 + Duration.FromHours(1));
        scheduler.Schedule("c", T0 + Duration.FromHours(2));
        scheduler.Schedule("c", T0 + Duration.FromHours(5));
        scheduler.Schedule("d", T0);
        scheduler.Schedule("d", null);

        Assert.Equal(3, scheduler.Count);
        Assert.Equal(T0 + Duration.FromHours(1), scheduler.NextDueAt);
        Assert.Equal(["b", "a"], scheduler.TakeDue(T0 + Duration.FromHours(3)));
        Assert.Empty(scheduler.TakeDue(T0 + Duration.FromHours(4)));
        Assert.Equal(["c"], scheduler.TakeDue(T0 + Duration.FromHours(5)));
        Assert.Null(scheduler.NextDueAt);
    }

    [Property(MaxTest = 500, Replay = PropertyRuns.Replay)]
    public Property Scheduler_TakesExactlyTheCasesWhoseLatestScheduleIsDue() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Zip(Gen.Choose(0, 20), Gen.Choose(-1, 100))).ToArbitrary(),
            operations =>
            {
                var scheduler = new AssessmentScheduler<int>();
                var model = new Dictionary<int, Instant>();
                foreach (var (key, minutes) in operations)
                {
                    Instant? at = minutes < 0 ? null : T0 + Duration.FromMinutes(minutes);
                    scheduler.Schedule(key, at);
                    if (at is { } when)
                    {
                        model[key] = when;
                    }
                    else
                    {
                        model.Remove(key);
                    }
                }

                var now = T0 + Duration.FromMinutes(50);
                var expected = model.Where(p => p.Value <= now).OrderBy(p => p.Value).Select(p => p.Key).ToHashSet();
                var taken = scheduler.TakeDue(now);
                Assert.Equal(expected, taken.ToHashSet());
                Assert.Equal(taken.Count, taken.Distinct().Count());
                Assert.Equal(model.Count - expected.Count, scheduler.Count);
            });
}
