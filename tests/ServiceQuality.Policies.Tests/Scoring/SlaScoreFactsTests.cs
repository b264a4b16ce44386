using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Policies.Scoring;

namespace ServiceQuality.Policies.Tests.Scoring;

/// <summary>Score facts from the SLA breakdown: a breach counts against whoever held the case then, a met clock for everyone who held it.</summary>
public sealed class SlaScoreFactsTests
{
    private static readonly Instant Nine = Instant.FromUtc(2025, 3, 3, 9, 0);
    private static readonly (StaffId Agent, StaffId Tech) Staff = (new("agent"), new("tech"));
    private static readonly (DepartmentId Desk, DepartmentId Field) Teams = (new("desk"), new("field"));

    private static (Ticket Ticket, ServiceLevelAgreement Sla) Case(Duration resolvedAfter)
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "sla", AgreementKind.ServiceLevel, Nine);
        sla.AddTarget(Metric.Resolution, null, null, Duration.FromHours(2), TimeBasis.CalendarTime, Nine);
        sla.Publish(Nine, Nine);
        var ticket = Ticket.Open(new TicketId("T-1"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P2, Staff.Agent, ServiceTier.Gold, Nine, sla.Reference);
        ticket.Assign(Staff.Agent, Teams.Desk, Nine);
        ticket.Transfer(Staff.Tech, Teams.Field, Nine + Duration.FromHours(1));
        ticket.StartWork(Nine + Duration.FromMinutes(61));
        ticket.Resolve(Staff.Tech, Nine + resolvedAfter);
        return (ticket, sla);
    }

    [Fact]
    public void AMissedClock_CountsAgainstTheHolderAtTheBreach_NotTheFirstOwner()
    {
        var (ticket, sla) = Case(Duration.FromHours(3));
        var evaluation = SlaClock.EvaluateTicket(ticket.History, sla, CalendarLookup.Of("none", BusinessCalendar.AlwaysOpen), Nine + Duration.FromDays(1));

        var facts = SlaScoreFacts.From(evaluation, "T-1");

        var breach = Nine + Duration.FromHours(2);
        Assert.Equal(
            [new ScoreFact(ScoreSubject.Staff(Staff.Tech), FactKind.SlaMissed, breach, 0, "T-1"), new ScoreFact(ScoreSubject.Department(Teams.Field), FactKind.SlaMissed, breach, 0, "T-1")],
            facts);
    }

    [Fact]
    public void AMetClock_CountsForEveryoneWhoHeldTheCase()
    {
        var (ticket, sla) = Case(Duration.FromMinutes(90));
        var evaluation = SlaClock.EvaluateTicket(ticket.History, sla, CalendarLookup.Of("none", BusinessCalendar.AlwaysOpen), Nine + Duration.FromDays(1));

        var subjects = SlaScoreFacts.From(evaluation, "T-1").Select(f => (f.Subject, f.Kind)).ToList();

        Assert.Equal(
            [
                (ScoreSubject.Staff(Staff.Agent), FactKind.SlaMet), (ScoreSubject.Department(Teams.Desk), FactKind.SlaMet),
                (ScoreSubject.Staff(Staff.Tech), FactKind.SlaMet), (ScoreSubject.Department(Teams.Field), FactKind.SlaMet),
            ],
            subjects);
        Assert.Throws<ArgumentException>(() => SlaScoreFacts.From(evaluation, " "));
    }
}
