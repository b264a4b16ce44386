using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Agreements.Events;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Testing;

namespace ServiceQuality.Domain.Tests.Agreements;

/// <summary>Agreement events and the values in them compare by the contents of their lists, not by the lists' identity.</summary>
public sealed class AgreementEventEqualityTests
{
    private static readonly AgreementId Id = new("PM-2025");
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);

    // Short lists over few values, so that two drawn lists are often equal and often not.
    private static readonly Gen<decimal[]> Stages = Gen.ArrayOf(Gen.Elements(25m, 50m, 50.0m, 75m)).Select(s => s.Take(3).ToArray());
    private static readonly Gen<Metric[]> Metrics = Gen.ArrayOf(Gen.Elements(Metric.FirstResponse, Metric.Resolution)).Select(m => m.Take(3).ToArray());
    private static readonly Gen<ServiceTier[]> Tiers = Gen.ArrayOf(Gen.Elements(ServiceTier.Gold, ServiceTier.Vip)).Select(t => t.Take(2).ToArray());

    private static readonly Gen<(decimal[] Stages, Metric[] Paused, ServiceTier[] Tiers, bool Objective)> Drafts =
        from stages in Stages
        from paused in Metrics
        from tiers in Tiers
        from objective in Gen.Elements(true, false)
        select (stages, paused, tiers, objective);

    [Fact]
    public void Events_WithEqualListsInDifferentInstances_AreEqualWithEqualHashCodes()
    {
        AgreementEvent[] first = [Drafted([50m, 75m], [Metric.Resolution], [ServiceTier.Gold], true), new PauseRuleSet(Id, T0, HoldReason.WaitingForCustomer, [Metric.Resolution]), new WarningStagesSet(Id, T0, [50m, 75m])];
        AgreementEvent[] second = [Drafted([50m, 75m], [Metric.Resolution], [ServiceTier.Gold], true), new PauseRuleSet(Id, T0, HoldReason.WaitingForCustomer, new List<Metric> { Metric.Resolution }), new WarningStagesSet(Id, T0, new List<decimal> { 50m, 75m })];

        Assert.Equal(first, second);
        Assert.Equal(first.Select(e => e.GetHashCode()), second.Select(e => e.GetHashCode()));
    }

    [Fact]
    public void Events_ThatDifferInAListOrAnotherMember_AreNotEqual()
    {
        Assert.NotEqual(new WarningStagesSet(Id, T0, [50m, 75m]), new WarningStagesSet(Id, T0, [75m, 50m]));
        Assert.NotEqual(new WarningStagesSet(Id, T0, [50m]), new WarningStagesSet(Id, T0 + Duration.FromSeconds(1), [50m]));
        Assert.NotEqual(new PauseRuleSet(Id, T0, HoldReason.WaitingForCustomer, [Metric.Resolution]), new PauseRuleSet(Id, T0, HoldReason.WaitingForThirdParty, [Metric.Resolution]));
        Assert.NotEqual<AgreementEvent>(new WarningStagesSet(Id, T0, []), new AgreementRetired(Id, T0));
        Assert.NotEqual(Drafted([50m], [], [], false), Drafted([50m], [], [], false) with { Name = "Other" });
    }

    [Fact]
    public void History_RebuiltFromCopiedEvents_EqualsTheOriginal()
    {
        var agreement = new AgreementBuilder()
            .WithTarget(Metric.Resolution, Duration.FromHours(8))
            .PausedBy(HoldReason.WaitingForCustomer, Metric.Resolution)
            .WithStages(50m, 80m)
            .Build();
        var copied = agreement.History.Select(e => e switch
        {
            PauseRuleSet p => p with { Metrics = [.. p.Metrics] },
            WarningStagesSet w => w with { Stages = [.. w.Stages] },
            AgreementDrafted d => d with { Targets = [.. d.Targets], WarningStages = [.. d.WarningStages], Applicability = d.Applicability with { Tiers = [.. d.Applicability.Tiers] } },
            _ => e,
        }).ToList();

        var rebuilt = ServiceLevelAgreement.FromHistory(copied);

        Assert.Equal(agreement.History, rebuilt.History);
        Assert.Equal(agreement.PauseRules, rebuilt.PauseRules.Select(p => p with { Metrics = [.. p.Metrics] }));
    }

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property WarningStagesSet_IsEqualExactlyWhenTheStagesAre() =>
        Prop.ForAll(Stages.ToArbitrary(), Stages.ToArbitrary(), (a, b) =>
            AssertEqualityFollows(new WarningStagesSet(Id, T0, a), new WarningStagesSet(Id, T0, new List<decimal>(b)), a.SequenceEqual(b)));

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property PauseRuleSetAndPauseRule_AreEqualExactlyWhenTheMetricsAre() =>
        Prop.ForAll(Metrics.ToArbitrary(), Metrics.ToArbitrary(), (a, b) =>
        {
            AssertEqualityFollows(
                new PauseRuleSet(Id, T0, HoldReason.WaitingForCustomer, a), new PauseRuleSet(Id, T0, HoldReason.WaitingForCustomer, new List<Metric>(b)), a.SequenceEqual(b));
            AssertEqualityFollows(new PauseRule(HoldReason.WaitingForCustomer, a), new PauseRule(HoldReason.WaitingForCustomer, [.. b]), a.SequenceEqual(b));
        });

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property AgreementDrafted_IsEqualExactlyWhenEveryListIs() =>
        Prop.ForAll(Drafts.ToArbitrary(), Drafts.ToArbitrary(), (a, b) =>
            AssertEqualityFollows(
                Drafted(a.Stages, a.Paused, a.Tiers, a.Objective),
                Drafted([.. b.Stages], [.. b.Paused], [.. b.Tiers], b.Objective),
                a.Stages.SequenceEqual(b.Stages) && a.Paused.SequenceEqual(b.Paused) && a.Tiers.SequenceEqual(b.Tiers) && a.Objective == b.Objective));

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property Applicability_IsEqualExactlyWhenEveryListIs() =>
        Prop.ForAll(Tiers.ToArbitrary(), Tiers.ToArbitrary(), (a, b) =>
            AssertEqualityFollows(
                Applicability.Any with { Tiers = a, Channels = [Channel.Hotline] },
                Applicability.Any with { Tiers = new List<ServiceTier>(b), Channels = new List<Channel> { Channel.Hotline } },
                a.SequenceEqual(b)));

    /// <summary>Equal exactly when <paramref name="equal"/>; equal values have equal hash codes, whichever way they are compared.</summary>
    private static void AssertEqualityFollows<T>(T left, T right, bool equal)
        where T : class, IEquatable<T>
    {
        Assert.Equal(equal, left.Equals(right));
        Assert.Equal(equal, right.Equals(left));
        Assert.Equal(equal, Equals(left, (object)right));
        if (equal)
        {
            Assert.Equal(left.GetHashCode(), right.GetHashCode());
        }
    }

    private static AgreementDrafted Drafted(decimal[] stages, Metric[] paused, ServiceTier[] tiers, bool objective) =>
        new(
            Id, T0, 1, "Property management", AgreementKind.ServiceLevel, "hours",
            [new ServiceTarget(Metric.Resolution, Priority.P2, null, Duration.FromHours(8), TimeBasis.BusinessTime)],
            paused.Length == 0 ? [] : [new PauseRule(HoldReason.WaitingForCustomer, paused)],
            stages,
            ReopenBehaviour.ContinueClock,
            Applicability.Any with { Tiers = tiers },
            objective ? [new KpiObjective(Kpi.SatisfactionRate, Comparison.AtLeast, 95m)] : []);
}
