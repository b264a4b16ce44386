using FsCheck.Fluent;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Testing.Tests;

public sealed class GeneratorsTests
{
    [Fact]
    public void Calendars_AreUsableAndVaried() =>
        PropertyChecks.Check(Prop.ForAll(ServiceQualityGenerators.Calendars().ToArbitrary(), calendar =>
        {
            var from = Instant.FromUtc(2025, 1, 1, 0, 0);
            var week = calendar.BusinessTimeBetween(from, from + Duration.FromDays(7));
            Assert.InRange(week, Duration.Zero, Duration.FromDays(7));
            Assert.True(calendar.IsOpen(calendar.NextOpen(from)));
        }), 200);

    [Fact]
    public void Calendars_CoverSeveralZones()
    {
        var zones = new HashSet<string>();
        PropertyChecks.Check(Prop.ForAll(ServiceQualityGenerators.Calendars().ToArbitrary(), calendar => { zones.Add(calendar.Zone.Id); }), 200);
        Assert.True(zones.Count >= 4, $"only {zones.Count} zones in 200 cases");
    }

    [Fact]
    public void Customers_HaveTheirGeneratedTrustWithinRange() =>
        PropertyChecks.Check(Prop.ForAll(ServiceQualityGenerators.Customers().ToArbitrary(), customer =>
            Assert.InRange(customer.TrustScore, 0, 100)), 200);

    [Fact]
    public void Agreements_ArePublishedWithFirstResponseAndResolutionTargets() =>
        PropertyChecks.Check(Prop.ForAll(ServiceQualityGenerators.Agreements().ToArbitrary(), agreement =>
        {
            Assert.Equal(AgreementStatus.Published, agreement.Status);
            Assert.NotNull(agreement.TargetFor(Metric.FirstResponse, Priority.P3, ServiceTier.Gold));
            Assert.True(agreement.TargetFor(Metric.Resolution, Priority.P1, ServiceTier.Gold)!.Target <= agreement.TargetFor(Metric.Resolution, Priority.P3, ServiceTier.Gold)!.Target);
        }), 200);

    [Fact]
    public void Tickets_HaveValidHistoriesThatTheSlaClockEvaluates()
    {
        var agreement = new AgreementBuilder().WithTarget(Metric.Resolution, Duration.FromHours(8), TimeBasis.CalendarTime).Build();
        var statuses = new List<SlaState>();
        PropertyChecks.Check(Prop.ForAll(ServiceQualityGenerators.Tickets(agreement).ToArbitrary(), ticket =>
        {
            Assert.Equal(ticket.History, Ticket.FromHistory(ticket.History).History);
            var evaluation = SlaClock.EvaluateTicket(ticket.History, agreement, CalendarLookup.From([]), ticket.LastEventAt);
            statuses.Add(Assert.Single(evaluation.Statuses).State);
        }), 300);

        Assert.True(statuses.Distinct().Count() >= 4, "the histories should reach running, met, missed and cancelled clocks, reached " + string.Join(", ", statuses.Distinct()));
    }

    [Fact]
    public void AgreementBuilder_WithoutTargets_IsRefusedByTheAgreementsOwnRule() =>
        Assert.Equal(RuleCode.AgreementNeedsTargetsToPublish, Assert.Throws<DomainRuleViolationException>(() => new AgreementBuilder().Build()).Rule);

    [Fact]
    public void Complaints_HaveValidHistoriesReachingEveryEndState()
    {
        var states = new HashSet<Domain.Complaints.ComplaintStatus>();
        PropertyChecks.Check(Prop.ForAll(ServiceQualityGenerators.Complaints().ToArbitrary(), complaint =>
        {
            Assert.Equal(complaint.Status, Domain.Complaints.Complaint.FromHistory(complaint.History).Status);
            states.Add(complaint.Status);
        }), 300);

        Assert.Contains(Domain.Complaints.ComplaintStatus.Closed, states);
        Assert.Contains(Domain.Complaints.ComplaintStatus.Withdrawn, states);
    }

    [Fact]
    public void Builders_CreateAggregatesThroughTheirFactories()
    {
        Assert.Equal(ServiceTier.Key, Builders.Customer(tier: ServiceTier.Key).Tier);
        Assert.Equal((TicketStatus.New, Priority.P1), (Builders.Ticket(priority: Priority.P1).Status, Builders.Ticket(priority: Priority.P1).Priority));
        Assert.Equal(Domain.Complaints.Severity.Major, Builders.Complaint(severity: Domain.Complaints.Severity.Major).Severity);
        Assert.Equal(Builders.DefaultInstant + Duration.FromDays(1), Builders.Visit().Due);
        Assert.Throws<ArgumentException>(() => Builders.Customer(id: " "));
    }

    [Fact]
    public void CalendarBuilder_OpensWeekdaysInItsZoneAndClosesHolidays()
    {
        var calendar = Builders.Calendar(holidays: new LocalDate(2025, 3, 4));

        Assert.True(calendar.IsOpen(Builders.DefaultInstant)); // Monday 09:00 in Shanghai
        Assert.False(calendar.IsOpen(Builders.DefaultInstant - Duration.FromMinutes(1)));
        Assert.False(calendar.IsOpen(Builders.DefaultInstant + Duration.FromDays(1))); // the holiday
        Assert.False(calendar.IsOpen(Builders.DefaultInstant + Duration.FromDays(5))); // Saturday
        Assert.Equal(Duration.FromHours(9 * 4), calendar.BusinessTimeBetween(Builders.DefaultInstant, Builders.DefaultInstant + Duration.FromDays(7)));
    }
}
