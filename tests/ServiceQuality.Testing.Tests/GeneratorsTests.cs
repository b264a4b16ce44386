using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Testing.Tests;

public sealed class GeneratorsTests
{
    private static readonly ServiceLevelAgreement EightHours =
        new AgreementBuilder().WithTarget(Metric.Resolution, Duration.FromHours(8), TimeBasis.CalendarTime).Build();

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property Calendars_AreUsableAndVaried() =>
        Prop.ForAll(ServiceQualityGenerators.Calendars().ToArbitrary(), calendar =>
        {
            var from = Instant.FromUtc(2025, 1, 1, 0, 0);
            var week = calendar.BusinessTimeBetween(from, from + Duration.FromDays(7));
            Assert.InRange(week, Duration.Zero, Duration.FromDays(7));
            Assert.True(calendar.IsOpen(calendar.NextOpen(from)));
        });

    [Fact]
    public void Calendars_CoverSeveralZones()
    {
        var zones = PropertyRuns.Sample(ServiceQualityGenerators.Calendars(), 200).Select(c => c.Zone.Id).ToHashSet();
        Assert.True(zones.Count >= 4, $"only {zones.Count} zones in 200 cases");
    }

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property Customers_HaveTheirGeneratedTrustWithinRange() =>
        Prop.ForAll(ServiceQualityGenerators.Customers().ToArbitrary(), customer =>
            Assert.InRange(customer.TrustScore, 0, 100));

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property Agreements_ArePublishedWithFirstResponseAndResolutionTargets() =>
        Prop.ForAll(ServiceQualityGenerators.Agreements().ToArbitrary(), agreement =>
        {
            Assert.Equal(AgreementStatus.Published, agreement.Status);
            Assert.NotNull(agreement.TargetFor(Metric.FirstResponse, Priority.P3, ServiceTier.Gold));
            Assert.True(agreement.TargetFor(Metric.Resolution, Priority.P1, ServiceTier.Gold)!.Target <= agreement.TargetFor(Metric.Resolution, Priority.P3, ServiceTier.Gold)!.Target);
        });

    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property Tickets_HaveValidHistoriesThatTheSlaClockEvaluates() =>
        Prop.ForAll(ServiceQualityGenerators.Tickets(EightHours).ToArbitrary(), ticket =>
        {
            Assert.Equal(ticket.History, Ticket.FromHistory(ticket.History).History);
            Assert.Single(SlaClock.EvaluateTicket(ticket.History, EightHours, CalendarLookup.From([]), ticket.LastEventAt).Statuses);
        });

    [Fact]
    public void Tickets_ReachRunningMetMissedAndCancelledClocks()
    {
        var states = PropertyRuns.Sample(ServiceQualityGenerators.Tickets(EightHours), 300)
            .Select(t => SlaClock.EvaluateTicket(t.History, EightHours, CalendarLookup.From([]), t.LastEventAt).Statuses.Single().State)
            .Distinct()
            .ToList();

        Assert.True(states.Count >= 4, "the histories should reach running, met, missed and cancelled clocks, reached " + string.Join(", ", states));
    }

    [Fact]
    public void AgreementBuilder_WithoutTargets_IsRefusedByTheAgreementsOwnRule() =>
        Assert.Equal(RuleCode.AgreementNeedsTargetsToPublish, Assert.Throws<DomainRuleViolationException>(() => new AgreementBuilder().Build()).Rule);

    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property Complaints_HaveValidHistories() =>
        Prop.ForAll(ServiceQualityGenerators.Complaints().ToArbitrary(), complaint =>
            Assert.Equal(complaint.Status, Domain.Complaints.Complaint.FromHistory(complaint.History).Status));

    [Fact]
    public void Complaints_ReachEveryEndState()
    {
        var states = PropertyRuns.Sample(ServiceQualityGenerators.Complaints(), 300).Select(c => c.Status).ToHashSet();

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
