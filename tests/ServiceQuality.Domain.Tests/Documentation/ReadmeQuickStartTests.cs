using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Tests.Documentation;

/// <summary>The examples of README's quick start and docs/getting-started.md, kept compiling and true.</summary>
public sealed class ReadmeQuickStartTests
{
    [Fact]
    public void CalendarQuickStart_GivesTheAnswersItsCommentsState()
    {
        var builder = BusinessCalendar.CreateBuilder(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.AddOpenHours(day, new LocalTime(9, 0), new LocalTime(12, 0))
                   .AddOpenHours(day, new LocalTime(13, 30), new LocalTime(18, 0));
        }

        for (var date = new LocalDate(2025, 10, 1); date <= new LocalDate(2025, 10, 8); date = date.PlusDays(1))
        {
            builder.AddHoliday(date);
        }

        builder.AddWorkingDay(new LocalDate(2025, 9, 28), new LocalTime(9, 0), new LocalTime(18, 0));
        var calendar = builder.Build();

        var opened = Instant.FromUtc(2025, 9, 30, 8, 0);
        var due = calendar.AddBusinessTime(opened, Duration.FromHours(3));
        var used = calendar.BusinessTimeBetween(opened, due);
        var open = calendar.IsOpen(Instant.FromUtc(2025, 10, 3, 2, 0));

        Assert.Equal(new LocalDateTime(2025, 10, 9, 10, 0), due.InZone(calendar.Zone).LocalDateTime);
        Assert.Equal(Duration.FromHours(3), used);
        Assert.False(open);
    }

    [Fact]
    public void TicketLife_EndsClosedWithTheOwnerUnchangedAndRefusesAReopen()
    {
        var at = Instant.FromUtc(2025, 3, 3, 1, 0);
        var ticket = Ticket.Open(new TicketId("T-1001"), new CustomerId("C-42"), TicketKind.RepairRequest, Channel.Hotline,
            Priority.P2, firstContactOwner: new StaffId("wang"), ServiceTier.Gold, at);
        ticket.Assign(new StaffId("li"), new DepartmentId("repairs"), at + Duration.FromMinutes(5));
        ticket.RecordResponse(new StaffId("li"), isPublic: true, at + Duration.FromMinutes(20));
        ticket.StartWork(at + Duration.FromMinutes(30));
        ticket.ReferToThirdParty("lift vendor", at + Duration.FromHours(1));
        ticket.RecordThirdPartyReturn("part replaced", at + Duration.FromHours(5));
        ticket.Resolve(new StaffId("li"), at + Duration.FromHours(6));
        ticket.Close(at + Duration.FromHours(30));

        Assert.Equal(new StaffId("wang"), ticket.FirstContactOwner);
        Assert.Equal(8, ticket.History.Count);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal(RuleCode.TransitionMustBeAllowed, Assert.Throws<DomainRuleViolationException>(() => ticket.Reopen("again", at + Duration.FromHours(31))).Rule);
    }

    [Fact]
    public void SlaExample_GivesTheStatusesItsCommentsState()
    {
        var at = Instant.FromUtc(2025, 1, 1, 0, 0);
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA-PM"), "Property management", AgreementKind.ServiceLevel, at);
        sla.SetCalendar("china-2025", at);
        sla.AddTarget(Metric.FirstResponse, Priority.P2, null, Duration.FromHours(1), TimeBasis.BusinessTime, at);
        sla.AddTarget(Metric.Resolution, null, null, Duration.FromHours(16), TimeBasis.BusinessTime, at);
        sla.PauseOn(HoldReason.WaitingForCustomer, [Metric.Resolution], at);
        sla.Publish(effectiveFrom: at, at);

        var opened = Instant.FromUtc(2025, 1, 24, 9, 0);
        var ticket = Ticket.Open(new TicketId("T-7"), new CustomerId("C-42"), TicketKind.RepairRequest, Channel.Hotline,
            Priority.P2, new StaffId("wang"), ServiceTier.Gold, opened, sla.Reference);

        var calendars = CalendarLookup.Of("china-2025", CalendarPresets.ChinaServiceCentre2025);
        var evaluation = SlaClock.EvaluateTicket(ticket.History, sla, calendars, now: opened + Duration.FromHours(20));

        var shanghai = CalendarPresets.ChinaServiceCentre2025.Zone;
        var firstResponse = evaluation.Statuses[0];
        var resolution = evaluation.Statuses[1];
        Assert.Equal((Metric.FirstResponse, SlaState.Missed), (firstResponse.Metric, firstResponse.State));
        Assert.Equal(new LocalDateTime(2025, 1, 24, 18, 0), firstResponse.BreachedAt!.Value.InZone(shanghai).LocalDateTime);
        Assert.Equal((Metric.Resolution, SlaState.Running, Duration.FromHours(1)), (resolution.Metric, resolution.State, resolution.Elapsed));
        Assert.Equal(new LocalDateTime(2025, 1, 27, 18, 0), resolution.DueAt!.Value.InZone(shanghai).LocalDateTime);
        Assert.Equal(new LocalDateTime(2025, 1, 26, 17, 30), evaluation.NextChangeAt!.Value.InZone(shanghai).LocalDateTime);
    }
}
