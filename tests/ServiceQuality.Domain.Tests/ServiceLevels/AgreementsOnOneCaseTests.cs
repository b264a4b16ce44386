using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Tests.ServiceLevels;

/// <summary>
/// Worked example of several agreements on one case: a P1 ticket moved from the service desk to the field team, referred
/// by the field team to a lift supplier and returned, measured against the customer SLA, an OLA per team and the
/// supplier's underpinning contract — every figure computed by hand below.
/// </summary>
public sealed class AgreementsOnOneCaseTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Instant Drafted = Instant.FromUtc(2025, 1, 1, 0, 0);
    private static readonly DepartmentId Desk = new("desk");
    private static readonly DepartmentId Field = new("field");

    /// <summary>Monday to Friday, 09:00–17:00 in Shanghai, no holidays.</summary>
    private static BusinessCalendar Calendar()
    {
        var builder = BusinessCalendar.CreateBuilder(Shanghai);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.AddOpenHours(day, new LocalTime(9, 0), new LocalTime(17, 0));
        }

        return builder.Build();
    }

    private static Instant Local(int day, int hour, int minute = 0) => new LocalDateTime(2025, 3, day, hour, minute).InZoneStrictly(Shanghai).ToInstant();

    private static ServiceLevelAgreement Agreement(string id, AgreementKind kind, Duration resolution, DepartmentId? team = null, bool pausedByReferral = false)
    {
        var agreement = ServiceLevelAgreement.Draft(new AgreementId(id), id, kind, Drafted);
        agreement.SetCalendar("office", Drafted);
        agreement.AddTarget(Metric.Resolution, Priority.P1, null, resolution, TimeBasis.BusinessTime, Drafted);
        if (kind == AgreementKind.ServiceLevel)
        {
            agreement.AddTarget(Metric.FirstResponse, Priority.P1, null, Duration.FromMinutes(30), TimeBasis.BusinessTime, Drafted);
        }

        if (team is not null)
        {
            agreement.SetTeam(team, Drafted);
        }

        if (pausedByReferral)
        {
            agreement.PauseOn(HoldReason.WaitingForThirdParty, [Metric.Resolution], Drafted);
        }

        agreement.Publish(Drafted, Drafted);
        return agreement;
    }

    [Fact]
    public void P1Case_AcrossDeskFieldAndSupplier_IsMeasuredByEveryAgreementOnIt()
    {
        var sla = Agreement("PM-SLA", AgreementKind.ServiceLevel, Duration.FromHours(8), pausedByReferral: true);
        var deskOla = Agreement("OLA-desk", AgreementKind.OperationalLevel, Duration.FromHours(1), Desk);
        var fieldOla = Agreement("OLA-field", AgreementKind.OperationalLevel, Duration.FromHours(4), Field, pausedByReferral: true);
        var lift = Agreement("UC-lift", AgreementKind.UnderpinningContract, Duration.FromHours(2));
        var catalog = new AgreementCatalog([sla, deskOla, fieldOla, lift]);
        var profile = CaseProfile.ForTicket(ServiceTier.Gold, new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P1);
        var chosen = catalog.Select(profile, Local(3, 9));
        Assert.Equal([sla.Published, deskOla.Published, fieldOla.Published, lift.Published], chosen);

        var (agent, tech) = (new StaffId("agent"), new StaffId("tech"));
        var ticket = Ticket.Open(
            new TicketId("T-1"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P1, agent, ServiceTier.Gold, Local(3, 9),
            chosen[0].Reference, otherAgreements: chosen.Skip(1).Select(a => a.Reference));
        ticket.Assign(agent, Desk, Local(3, 9, 10));                // Monday 09:10, the desk holds it
        ticket.RecordResponse(agent, true, Local(3, 9, 20));        // first response after 20 minutes
        ticket.Transfer(tech, Field, Local(3, 10, 40));             // the desk held it 1 h 30 min
        ticket.StartWork(Local(3, 11));
        ticket.ReferToThirdParty("lift supplier", Local(3, 13));   // the field team held it 2 h 20 min
        ticket.RecordThirdPartyReturn("rope replaced", Local(4, 10)); // referred Mon 13:00–17:00 and Tue 09:00–10:00: 5 h
        ticket.Resolve(tech, Local(4, 11));                         // the field team again 1 h

        var evaluation = SlaClock.EvaluateTicket(ticket.History, catalog.Recorded((ServiceQuality.Domain.Tickets.Events.TicketOpened)ticket.History[0]), CalendarLookup.Of("office", Calendar()), Local(5, 9));

        SlaStatus Status(ServiceLevelAgreement agreement, Metric metric) => Assert.Single(evaluation.Statuses, s => s.Agreement == agreement.Reference && s.Metric == metric);

        // The SLA: first response in 20 min of 30; resolution 4 h on Monday + 1 h on Tuesday, the referral paused.
        Assert.Equal((SlaState.Met, Duration.FromMinutes(20)), (Status(sla, Metric.FirstResponse).State, Status(sla, Metric.FirstResponse).Elapsed));
        Assert.Equal((SlaState.Met, Duration.FromHours(5)), (Status(sla, Metric.Resolution).State, Status(sla, Metric.Resolution).Elapsed));

        // The desk's OLA: 09:10–10:40 in the desk's hands against 1 h: missed at 10:10.
        var desk = Status(deskOla, Metric.Resolution);
        Assert.Equal((SlaState.Missed, Duration.FromMinutes(90), Local(3, 10, 10)), (desk.State, desk.Elapsed, desk.BreachedAt));

        // The field team's OLA: 10:40–13:00, paused while referred, 10:00–11:00 on Tuesday: 3 h 20 min of 4 h.
        var field = Status(fieldOla, Metric.Resolution);
        Assert.Equal((SlaState.Met, Duration.FromMinutes(200)), (field.State, field.Elapsed));

        // The supplier's contract: referred 13:00–17:00 and 09:00–10:00: 5 h against 2 h, missed at 15:00 on Monday.
        var supplier = Status(lift, Metric.Resolution);
        Assert.Equal((SlaState.Missed, Duration.FromHours(5), Local(3, 15)), (supplier.State, supplier.Elapsed, supplier.BreachedAt));
        Assert.Equal(5, evaluation.Statuses.Count);

        // The breakdown: the SLA's resolution time by holder — nobody 10 min, the desk agent 1 h 30, the technician 3 h 20
        // (Monday 10:40–13:00 and Tuesday 10:00–11:00) — and the desk agent held the case when the desk's OLA broke.
        var slaBreakdown = Assert.Single(evaluation.Breakdowns, b => b.Agreement == sla.Reference && b.Metric == Metric.Resolution);
        Assert.Equal(
            [new HolderShare(default, Duration.FromMinutes(10)), new HolderShare(new CaseHolder(agent, Desk), Duration.FromMinutes(90)), new HolderShare(new CaseHolder(tech, Field), Duration.FromMinutes(200))],
            slaBreakdown.Shares);
        Assert.Null(slaBreakdown.AtBreach);
        Assert.Equal(new CaseHolder(agent, Desk), Assert.Single(evaluation.Breakdowns, b => b.Agreement == deskOla.Reference).AtBreach);
        Assert.Equal(new CaseHolder(tech, Field), Assert.Single(evaluation.Breakdowns, b => b.Agreement == lift.Reference).AtBreach);
    }

    [Fact]
    public void ComplianceReport_OfEveryAgreementOnTheCases_GroupsByAgreementKindAndByVersion()
    {
        var sla = Agreement("PM-SLA", AgreementKind.ServiceLevel, Duration.FromHours(8), pausedByReferral: true);
        var deskOla = Agreement("OLA-desk", AgreementKind.OperationalLevel, Duration.FromHours(1), Desk);
        var fieldOla = Agreement("OLA-field", AgreementKind.OperationalLevel, Duration.FromHours(4), Field, pausedByReferral: true);
        var lift = Agreement("UC-lift", AgreementKind.UnderpinningContract, Duration.FromHours(2));
        var catalog = new AgreementCatalog([sla, deskOla, fieldOla, lift]);
        var calendars = CalendarLookup.Of("office", Calendar());
        var samples = new List<ComplianceSample>();
        foreach (var (number, deskMinutes) in new[] { (1, 30), (2, 90) })
        {
            // The desk holds each ticket for its minutes, then the field team for an hour; the second one breaks the desk's OLA.
            var versions = catalog.Select(CaseProfile.ForTicket(ServiceTier.Gold, new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P1), Local(3, 9));
            var ticket = Ticket.Open(
                new TicketId($"T-{number}"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P1, new StaffId("agent"), ServiceTier.Gold,
                Local(3, 9), versions[0].Reference, otherAgreements: versions.Skip(1).Select(v => v.Reference));
            ticket.Assign(new StaffId("agent"), Desk, Local(3, 9));
            ticket.RecordResponse(new StaffId("agent"), true, Local(3, 9, 5));
            ticket.Transfer(new StaffId("tech"), Field, Local(3, 9) + Duration.FromMinutes(deskMinutes));
            ticket.StartWork(Local(3, 9) + Duration.FromMinutes(deskMinutes + 1));
            ticket.Resolve(new StaffId("tech"), Local(3, 10) + Duration.FromMinutes(deskMinutes));
            foreach (var status in SlaClock.EvaluateTicket(ticket.History, versions, calendars, Local(5, 9)).Statuses)
            {
                samples.Add(ComplianceSample.From(status, Priority.P1, ServiceTier.Gold));
            }
        }

        var byKind = ComplianceReport.Build(samples, ComplianceDimensions.AgreementKind);
        var byVersion = ComplianceReport.Build(samples, ComplianceDimensions.Agreement | ComplianceDimensions.Metric); // by agreement id, then metric

        // Per ticket: the SLA's first response and resolution, met; each OLA's resolution; the contract never applied.
        Assert.Equal(
            [(AgreementKind.ServiceLevel, 4L, 0L, 0L), (AgreementKind.OperationalLevel, 3L, 1L, 0L), (AgreementKind.UnderpinningContract, 0L, 0L, 2L)],
            byKind.Select(g => (g.Key.AgreementKind!.Value, g.Met, g.Missed, g.NotApplicable)));
        Assert.All(byKind, g => Assert.Null(g.Key.Agreement));
        Assert.Equal(
            [(deskOla.Reference, Metric.Resolution, 1L, 1L), (fieldOla.Reference, Metric.Resolution, 2L, 0L), (sla.Reference, Metric.FirstResponse, 2L, 0L),
             (sla.Reference, Metric.Resolution, 2L, 0L), (lift.Reference, Metric.Resolution, 0L, 0L)],
            byVersion.Select(g => (g.Key.Agreement!.Value, g.Key.Metric!.Value, g.Met, g.Missed)));
        Assert.Equal(new Ratio(1, 2), Assert.Single(byVersion, g => g.Key.Agreement == deskOla.Reference).Compliance);
        Assert.All(samples, s => Assert.Equal(s.Agreement == sla.Reference ? AgreementKind.ServiceLevel : s.Agreement == lift.Reference ? AgreementKind.UnderpinningContract : AgreementKind.OperationalLevel, s.AgreementKind));
    }

    [Fact]
    public void Ola_BeforeItsTeamHoldsTheCase_DoesNotApply_AndWaitsWhileAnotherTeamHoldsIt()
    {
        var fieldOla = Agreement("OLA-field", AgreementKind.OperationalLevel, Duration.FromHours(4), Field);
        var staff = new StaffId("agent");
        var ticket = Ticket.Open(
            new TicketId("T-2"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P1, staff, ServiceTier.Gold, Local(3, 9),
            otherAgreements: [fieldOla.Reference]);
        ticket.Assign(staff, Desk, Local(3, 9, 10));
        var calendars = CalendarLookup.Of("office", Calendar());

        Assert.Equal(SlaState.NotApplicable, Assert.Single(SlaClock.EvaluateTicket(ticket.History, [fieldOla], calendars, Local(3, 12)).Statuses).State);

        ticket.Transfer(new StaffId("tech"), Field, Local(3, 12));
        ticket.Transfer(staff, Desk, Local(3, 14));
        var back = Assert.Single(SlaClock.EvaluateTicket(ticket.History, [fieldOla], calendars, Local(3, 16)).Statuses);
        Assert.Equal((SlaState.Paused, Duration.FromHours(2), (Instant?)null), (back.State, back.Elapsed, back.DueAt));
    }

    [Fact]
    public void Evaluation_WithAnotherSetThanTheCaseRecorded_IsRefused()
    {
        var sla = Agreement("PM-SLA", AgreementKind.ServiceLevel, Duration.FromHours(8));
        var ola = Agreement("OLA-field", AgreementKind.OperationalLevel, Duration.FromHours(4), Field);
        var ticket = Ticket.Open(
            new TicketId("T-3"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P1, new StaffId("a"), ServiceTier.Gold, Local(3, 9),
            sla.Reference, otherAgreements: [ola.Reference]);
        var calendars = CalendarLookup.Of("office", Calendar());

        Assert.Equal("agreements", Assert.Throws<ArgumentException>(() => SlaClock.EvaluateTicket(ticket.History, [sla], calendars, Local(3, 10))).ParamName);
        Assert.Equal("agreements", Assert.Throws<ArgumentException>(() => SlaClock.EvaluateTicket(ticket.History, [sla, ola, ola], calendars, Local(3, 10))).ParamName);
        Assert.Equal("agreements", Assert.Throws<ArgumentException>(() => SlaClock.EvaluateTicket(ticket.History, Array.Empty<AgreementVersion>(), calendars, Local(3, 10))).ParamName);
        Assert.Equal(3, SlaClock.EvaluateTicket(ticket.History, [ola, sla], calendars, Local(3, 10)).Statuses.Count);
        Assert.Throws<ArgumentException>(() => Ticket.Open(
            new TicketId("T-4"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P1, new StaffId("a"), ServiceTier.Gold, Local(3, 9),
            sla.Reference, otherAgreements: [sla.Reference]));
        Assert.Equal("otherAgreements", Assert.Throws<ArgumentException>(() => Ticket.Open(
            new TicketId("T-5"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P1, new StaffId("a"), ServiceTier.Gold, Local(3, 9),
            sla.Reference, otherAgreements: [ola.Reference, new AgreementReference(new AgreementId("UC"), 1), ola.Reference])).ParamName);
    }

    [Fact]
    public void Team_OnAnythingButAnOperationalAgreement_IsRefusedWithItsRule()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "sla", AgreementKind.ServiceLevel, Drafted);
        var error = Assert.Throws<DomainRuleViolationException>(() => sla.SetTeam(Field, Drafted));
        Assert.Equal(RuleCode.OnlyOperationalAgreementsHaveATeam, error.Rule);
        Assert.Single(sla.UncommittedEvents); // the draft alone
    }

    [Fact]
    public void Reopens_UnderNewCycles_KeepEveryCompletedCycle()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("CYCLES"), "cycles", AgreementKind.ServiceLevel, Drafted);
        sla.SetCalendar("office", Drafted);
        sla.AddTarget(Metric.Resolution, null, null, Duration.FromHours(2), TimeBasis.BusinessTime, Drafted);
        sla.SetReopenBehaviour(ReopenBehaviour.NewCycle, Drafted);
        sla.Publish(Drafted, Drafted);
        var staff = new StaffId("agent");
        var ticket = Ticket.Open(new TicketId("T-5"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P3, staff, ServiceTier.Gold, Local(3, 9), sla.Reference);
        ticket.Assign(staff, Desk, Local(3, 9));
        ticket.StartWork(Local(3, 9, 30));
        ticket.Resolve(staff, Local(3, 10));           // cycle 1: 1 h, met
        ticket.Reopen("leaks again", Local(3, 12));
        ticket.Resolve(staff, Local(3, 15));           // cycle 2: 3 h, missed at 14:00
        ticket.Reopen("still leaking", Local(4, 9));

        var evaluation = SlaClock.EvaluateTicket(ticket.History, sla, CalendarLookup.Of("office", Calendar()), Local(4, 10));

        Assert.Equal(
            [
                new SlaCycle(sla.Reference, Metric.Resolution, 1, Local(3, 9), Local(3, 10), Duration.FromHours(1), Duration.FromHours(2), SlaState.Met),
                new SlaCycle(sla.Reference, Metric.Resolution, 2, Local(3, 12), Local(3, 15), Duration.FromHours(3), Duration.FromHours(2), SlaState.Missed),
            ],
            evaluation.CompletedCycles);
        var current = Assert.Single(evaluation.Statuses);
        Assert.Equal((3, 1, SlaState.Running, Duration.FromHours(1)), (current.Cycle, current.MissedCycles, current.State, current.Elapsed));
    }
}
