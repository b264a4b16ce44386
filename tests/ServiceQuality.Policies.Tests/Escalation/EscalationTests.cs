using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Policies.Escalation;

namespace ServiceQuality.Policies.Tests.Escalation;

public sealed class EscalationTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);
    private static readonly ServiceLevelAgreement Sla = CreateSla();
    private static readonly ICalendarLookup Calendars = CalendarLookup.From([]);

    private static ServiceLevelAgreement CreateSla()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "24x7", AgreementKind.ServiceLevel, T0);
        sla.AddTarget(Metric.Resolution, null, null, Duration.FromHours(4), TimeBasis.CalendarTime, T0);
        sla.Publish(T0, T0);
        return sla;
    }

    private static IReadOnlyList<SlaStatus> StatusesAfter(Duration elapsed)
    {
        var ticket = Ticket.Open(new TicketId("T"), new CustomerId("C"), TicketKind.FaultReport, Channel.Hotline, Priority.P2, new StaffId("s"), ServiceTier.Gold, T0, Sla.Reference);
        return SlaClock.EvaluateTicket(ticket.History, Sla, Calendars, T0 + elapsed).Statuses;
    }

    private static EscalationContext Context(Duration elapsed, int level = 0, Complaint? complaint = null, ServiceTier? tier = null, IReadOnlyList<Instant>? recent = null) =>
        new(T0 + elapsed, level, StatusesAfter(elapsed), tier, complaint, recent);

    private static Complaint NewComplaint(Severity severity = Severity.Minor, Money? loss = null) =>
        Complaint.Receive(new ComplaintId("K"), new CustomerId("C"), Channel.Hotline, ComplaintCategory.DamageOrLoss, severity, T0, claimedLoss: loss);

    private static readonly IEscalationPolicy TimePolicy = EscalationPolicies.HighestOf(EscalationLadder.Default, [.. EscalationRules.DefaultTimeRules()]);

    [Theory]
    [InlineData(179, 0)]
    [InlineData(180, 1)]
    [InlineData(239, 1)]
    [InlineData(240, 2)]
    [InlineData(360, 3)]
    [InlineData(600, 3)]
    public void DefaultTimeRules_FireAt75And100And150PercentOfTheTarget(int minutes, int expectedLevel)
    {
        var decision = TimePolicy.Decide(Context(Duration.FromMinutes(minutes)));

        Assert.Equal(expectedLevel, decision.Step?.Level ?? 0);
        if (decision.Fires)
        {
            Assert.Equal(EscalationLadder.Default.Step(expectedLevel), decision.Step);
            Assert.StartsWith("time.", decision.ReasonCode, StringComparison.Ordinal);
            Assert.Equal(T0 + Duration.FromMinutes(minutes), decision.NotifyAt);
        }
    }

    [Fact]
    public void Decide_AtOrBelowTheLevelReached_FiresNothing()
    {
        Assert.False(TimePolicy.Decide(Context(Duration.FromHours(5), level: 2)).Fires);
        Assert.False(TimePolicy.Decide(Context(Duration.FromHours(7), level: 3)).Fires);
        Assert.Equal(3, TimePolicy.Decide(Context(Duration.FromHours(7), level: 2)).Step!.Level);
    }

    [Fact]
    public void TimeRules_IgnoreAClockStoppedLate_ButChaseOneStillMissing()
    {
        var ticket = Ticket.Open(new TicketId("T"), new CustomerId("C"), TicketKind.FaultReport, Channel.Hotline, Priority.P2, new StaffId("s"), ServiceTier.Gold, T0, Sla.Reference);
        ticket.Assign(new StaffId("s"), null, T0 + Duration.FromMinutes(5));
        ticket.StartWork(T0 + Duration.FromMinutes(10));
        ticket.Resolve(new StaffId("s"), T0 + Duration.FromHours(5)); // an hour past the 4-hour target
        var now = T0 + Duration.FromHours(7);
        var resolved = SlaClock.EvaluateTicket(ticket.History, Sla, Calendars, now).Statuses;

        Assert.Equal(SlaState.Missed, Assert.Single(resolved).State);
        Assert.False(TimePolicy.Decide(new EscalationContext(now, 0, resolved, ServiceTier.Gold)).Fires);
        Assert.Equal(3, TimePolicy.Decide(Context(Duration.FromHours(7))).Step!.Level); // the same lateness, still open
    }

    [Fact]
    public void AtPercentOfTarget_WithAnOffset_WaitsForTheOffset()
    {
        var rule = EscalationRules.AtPercentOfTarget(100m, 2, Duration.FromMinutes(30));
        Assert.Null(rule.Propose(Context(Duration.FromMinutes(269))));
        Assert.Equal(2, rule.Propose(Context(Duration.FromMinutes(270)))!.Level);
    }

    [Fact]
    public void EventRules_SeverityKeyCustomerRepeatsAndClaimedLoss()
    {
        var major = NewComplaint(Severity.Major);
        var minor = NewComplaint();
        var big = NewComplaint(loss: Money.Yuan(12_000));

        Assert.Equal(2, EscalationRules.OnSeverity(Severity.Major, 2).Propose(Context(Duration.Zero, complaint: major))!.Level);
        Assert.Null(EscalationRules.OnSeverity(Severity.Major, 2).Propose(Context(Duration.Zero, complaint: minor)));
        Assert.Equal(1, EscalationRules.KeyCustomer(ServiceTier.Vip, 1).Propose(Context(Duration.Zero, complaint: minor, tier: ServiceTier.Key))!.Level);
        Assert.Null(EscalationRules.KeyCustomer(ServiceTier.Vip, 1).Propose(Context(Duration.Zero, complaint: minor, tier: ServiceTier.Gold)));

        var repeat = EscalationRules.RepeatComplaints(3, Duration.FromDays(30), 2);
        Assert.Null(repeat.Propose(Context(Duration.Zero, complaint: minor, recent: [T0 - Duration.FromDays(40), T0 - Duration.FromDays(5)])));
        Assert.Equal(2, repeat.Propose(Context(Duration.Zero, complaint: minor, recent: [T0 - Duration.FromDays(20), T0 - Duration.FromDays(5)]))!.Level);

        var loss = EscalationRules.ClaimedLossAbove(Money.Yuan(10_000), 3);
        Assert.Equal((3, true), (loss.Propose(Context(Duration.Zero, complaint: big))!.Level, loss.Propose(Context(Duration.Zero, complaint: big))!.Immediate));
        Assert.Null(loss.Propose(Context(Duration.Zero, complaint: NewComplaint(loss: Money.Yuan(10_000)))));
    }

    [Fact]
    public void KeyCustomer_ReportsTheTierInItsReasonCode()
    {
        var proposal = EscalationRules.KeyCustomer(ServiceTier.Vip, 1).Propose(Context(Duration.Zero, complaint: NewComplaint(), tier: ServiceTier.Key));
        Assert.Equal(("customer.key", 1), (proposal!.ReasonCode, proposal.Level));
    }

    [Fact]
    public void FirstMatch_UsesTheFirstRuleThatApplies_HighestOfTheHighest()
    {
        var rules = new[] { EscalationRules.OnSeverity(Severity.Minor, 1), EscalationRules.OnSeverity(Severity.Minor, 3) };
        var context = Context(Duration.Zero, complaint: NewComplaint());

        Assert.Equal(1, EscalationPolicies.FirstMatch(EscalationLadder.Default, rules).Decide(context).Step!.Level);
        Assert.Equal(3, EscalationPolicies.HighestOf(EscalationLadder.Default, rules).Decide(context).Step!.Level);
        var both = EscalationPolicies.Highest(EscalationPolicies.FirstMatch(EscalationLadder.Default, rules), TimePolicy);
        Assert.Equal(1, both.Decide(context).Step!.Level);
    }

    [Fact]
    public void DelegateRule_PlugsInACustomCondition()
    {
        var night = EscalationRules.FromDelegate("any case after 22:00 UTC → level 1", c => c.Now.InUtc().Hour >= 22 ? new EscalationProposal(1, "night", "after 22:00") : null);
        var policy = EscalationPolicies.HighestOf(EscalationLadder.Default, night);

        Assert.True(policy.Decide(new EscalationContext(Instant.FromUtc(2025, 3, 3, 23, 0), 0, [])).Fires);
        Assert.False(policy.Decide(new EscalationContext(Instant.FromUtc(2025, 3, 3, 21, 0), 0, [])).Fires);
    }

    [Fact]
    public void DeferredToOpenHours_NotifiesAtTheNextOpeningUnlessImmediate()
    {
        var desk = BusinessCalendar.CreateBuilder(DateTimeZone.Utc).AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(17, 0)).Build();
        var deferred = EscalationPolicies.DeferredToOpenHours(
            EscalationPolicies.HighestOf(
                EscalationLadder.Default, EscalationRules.OnSeverity(Severity.Major, 1, immediateFrom: Severity.Critical), EscalationRules.ClaimedLossAbove(Money.Yuan(10_000), 2)),
            desk);

        var atThree = deferred.Decide(Context(Duration.FromHours(2), complaint: NewComplaint(Severity.Major)));
        var bigLoss = deferred.Decide(Context(Duration.FromHours(2), complaint: NewComplaint(Severity.Major, Money.Yuan(50_000))));

        Assert.Equal(Instant.FromUtc(2025, 3, 3, 9, 0), atThree.NotifyAt);
        Assert.Equal((2, T0 + Duration.FromHours(2)), (bigLoss.Step!.Level, bigLoss.NotifyAt!.Value));
    }

    [Fact]
    public void FrontLineAuthority_SettlesSmallRemediesWithoutEscalation()
    {
        var policy = EscalationPolicies.WithFrontLineAuthority(EscalationPolicies.HighestOf(EscalationLadder.Default, EscalationRules.OnSeverity(Severity.Minor, 1)), Money.Yuan(500));
        var small = NewComplaint(loss: Money.Yuan(300));
        var large = NewComplaint(loss: Money.Yuan(3_000));

        Assert.False(policy.Decide(Context(Duration.Zero, complaint: small)).Fires);
        Assert.True(policy.Decide(Context(Duration.Zero, complaint: large)).Fires);
        Assert.True(policy.Decide(Context(Duration.FromHours(5), complaint: small)).Fires);
    }

    [Fact]
    public void Ladder_RefusesBadDefinitionsListingEveryProblem()
    {
        var exception = Assert.Throws<ArgumentException>(() => new EscalationLadder([new EscalationStep(2, "", "x"), new EscalationStep(2, "b", "y")]));
        Assert.Contains("step 0 is level 2, expected 1", exception.Message, StringComparison.Ordinal);
        Assert.Contains("ladder[0].name: a step needs a name", exception.Message, StringComparison.Ordinal);
        Assert.Equal(4, EscalationLadder.Default.Step(9).Level);
    }

    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property OverACaseLife_TheLevelNeverGoesDownAndEachLevelFiresOnce() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 120)).ToArbitrary(), steps =>
        {
            var policy = EscalationPolicies.Highest(TimePolicy, EscalationPolicies.HighestOf(EscalationLadder.Default, EscalationRules.ClaimedLossAbove(Money.Yuan(10_000), 2)));
            var complaint = NewComplaint(loss: Money.Yuan(20_000));
            var level = 0;
            var fired = new List<int>();
            var elapsed = Duration.Zero;
            foreach (var minutes in steps)
            {
                elapsed += Duration.FromMinutes(minutes);
                var decision = policy.Decide(Context(elapsed, level, complaint));
                if (decision.Step is { } step)
                {
                    Assert.True(step.Level > level);
                    level = step.Level;
                    fired.Add(level);
                }
            }

            Assert.Equal(fired.Distinct().Count(), fired.Count);
            Assert.Equal(fired.Order(), fired);
        });

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property AtPercentOfTarget_FiresOnTheNanosecondOfAWarningStageAtTheSamePercent() =>
        Prop.ForAll(Gen.Choose(1, 99_999).Select(p => p / 1000m).ToArbitrary(), Gen.Choose(1, 100_000).ToArbitrary(), (percent, targetSeconds) =>
        {
            var sla = ServiceLevelAgreement.Draft(new AgreementId("S"), "stages", AgreementKind.ServiceLevel, T0);
            sla.AddTarget(Metric.Resolution, null, null, Duration.FromSeconds(targetSeconds) + Duration.FromNanoseconds(7), TimeBasis.CalendarTime, T0);
            sla.SetWarningStages([percent], T0);
            sla.Publish(T0, T0);
            var ticket = Ticket.Open(new TicketId("T"), new CustomerId("C"), TicketKind.FaultReport, Channel.Hotline, Priority.P2, new StaffId("s"), ServiceTier.Gold, T0, sla.Reference);
            var stage = SlaClock.EvaluateTicket(ticket.History, sla, Calendars, T0 + Duration.FromDays(400)).Statuses[0].GetStage(0).At;
            var policy = EscalationPolicies.HighestOf(EscalationLadder.Default, EscalationRules.AtPercentOfTarget(percent, 1));
            EscalationContext At(Instant now) => new(now, 0, SlaClock.EvaluateTicket(ticket.History, sla, Calendars, now).Statuses);

            Assert.False(policy.Decide(At(stage - Duration.Epsilon)).Fires);
            Assert.True(policy.Decide(At(stage)).Fires);
            Assert.Equal(stage, policy.NextChangeAt(At(T0)));
        });

    [Fact]
    public void AtPercentOfTarget_RefusesSharesAndOffsetsOutsideTheirRange()
    {
        Assert.Equal("percent", Assert.Throws<ArgumentOutOfRangeException>(() => EscalationRules.AtPercentOfTarget(SlaStatus.MaxSharePercent + 0.001m, 1)).ParamName);
        Assert.Equal("percent", Assert.Throws<ArgumentOutOfRangeException>(() => EscalationRules.AtPercentOfTarget(0m, 1)).ParamName);
        Assert.Equal("offset", Assert.Throws<ArgumentOutOfRangeException>(() => EscalationRules.AtPercentOfTarget(100m, 1, EscalationRules.MaxOffset + Duration.Epsilon)).ParamName);
        Assert.Equal("offset", Assert.Throws<ArgumentOutOfRangeException>(() => EscalationRules.AtPercentOfTarget(100m, 1, Duration.FromTicks(-1))).ParamName);
        Assert.Equal("metric", Assert.Throws<ArgumentOutOfRangeException>(() => EscalationRules.AtPercentOfTarget(100m, 1, metric: (Metric)99)).ParamName);
    }

    [Fact]
    public void AtPercentOfTarget_AtTheLargestShareAndOffset_NeitherOverflowsNorFiresEarly()
    {
        var rule = EscalationRules.AtPercentOfTarget(SlaStatus.MaxSharePercent, 3, EscalationRules.MaxOffset);
        var policy = EscalationPolicies.HighestOf(EscalationLadder.Default, rule);

        // 10 × the 4 h target plus 100 years: far beyond a day, and the scheduler is told when, in calendar time.
        Assert.False(policy.Decide(Context(Duration.FromDays(1))).Fires);
        Assert.Equal(T0 + Duration.FromHours(40) + EscalationRules.MaxOffset, policy.NextChangeAt(Context(Duration.Zero)));
    }

    [Fact]
    public void ShareOfTarget_IsThePercentOfTheTargetRoundedDownToTheNanosecond()
    {
        var status = StatusesAfter(Duration.Zero)[0];

        Assert.Equal(Duration.FromHours(3), status.ShareOfTarget(75m));
        Assert.Equal(Duration.FromHours(40), status.ShareOfTarget(SlaStatus.MaxSharePercent));
        Assert.Equal(Duration.FromNanoseconds(4_799_999_999_999), status.ShareOfTarget(33.333333333333m));
        Assert.Equal(Duration.Zero, status.ShareOfTarget(0m));
        Assert.Equal("percent", Assert.Throws<ArgumentOutOfRangeException>(() => status.ShareOfTarget(-0.5m)).ParamName);
    }
}
