using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;

namespace ServiceQuality.Domain.Tests.ServiceLevels;

/// <summary>
/// The department's handling deadline (处理时限) set when an investigation is assigned is a measured complaint metric:
/// met, missed with its breach instant, re-set by a re-assignment, cancelled by a withdrawal.
/// </summary>
public sealed class InvestigationDeadlineTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);
    private static readonly StaffId Investigator = new("investigator");
    private static readonly DepartmentId Repairs = new("repairs");
    private static readonly ServiceLevelAgreement Sla = CreateSla();

    private static ServiceLevelAgreement CreateSla()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "complaints", AgreementKind.ServiceLevel, T0);
        sla.AddTarget(Metric.ComplaintResolution, null, null, Duration.FromDays(5), TimeBasis.CalendarTime, T0);
        sla.Publish(T0, T0);
        return sla;
    }

    private static Instant Hours(double hours) => T0 + Duration.FromMinutes((long)(hours * 60));

    private static Complaint Investigated(double assignedAt, double deadline)
    {
        var complaint = Complaint.Receive(new ComplaintId("K-1"), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.Delay, Severity.Major, T0);
        complaint.Register(Hours(0.5));
        complaint.AssignInvestigation(Repairs, Investigator, Hours(deadline), Hours(assignedAt));
        return complaint;
    }

    private static SlaStatus? Status(Complaint complaint, Instant now) =>
        SlaClock.EvaluateComplaint(complaint.History, ServiceTier.Gold, Sla, CalendarLookup.From([]), now).Statuses
            .Where(s => s.Metric == Metric.InvestigationDeadline).Cast<SlaStatus?>().SingleOrDefault();

    [Fact]
    public void AnInvestigationPastItsDeadline_IsMissed_AtTheDeadline()
    {
        var complaint = Investigated(assignedAt: 1, deadline: 25);

        var running = Status(complaint, Hours(10))!.Value;
        var late = Status(complaint, Hours(30))!.Value;

        Assert.Equal((SlaState.Running, Hours(25), Duration.FromHours(24), Duration.FromHours(9)), (running.State, running.DueAt!.Value, running.Target, running.Elapsed));
        Assert.Equal((SlaState.Missed, Hours(25), 1), (late.State, late.BreachedAt!.Value, late.MissedCycles));
        Assert.Null(late.DueAt);
    }

    [Fact]
    public void AnInvestigationDueCenturiesAhead_ReportsItsDeadlineExactly()
    {
        // Far beyond any calendar's range (and the nanosecond positions a status otherwise keeps): the status keeps the instant itself.
        var deadline = Instant.FromUtc(3000, 1, 1, 0, 0);
        var complaint = Complaint.Receive(new ComplaintId("K-1"), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.Delay, Severity.Major, T0);
        complaint.Register(Hours(0.5));
        complaint.AssignInvestigation(Repairs, Investigator, deadline, Hours(1));

        var running = Status(complaint, Hours(10))!.Value;

        Assert.Equal((SlaState.Running, deadline, Hours(1), deadline - Hours(1)), (running.State, running.DueAt!.Value, running.StartedAt!.Value, running.Target));
        Assert.Null(running.BreachedAt);
        Assert.Null(running.StoppedAt);
    }

    [Fact]
    public void ADefaultStatus_HasNoInstantsAndNoTime()
    {
        var status = default(SlaStatus);

        Assert.Equal((null, null, null, null), (status.DueAt, status.BreachedAt, status.StartedAt, status.StoppedAt));
        Assert.Equal((Duration.Zero, Duration.Zero), (status.Target, status.Elapsed));
    }

    [Fact]
    public void ARespondedInvestigation_IsMetOrMissed_ByTheResponseAgainstTheDeadline()
    {
        var onTime = Investigated(assignedAt: 1, deadline: 25);
        onTime.Respond("found the fault", "repair", Hours(25));
        var late = Investigated(assignedAt: 1, deadline: 25);
        late.Respond("found the fault", "repair", Hours(26));

        Assert.Equal((SlaState.Met, Hours(25), (Instant?)null), (Status(onTime, Hours(40))!.Value.State, Status(onTime, Hours(40))!.Value.StoppedAt!.Value, Status(onTime, Hours(40))!.Value.BreachedAt));
        Assert.Equal((SlaState.Missed, Hours(25), Duration.FromHours(25)), (Status(late, Hours(40))!.Value.State, Status(late, Hours(40))!.Value.BreachedAt!.Value, Status(late, Hours(40))!.Value.Elapsed));
    }

    [Fact]
    public void AReassignment_SetsANewDeadline_AndTheNextChangeIsThatDeadline()
    {
        var complaint = Investigated(assignedAt: 1, deadline: 25);
        complaint.AssignInvestigation(new DepartmentId("engineering"), Investigator, Hours(49), Hours(20));

        var evaluation = SlaClock.EvaluateComplaint(complaint.History, ServiceTier.Gold, Sla, CalendarLookup.From([]), Hours(30));
        var status = evaluation.Statuses.Single(s => s.Metric == Metric.InvestigationDeadline);

        Assert.Equal((SlaState.Running, Hours(49), Hours(1)), (status.State, status.DueAt!.Value, status.StartedAt!.Value));
        Assert.Equal(Hours(49), evaluation.NextChangeAt);
    }

    [Fact]
    public void AWithdrawnComplaint_CancelsTheInvestigationClock_AndNoInvestigationMeansNoStatus()
    {
        var complaint = Investigated(assignedAt: 1, deadline: 25);
        complaint.Withdraw("settled", Hours(5));
        var fresh = Complaint.Receive(new ComplaintId("K-2"), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.Delay, Severity.Minor, T0);

        Assert.Equal(SlaState.Cancelled, Status(complaint, Hours(40))!.Value.State);
        Assert.Null(Status(fresh, Hours(40)));
        Assert.Null(Status(Investigated(assignedAt: 1, deadline: 25), Hours(0.75)));
    }

    [Fact]
    public void AnAgreement_CannotSetATargetForTheInvestigationDeadline()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA-2"), "x", AgreementKind.ServiceLevel, T0);

        var refusal = Assert.Throws<ArgumentException>(() => sla.AddTarget(Metric.InvestigationDeadline, null, null, Duration.FromHours(4), TimeBasis.CalendarTime, T0));

        Assert.Equal("target", refusal.ParamName);
        Assert.Empty(sla.Targets);
    }
}
