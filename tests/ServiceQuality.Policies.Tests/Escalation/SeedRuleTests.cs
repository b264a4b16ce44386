using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Testing;

namespace ServiceQuality.Policies.Tests.Escalation;

/// <summary>
/// Worked examples of the practice's seed rules (<see cref="EscalationRules.PracticeDefaults"/>) on tickets and complaints
/// alike, assessed as a host would: notifications deferred to the desk's open hours except what must be told at once.
/// </summary>
public sealed class SeedRuleTests
{
    private static readonly BusinessCalendar Desk = ReferenceCalendars.ChinaServiceCentre2025;
    private static readonly Instant Published = Instant.FromUtc(2025, 1, 1, 0, 0);
    private static readonly ServiceLevelAgreement Agreement = CreateAgreement();

    /// <summary>Friday 7 March 2025, 21:00 in Shanghai: the desk (09:00–18:00 on working days) is closed until Monday.</summary>
    private static readonly Instant FridayNight = new LocalDateTime(2025, 3, 7, 21, 0).InZoneStrictly(Desk.Zone).ToInstant();

    private static readonly Instant MondayMorning = new LocalDateTime(2025, 3, 10, 9, 0).InZoneStrictly(Desk.Zone).ToInstant();

    private static readonly CaseAssessor Assessor = new(
        CalendarLookup.Of("desk", Desk),
        EscalationPolicies.DeferredToOpenHours(EscalationPolicies.HighestOf(EscalationLadder.Default, [.. EscalationRules.PracticeDefaults(Money.Yuan(10_000))]), Desk));

    private static ServiceLevelAgreement CreateAgreement()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "desk", AgreementKind.ServiceLevel, Published);
        sla.SetCalendar("desk", Published);
        sla.AddTarget(Metric.Resolution, null, null, Duration.FromHours(16), TimeBasis.BusinessTime, Published);
        sla.AddTarget(Metric.ComplaintResolution, null, null, Duration.FromDays(3), TimeBasis.BusinessTime, Published);
        sla.SetLossReporting(new LossReporting(Money.Yuan(10_000), 3), Published);
        sla.Publish(Published, Published);
        return sla;
    }

    private static Ticket OpenTicket(Priority priority, ServiceTier tier, Money? loss = null) =>
        Ticket.Open(new TicketId("T-1"), new CustomerId("C-1"), TicketKind.FaultReport, Channel.Hotline, priority, new StaffId("agent"), tier, FridayNight, Agreement.Reference, claimedLoss: loss);

    private static Complaint ReceiveComplaint(Severity severity, Money? loss = null) =>
        Complaint.Receive(new ComplaintId("K-1"), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.DamageOrLoss, severity, FridayNight, claimedLoss: loss);

    [Fact]
    public void AKeyCustomersP1Ticket_IsAMajorIncident_AtLevel2_ToldAtOnce()
    {
        var ticket = OpenTicket(Priority.P1, ServiceTier.Key);

        var decision = Assessor.AssessTicket(ticket, Agreement, FridayNight).Escalation;

        Assert.Equal((2, "severity.major", true, FridayNight), (decision.Step!.Level, decision.ReasonCode, decision.Immediate, decision.NotifyAt!.Value));
        Assert.True(decision.ApplyTo(ticket, FridayNight));
        Assert.Equal(2, ticket.Escalation.Level);
    }

    [Fact]
    public void AKeyCustomersOrdinaryTicket_GoesToTheTeamLead_InOpenHours()
    {
        var ticket = OpenTicket(Priority.P3, ServiceTier.Key);

        var decision = Assessor.AssessTicket(ticket, Agreement, FridayNight).Escalation;

        Assert.Equal((1, "customer.key", false, MondayMorning), (decision.Step!.Level, decision.ReasonCode, decision.Immediate, decision.NotifyAt!.Value));
    }

    [Fact]
    public void AnOrdinaryCustomersP2Ticket_DoesNotEscalateOnArrival()
    {
        var ticket = OpenTicket(Priority.P2, ServiceTier.Ordinary);

        Assert.False(Assessor.AssessTicket(ticket, Agreement, FridayNight).Escalation.Fires);
    }

    [Fact]
    public void AMajorComplaintOnFridayNight_IsNotifiedAtOnce_NotOnMonday()
    {
        var complaint = ReceiveComplaint(Severity.Major);

        var decision = Assessor.AssessComplaint(complaint, ServiceTier.Ordinary, Agreement, FridayNight).Escalation;

        Assert.Equal((2, "severity.major", true, FridayNight), (decision.Step!.Level, decision.ReasonCode, decision.Immediate, decision.NotifyAt!.Value));
    }

    [Fact]
    public void AMinorComplaintFromAVip_WaitsForOpenHours()
    {
        var complaint = ReceiveComplaint(Severity.Minor);

        var decision = Assessor.AssessComplaint(complaint, ServiceTier.Vip, Agreement, FridayNight).Escalation;

        Assert.Equal((1, "customer.vip", MondayMorning), (decision.Step!.Level, decision.ReasonCode, decision.NotifyAt!.Value));
    }

    [Fact]
    public void AClaimedLossOf12000Yuan_GoesToLevel3_ReportedTheSameDay()
    {
        var complaint = ReceiveComplaint(Severity.Minor, Money.Yuan(12_000));

        var assessment = Assessor.AssessComplaint(complaint, ServiceTier.Ordinary, Agreement, FridayNight);

        Assert.Equal((3, "claimed-loss", true, FridayNight), (assessment.Escalation.Step!.Level, assessment.Escalation.ReasonCode, assessment.Escalation.Immediate, assessment.Escalation.NotifyAt!.Value));
        Assert.Equal(FridayNight.InZone(Desk.Zone).Date, assessment.Escalation.NotifyAt!.Value.InZone(Desk.Zone).Date);
        var running = LossReport(assessment.Sla);
        Assert.Equal((SlaState.Running, FridayNight + Duration.FromHours(3)), (running.State, running.DueAt!.Value)); // midnight in Shanghai

        Assert.True(assessment.Escalation.ApplyTo(complaint, FridayNight));
        var after = Assessor.AssessComplaint(complaint, ServiceTier.Ordinary, Agreement, MondayMorning);

        Assert.Equal(SlaState.Met, LossReport(after.Sla).State);
        Assert.NotEqual(3, after.Escalation.Step?.Level);
    }

    [Fact]
    public void ATicketClaimingALossOf12000Yuan_IsReportedTheSameDay_AsAComplaintIs()
    {
        var ticket = OpenTicket(Priority.P3, ServiceTier.Ordinary, Money.Yuan(12_000));
        var unreported = OpenTicket(Priority.P3, ServiceTier.Ordinary, Money.Yuan(12_000));

        var decision = Assessor.AssessTicket(ticket, Agreement, FridayNight).Escalation;
        Assert.True(decision.ApplyTo(ticket, FridayNight));

        Assert.Equal((3, "claimed-loss", true), (decision.Step!.Level, decision.ReasonCode, decision.Immediate));
        Assert.Equal(SlaState.Met, LossReport(Assessor.AssessTicket(ticket, Agreement, MondayMorning).Sla).State);
        Assert.Equal(SlaState.Missed, LossReport(Assessor.AssessTicket(unreported, Agreement, MondayMorning).Sla).State);
        Assert.Null(Assessor.AssessTicket(OpenTicket(Priority.P3, ServiceTier.Ordinary, Money.Yuan(9_999)), Agreement, FridayNight).Sla.Statuses
            .Select(s => (Metric?)s.Metric).SingleOrDefault(m => m == Metric.LossReport));
    }

    private static SlaStatus LossReport(SlaEvaluation evaluation) => evaluation.Statuses.Single(s => s.Metric == Metric.LossReport);

    [Fact]
    public void AResolvedTicket_IsNoLongerEscalatedForItsCustomerOrPriority()
    {
        var ticket = OpenTicket(Priority.P1, ServiceTier.Key);
        ticket.Assign(new StaffId("agent"), null, FridayNight + Duration.FromMinutes(5));
        ticket.StartWork(FridayNight + Duration.FromMinutes(10));
        ticket.Resolve(new StaffId("agent"), FridayNight + Duration.FromMinutes(50));

        var context = new EscalationContext(FridayNight + Duration.FromHours(1), 0, [], ServiceTier.Key) { Ticket = ticket };

        Assert.Null(EscalationRules.OnSeverity(Severity.Major, 2).Propose(context));
        Assert.Null(EscalationRules.KeyCustomer(ServiceTier.Vip, 1).Propose(context));
    }
}
