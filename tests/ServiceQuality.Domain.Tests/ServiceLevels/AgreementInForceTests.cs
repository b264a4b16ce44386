using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Testing;

namespace ServiceQuality.Domain.Tests.ServiceLevels;

/// <summary>
/// The clock runs a version only for the cases that began while it was in force, even when a host records the version on
/// the case by hand instead of asking the catalogue: a version that takes effect later, or that ended before, is refused.
/// </summary>
public sealed class AgreementInForceTests
{
    private static readonly ICalendarLookup Calendars = CalendarLookup.Of("reference", ReferenceCalendars.ChinaServiceCentre2025);
    private static readonly Instant Drafted = Instant.FromUtc(2024, 12, 1, 0, 0);
    private static readonly Instant From = Instant.FromUtc(2025, 3, 1, 0, 0);
    private static readonly Instant Until = Instant.FromUtc(2025, 6, 1, 0, 0);

    private static AgreementVersion Version(string id = "SLA", AgreementKind kind = AgreementKind.ServiceLevel, string? team = null)
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId(id), "in force from March to May", kind, Drafted);
        sla.SetCalendar("reference", Drafted);
        if (team is not null)
        {
            sla.SetTeam(new DepartmentId(team), Drafted);
        }

        sla.AddTarget(Metric.Resolution, null, null, Duration.FromHours(8), TimeBasis.BusinessTime, Drafted);
        sla.AddTarget(Metric.ComplaintResolution, null, null, Duration.FromHours(8), TimeBasis.BusinessTime, Drafted);
        sla.Publish(From, Until, Drafted);
        return sla.Published;
    }

    private static Ticket Open(Instant at, params AgreementVersion[] versions) =>
        Ticket.Open(
            new TicketId("T-1"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P2, new StaffId("agent"), ServiceTier.Gold, at,
            versions[0].Reference, otherAgreements: versions.Skip(1).Select(v => v.Reference));

    private static Complaint Receive(Instant at, AgreementVersion version) =>
        Complaint.Receive(
            new ComplaintId("K-1"), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.ServiceAttitude, Severity.Minor, at,
            customerTier: ServiceTier.Gold, agreement: version.Reference);

    public static TheoryData<string, bool> Starts() => new()
    {
        { "2025-02-28T23:59:59Z", false },
        { "2025-03-01T00:00:00Z", true },
        { "2025-05-31T23:59:59Z", true },
        { "2025-06-01T00:00:00Z", false },
        { "2026-01-01T00:00:00Z", false },
    };

    [Theory]
    [MemberData(nameof(Starts))]
    public void EvaluateTicket_RunsTheVersionOnlyForATicketOpenedWhileItWasInForce(string opened, bool inForce)
    {
        var at = NodaTime.Text.InstantPattern.ExtendedIso.Parse(opened).Value;
        var version = Version();
        var history = Open(at, version).History;
        var now = at + Duration.FromDays(2);

        if (inForce)
        {
            Assert.Contains(SlaClock.EvaluateTicket(history, version, Calendars, now).Statuses, s => s.Metric == Metric.Resolution);
            Assert.Equal(1, SlaClock.EvaluateTicket(history, [version], Calendars, now).Statuses.Count(s => s.Metric == Metric.Resolution));
        }
        else
        {
            Assert.Equal("agreement", Assert.Throws<ArgumentException>(() => SlaClock.EvaluateTicket(history, version, Calendars, now)).ParamName);
            Assert.Equal("agreements", Assert.Throws<ArgumentException>(() => SlaClock.EvaluateTicket(history, [version], Calendars, now)).ParamName);
            var destination = new SlaStatus[SlaClock.MaxStatusesPerCase];
            Assert.Throws<ArgumentException>(() => SlaClock.EvaluateTicket(history, version, Calendars, now, destination));
        }
    }

    [Theory]
    [MemberData(nameof(Starts))]
    public void EvaluateComplaint_RunsTheVersionOnlyForAComplaintReceivedWhileItWasInForce(string received, bool inForce)
    {
        var at = NodaTime.Text.InstantPattern.ExtendedIso.Parse(received).Value;
        var version = Version();
        var history = Receive(at, version).History;
        var now = at + Duration.FromDays(2);

        if (inForce)
        {
            Assert.Contains(SlaClock.EvaluateComplaint(history, version, Calendars, now).Statuses, s => s.Metric == Metric.ComplaintResolution);
            Assert.Contains(SlaClock.EvaluateComplaint(history, [version], Calendars, now).Statuses, s => s.Metric == Metric.ComplaintResolution);
        }
        else
        {
            Assert.Equal("agreement", Assert.Throws<ArgumentException>(() => SlaClock.EvaluateComplaint(history, version, Calendars, now)).ParamName);
            Assert.Equal("agreements", Assert.Throws<ArgumentException>(() => SlaClock.EvaluateComplaint(history, [version], Calendars, now)).ParamName);
        }
    }

    [Fact]
    public void EvaluateTicket_WithAnOlaNotInForceBesideAnSlaThatIs_RefusesTheSet()
    {
        var sla = Version();
        var olaDrafted = ServiceLevelAgreement.Draft(new AgreementId("OLA"), "from July", AgreementKind.OperationalLevel, Drafted);
        olaDrafted.SetCalendar("reference", Drafted);
        olaDrafted.SetTeam(new DepartmentId("field"), Drafted);
        olaDrafted.AddTarget(Metric.Resolution, null, null, Duration.FromHours(4), TimeBasis.BusinessTime, Drafted);
        olaDrafted.Publish(Instant.FromUtc(2025, 7, 1, 0, 0), Drafted);
        var ola = olaDrafted.Published;
        var at = Instant.FromUtc(2025, 4, 1, 2, 0);
        var history = Open(at, sla, ola).History;

        var refused = Assert.Throws<ArgumentException>(() => SlaClock.EvaluateTicket(history, [sla, ola], Calendars, at + Duration.FromDays(1)));

        Assert.Equal("agreements", refused.ParamName);
        Assert.Contains(ola.Reference.ToString(), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateTicket_JudgesTheVersionAtTheOpeningNotAtTheEvaluationInstant()
    {
        // Opened in May, evaluated in July after the version ended: it still applies, as it did when the ticket opened.
        var version = Version();
        var history = Open(Instant.FromUtc(2025, 5, 30, 2, 0), version).History;

        var evaluation = SlaClock.EvaluateTicket(history, version, Calendars, Instant.FromUtc(2025, 7, 15, 0, 0));

        Assert.Equal(SlaState.Missed, evaluation.Statuses.Single(s => s.Metric == Metric.Resolution).State);
    }
}
