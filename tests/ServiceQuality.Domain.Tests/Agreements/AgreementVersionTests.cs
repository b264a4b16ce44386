using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Tests.Agreements;

/// <summary>
/// What the SLA clock reads is an immutable, validated <see cref="AgreementVersion"/>: built in one go by a builder that
/// reports every problem at once, or taken from a published <see cref="ServiceLevelAgreement"/>; the two agree.
/// </summary>
public sealed class AgreementVersionTests
{
    private static readonly Instant Jan = Instant.FromUtc(2025, 1, 1, 0, 0);
    private static readonly Instant Jul = Instant.FromUtc(2025, 7, 1, 0, 0);

    private static AgreementVersionBuilder Valid() =>
        new AgreementVersionBuilder(new AgreementId("SLA"), 1, "Residents", AgreementKind.ServiceLevel)
            .SetCalendar("china")
            .AddTarget(Metric.FirstResponse, null, null, Duration.FromHours(2), TimeBasis.BusinessTime)
            .AddTarget(Metric.Resolution, Priority.P1, ServiceTier.Key, Duration.FromHours(4), TimeBasis.CalendarTime)
            .PauseOn(HoldReason.WaitingForCustomer, [Metric.Resolution, Metric.Resolution])
            .SetWarningStages([75m, 50m])
            .AddKpiObjective(Kpi.SlaCompliance, Comparison.AtLeast, 90m)
            .SetEffective(Jan, Jul);

    [Fact]
    public void Build_GivesTheTermsItWasGiven_ImmutableAndInForceBetweenItsInstants()
    {
        var version = Valid().Build();

        Assert.Equal((new AgreementReference(new AgreementId("SLA"), 1), "china", Jan, (Instant?)Jul), (version.Reference, version.CalendarName, version.EffectiveFrom, version.EffectiveUntil));
        Assert.Equal([50m, 75m], version.WarningStages);
        Assert.Equal([Metric.Resolution], version.PauseRules.Single().Metrics);
        Assert.Equal(Duration.FromHours(4), version.TargetFor(Metric.Resolution, Priority.P1, ServiceTier.Key)!.Target);
        Assert.Null(version.TargetFor(Metric.Resolution, Priority.P2, ServiceTier.Key));
        Assert.True(version.IsPausedBy(HoldReason.WaitingForCustomer, Metric.Resolution));
        Assert.False(version.IsPausedBy(HoldReason.WaitingForCustomer, Metric.FirstResponse));
        Assert.Equal((false, true, true, false), (version.IsInForceAt(Jan - Duration.Epsilon), version.IsInForceAt(Jan), version.IsInForceAt(Jul - Duration.Epsilon), version.IsInForceAt(Jul)));
        Assert.All(
            new object[] { version.Targets, version.PauseRules, version.WarningStages, version.Objectives },
            list => Assert.False(list is System.Collections.IList { IsReadOnly: false }));
    }

    [Fact]
    public void Build_ReportsEveryProblemAtOnce_WithItsCodeAndPath_AndTheBuilderCanBeMendedAndBuiltAgain()
    {
        var builder = new AgreementVersionBuilder(default, 0, " ", AgreementKind.ServiceLevel)
            .AddTarget(Metric.Resolution, null, null, Duration.Zero, TimeBasis.BusinessTime)
            .AddTarget(Metric.Resolution, null, null, Duration.FromHours(1), TimeBasis.BusinessTime)
            .AddTarget(Metric.InvestigationDeadline, null, null, Duration.FromHours(1), TimeBasis.BusinessTime)
            .PauseOn(HoldReason.WaitingForCustomer, [Metric.Resolution])
            .PauseOn(HoldReason.WaitingForCustomer, [(Metric)99])
            .SetWarningStages([0m, 50m, 100m])
            .AddKpiObjective(Kpi.SlaCompliance, Comparison.AtLeast, 101m)
            .SetTeam(new DepartmentId("desk"))
            .SetEffective(Jul, Jan);

        var problems = Assert.Throws<InvalidDefinitionException>(builder.Build).Problems.Select(p => (p.Path, p.Code)).ToList();

        Assert.Equal(
            [
                ("id", ProblemCode.Empty), ("version", ProblemCode.OutOfRange), ("name", ProblemCode.Empty),
                ("targets[0].duration", nameof(RuleCode.TargetDurationMustBePositive)), ("targets[1]", nameof(RuleCode.TargetCellMustBeUnique)),
                ("targets[2].metric", ProblemCode.Unsupported),
                ("pauses[1].reason", ProblemCode.DuplicateId), ("pauses[1].metrics[0]", ProblemCode.UnknownName),
                ("stages[0]", nameof(RuleCode.WarningStageMustBeWithinRange)), ("stages[2]", nameof(RuleCode.WarningStageMustBeWithinRange)),
                ("objectives[0].threshold", nameof(RuleCode.KpiThresholdMustBeAPercentage)),
                ("team", nameof(RuleCode.OnlyOperationalAgreementsHaveATeam)), ("effectiveUntil", ProblemCode.Conflict),
            ],
            problems);
        Assert.Equal(problems, builder.Validate().Select(p => (p.Path, p.Code)));
    }

    [Fact]
    public void Build_WithoutTargetsOrAnEffectiveInstant_IsRefused()
    {
        var problems = new AgreementVersionBuilder(new AgreementId("A"), 1, "a", AgreementKind.OperationalLevel).Validate();

        Assert.Equal([("targets", nameof(RuleCode.AgreementNeedsTargetsToPublish)), ("effectiveFrom", ProblemCode.MissingProperty)], problems.Select(p => (p.Path, p.Code)));
    }

    [Fact]
    public void TwoVersionsWithTheSameTerms_AreEqual_AndDifferWhenATermDiffers()
    {
        var (a, b) = (Valid().Build(), Valid().Build());
        var other = Valid().SetReopenBehaviour(ReopenBehaviour.NewCycle).Build();

        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, other);
        Assert.NotEqual(a, Valid().SetEffective(Jan).Build());
    }

    [Fact]
    public void Published_OfADraft_IsRefused_AndTheClockRefusesTheDraft()
    {
        var draft = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "s", AgreementKind.ServiceLevel, Jan);
        draft.AddTarget(Metric.Resolution, null, null, Duration.FromHours(4), TimeBasis.CalendarTime, Jan);
        var ticket = Ticket.Open(new TicketId("T-1"), new CustomerId("C-1"), TicketKind.Inquiry, Channel.Online, Priority.P3, new StaffId("s"), ServiceTier.Gold, Jan, draft.Reference);

        Assert.Throws<InvalidOperationException>(() => draft.Published);
        Assert.Equal("agreement", Assert.Throws<ArgumentException>(() => SlaClock.EvaluateTicket(ticket.History, draft, CalendarLookup.From([]), Jan)).ParamName);
        Assert.Equal("agreements", Assert.Throws<ArgumentException>(() => SlaClock.EvaluateTicket(ticket.History, [draft], CalendarLookup.From([]), Jan)).ParamName);
        Assert.Equal("versions", Assert.Throws<ArgumentException>(() => new AgreementCatalog([draft])).ParamName);
    }

    [Fact]
    public void Published_OfARetiredAgreement_EndsAtItsRetirement_AndTheVersionTakenBeforeKeepsItsTerms()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "s", AgreementKind.ServiceLevel, Jan);
        sla.AddTarget(Metric.Resolution, null, null, Duration.FromHours(4), TimeBasis.CalendarTime, Jan);
        sla.Publish(Jan, Jan);
        var before = sla.Published;

        sla.Retire(Jul);

        Assert.Null(before.EffectiveUntil);
        Assert.Equal(Jul, sla.Published.EffectiveUntil);
        Assert.False(sla.Published.IsInForceAt(Jul));
    }

    /// <summary>The two ways to a version agree: a builder given an agreement's terms builds what publishing it gives.</summary>
    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property Builder_AndPublishedAggregate_GiveEqualVersions() =>
        Prop.ForAll(Terms().ToArbitrary(), terms =>
        {
            var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "terms", terms.Kind, Jan);
            var builder = new AgreementVersionBuilder(new AgreementId("SLA"), 1, "terms", terms.Kind).SetEffective(Jan + terms.From, terms.Until is { } u ? Jan + terms.From + u : null);
            foreach (var target in terms.Targets)
            {
                sla.AddTarget(target, Jan);
                builder.AddTarget(target);
            }

            foreach (var (reason, metrics) in terms.Pauses)
            {
                sla.PauseOn(reason, metrics, Jan);
                builder.PauseOn(reason, metrics);
            }

            sla.SetWarningStages(terms.Stages, Jan);
            builder.SetWarningStages(terms.Stages);
            sla.SetReopenBehaviour(terms.Reopen, Jan);
            builder.SetReopenBehaviour(terms.Reopen);
            sla.Publish(Jan + terms.From, terms.Until is { } until ? Jan + terms.From + until : null, Jan);

            var built = builder.Build();
            return built.Equals(sla.Published) && built.GetHashCode() == sla.Published.GetHashCode()
                && Enum.GetValues<Metric>().All(m => Enum.GetValues<Priority>().All(p =>
                    Equals(built.TargetFor(m, p, ServiceTier.Key), sla.TargetFor(m, p, ServiceTier.Key))
                    && Equals(built.TargetFor(m, p, ServiceTier.Ordinary), sla.TargetFor(m, p, ServiceTier.Ordinary))));
        });

    private sealed record AgreementTerms(
        AgreementKind Kind, ServiceTarget[] Targets, (HoldReason Reason, Metric[] Metrics)[] Pauses, decimal[] Stages, ReopenBehaviour Reopen, Duration From, Duration? Until);

    private static Gen<AgreementTerms> Terms()
    {
        Metric[] measured = [Metric.FirstResponse, Metric.NextResponse, Metric.Resolution, Metric.OnSiteArrival, Metric.ComplaintResolution];
        var cell = from metric in Gen.Elements(measured)
                   from priority in Gen.Elements<Priority?>(null, Priority.P1, Priority.P2, Priority.P3, Priority.P4)
                   from tier in Gen.Elements<ServiceTier?>(null, ServiceTier.Key, ServiceTier.Ordinary)
                   from minutes in Gen.Choose(1, 10_000)
                   from basis in Gen.Elements(TimeBasis.BusinessTime, TimeBasis.CalendarTime)
                   select new ServiceTarget(metric, priority, tier, Duration.FromMinutes(minutes), basis);
        var pause = from reason in Gen.Elements(HoldReason.WaitingForCustomer, HoldReason.WaitingForThirdParty, new HoldReason("awaiting-parts"))
                    from metrics in Gen.SubListOf(measured)
                    select (reason, metrics.ToArray());
        return from kind in Gen.Elements(AgreementKind.ServiceLevel, AgreementKind.OperationalLevel, AgreementKind.UnderpinningContract)
               from cells in Gen.NonEmptyListOf(cell)
               from pauses in Gen.ListOf(pause)
               from stages in Gen.SubListOf(new[] { 25m, 50m, 75m, 90m })
               from reopen in Gen.Elements(ReopenBehaviour.ContinueClock, ReopenBehaviour.NewCycle)
               from start in Gen.Choose(0, 400)
               from until in Gen.Elements<int?>(null, 1, 30, 365)
               select new AgreementTerms(
                   kind, [.. cells.DistinctBy(c => (c.Metric, c.Priority, c.Tier))], [.. pauses.DistinctBy(p => p.reason)], [.. stages], reopen,
                   Duration.FromDays(start), until is { } u ? Duration.FromDays(u) : null);
    }
}
