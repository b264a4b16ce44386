using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Policies.Credits;
using ServiceQuality.Policies.Definitions;
using ServiceQuality.Policies.Scoring;
using ServiceQuality.Policies.Tiering;
using ServiceQuality.Policies.Trust;

namespace ServiceQuality.Json.Tests.Files;

public sealed class PolicyDefinitionsTests
{
    private static readonly string Example = RepositoryFiles.SampleData("definitions.json");

    [Fact]
    public void Load_TheShippedExample_SetsEveryPolicySection()
    {
        var policies = DefinitionsFile.Load(Example).Policies;

        Assert.Equal(["Team lead", "Supervisor", "Manager", "Director"], policies.Ladder!.Steps.Select(s => s.Name));
        Assert.Equal(7, policies.EscalationRules!.Count);
        Assert.Contains(policies.EscalationRules, r => r.Description.Contains("claimed loss above", StringComparison.Ordinal));
        Assert.Equal(Money.Yuan(500m), policies.FrontLineLimit);
        Assert.Equal("china-2025", policies.NotificationCalendar);
        Assert.Equal(["service", "complaints", "satisfaction", "callbacks", "conduct"], policies.Scorecard!.Sections.Select(s => s.Name));
        Assert.Equal(8, policies.ScoringRules!.Count);
        Assert.Equal((80m, 60m, 10m), (policies.Standings!.YellowBelow, policies.Standings.RedBelow, policies.Standings.BottomSharePercent));
        Assert.Equal([85m, 90m, 95m, 98m], policies.Standings.StarsFrom);
        Assert.NotNull(policies.Callbacks);
        var trust = Assert.IsType<TrustPolicy>(policies.Trust); // the stock settings, spelled out
        Assert.Equal(TrustModel.Standard, trust.Model);
        Assert.Equal(TrustPolicy.Standard.Thresholds, trust.Thresholds);
    }

    [Fact]
    public void Load_TheShippedTierPolicy_ClassifiesByParetoCuts()
    {
        var tiers = DefinitionsFile.Load(Example).Policies.Tiers!;
        // Spends 70, 20, 6, 4: a customer is in a class while the spend ranked above them is below its cut —
        // 0 % and 70 % are below 80 % (key), 90 % is below 95 % (gold), 96 % is not (ordinary).
        TierCandidate Candidate(string id, decimal spend) => new(new CustomerId(id), Money.Yuan(spend));

        var decisions = tiers.Classify([Candidate("a", 70m), Candidate("b", 20m), Candidate("c", 6m), Candidate("d", 4m)]);

        Assert.Equal([ServiceTier.Key, ServiceTier.Key, ServiceTier.Gold, ServiceTier.Ordinary], decisions.Select(d => d.Tier));
    }

    [Theory]
    [InlineData(9_995, 0)]
    [InlineData(9_500, 0)]
    [InlineData(9_499, 50)]
    [InlineData(9_000, 50)]
    [InlineData(8_999, 100)]
    [InlineData(7_000, 250)]
    public void Load_TheShippedCreditBands_CreditTheBandTheComplianceFallsIn(int metOutOfTenThousand, int expectedCredit)
    {
        var credits = DefinitionsFile.Load(Example).Policies.Credits!;
        var end = Instant.FromUtc(2025, 2, 1, 0, 0);

        var credit = credits.Compute(new ServiceCreditRequest(new Ratio(metOutOfTenThousand, 10_000), Money.Yuan(1000m), end, end + Duration.FromDays(1)));

        Assert.Equal(Money.Yuan(expectedCredit), credit.Amount);
    }

    [Fact]
    public void Load_AFileWithoutPolicySections_KeepsEveryDefault() =>
        Assert.Equal(PolicyDefinitions.None, DefinitionsFile.Load("""{ "calendars": [], "agreements": [] }""").Policies);

    [Fact]
    public void Load_ThresholdTiers_ClassifyBySpend()
    {
        const string file = """
            { "tiers": { "thresholds": { "below": "ordinary", "levels": [
                { "atLeast": { "amount": 10000, "currency": "CNY" }, "tier": "gold" },
                { "atLeast": { "amount": 50000, "currency": "CNY" }, "tier": "key" } ] } } }
            """;
        var tiers = DefinitionsFile.Load(file).Policies.Tiers!;

        var decisions = tiers.Classify([new(new CustomerId("a"), Money.Yuan(9_999m)), new(new CustomerId("b"), Money.Yuan(10_000m)), new(new CustomerId("c"), Money.Yuan(60_000m))]);

        Assert.Equal([ServiceTier.Ordinary, ServiceTier.Gold, ServiceTier.Key], decisions.Select(d => d.Tier));
    }

    [Fact]
    public void Load_BadPolicySections_ReportsEveryProblemWithItsJsonPath()
    {
        const string bad = """
            {
              "tiers": { "pareto": { "a": "platinum", "b": "gold" } },
              "escalation": {
                "ladder": [ { "name": "Lead" } ],
                "rules": [
                  { "rule": "severity", "atLeast": "Huge", "level": 0 },
                  { "rule": "sometimes", "level": 1 },
                  { "rule": "percentOfTarget", "percent": 75, "level": 9, "colour": "red" },
                  { "rule": "percentOfTarget", "percent": 5000, "offset": "P36501D", "level": 1 },
                  { "rule": "severity", "atLeast": "Major", "immediateFrom": "Soon", "level": 1 }
                ],
                "frontLineLimit": { "amount": -1, "currency": "CNY" },
                "notificationCalendar": "nowhere"
              },
              "scoring": {
                "baseScore": 100,
                "sections": [ { "name": "service", "weight": 60 } ],
                "rules": [
                  { "fact": "SlaMet", "section": "speed", "points": 1 },
                  { "fact": "SlaMet", "section": "service" },
                  { "fact": "SlaMissed", "section": "service", "perStar": 1 }
                ],
                "standings": { "yellowBelow": 50, "redBelow": 70, "starsFrom": [90, 85], "bottomSharePercent": 10 }
              },
              "credits": { "bands": [ { "belowPercent": 120, "creditPercent": 10 } ], "capPercent": 120, "claimWindow": "1 month" },
              "callbacks": { "complaintsWithin": "PT0S", "ticketSamplePercent": 150, "ticketsWithin": "PT48H" }
            }
            """;

        var exception = Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(bad));
        Assert.Equal(
            [
                "$.callbacks.complaintsWithin OutOfRange",
                "$.callbacks.ticketSamplePercent OutOfRange",
                "$.credits.bands[0].belowPercent OutOfRange",
                "$.credits.capPercent OutOfRange",
                "$.credits.claimWindow InvalidFormat",
                "$.escalation.frontLineLimit.amount OutOfRange",
                "$.escalation.ladder[0].target MissingProperty",
                "$.escalation.notificationCalendar UnknownReference",
                "$.escalation.rules[0].atLeast UnknownName",
                "$.escalation.rules[0].level OutOfRange",
                "$.escalation.rules[1].rule UnknownName",
                "$.escalation.rules[2].colour UnknownProperty",
                "$.escalation.rules[2].level OutOfRange",
                "$.escalation.rules[3].offset OutOfRange",
                "$.escalation.rules[3].percent OutOfRange",
                "$.escalation.rules[4].immediateFrom UnknownName",
                "$.scoring.rules[0].section UnknownReference",
                "$.scoring.rules[1] Conflict",
                "$.scoring.rules[2].perStar Conflict",
                "$.scoring.sections Conflict",
                "$.scoring.standings.redBelow Conflict",
                "$.scoring.standings.starsFrom Conflict",
                "$.tiers.pareto.a UnknownName",
                "$.tiers.pareto.c MissingProperty",
            ],
            exception.Problems.Select(p => $"{p.Path} {p.Code}").Order(StringComparer.Ordinal));
        Assert.Contains(exception.Problems, p => p.Message.Contains("the weights sum to 60 %", StringComparison.Ordinal));
        Assert.Contains(exception.Problems, p => p.Message.Contains("star thresholds must ascend", StringComparison.Ordinal));
        Assert.DoesNotContain(exception.Problems, p => p.Message.Contains("(Parameter", StringComparison.Ordinal));
        Assert.Equal(0, exception.OmittedProblems);
    }

    [Fact]
    public void Load_AMoneyWithAnUnknownProperty_IsAProblem()
    {
        const string bad = """{ "escalation": { "frontLineLimit": { "amount": 5, "currency": "CNY", "note": "x" } } }""";

        var problem = Assert.Single(Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(bad)).Problems);

        Assert.Equal("$.escalation.frontLineLimit.note", problem.Path);
    }

    [Fact]
    public void Load_ScoringRules_ScoreFactsIntoTheFilesSections()
    {
        const string file = """
            { "scoring": {
                "baseScore": 90,
                "sections": [ { "name": "work", "weight": 100 } ],
                "rules": [ { "fact": "SlaMissed", "section": "work", "points": -5, "reason": "late" },
                           { "fact": "AcceptedGift", "section": "work", "automaticFail": true } ] } }
            """;
        var policies = DefinitionsFile.Load(file).Policies;
        var engine = new ScoringEngine(policies.Scorecard!, policies.ScoringRules!);
        var subject = new ScoreSubject(ScoreSubjectKind.Staff, "s1");
        var at = Instant.FromUtc(2025, 3, 3, 9, 0);
        var period = new Interval(at - Duration.FromDays(1), at + Duration.FromDays(1));

        var late = Assert.Single(engine.Score([new ScoreFact(subject, FactKind.SlaMissed, at), new ScoreFact(subject, FactKind.SlaMissed, at)], period));
        var gift = Assert.Single(engine.Score([new ScoreFact(subject, FactKind.AcceptedGift, at)], period));

        Assert.Equal(80m, late.Total);
        Assert.Equal(0m, gift.Total);
    }

    [Fact]
    public void Load_ATrustSection_DecidesByItsLabelsBandsAndCriticalObjects()
    {
        const string file = """
            { "trust": {
                "reward": 5, "defaultScore": 50,
                "thresholds": { "refund": 45 },
                "labels": [
                  { "name": "Server", "permissions": ["read", "write"], "mayTouch": ["Disk"] },
                  { "name": "Admin", "permissions": ["read", "write", "delete"], "mayTouch": ["Disk", "Database"] },
                  { "name": "Disk" },
                  { "name": "Database", "criticalThreshold": 70 }
                ],
                "bands": [ { "below": 50, "operations": ["read", "write"] }, { "below": 20, "operations": ["read"] } ] } }
            """;

        var trust = Assert.IsType<TrustPolicy>(DefinitionsFile.Load(file).Policies.Trust);

        Assert.Equal((5m, TrustPolicy.Standard.Penalty, 50), (trust.Reward, trust.Penalty, trust.DefaultScore));
        Assert.Equal(new Dictionary<string, int> { ["refund"] = 45 }, trust.Thresholds);
        Assert.Equal(TrustReasons.Allowed, trust.Decide("write", ["Server"], ["Disk"], 60).ReasonCode);
        Assert.Equal(TrustReasons.LabelScope, trust.Decide("read", ["Server"], ["Database"], 100).ReasonCode);
        Assert.Equal(TrustReasons.CriticalObject, trust.Decide("read", ["Admin"], ["Database"], 69).ReasonCode);
        Assert.Equal(TrustReasons.Band, trust.Decide("delete", ["Admin"], ["Disk"], 49).ReasonCode);
        Assert.Equal(TrustReasons.UnknownOperation, trust.Decide("format", ["Admin"], ["Disk"], 100).ReasonCode);
    }

    [Fact]
    public void Load_ATrustSectionWithoutLabels_KeepsTheStockModelAndThresholds()
    {
        var trust = Assert.IsType<TrustPolicy>(DefinitionsFile.Load("""{ "trust": { "penalty": 20 } }""").Policies.Trust);

        Assert.Equal((20m, TrustModel.Standard), (trust.Penalty, trust.Model));
        Assert.Equal(TrustPolicy.Standard.Thresholds, trust.Thresholds);
    }

    [Fact]
    public void Load_BadTrustSection_ReportsEveryProblemWithItsJsonPath()
    {
        const string bad = """
            { "trust": {
                "reward": -1, "defaultScore": 101, "colour": "red",
                "thresholds": { "refund": 120, "": 10 },
                "labels": [
                  { "name": "Server", "permissions": ["read", 7], "mayTouch": ["Disk", "Tape"], "criticalThreshold": 101 },
                  { "name": "Server", "size": 3 },
                  { "name": "Disk", "mayTouch": ["Server"] }
                ],
                "bands": [
                  { "below": 50, "operations": ["read", "format"] },
                  { "below": 60, "operations": ["read"] },
                  { "below": 0, "operations": ["read"] }
                ] } }
            """;

        var exception = Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(bad));

        Assert.Equal(
            [
                "$.trust.bands[0].operations[1] UnknownReference",
                "$.trust.bands[1].below Conflict",
                "$.trust.bands[2].below OutOfRange",
                "$.trust.colour UnknownProperty",
                "$.trust.defaultScore OutOfRange",
                "$.trust.labels[0].criticalThreshold OutOfRange",
                "$.trust.labels[0].mayTouch[1] UnknownReference",
                "$.trust.labels[0].permissions[1] WrongType",
                "$.trust.labels[1].name DuplicateId",
                "$.trust.labels[1].size UnknownProperty",
                "$.trust.reward OutOfRange",
                "$.trust.thresholds.refund OutOfRange",
                "$.trust.thresholds[''] MissingProperty",
            ],
            exception.Problems.Select(p => $"{p.Path} {p.Code}").Order(StringComparer.Ordinal));
    }
}
