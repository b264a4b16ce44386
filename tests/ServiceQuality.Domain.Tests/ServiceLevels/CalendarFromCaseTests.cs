using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Tests.ServiceLevels;

/// <summary>
/// An agreement can take its calendar from the case — the customer's site, the team handling it, the case itself —
/// through the host's lookup; the calendar chosen is recorded with the evaluation.
/// </summary>
public sealed class CalendarFromCaseTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 0, 0); // Monday 08:00 in Shanghai, 06:00 in Urumqi

    private static readonly ICalendarLookup Named = CalendarLookup.From(
    [
        KeyValuePair.Create("desk", NineToSix("Asia/Shanghai")),
        KeyValuePair.Create("shanghai-site", NineToSix("Asia/Shanghai")),
        KeyValuePair.Create("urumqi-site", NineToSix("Asia/Urumqi")),
        KeyValuePair.Create("field-team", AroundTheClockOnWeekdays()),
    ]);

    private static BusinessCalendar NineToSix(string zone)
    {
        var builder = BusinessCalendar.CreateBuilder(DateTimeZoneProviders.Tzdb[zone]);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.AddOpenHours(day, new LocalTime(9, 0), new LocalTime(18, 0));
        }

        return builder.Build();
    }

    private static BusinessCalendar AroundTheClockOnWeekdays()
    {
        var builder = BusinessCalendar.CreateBuilder(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.AddOpenHours(day, new LocalTime(0, 0), new LocalTime(0, 0));
        }

        return builder.Build();
    }

    /// <summary>The host's knowledge: each customer's site, each team's hours.</summary>
    private static string Choose(CaseCalendarRequest request) => request.Source.Hours switch
    {
        CalendarScope.Customer => request.Customer.Value == "C-URUMQI" ? "urumqi-site" : "shanghai-site",
        CalendarScope.Team => request.Team is { Value: "field" } ? "field-team" : request.AgreementCalendar!,
        _ => request.AgreementCalendar!,
    };

    private static readonly ICaseCalendarLookup Lookup = CalendarLookup.ForCases(Named, Choose);

    private static ServiceLevelAgreement Sla(CalendarSource source)
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "sites", AgreementKind.ServiceLevel, T0);
        sla.SetCalendar("desk", T0);
        sla.SetCalendarSource(source, T0);
        sla.AddTarget(Metric.FirstResponse, null, null, Duration.FromHours(2), TimeBasis.BusinessTime, T0);
        sla.AddTarget(Metric.ComplaintAcknowledgement, null, null, Duration.FromHours(2), TimeBasis.BusinessTime, T0);
        sla.Publish(T0, T0);
        return sla;
    }

    private static Ticket Open(string customer, ServiceLevelAgreement sla) =>
        Ticket.Open(new TicketId("T-1"), new CustomerId(customer), TicketKind.FaultReport, Channel.Hotline, Priority.P3, new StaffId("s"), ServiceTier.Gold, T0, sla.Reference);

    [Fact]
    public void TheCustomersSiteCalendar_SetsTheDeadline_AndIsRecordedWithTheEvaluation()
    {
        var sla = Sla(new CalendarSource(CalendarScope.Customer, CalendarScope.Customer));

        var shanghai = SlaClock.EvaluateTicket(Open("C-SHANGHAI", sla).History, sla, Lookup, T0);
        var urumqi = SlaClock.EvaluateTicket(Open("C-URUMQI", sla).History, sla, Lookup, T0);

        Assert.Equal(("shanghai-site", T0 + Duration.FromHours(3)), (shanghai.CalendarName, shanghai.Statuses.Single().DueAt!.Value)); // 09:00–11:00 Shanghai
        Assert.Equal(("urumqi-site", T0 + Duration.FromHours(5)), (urumqi.CalendarName, urumqi.Statuses.Single().DueAt!.Value)); // 09:00–11:00 Urumqi, 2 hours later
    }

    [Fact]
    public void TheTeamsCalendar_AppliesFromTheFirstAssignmentNamingATeam_AndBeforeItTheHostDecides()
    {
        var sla = Sla(new CalendarSource(CalendarScope.Team, CalendarScope.Agreement));
        var ticket = Open("C-1", sla);

        var before = SlaClock.EvaluateTicket(ticket.History, sla, Lookup, T0);
        ticket.Assign(new StaffId("s"), new DepartmentId("field"), T0 + Duration.FromMinutes(10));
        ticket.Transfer(new StaffId("t"), new DepartmentId("desk-team"), T0 + Duration.FromMinutes(20));
        var after = SlaClock.EvaluateTicket(ticket.History, sla, Lookup, T0 + Duration.FromMinutes(30));

        Assert.Equal(("desk", T0 + Duration.FromHours(3)), (before.CalendarName, before.Statuses.Single().DueAt!.Value));
        Assert.Equal(("field-team", T0 + Duration.FromHours(2)), (after.CalendarName, after.Statuses.Single().DueAt!.Value)); // open around the clock
    }

    [Fact]
    public void AComplaint_IsAskedForByItsIdCustomerAndInvestigatingTeam()
    {
        var sla = Sla(new CalendarSource(CalendarScope.Case, CalendarScope.Case));
        var requests = new List<CaseCalendarRequest>();
        var recording = CalendarLookup.ForCases(Named, r =>
        {
            requests.Add(r);
            return "urumqi-site";
        });
        var complaint = Complaint.Receive(new ComplaintId("K-7"), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.Delay, Severity.Minor, T0);
        complaint.Register(T0 + Duration.FromMinutes(5));
        complaint.AssignInvestigation(new DepartmentId("repairs"), new StaffId("i"), T0 + Duration.FromDays(2), T0 + Duration.FromMinutes(6));

        var evaluation = SlaClock.EvaluateComplaint(complaint.History, ServiceTier.Gold, sla, recording, T0 + Duration.FromMinutes(7));

        Assert.Equal("urumqi-site", evaluation.CalendarName);
        Assert.Equal(
            new CaseCalendarRequest(sla.Reference, "desk", new CalendarSource(CalendarScope.Case, CalendarScope.Case), "K-7", new CustomerId("C-1"), new DepartmentId("repairs")),
            Assert.Single(requests));
    }

    [Fact]
    public void AnAgreementWithItsOwnCalendar_RecordsItsName_AndAsksNoLookup()
    {
        var sla = Sla(CalendarSource.Agreement);
        var asked = false;
        var lookup = CalendarLookup.ForCases(Named, _ =>
        {
            asked = true;
            return "urumqi-site";
        });

        var evaluation = SlaClock.EvaluateTicket(Open("C-URUMQI", sla).History, sla, lookup, T0);

        Assert.Equal("desk", evaluation.CalendarName);
        Assert.False(asked);
    }

    [Fact]
    public void AFromCaseAgreement_WithAPlainLookup_OrALookupThatChoosesNothing_IsRefusedNamingTheCalendars()
    {
        var sla = Sla(new CalendarSource(CalendarScope.Customer, CalendarScope.Agreement));
        var ticket = Open("C-1", sla);

        Assert.Equal("calendars", Assert.Throws<ArgumentException>(() => SlaClock.EvaluateTicket(ticket.History, sla, Named, T0)).ParamName);
        Assert.Equal("request", Assert.Throws<ArgumentException>(() => SlaClock.EvaluateTicket(ticket.History, sla, CalendarLookup.ForCases(Named, _ => " "), T0)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => SlaClock.EvaluateTicket(ticket.History, sla, CalendarLookup.ForCases(Named, _ => "mars"), T0)).ParamName);
    }

    [Fact]
    public void TheSource_IsAnEditOfTheDraft_CarriedByRevise_AndRebuiltFromEvents()
    {
        var source = new CalendarSource(CalendarScope.Customer, CalendarScope.Case);
        var sla = Sla(source);

        var next = sla.Revise(T0 + Duration.FromHours(1));

        Assert.Equal(source, next.CalendarSource);
        Assert.Equal(source, ServiceLevelAgreement.FromHistory(sla.History).CalendarSource);
        Assert.Equal(CalendarSource.Agreement, ServiceLevelAgreement.Draft(new AgreementId("X"), "x", AgreementKind.ServiceLevel, T0).CalendarSource);
        Assert.Throws<DomainRuleViolationException>(() => sla.SetCalendarSource(CalendarSource.Agreement, T0 + Duration.FromHours(2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CalendarSource((CalendarScope)9, CalendarScope.Agreement));
    }
}
