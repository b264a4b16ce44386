using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Testing;

namespace ServiceQuality.Domain.Tests.Agreements;

public sealed class ServiceLevelAgreementTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 1, 1, 0, 0);

    private static Instant At(int minutes) => T0 + Duration.FromMinutes(minutes);

    private static ServiceLevelAgreement Drafted()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA-PM"), "Property management service commitment", AgreementKind.ServiceLevel, T0);
        sla.SetCalendar("china-2025", At(1));
        sla.AddTarget(Metric.FirstResponse, null, null, Duration.FromHours(4), TimeBasis.BusinessTime, At(2));
        sla.AddTarget(Metric.FirstResponse, Priority.P1, null, Duration.FromMinutes(30), TimeBasis.CalendarTime, At(3));
        sla.AddTarget(Metric.FirstResponse, null, ServiceTier.Key, Duration.FromHours(1), TimeBasis.BusinessTime, At(4));
        sla.AddTarget(Metric.FirstResponse, Priority.P1, ServiceTier.Key, Duration.FromMinutes(15), TimeBasis.CalendarTime, At(5));
        return sla;
    }

    [Fact]
    public void Draft_StartsAtVersionOneWithDefaults()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA-1"), "Hotline", AgreementKind.OperationalLevel, T0);

        Assert.Equal((1, AgreementStatus.Draft, AgreementKind.OperationalLevel, ReopenBehaviour.ContinueClock), (sla.Version, sla.Status, sla.Kind, sla.Reopen));
        Assert.Equal([50m, 75m], sla.WarningStages);
        Assert.Same(Applicability.Any, sla.Applicability);
        Assert.Null(sla.CalendarName);
        Assert.Equal(new AgreementReference(new AgreementId("SLA-1"), 1), sla.Reference);
    }

    [Fact]
    public void TargetFor_ResolvesTheMostSpecificCell()
    {
        var sla = Drafted();

        Assert.Equal(Duration.FromMinutes(15), sla.TargetFor(Metric.FirstResponse, Priority.P1, ServiceTier.Key)!.Target);
        Assert.Equal(Duration.FromMinutes(30), sla.TargetFor(Metric.FirstResponse, Priority.P1, ServiceTier.Gold)!.Target);
        Assert.Equal(Duration.FromHours(1), sla.TargetFor(Metric.FirstResponse, Priority.P3, ServiceTier.Key)!.Target);
        Assert.Equal(Duration.FromHours(4), sla.TargetFor(Metric.FirstResponse, Priority.P3, ServiceTier.Ordinary)!.Target);
        Assert.Null(sla.TargetFor(Metric.Resolution, Priority.P1, ServiceTier.Key));
    }

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property TargetFor_AgreesWithTheMostSpecificCellRule_OnRandomMatricesAsCellsAreAdded()
    {
        var cell = Gen.Elements(Enum.GetValues<Metric>().Where(m => m is not (Metric.InvestigationDeadline or Metric.LossReport)).ToArray())
            .SelectMany(metric => Gen.Elements<Priority?>(null, Priority.P1, Priority.P2, Priority.P3, Priority.P4)
                .SelectMany(priority => Gen.Elements<ServiceTier?>(null, ServiceTier.Ordinary, ServiceTier.Gold, ServiceTier.Key)
                    .Select(tier => (Metric: metric, Priority: priority, Tier: tier))));
        var matrices = Gen.Choose(1, 30).SelectMany(n => Gen.ArrayOf(cell, n)).ToArbitrary();
        ServiceTier[] tiers = [ServiceTier.Ordinary, ServiceTier.Gold, ServiceTier.Vip, ServiceTier.Key];

        return Prop.ForAll(matrices, cells =>
        {
            var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA-M"), "matrix", AgreementKind.ServiceLevel, T0);
            foreach (var (index, (metric, priority, tier)) in cells.Distinct().Select((cell, i) => (i, cell)))
            {
                sla.AddTarget(metric, priority, tier, Duration.FromMinutes(index + 1), TimeBasis.CalendarTime, T0);

                // Every lookup after every addition: a table built for an earlier matrix must not answer for this one.
                foreach (var (m, p, t) in Enum.GetValues<Metric>().SelectMany(m => Enum.GetValues<Priority>().SelectMany(p => tiers.Select(t => (m, p, t)))))
                {
                    var matching = sla.Targets.Where(c => c.Metric == m && (c.Priority is null || c.Priority == p) && (c.Tier is null || c.Tier == t)).ToList();
                    var expected = matching.FirstOrDefault(c => c.Priority is not null && c.Tier is not null)
                        ?? matching.FirstOrDefault(c => c.Priority is not null)
                        ?? matching.FirstOrDefault(c => c.Tier is not null)
                        ?? matching.FirstOrDefault();
                    Assert.Same(expected, sla.TargetFor(m, p, t));
                }
            }
        });
    }

    [Fact]
    public void AddTarget_NonPositiveOrDuplicateCell_IsRefused()
    {
        var sla = Drafted();
        DomainAssert.Refused(RuleCode.TargetDurationMustBePositive, sla, a => a.AddTarget(Metric.Resolution, null, null, Duration.Zero, TimeBasis.BusinessTime, At(10)));
        DomainAssert.Refused(RuleCode.TargetCellMustBeUnique, sla, a => a.AddTarget(Metric.FirstResponse, Priority.P1, null, Duration.FromHours(2), TimeBasis.BusinessTime, At(10)));
    }

    [Fact]
    public void SetWarningStages_OutsideZeroToHundred_IsRefused()
    {
        var sla = Drafted();
        sla.SetWarningStages([90m, 25m, 50m], At(10));
        Assert.Equal([25m, 50m, 90m], sla.WarningStages);
        DomainAssert.Refused(RuleCode.WarningStageMustBeWithinRange, sla, a => a.SetWarningStages([50m, 100m], At(11)));
        DomainAssert.Refused(RuleCode.WarningStageMustBeWithinRange, sla, a => a.SetWarningStages([0m], At(11)));
    }

    [Fact]
    public void PauseOnReopenApplicabilityAndObjectives_AreRecorded()
    {
        var sla = Drafted();
        sla.PauseOn(HoldReason.WaitingForCustomer, [Metric.Resolution, Metric.NextResponse], At(10));
        sla.PauseOn(HoldReason.WaitingForCustomer, [Metric.Resolution], At(11));
        sla.SetReopenBehaviour(ReopenBehaviour.NewCycle, At(12));
        sla.SetApplicability(Applicability.Any with { Tiers = [ServiceTier.Key, ServiceTier.Vip], Kinds = [TicketKind.RepairRequest] }, At(13));
        sla.AddKpiObjective(Kpi.SatisfactionRate, Comparison.AtLeast, 95m, At(14));

        Assert.True(sla.IsPausedBy(HoldReason.WaitingForCustomer, Metric.Resolution));
        Assert.False(sla.IsPausedBy(HoldReason.WaitingForCustomer, Metric.NextResponse));
        Assert.False(sla.IsPausedBy(HoldReason.WaitingForThirdParty, Metric.Resolution));
        Assert.Equal(ReopenBehaviour.NewCycle, sla.Reopen);
        Assert.True(sla.Applicability.CoversTicket(ServiceTier.Key, TicketKind.RepairRequest, Channel.Online, Priority.P2));
        Assert.False(sla.Applicability.CoversTicket(ServiceTier.Gold, TicketKind.RepairRequest, Channel.Online, Priority.P2));
        Assert.True(sla.Applicability.CoversComplaint(ServiceTier.Vip, ComplaintCategory.Billing, Channel.Email));
        Assert.Equal(new KpiObjective(Kpi.SatisfactionRate, Comparison.AtLeast, 95m), Assert.Single(sla.Objectives));
        DomainAssert.Refused(RuleCode.KpiThresholdMustBeAPercentage, sla, a => a.AddKpiObjective(Kpi.ClosingRate, Comparison.AtLeast, 101m, At(15)));
    }

    [Fact]
    public void Publish_FreezesTheVersion()
    {
        var sla = Drafted();
        sla.Publish(effectiveFrom: At(60), At(10));

        Assert.Equal((AgreementStatus.Published, (Instant?)At(60)), (sla.Status, sla.EffectiveFrom));
        DomainAssert.Refused(RuleCode.PublishedAgreementIsFrozen, sla, a => a.AddTarget(Metric.Resolution, null, null, Duration.FromDays(1), TimeBasis.BusinessTime, At(11)));
        DomainAssert.Refused(RuleCode.PublishedAgreementIsFrozen, sla, a => a.SetWarningStages([60m], At(11)));
        DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, sla, a => a.Publish(At(60), At(11)));
    }

    [Fact]
    public void Publish_WithoutTargets_IsRefused()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA-1"), "Empty", AgreementKind.ServiceLevel, T0);
        DomainAssert.Refused(RuleCode.AgreementNeedsTargetsToPublish, sla, a => a.Publish(T0, At(1)));
    }

    [Fact]
    public void Revise_StartsTheNextVersionWithTheSameTermsAndLeavesThePublishedOneAlone()
    {
        var v1 = Drafted();
        DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, v1, a => a.Revise(At(9)));
        v1.Publish(At(10), At(10));
        var v2 = v1.Revise(At(20));
        v2.AddTarget(Metric.Resolution, null, null, Duration.FromDays(2), TimeBasis.BusinessTime, At(21));

        Assert.Equal((2, AgreementStatus.Draft, "china-2025"), (v2.Version, v2.Status, v2.CalendarName));
        Assert.Equal(5, v2.Targets.Count);
        Assert.Equal(4, v1.Targets.Count);
        Assert.Equal(AgreementStatus.Published, v1.Status);
    }

    [Fact]
    public void Retire_OnlyAPublishedVersion()
    {
        var sla = Drafted();
        DomainAssert.Refused(RuleCode.TransitionMustBeAllowed, sla, a => a.Retire(At(10)));
        sla.Publish(At(10), At(10));
        sla.Retire(At(20));
        Assert.Equal(AgreementStatus.Retired, sla.Status);
        DomainAssert.Refused(RuleCode.PublishedAgreementIsFrozen, sla, a => a.SetCalendar(null, At(30)));
    }

    [Fact]
    public void FromHistory_OfARevision_RebuildsItsTerms()
    {
        var v1 = Drafted();
        v1.Publish(At(10), At(10));
        var v2 = v1.Revise(At(20));

        var rebuilt = ServiceLevelAgreement.FromHistory(v2.History);

        Assert.Equal((2, 4, "china-2025"), (rebuilt.Version, rebuilt.Targets.Count, rebuilt.CalendarName));
    }
}
