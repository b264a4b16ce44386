using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Json;
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Credits;
using ServiceQuality.Policies.Definitions;
using ServiceQuality.Policies.DependencyInjection;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Policies.Scoring;
using ServiceQuality.Policies.Tiering;
using ServiceQuality.Policies.Trust;
using ServiceQuality.Testing;

namespace ServiceQuality.Policies.Tests.DependencyInjection;

/// <summary>An integrator's own escalation rule: complaints about privacy go straight to the manager.</summary>
public sealed class PrivacyComplaintsGoToTheManager : IEscalationRule
{
    public string Description => "privacy complaints → level 3";

    public EscalationProposal? Propose(EscalationContext context) =>
        context.Complaint is { Category: ComplaintCategory.Privacy, IsFinal: false } ? new EscalationProposal(3, "privacy", Description) : null;
}

/// <summary>An integrator's own tier policy: everyone is gold.</summary>
public sealed class EveryoneIsGold : ITierPolicy
{
    public string Description => "everyone is gold";

    public IReadOnlyList<TierDecision> Classify(IReadOnlyList<TierCandidate> population) =>
        [.. population.Select(c => new TierDecision(c.Customer, ServiceTier.Gold, "gold", Description))];
}

public sealed class RegistrationTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);

    /// <summary>The path and code of a failure, which the validator writes as <c>path code: message</c>.</summary>
    internal static (string Path, string Code) PathAndCode(string failure)
    {
        var head = failure[..failure.IndexOf(':', StringComparison.Ordinal)].Split(' ');
        return (head[0], head[1]);
    }

    [Fact]
    public void AddServiceQuality_RegistersEveryPolicyAndNoClock()
    {
        using var provider = new ServiceCollection().AddServiceQuality().Services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<ITierPolicy>());
        Assert.NotNull(provider.GetRequiredService<IEscalationPolicy>());
        Assert.NotNull(provider.GetRequiredService<ScoringEngine>());
        Assert.NotNull(provider.GetRequiredService<IServiceCreditPolicy>());
        Assert.NotNull(provider.GetRequiredService<ITrustPolicy>());
        Assert.NotNull(provider.GetRequiredService<ICallbackPolicy>());
        Assert.NotNull(provider.GetRequiredService<CaseAssessor>());
        Assert.NotNull(provider.GetRequiredService<ICalendarLookup>());
        Assert.Same(EntitlementCatalog.Default, provider.GetRequiredService<EntitlementCatalog>());
        Assert.Null(provider.GetService<IClock>()); // nothing in the library reads a clock: the host passes `now`
    }

    [Fact]
    public void AddServiceQuality_WiresThePracticePresets()
    {
        using var provider = new ServiceCollection().AddServiceQuality().Services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<ServiceQualityOptions>>().Value;

        Assert.Same(CreditPolicies.PracticeDefaults(), provider.GetRequiredService<IServiceCreditPolicy>());
        Assert.Same(TrustPolicy.Standard, provider.GetRequiredService<ITrustPolicy>());
        Assert.Equal(TierPolicies.PracticeDefaults(options.ParetoACutPercent, options.ParetoBCutPercent).Description, provider.GetRequiredService<ITierPolicy>().Description);
        Assert.Equal(CallbackPolicies.PracticeDefaults(options.CallbackWithin, options.TicketCallbackSamplePercent).Description, provider.GetRequiredService<ICallbackPolicy>().Description);
        Assert.Equal(
            EscalationPolicies.HighestOf(EscalationLadder.Default, [.. EscalationRules.PracticeDefaults(Money.Yuan(10_000m))]).Description,
            provider.GetRequiredService<IEscalationPolicy>().Description);
    }

    [Fact]
    public void AddServiceQuality_ReadsOptionsConfiguredByTheHostThroughTheOptionsPipeline()
    {
        var services = new ServiceCollection();
        services.Configure<ServiceQualityOptions>(o => o.ParetoACutPercent = 50m);
        services.AddServiceQuality(o => o.ParetoBCutPercent = 80m);
        services.Configure<ServiceQualityOptions>(o => o.ParetoBCutPercent = 60m); // registered later, so applied later
        using var provider = services.BuildServiceProvider();
        var population = new[] { new TierCandidate(new CustomerId("a"), Money.Yuan(600m)), new TierCandidate(new CustomerId("b"), Money.Yuan(400m)) };

        var options = provider.GetRequiredService<IOptions<ServiceQualityOptions>>().Value;

        Assert.Equal((50m, 60m), (options.ParetoACutPercent, options.ParetoBCutPercent));
        Assert.Equal([ServiceTier.Key, ServiceTier.Ordinary], provider.GetRequiredService<ITierPolicy>().Classify(population).Select(d => d.Tier));
    }

    [Fact]
    public void AddServiceQuality_KeepsTheHostsOwnClockAndPolicies()
    {
        var clock = new FakeClock(T0);
        var services = new ServiceCollection().AddSingleton<IClock>(clock).AddSingleton<ITierPolicy, EveryoneIsGold>();

        using var provider = services.AddServiceQuality().Services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<IClock>());
        Assert.IsType<EveryoneIsGold>(provider.GetRequiredService<ITierPolicy>());
    }

    [Fact]
    public void AddServiceQuality_Twice_AddsOnlyTheSecondConfigureActionAndConfiguresFurther()
    {
        var services = new ServiceCollection();
        services.AddServiceQuality(o => o.ParetoACutPercent = 70m).AddEscalationRule<PrivacyComplaintsGoToTheManager>();
        var first = services.ToList();
        services.AddServiceQuality(o => o.ParetoBCutPercent = 90m).AddEscalationRule<PrivacyComplaintsGoToTheManager>();

        var added = Assert.Single(services.Except(first));
        Assert.Equal(typeof(IConfigureOptions<ServiceQualityOptions>), added.ServiceType);
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<ServiceQualityOptions>>().Value;
        Assert.Equal((70m, 90m), (options.ParetoACutPercent, options.ParetoBCutPercent));
        Assert.Single(provider.GetServices<IEscalationRule>());
        Assert.Single(provider.GetServices<CaseAssessor>());
    }

    [Fact]
    public void AddServiceQuality_WithInvalidOptions_RegistersAndThenFailsAtStartListingEveryProblemWithItsCode()
    {
        var services = new ServiceCollection();
        services.AddServiceQuality(o =>
        {
            o.ParetoACutPercent = 120m;
            o.ParetoBCutPercent = 90m;
            o.CallbackWithin = Duration.Zero;
            o.NotificationCalendar = "desk";
        });
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);

        Assert.Equal((Options.DefaultName, typeof(ServiceQualityOptions)), (exception.OptionsName, exception.OptionsType));
        Assert.Equal(
            [
                ("CallbackWithin", ProblemCode.OutOfRange),
                ("NotificationCalendar", ProblemCode.UnknownReference),
                ("ParetoACutPercent", ProblemCode.OutOfRange),
                ("ParetoBCutPercent", ProblemCode.Conflict),
            ],
            exception.Failures.Select(PathAndCode).Order());
    }

    [Fact]
    public void AddServiceQuality_WithInvalidOptions_FailsWhenAPolicyIsFirstResolved_WithTheProblemsOfValidate()
    {
        var services = new ServiceCollection();
        services.AddServiceQuality(o => o.TicketCallbackSamplePercent = 150m);
        using var provider = services.BuildServiceProvider();
        var invalid = new ServiceQualityOptions { TicketCallbackSamplePercent = 150m };

        var exception = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<CaseAssessor>);

        Assert.Equal(invalid.Validate().Select(p => (p.Path, p.Code)), exception.Failures.Select(PathAndCode));
        Assert.Throws<OptionsValidationException>(provider.GetRequiredService<ICallbackPolicy>);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ServiceQualityOptions>>().Value);
    }

    [Fact]
    public void UseTierPolicy_ReplacesTheDefault()
    {
        using var provider = new ServiceCollection().AddServiceQuality().UseTierPolicy<EveryoneIsGold>().Services.BuildServiceProvider();
        Assert.IsType<EveryoneIsGold>(provider.GetRequiredService<ITierPolicy>());
    }

    [Fact]
    public void CustomEscalationRule_RegisteredAndUsedEndToEnd()
    {
        var desk = BusinessCalendar.CreateBuilder(DateTimeZone.Utc).AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(17, 0)).Build();
        using var provider = new ServiceCollection()
            .AddServiceQuality(o =>
            {
                o.Calendars["desk"] = desk;
                o.NotificationCalendar = "desk";
            })
            .AddEscalationRule<PrivacyComplaintsGoToTheManager>()
            .Services.BuildServiceProvider();
        var assessor = provider.GetRequiredService<CaseAssessor>();
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "complaints", AgreementKind.ServiceLevel, T0);
        sla.AddTarget(Metric.ComplaintResolution, null, null, Duration.FromDays(3), TimeBasis.CalendarTime, T0);
        sla.Publish(T0, T0);
        var complaint = Complaint.Receive(new ComplaintId("K"), new CustomerId("C"), Channel.Online, ComplaintCategory.Privacy, Severity.Minor, T0);

        var assessment = assessor.AssessComplaint(complaint, ServiceTier.Ordinary, sla, T0);

        Assert.Equal(("privacy", "manager"), (assessment.Escalation.ReasonCode, assessment.Escalation.Step!.Name));
        Assert.Equal(Instant.FromUtc(2025, 3, 3, 9, 0), assessment.Escalation.NotifyAt);
    }

    [Fact]
    public void UseDefinitions_ReplacesEachPolicyTheFileSetsAndKeepsTheRest()
    {
        const string file = """
            {
              "calendars": [ { "id": "desk", "zone": "Etc/UTC", "weekly": [ { "days": ["Monday"], "from": "09:00", "to": "17:00" } ] } ],
              "escalation": {
                "ladder": [ { "name": "Lead", "target": "lead@desk" }, { "name": "Head", "target": "head@desk" } ],
                "rules": [ { "rule": "severity", "atLeast": "Major", "level": 1, "immediateFrom": "Critical" } ],
                "notificationCalendar": "desk"
              },
              "tiers": { "pareto": { "a": "vip", "b": "gold", "c": "ordinary" } }
            }
            """;
        var definitions = DefinitionsFile.Load(file);
        using var provider = new ServiceCollection().AddServiceQuality().UseDefinitions(definitions).Services.BuildServiceProvider();
        var assessor = provider.GetRequiredService<CaseAssessor>();
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "complaints", AgreementKind.ServiceLevel, T0);
        sla.AddTarget(Metric.ComplaintResolution, null, null, Duration.FromDays(3), TimeBasis.CalendarTime, T0);
        sla.Publish(T0, T0);
        Complaint Receive(string id, Severity severity) => Complaint.Receive(new ComplaintId(id), new CustomerId("C"), Channel.Online, ComplaintCategory.Privacy, severity, T0);

        var major = assessor.AssessComplaint(Receive("K1", Severity.Major), ServiceTier.Ordinary, sla, T0);
        var critical = assessor.AssessComplaint(Receive("K2", Severity.Critical), ServiceTier.Ordinary, sla, T0);

        // The stock rule (major → level 2, "Head") is replaced by the file's (major → level 1, told in open hours unless critical).
        Assert.Equal(("Lead", Instant.FromUtc(2025, 3, 3, 9, 0)), (major.Escalation.Step!.Name, major.Escalation.NotifyAt));
        Assert.Equal(("Lead", T0, true), (critical.Escalation.Step!.Name, critical.Escalation.NotifyAt, critical.Escalation.Immediate));
        Assert.Same(definitions.Policies.Tiers, provider.GetRequiredService<ITierPolicy>());
        Assert.Same(definitions.Calendars["desk"], provider.GetRequiredService<ICalendarLookup>().Find("desk"));
        var options = provider.GetRequiredService<IOptions<ServiceQualityOptions>>().Value;
        Assert.Same(ScorecardDefinition.Default, options.Scorecard);
        Assert.True(options.UseDefaultScoringRules);
        Assert.False(options.UseDefaultEscalationRules);
        Assert.Same(definitions.Policies.EscalationRules![0], Assert.Single(options.EscalationRules));
    }

    [Fact]
    public void UseDefinitions_WithATrustSection_ReplacesTheTrustPolicy()
    {
        var definitions = DefinitionsFile.Load("""
            { "trust": { "labels": [ { "name": "Server", "permissions": ["read"], "mayTouch": ["Disk"] }, { "name": "Disk" } ] } }
            """);
        using var stock = new ServiceCollection().AddServiceQuality().Services.BuildServiceProvider();
        using var provider = new ServiceCollection().AddServiceQuality().UseDefinitions(definitions).Services.BuildServiceProvider();

        var trust = provider.GetRequiredService<ITrustPolicy>();

        Assert.Same(definitions.Policies.Trust, trust);
        Assert.Same(TrustPolicy.Standard, stock.GetRequiredService<ITrustPolicy>());
        Assert.Equal(TrustReasons.Allowed, trust.Decide("read", ["Server"], ["Disk"], 0).ReasonCode);
        Assert.Equal(TrustReasons.LabelScope, trust.Decide("read", ["account-holder"], ["account"], 100).ReasonCode); // the stock labels are gone
    }

    [Fact]
    public void UseDefinitions_WhoseResultIsInvalid_FailsAtStartWithTheProblem()
    {
        var services = new ServiceCollection();
        var calendars = new Dictionary<string, BusinessCalendar> { ["desk"] = ReferenceCalendars.ChinaServiceCentre2025 };
        var broken = new LoadedDefinitions(calendars, new Dictionary<string, AgreementVersion>(), PolicyDefinitions.None with
        {
            NotificationCalendar = "nowhere",
            ScoringRules = [ScoringRules.Points(FactKind.SlaMet, ScoringRules.ServiceSection, 1m, "met")],
        });

        services.AddServiceQuality().UseDefinitions(broken); // registration never runs the options' configure actions
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);
        Assert.Equal((nameof(ServiceQualityOptions.NotificationCalendar), ProblemCode.UnknownReference), PathAndCode(Assert.Single(exception.Failures)));
    }

    [Fact]
    public void UseDefinitions_KeepsRulesRegisteredInTheContainer_AndAConfigureActionAfterItWins()
    {
        var definitions = DefinitionsFile.Load("""
            { "escalation": { "rules": [ { "rule": "severity", "atLeast": "Critical", "level": 1 } ] } }
            """);
        var services = new ServiceCollection();
        services.AddServiceQuality(o => o.FrontLineLimit = Money.Yuan(100m)).AddEscalationRule<PrivacyComplaintsGoToTheManager>().UseDefinitions(definitions);
        services.AddServiceQuality(o => o.UseDefaultEscalationRules = true);
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<ServiceQualityOptions>>().Value;

        var rules = RulesInForce.Escalation(options, provider.GetServices<IEscalationRule>());

        Assert.Equal(Money.Yuan(100m), options.FrontLineLimit);
        Assert.Equal(EscalationRules.PracticeDefaults(options.ClaimedLossThreshold).Count + 2, rules.Count);
        Assert.Same(definitions.Policies.EscalationRules![0], rules[^2]);
        Assert.IsType<PrivacyComplaintsGoToTheManager>(rules[^1]);
    }

    [Fact]
    public void UseDefinitions_AppliedAgain_ReplacesSectionBySectionWithoutAddingRulesTwice()
    {
        const string scoring = """
            { "scoring": { "baseScore": 90, "sections": [ { "name": "work", "weight": 100 } ],
                           "rules": [ { "fact": "SlaMissed", "section": "work", "points": -5 } ] } }
            """;
        const string tiersOnly = """{ "tiers": { "pareto": { "a": "vip", "b": "gold", "c": "ordinary" } } }""";
        var services = new ServiceCollection();
        services.AddKeyedSingleton("elsewhere", "a keyed registration of the host's"); // must not trip the options lookup
        services.AddServiceQuality().UseDefinitions(DefinitionsFile.Load(scoring)).UseDefinitions(DefinitionsFile.Load(scoring)).UseDefinitions(DefinitionsFile.Load(tiersOnly));
        using var provider = services.BuildServiceProvider();
        var staff = new ScoreSubject(ScoreSubjectKind.Staff, "s1");

        var card = Assert.Single(provider.GetRequiredService<ScoringEngine>().Score([new ScoreFact(staff, FactKind.SlaMissed, T0)], new Interval(T0, T0 + Duration.FromDays(1))));

        Assert.Equal(85m, card.Total); // 90 − 5 once: neither doubled by the second file nor dropped by the third
        Assert.Equal("vip", provider.GetRequiredService<ITierPolicy>().Classify([new TierCandidate(new CustomerId("C"), Money.Yuan(1m))])[0].Tier.Code);
    }
}
