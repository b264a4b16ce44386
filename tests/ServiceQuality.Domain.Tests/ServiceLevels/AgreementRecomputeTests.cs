using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Testing;

namespace ServiceQuality.Domain.Tests.ServiceLevels;

/// <summary>
/// A case keeps the tier and agreements it opened under until the host asks for a recompute
/// (<see cref="Ticket.ReselectAgreements"/>), which replaces them for the whole case from its start.
/// </summary>
public sealed class AgreementRecomputeTests
{
    private static readonly ICalendarLookup Calendars = CalendarLookup.Of("reference", ReferenceCalendars.ChinaServiceCentre2025);
    private static readonly Instant Drafted = Instant.FromUtc(2024, 12, 1, 0, 0);
    private static readonly Instant Opened = Instant.FromUtc(2025, 3, 3, 1, 0); // Monday 09:00 in Shanghai

    /// <summary>Resolution within 8 business hours for gold customers, 4 for key accounts.</summary>
    private static AgreementVersion Sla(string id = "SLA", Instant? from = null)
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId(id), "by tier", AgreementKind.ServiceLevel, Drafted);
        sla.SetCalendar("reference", Drafted);
        sla.AddTarget(Metric.Resolution, null, ServiceTier.Gold, Duration.FromHours(8), TimeBasis.BusinessTime, Drafted);
        sla.AddTarget(Metric.Resolution, null, ServiceTier.Key, Duration.FromHours(4), TimeBasis.BusinessTime, Drafted);
        sla.Publish(from ?? Drafted, Drafted);
        return sla.Published;
    }

    private static Ticket Open(AgreementVersion sla) =>
        Ticket.Open(new TicketId("T-1"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P2, new StaffId("agent"), ServiceTier.Gold, Opened, sla.Reference);

    private static SlaStatus Resolution(Ticket ticket, AgreementVersion sla, Instant now) =>
        Assert.Single(SlaClock.EvaluateTicket(ticket.History, sla, Calendars, now).Statuses, s => s.Metric == Metric.Resolution);

    [Fact]
    public void ReselectAgreements_WithTheCustomersNewTier_MeasuresTheWholeCaseForIt_FromTheRecomputeOn()
    {
        var sla = Sla();
        var ticket = Open(sla);
        ticket.Assign(new StaffId("agent"), null, Opened + Duration.FromMinutes(5));
        var recomputedAt = Opened + Duration.FromHours(2);
        ticket.ReselectAgreements(ServiceTier.Key, sla.Reference, null, "upgraded to a key account on 1 March", recomputedAt);

        // Before the recompute the case is a gold one (8 h); from it on, a key account's for the whole case (4 h from 09:00).
        Assert.Equal(Duration.FromHours(8), Resolution(ticket, sla, recomputedAt - Duration.FromMinutes(1)).Target);
        var after = Resolution(ticket, sla, Opened + Duration.FromHours(6));
        Assert.Equal((Duration.FromHours(4), SlaState.Missed), (after.Target, after.State));
        Assert.Equal(ServiceTier.Key, ticket.CustomerTier);
        Assert.Equal(ServiceTier.Gold, ((TicketOpened)ticket.History[0]).CustomerTier);
        Assert.Equal(ServiceTier.Key, Ticket.FromHistory(ticket.History).CustomerTier);
    }

    [Fact]
    public void ReselectAgreements_ToAnotherVersion_RefusesTheOneItOpenedUnder_FromTheRecomputeOn()
    {
        var (first, second) = (Sla("SLA-A"), Sla("SLA-B"));
        var ticket = Open(first);
        var recomputedAt = Opened + Duration.FromHours(1);
        ticket.ReselectAgreements(ServiceTier.Gold, second.Reference, null, "the catalogue was corrected", recomputedAt);

        Assert.Equal(SlaState.Running, Resolution(ticket, first, recomputedAt - Duration.FromMinutes(1)).State);
        Assert.Equal(SlaState.Running, Resolution(ticket, second, recomputedAt).State);
        Assert.Equal("agreement", Assert.Throws<ArgumentException>(() => SlaClock.EvaluateTicket(ticket.History, first, Calendars, recomputedAt)).ParamName);
        Assert.Equal("agreements", Assert.Throws<ArgumentException>(() => SlaClock.EvaluateTicket(ticket.History, [first], Calendars, recomputedAt)).ParamName);
        Assert.Equal([second], new AgreementCatalog([first, second]).Recorded(ticket));
        Assert.Equal([first], new AgreementCatalog([first, second]).Recorded((TicketOpened)ticket.History[0]));
    }

    [Fact]
    public void ReselectAgreements_ToAVersionNotInForceAtTheCasesStart_IsRefusedByTheClock()
    {
        var later = Sla("SLA-LATER", Opened + Duration.FromDays(30));
        var ticket = Open(Sla());
        ticket.ReselectAgreements(ServiceTier.Gold, later.Reference, null, "moved to the new terms", Opened + Duration.FromDays(31));

        Assert.Throws<ArgumentException>(() => SlaClock.EvaluateTicket(ticket.History, later, Calendars, Opened + Duration.FromDays(32)));
    }

    [Fact]
    public void ReselectAgreements_OnAClosedOrCancelledTicket_IsRefused_AndItsArgumentsAreChecked()
    {
        var sla = Sla();
        var cancelled = Open(sla);
        cancelled.Cancel("duplicate", Opened + Duration.FromMinutes(1));
        var refused = Assert.Throws<DomainRuleViolationException>(() => cancelled.ReselectAgreements(ServiceTier.Key, sla.Reference, null, "late", Opened + Duration.FromMinutes(2)));
        Assert.Equal(RuleCode.TransitionMustBeAllowed, refused.Rule);
        Assert.False(cancelled.CanReselectAgreements());

        var open = Open(sla);
        Assert.Throws<ArgumentException>(() => open.ReselectAgreements(default, sla.Reference, null, "no tier", Opened + Duration.FromMinutes(1)));
        Assert.Throws<ArgumentException>(() => open.ReselectAgreements(ServiceTier.Key, sla.Reference, null, " ", Opened + Duration.FromMinutes(1)));
        Assert.Throws<ArgumentException>(() => open.ReselectAgreements(ServiceTier.Key, sla.Reference, [sla.Reference], "twice", Opened + Duration.FromMinutes(1)));
        Assert.Single(open.History);
    }

    [Fact]
    public void ComplaintReselectAgreements_WithTheCustomersNewTier_MeasuresTheWholeComplaintForIt_FromTheRecomputeOn()
    {
        var draft = ServiceLevelAgreement.Draft(new AgreementId("CMP"), "complaints by tier", AgreementKind.ServiceLevel, Drafted);
        draft.SetCalendar("reference", Drafted);
        draft.AddTarget(Metric.ComplaintResolution, null, ServiceTier.Gold, Duration.FromHours(16), TimeBasis.BusinessTime, Drafted);
        draft.AddTarget(Metric.ComplaintResolution, null, ServiceTier.Key, Duration.FromHours(8), TimeBasis.BusinessTime, Drafted);
        draft.Publish(Drafted, Drafted);
        var sla = draft.Published;
        var complaint = Complaint.Receive(
            new ComplaintId("K-1"), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.Delay, Severity.Major, Opened,
            customerTier: ServiceTier.Gold, agreement: sla.Reference);
        var recomputedAt = Opened + Duration.FromHours(1);
        complaint.ReselectAgreements(ServiceTier.Key, sla.Reference, null, "a key account after all", recomputedAt);

        SlaStatus Resolution(Instant now) => Assert.Single(SlaClock.EvaluateComplaint(complaint.History, sla, Calendars, now).Statuses, s => s.Metric == Metric.ComplaintResolution);

        Assert.Equal(Duration.FromHours(16), Resolution(recomputedAt - Duration.FromMinutes(1)).Target);
        Assert.Equal(Duration.FromHours(8), Resolution(recomputedAt).Target);
        Assert.Equal("customerTier", Assert.Throws<ArgumentException>(() => SlaClock.EvaluateComplaint(complaint.History, ServiceTier.Gold, sla, Calendars, recomputedAt)).ParamName);
        Assert.Equal([sla], new AgreementCatalog([sla]).Recorded(complaint));
        Assert.Equal(ServiceTier.Key, Complaint.FromHistory(complaint.History).CustomerTier);
    }

    [Fact]
    public void FromHistory_WithARecomputeWithoutATier_IsRefusedNamingItsIndex()
    {
        var ticket = Open(Sla());
        var history = ticket.History.Append(new TicketAgreementsReselected(ticket.Id, Opened + Duration.FromHours(1), default, null, "bad")).ToList();

        var refused = Assert.Throws<ArgumentException>(() => Ticket.FromHistory(history));

        Assert.Equal("history", refused.ParamName);
        Assert.Contains("index 1", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TicketAgreementsReselected_ToString_MasksTheReason()
    {
        var e = new TicketAgreementsReselected(new TicketId("T-1"), Opened, ServiceTier.Key, null, "Mr Zhang called from 13812345678");

        Assert.DoesNotContain("13812345678", e.ToString(), StringComparison.Ordinal);
        Assert.Contains($"CustomerTier = {ServiceTier.Key}", e.ToString(), StringComparison.Ordinal);
    }
}
