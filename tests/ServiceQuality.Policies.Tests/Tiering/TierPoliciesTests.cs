using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Policies.Tiering;

namespace ServiceQuality.Policies.Tests.Tiering;

public sealed class TierPoliciesTests
{
    private static readonly ITierPolicy Pareto = TierPolicies.Pareto(ServiceTier.Key, ServiceTier.Gold, ServiceTier.Ordinary);

    private static TierCandidate Candidate(string id, decimal spend) => new(new CustomerId(id), Money.Yuan(spend));

    [Fact]
    public void Pareto_GivesTheTopEightyPercentOfSpendTierA()
    {
        // Total 1,000: a (600) starts at 0 %, b (200) at 60 %, c (100) at 80 %, d (60) at 90 %, e (40) at 96 %.
        var population = new[] { Candidate("c", 100), Candidate("a", 600), Candidate("e", 40), Candidate("b", 200), Candidate("d", 60) };

        var decisions = Pareto.Classify(population);

        Assert.Equal(["c", "a", "e", "b", "d"], decisions.Select(d => d.Customer.Value));
        Assert.Equal([ServiceTier.Gold, ServiceTier.Key, ServiceTier.Ordinary, ServiceTier.Key, ServiceTier.Gold], decisions.Select(d => d.Tier));
        Assert.Equal(["pareto.b", "pareto.a", "pareto.c", "pareto.a", "pareto.b"], decisions.Select(d => d.ReasonCode));
        Assert.All(decisions, d => Assert.Equal(Pareto.Description, d.Policy));
    }

    [Fact]
    public void PracticeDefaults_AreParetoIntoKeyGoldAndOrdinaryWithTheGivenCuts()
    {
        var population = new[] { Candidate("c", 100), Candidate("a", 600), Candidate("e", 40), Candidate("b", 200), Candidate("d", 60) };

        Assert.Equal(Pareto.Classify(population), TierPolicies.PracticeDefaults().Classify(population));
        Assert.Equal(
            [ServiceTier.Ordinary, ServiceTier.Key, ServiceTier.Ordinary, ServiceTier.Gold, ServiceTier.Ordinary],
            TierPolicies.PracticeDefaults(50m, 80m).Classify(population).Select(d => d.Tier));
    }

    [Fact]
    public void Pareto_GivesEqualSpendTheSameTierAndNoSpendTierC()
    {
        var decisions = Pareto.Classify([Candidate("x", 500), Candidate("y", 500), Candidate("z", 0)]);

        Assert.Equal([ServiceTier.Key, ServiceTier.Key, ServiceTier.Ordinary], decisions.Select(d => d.Tier));
        Assert.Equal("pareto.no-spend", decisions[2].ReasonCode);
        Assert.Empty(Pareto.Classify([]));
    }

    [Fact]
    public void Pareto_WithMixedCurrenciesOrBadCuts_IsRefused()
    {
        Assert.Equal("population", Assert.Throws<ArgumentException>(() => Pareto.Classify([Candidate("a", 1), new TierCandidate(new CustomerId("b"), new Money(1, "USD"))])).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => TierPolicies.Pareto(ServiceTier.Key, ServiceTier.Gold, ServiceTier.Ordinary, 96m, 95m));
        Assert.Throws<ArgumentOutOfRangeException>(() => TierPolicies.Pareto(ServiceTier.Key, ServiceTier.Gold, ServiceTier.Ordinary, 80m, 101m));
    }

    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property Pareto_IsMonotoneInContribution() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 10_000)).ToArbitrary(), spends =>
        {
            var population = spends.Select((s, i) => Candidate("c" + i, s)).ToArray();
            var decisions = Pareto.Classify(population);
            for (var i = 0; i < population.Length; i++)
            {
                for (var j = 0; j < population.Length; j++)
                {
                    if (population[i].Spend.Amount >= population[j].Spend.Amount)
                    {
                        Assert.True(decisions[i].Tier >= decisions[j].Tier, $"{population[i]} got {decisions[i].Tier}, {population[j]} got {decisions[j].Tier}");
                    }
                }
            }
        });

    [Fact]
    public void SpendThresholds_GiveTheHighestTierReached()
    {
        var policy = TierPolicies.SpendThresholds(ServiceTier.Ordinary, (Money.Yuan(10_000), ServiceTier.Gold), (Money.Yuan(100_000), ServiceTier.Key));

        var decisions = policy.Classify([Candidate("a", 9_999.99m), Candidate("b", 10_000), Candidate("c", 250_000)]);

        Assert.Equal([ServiceTier.Ordinary, ServiceTier.Gold, ServiceTier.Key], decisions.Select(d => d.Tier));
        Assert.Equal("population", Assert.Throws<ArgumentException>(() => policy.Classify([new TierCandidate(new CustomerId("u"), new Money(1, "USD"))])).ParamName);
    }

    [Fact]
    public void Highest_TakesTheHighestTierOfItsPolicies()
    {
        var vipList = TierPolicies.FromDelegate("VIP list", c => c.Customer.Value == "small-but-vip" ? ServiceTier.Vip : ServiceTier.Ordinary);
        var combined = TierPolicies.Highest(Pareto, vipList);

        var decisions = combined.Classify([Candidate("big", 1000), Candidate("small-but-vip", 1), Candidate("small", 1)]);

        Assert.Equal([ServiceTier.Key, ServiceTier.Vip, ServiceTier.Ordinary], decisions.Select(d => d.Tier));
        Assert.Equal("VIP list", decisions[1].Policy);
        Assert.Contains(Pareto.Description, combined.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AnnualReselection_DecidesFromLastYearsSpendAndReturnsOnlyChanges()
    {
        var at = Instant.FromUtc(2024, 12, 31, 0, 0);
        var big = Customer.Register(new CustomerId("big"), "Big Co", ContactDetails.None, ServiceTier.Ordinary, new LocalDate(2020, 1, 1), at);
        var small = Customer.Register(new CustomerId("small"), "Small", ContactDetails.None, ServiceTier.Ordinary, new LocalDate(2020, 1, 1), at);
        big.RecordSpend(2024, Money.Yuan(900), at);
        small.RecordSpend(2024, Money.Yuan(40), at);
        small.RecordSpend(2025, Money.Yuan(5000), at);

        var changes = AnnualReselection.Reselect(Pareto, [big, small], 2025, "CNY");

        var change = Assert.Single(changes);
        Assert.Equal((new CustomerId("big"), ServiceTier.Ordinary, ServiceTier.Key, new LocalDate(2025, 1, 1)), (change.Customer, change.From, change.Decision.Tier, change.EffectiveFrom));
        change.ApplyTo(big, at);
        Assert.Equal(ServiceTier.Key, big.TierOn(new LocalDate(2025, 1, 1)));
        Assert.Equal(ServiceTier.Ordinary, big.TierOn(new LocalDate(2024, 12, 31)));
        Assert.Equal("customer", Assert.Throws<ArgumentException>(() => change.ApplyTo(small, at)).ParamName);
    }

    [Fact]
    public void Entitlements_ByTierWithGreenChannelRaisingPriority()
    {
        var key = EntitlementCatalog.Default.For(ServiceTier.Key);

        Assert.True(key.DedicatedAccountManager && key.OnSiteService);
        Assert.Equal((2, Period.FromMonths(3)), (key.SeniorVisitsPerYear, key.ReviewEvery!));
        Assert.Equal(Priority.P2, key.RaisePriority(Priority.P3));
        Assert.Equal(Priority.P1, key.RaisePriority(Priority.P1));
        Assert.Equal(TierEntitlements.Standard(ServiceTier.ClassA), EntitlementCatalog.Default.For(ServiceTier.ClassA));
        Assert.Equal(Priority.P4, EntitlementCatalog.Default.For(ServiceTier.Ordinary).RaisePriority(Priority.P4));
        Assert.Throws<ArgumentException>(() => new EntitlementCatalog([TierEntitlements.Standard(ServiceTier.Gold), TierEntitlements.Standard(ServiceTier.Gold)]));
    }
}
