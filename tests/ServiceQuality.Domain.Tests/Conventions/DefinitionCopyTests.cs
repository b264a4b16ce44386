using System.Collections;
using System.Reflection;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Definitions;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Policies.Scoring;
using ServiceQuality.Policies.Tiering;
using ServiceQuality.Policies.Trust;

namespace ServiceQuality.Domain.Tests.Conventions;

/// <summary>Definitions copy the lists they are given, and what they hold at run time cannot be changed through a cast.</summary>
public sealed class DefinitionCopyTests
{
    private static readonly Instant Jan = Instant.FromUtc(2025, 1, 1, 0, 0);

    /// <summary>
    /// Instances of the definition types: every static property of a definition type that gives that type (<c>Default</c>,
    /// <c>Standard</c>, <c>None</c>, <c>AlwaysOpen</c> …), and one built from lists of each type that takes them.
    /// </summary>
    private static IEnumerable<object> Samples()
    {
        var types = DefinitionImmutabilityTests.DefinitionTypes().ToList();
        foreach (var property in types.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == t)))
        {
            yield return property.GetValue(null)!;
        }

        var version = Version();
        yield return version;
        yield return new AgreementCatalog([version]);
        yield return new StandingRules(80m, 60m, [85m, 90m], 10m);
        yield return new RecurringSchedule([Period.FromDays(15), Period.FromMonths(1)], Period.FromMonths(2), 2);
        yield return new ScorecardDefinition(100m, [new ScoreSection("speed", 60m), new ScoreSection("care", 40m)]);
        yield return new EscalationLadder([new EscalationStep(1, "lead", "lead")]);
        yield return new PolicyDefinitions(null, null, [.. EscalationRules.DefaultTimeRules()], null, null, null, [ScoringRules.Points(FactKind.SlaMet, "speed", 1m, "x")], null, null, null);
        yield return new TrustModelBuilder().AddLabel("staff", ["read", "write"], ["staff"]).AddBand(50, ["write"]).Build();
    }

    [Fact]
    public void Samples_HoldNoCollectionThatCanChange()
    {
        var samples = Samples().ToList();
        Assert.Contains(samples, s => s is AgreementVersion);
        Assert.Contains(samples, s => s is StandingRules);

        var definitionTypes = DefinitionImmutabilityTests.DefinitionTypes().ToHashSet();
        var changeable = samples
            .SelectMany(s => s.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0)
                .Select(p => (Sample: s, p.Name, Value: p.GetValue(s))))
            .Where(x => x.Value is IEnumerable and not string && !definitionTypes.Contains(x.Value.GetType()) && CanChange(x.Value))
            .Select(x => $"{x.Sample.GetType().Name}.{x.Name}: {x.Value!.GetType()}");

        Assert.Empty(changeable);
    }

    [Fact]
    public void CanChange_TellsArraysAndListsFromImmutableCollections()
    {
        Assert.True(CanChange(new[] { 1 }));
        Assert.True(CanChange(new List<int>()));
        Assert.True(CanChange(new List<int>().AsReadOnly()));
        Assert.False(CanChange(Array.Empty<int>()));
        Assert.False(CanChange(System.Collections.Immutable.ImmutableArray.Create(1)));
        Assert.False(CanChange(System.Collections.Immutable.ImmutableSortedSet.Create("a")));
        IReadOnlyList<int> expression = [.. new List<int> { 1, 2 }];
        Assert.False(CanChange(expression));
    }

    [Fact]
    public void StandingRules_CopiesItsStars_AlsoThroughWith()
    {
        var stars = new List<decimal> { 85m, 90m };
        var rules = new StandingRules(80m, 60m, stars, 10m);
        var later = new List<decimal> { 70m };
        var changed = rules with { StarsFrom = later };

        stars.Add(95m);
        later.Add(75m);

        Assert.Equal([85m, 90m], rules.StarsFrom);
        Assert.Equal([70m], changed.StarsFrom);
        Assert.Equal(new StandingRules(80m, 60m, [85m, 90m], 10m), rules);
        Assert.Equal(new StandingRules(80m, 60m, [85m, 90m], 10m).GetHashCode(), rules.GetHashCode());
        Assert.NotEqual(new StandingRules(80m, 60m, [85m, 91m], 10m), rules);
    }

    [Fact]
    public void PolicyDefinitions_CopiesItsRuleLists_AlsoThroughWith()
    {
        var escalation = EscalationRules.DefaultTimeRules().ToList();
        var scoring = new List<IScoringRule> { ScoringRules.Points(FactKind.SlaMet, "speed", 1m, "x") };
        var definitions = PolicyDefinitions.None with { EscalationRules = escalation, ScoringRules = scoring };
        var equal = PolicyDefinitions.None with { EscalationRules = [.. escalation], ScoringRules = [.. scoring] };
        var count = escalation.Count;

        escalation.Clear();
        scoring.Add(ScoringRules.Points(FactKind.SlaMet, "speed", 2m, "y"));

        Assert.Equal(count, definitions.EscalationRules!.Count);
        Assert.Single(definitions.ScoringRules!);
        Assert.Equal(equal, definitions);
        Assert.Equal(equal.GetHashCode(), definitions.GetHashCode());
        Assert.NotEqual(PolicyDefinitions.None, definitions);
        Assert.Null(PolicyDefinitions.None.EscalationRules);
    }

    [Fact]
    public void RecurringSchedule_CopiesItsOffsets_AndEqualSchedulesAreEqual()
    {
        var offsets = new List<Period> { Period.FromDays(15), Period.FromMonths(1) };
        var schedule = new RecurringSchedule(offsets, Period.FromMonths(2), 2);

        offsets.Add(Period.FromMonths(3));

        Assert.Equal([Period.FromDays(15), Period.FromMonths(1)], schedule.Offsets);
        Assert.Equal(new RecurringSchedule([Period.FromDays(15), Period.FromMonths(1)], Period.FromMonths(2), 2), schedule);
        Assert.Equal(new RecurringSchedule([Period.FromDays(15), Period.FromMonths(1)], Period.FromMonths(2), 2).GetHashCode(), schedule.GetHashCode());
        Assert.NotEqual(new RecurringSchedule([Period.FromDays(15), Period.FromMonths(1)], Period.FromMonths(2), 3), schedule);
        Assert.NotEqual(new RecurringSchedule([Period.FromDays(16), Period.FromMonths(1)], Period.FromMonths(2), 2), schedule);
    }

    [Fact]
    public void ScorecardDefinition_CopiesItsSections()
    {
        var sections = new List<ScoreSection> { new("speed", 60m), new("care", 40m) };
        var definition = new ScorecardDefinition(100m, sections);

        sections.RemoveAt(1);

        Assert.Equal(2, definition.Sections.Count);
        Assert.Equal(new ScorecardDefinition(100m, [new ScoreSection("speed", 60m), new ScoreSection("care", 40m)]), definition);
    }

    [Fact]
    public void EscalationLadder_CopiesItsSteps()
    {
        var steps = new List<EscalationStep> { new(1, "lead", "lead") };
        var ladder = new EscalationLadder(steps);

        steps.Add(new EscalationStep(2, "manager", "manager"));

        Assert.Equal(1, ladder.Top);
        Assert.Equal(new EscalationLadder([new EscalationStep(1, "lead", "lead")]), ladder);
    }

    [Fact]
    public void EntitlementCatalog_CopiesItsEntitlements()
    {
        var entitlements = new List<TierEntitlements> { TierEntitlements.Standard(ServiceTier.Key) with { GreenChannelLevels = 1 } };
        var catalog = new EntitlementCatalog(entitlements);

        entitlements[0] = TierEntitlements.Standard(ServiceTier.Key);

        Assert.Equal(1, catalog.For(ServiceTier.Key).GreenChannelLevels);
        var gold = TierEntitlements.Standard(ServiceTier.Gold) with { OnSiteService = true };
        var both = new EntitlementCatalog([TierEntitlements.Standard(ServiceTier.Key) with { GreenChannelLevels = 1 }, gold]);
        var reversed = new EntitlementCatalog([gold, TierEntitlements.Standard(ServiceTier.Key) with { GreenChannelLevels = 1 }]);
        Assert.Equal(both, reversed);
        Assert.Equal(both.GetHashCode(), reversed.GetHashCode());
        Assert.NotEqual(catalog, both);
    }

    [Fact]
    public void AgreementCatalog_CopiesItsVersions()
    {
        var versions = new List<AgreementVersion> { Version() };
        var catalog = new AgreementCatalog(versions);

        versions.Clear();

        Assert.Single(catalog.Versions);
        Assert.NotNull(catalog.VersionInForce(new AgreementId("SLA"), Jan));
        Assert.Equal(new AgreementCatalog([Version()]), catalog);
        Assert.Equal(new AgreementCatalog([Version()]).GetHashCode(), catalog.GetHashCode());
        Assert.NotEqual(new AgreementCatalog(Array.Empty<AgreementVersion>()), catalog);
    }

    [Fact]
    public void TrustPolicy_CopiesItsThresholds()
    {
        var thresholds = new Dictionary<string, int> { ["refund"] = 70 };
        var policy = new TrustPolicy(1m, 1m, 0m, 50, thresholds);

        thresholds["refund"] = 10;
        thresholds["delete"] = 0;

        Assert.False(policy.Authorize(60, "refund").Allowed);
        Assert.False(policy.Authorize(100, "delete").Allowed);
        Assert.Equal(new TrustPolicy(1m, 1m, 0m, 50, new Dictionary<string, int> { ["refund"] = 70 }), policy);
        Assert.Equal(new TrustPolicy(1m, 1m, 0m, 50, new Dictionary<string, int> { ["refund"] = 70 }).GetHashCode(), policy.GetHashCode());
        Assert.NotEqual(new TrustPolicy(1m, 1m, 0m, 50, new Dictionary<string, int> { ["refund"] = 71 }), policy);
        Assert.NotEqual(new TrustPolicy(1m, 1m, 0m, 50, new Dictionary<string, int> { ["refund"] = 70 }, TrustModel.Standard), policy);
    }

    [Fact]
    public void CallbackPoliciesCombine_CopiesThePoliciesItIsGiven()
    {
        var policies = new[] { CallbackPolicies.SampleClosedTickets(100m, Duration.FromHours(24)) };
        var combined = CallbackPolicies.Combine(policies);
        var ticket = Ticket.Open(new TicketId("T-1"), new CustomerId("C-1"), TicketKind.Inquiry, Channel.Online, Priority.P3, new StaffId("s"), ServiceTier.Ordinary, Jan);
        var before = combined.ForTicket(ticket);

        policies[0] = CallbackPolicies.EveryComplaint(Duration.FromHours(24));

        Assert.Equal(before, combined.ForTicket(ticket));
        Assert.Equal(CallbackPolicies.SampleClosedTickets(100m, Duration.FromHours(24)).ForTicket(ticket), combined.ForTicket(ticket));
    }

    [Fact]
    public void EscalationPolicies_CopyTheRulesAndPoliciesTheyAreGiven()
    {
        var rules = EscalationRules.DefaultTimeRules().ToArray();
        var highest = EscalationPolicies.HighestOf(EscalationLadder.Default, rules);
        var description = highest.Description;

        Array.Clear(rules);

        Assert.Equal(description, highest.Description);
        Assert.Equal(description, EscalationPolicies.HighestOf(EscalationLadder.Default, [.. EscalationRules.DefaultTimeRules()]).Description);
    }

    /// <summary>
    /// Whether the collection can change: a non-empty array, or anything outside the immutable and frozen collections and
    /// the read-only lists the compiler makes of a collection expression typed as <see cref="IReadOnlyList{T}"/> (a copy it
    /// owns and never exposes, whose mutators throw).
    /// </summary>
    private static bool CanChange(object collection) =>
        collection switch
        {
            Array array => array.Length > 0,
            _ when collection.GetType() is { Namespace: null, Name: var name } && name.StartsWith("<>z__ReadOnly", StringComparison.Ordinal) => false,
            _ => collection.GetType().Namespace is not ("System.Collections.Immutable" or "System.Collections.Frozen"),
        };

    private static AgreementVersion Version() =>
        new AgreementVersionBuilder(new AgreementId("SLA"), 1, "Residents", AgreementKind.ServiceLevel)
            .AddTarget(Metric.Resolution, Priority.P1, ServiceTier.Key, Duration.FromHours(4), TimeBasis.CalendarTime)
            .PauseOn(HoldReason.WaitingForCustomer, [Metric.Resolution])
            .SetWarningStages([75m, 50m])
            .AddKpiObjective(Kpi.SlaCompliance, Comparison.AtLeast, 90m)
            .SetEffective(Jan)
            .Build();
}
