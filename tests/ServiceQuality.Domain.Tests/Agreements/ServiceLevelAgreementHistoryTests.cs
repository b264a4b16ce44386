using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Agreements.Events;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tests.TestSupport;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Tests.Agreements;

/// <summary><see cref="ServiceLevelAgreement.FromHistory"/> refuses what the agreement's commands could not have raised, naming the first bad event.</summary>
public sealed class ServiceLevelAgreementHistoryTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 1, 1, 0, 0);
    private static readonly AgreementId Id = new("SLA-1");
    private static readonly ServiceTarget Resolution = new(Metric.Resolution, null, null, Duration.FromHours(8), TimeBasis.BusinessTime);

    private static Instant At(int minutes) => T0 + Duration.FromMinutes(minutes);

    private static AgreementDrafted Drafted => new(
        Id, T0, 1, "Residents", AgreementKind.ServiceLevel, null, [], [], [50m, 75m], ReopenBehaviour.ContinueClock, Applicability.Any, []);

    private static AgreementEvent[] Published => [Drafted, new TargetAdded(Id, At(1), Resolution), new AgreementPublished(Id, At(2), T0)];

    [Fact]
    public void FromHistory_OfAValidHistory_CountsTheEventsAsTheStreamVersionBesideTheAgreementsOwnVersion()
    {
        var agreement = ServiceLevelAgreement.FromHistory(Published);

        var revision = agreement.Revise(At(3));

        Assert.Equal((3, 1), (agreement.StreamVersion, agreement.Version));
        Assert.Equal((1, 2), (revision.StreamVersion, revision.Version));
    }

    [Fact]
    public void FromHistory_WithANullEventOrOneOfAnotherAgreement_IsRefusedAtItsIndex()
    {
        HistoryAssert.RefusedAt(1, () => ServiceLevelAgreement.FromHistory([Drafted, null!]));
        HistoryAssert.RefusedAt(1, () => ServiceLevelAgreement.FromHistory([Drafted, new TargetAdded(new AgreementId("SLA-2"), At(1), Resolution)]));
    }

    [Fact]
    public void FromHistory_WithEmptyMissingOrUndefinedValuesInTheDraft_IsRefusedAtIndexZero()
    {
        HistoryAssert.RefusedValueAt(0, () => ServiceLevelAgreement.FromHistory([Drafted with { AgreementId = default }]));
        HistoryAssert.RefusedValueAt(0, () => ServiceLevelAgreement.FromHistory([Drafted with { Version = 0 }]));
        HistoryAssert.RefusedValueAt(0, () => ServiceLevelAgreement.FromHistory([Drafted with { Name = " " }]));
        HistoryAssert.RefusedValueAt(0, () => ServiceLevelAgreement.FromHistory([Drafted with { Targets = null! }]));
        HistoryAssert.RefusedValueAt(0, () => ServiceLevelAgreement.FromHistory([Drafted with { Targets = [Resolution with { Tier = default(ServiceTier) }] }]));
        HistoryAssert.RefusedValueAt(0, () => ServiceLevelAgreement.FromHistory([Drafted with { Applicability = Applicability.Any with { Tiers = [default] } }]));
        HistoryAssert.RefusedValueAt(0, () => ServiceLevelAgreement.FromHistory([Drafted with { Applicability = Applicability.Any with { Kinds = null! } }]));
        HistoryAssert.RefusedValueAt(0, () => ServiceLevelAgreement.FromHistory([Drafted with { Pauses = [new PauseRule(HoldReason.WaitingForCustomer, [(Metric)99])] }]));
        HistoryAssert.RefusedValueAt(0, () => ServiceLevelAgreement.FromHistory([Drafted with { WarningStages = [75m, 50m] }]));
        HistoryAssert.RefusedValueAt(0, () => ServiceLevelAgreement.FromHistory([Drafted with { Objectives = [new KpiObjective((Kpi)99, Comparison.AtLeast, 95m)] }]));
    }

    [Fact]
    public void FromHistory_WithRulesBrokenInTheDraft_IsRefusedByThoseRulesAtIndexZero()
    {
        HistoryAssert.RefusedByRuleAt(0, RuleCode.TargetCellMustBeUnique, () => ServiceLevelAgreement.FromHistory([Drafted with { Targets = [Resolution, Resolution] }]));
        HistoryAssert.RefusedByRuleAt(0, RuleCode.TargetDurationMustBePositive, () => ServiceLevelAgreement.FromHistory([Drafted with { Targets = [Resolution with { Target = Duration.Zero }] }]));
        HistoryAssert.RefusedByRuleAt(0, RuleCode.WarningStageMustBeWithinRange, () => ServiceLevelAgreement.FromHistory([Drafted with { WarningStages = [100m] }]));
        HistoryAssert.RefusedByRuleAt(0, RuleCode.KpiThresholdMustBeAPercentage, () => ServiceLevelAgreement.FromHistory(
            [Drafted with { Objectives = [new KpiObjective(Kpi.SlaCompliance, Comparison.AtLeast, 101m)] }]));
    }

    [Fact]
    public void FromHistory_WithAnEventItsCommandsRuleRefuses_IsRefusedByThatRuleAtItsIndex()
    {
        HistoryAssert.RefusedByRuleAt(3, RuleCode.PublishedAgreementIsFrozen, () => ServiceLevelAgreement.FromHistory([.. Published, new AgreementCalendarSet(Id, At(3), "desk")]));
        HistoryAssert.RefusedByRuleAt(1, RuleCode.AgreementNeedsTargetsToPublish, () => ServiceLevelAgreement.FromHistory([Drafted, new AgreementPublished(Id, At(1), T0)]));
        HistoryAssert.RefusedByRuleAt(1, RuleCode.TransitionMustBeAllowed, () => ServiceLevelAgreement.FromHistory([Drafted, new AgreementRetired(Id, At(1))]));
        HistoryAssert.RefusedByRuleAt(2, RuleCode.TargetCellMustBeUnique, () => ServiceLevelAgreement.FromHistory(
            [Drafted, new TargetAdded(Id, At(1), Resolution), new TargetAdded(Id, At(2), Resolution with { Target = Duration.FromHours(1) })]));
    }

    [Fact]
    public void FromHistory_WithEmptyValuesInALaterEvent_IsRefusedAtItsIndex()
    {
        HistoryAssert.RefusedValueAt(1, () => ServiceLevelAgreement.FromHistory([Drafted, new TargetAdded(Id, At(1), null!)]));
        HistoryAssert.RefusedValueAt(1, () => ServiceLevelAgreement.FromHistory([Drafted, new PauseRuleSet(Id, At(1), HoldReason.WaitingForCustomer, null!)]));
        HistoryAssert.RefusedValueAt(1, () => ServiceLevelAgreement.FromHistory([Drafted, new ApplicabilitySet(Id, At(1), null!)]));
        HistoryAssert.RefusedValueAt(1, () => ServiceLevelAgreement.FromHistory([Drafted, new AgreementCalendarSet(Id, At(1), "")]));
    }

    [Fact]
    public void FromHistory_GoingBackInTimeOrNotStartingWithTheDraft_IsRefusedAtTheOffendingEvent()
    {
        HistoryAssert.RefusedAt(2, () => ServiceLevelAgreement.FromHistory([Drafted, new TargetAdded(Id, At(5), Resolution), new AgreementPublished(Id, At(4), T0)]));
        HistoryAssert.RefusedAt(0, () => ServiceLevelAgreement.FromHistory(Published.Skip(1)));
        HistoryAssert.RefusedAt(1, () => ServiceLevelAgreement.FromHistory([Drafted, Drafted]));
    }

    [Fact]
    public void AddTargetAndSetApplicability_WithADefaultTier_AreRefusedAsArguments()
    {
        var agreement = ServiceLevelAgreement.FromHistory([Drafted]);

        Assert.Equal("tier", Assert.Throws<ArgumentException>(() => agreement.AddTarget(Metric.Resolution, null, default(ServiceTier), Duration.FromHours(1), TimeBasis.BusinessTime, At(1))).ParamName);
        Assert.Equal("applicability", Assert.Throws<ArgumentException>(() => agreement.SetApplicability(Applicability.Any with { Tiers = [default] }, At(1))).ParamName);
    }
}
