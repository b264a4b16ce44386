using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Credits;
using ServiceQuality.Policies.DependencyInjection;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Policies.Scoring;
using ServiceQuality.Policies.Tiering;
using ServiceQuality.Policies.Trust;

namespace ServiceQuality.Policies.Tests.DependencyInjection;

/// <summary>A host's service that works for one tenant, given that tenant's assessor by the container.</summary>
public sealed class TenantADesk([FromKeyedServices("tenant-a")] CaseAssessor assessor, [FromKeyedServices("tenant-a")] ScoringEngine scoring)
{
    public CaseAssessor Assessor { get; } = assessor;

    public ScoringEngine Scoring { get; } = scoring;
}

public sealed class KeyedRegistrationTests
{
    private const string TenantA = "tenant-a";
    private const string TenantB = "tenant-b";
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0); // Monday 01:00 UTC

    private static readonly BusinessCalendar MondayDesk =
        BusinessCalendar.CreateBuilder(DateTimeZone.Utc).AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(17, 0)).Build();

    private static readonly EscalationLadder TenantALadder = new(
        [new EscalationStep(1, "a-lead", "lead@a"), new EscalationStep(2, "a-head", "head@a"), new EscalationStep(3, "a-boss", "boss@a")]);

    private static readonly ScorecardDefinition WorkOnly = new(90m, [new ScoreSection("work", 100m)]);

    private static ServiceLevelAgreement Agreement()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "complaints", AgreementKind.ServiceLevel, T0);
        sla.AddTarget(Metric.ComplaintResolution, null, null, Duration.FromDays(3), TimeBasis.CalendarTime, T0);
        sla.Publish(T0, T0);
        return sla;
    }

    private static Complaint Receive(string id, ComplaintCategory category, Severity severity, Money? loss = null) =>
        Complaint.Receive(new ComplaintId(id), new CustomerId("C"), Channel.Online, category, severity, T0, claimedLoss: loss);

    /// <summary>The default configuration and two tenants: A with its own ladder, a low claimed-loss threshold and scoring; B deferring to a desk calendar.</summary>
    private static ServiceProvider ThreeConfigurations()
    {
        var services = new ServiceCollection();
        services.AddServiceQuality();
        services.AddKeyedServiceQuality(TenantA, o =>
        {
            o.Ladder = TenantALadder;
            o.ClaimedLossThreshold = Money.Yuan(1_000m);
            o.Scorecard = WorkOnly;
            o.UseDefaultScoringRules = false;
            o.ScoringRules.Add(ScoringRules.Points(FactKind.SlaMissed, "work", -5m, "sla.missed"));
        }).AddEscalationRule<PrivacyComplaintsGoToTheManager>();
        services.AddKeyedServiceQuality(TenantB, o =>
        {
            o.Calendars["desk"] = MondayDesk;
            o.NotificationCalendar = "desk";
        });
        services.AddSingleton<TenantADesk>();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddKeyedServiceQuality_TwoTenants_ResolveTheirOwnPoliciesUnderTheirKeys()
    {
        using var provider = ThreeConfigurations();

        var assessors = new[] { provider.GetRequiredService<CaseAssessor>(), provider.GetRequiredKeyedService<CaseAssessor>(TenantA), provider.GetRequiredKeyedService<CaseAssessor>(TenantB) };
        var policies = new[] { provider.GetRequiredService<IEscalationPolicy>(), provider.GetRequiredKeyedService<IEscalationPolicy>(TenantA), provider.GetRequiredKeyedService<IEscalationPolicy>(TenantB) };
        var engines = new[] { provider.GetRequiredService<ScoringEngine>(), provider.GetRequiredKeyedService<ScoringEngine>(TenantA), provider.GetRequiredKeyedService<ScoringEngine>(TenantB) };

        Assert.Equal(3, assessors.Distinct().Count());
        Assert.Equal(3, policies.Distinct().Count());
        Assert.Equal(3, engines.Distinct().Count());
        Assert.Same(assessors[1], provider.GetRequiredKeyedService<CaseAssessor>(TenantA)); // singletons per key
        Assert.Same(assessors[1], provider.GetRequiredService<TenantADesk>().Assessor);  // [FromKeyedServices]
        Assert.Same(engines[1], provider.GetRequiredService<TenantADesk>().Scoring);
    }

    [Fact]
    public void AddKeyedServiceQuality_TenantsWithDifferentThresholdsLaddersAndCalendars_DecideDifferently()
    {
        using var provider = ThreeConfigurations();
        var sla = Agreement();
        EscalationDecision Decide(object? key, Complaint complaint) =>
            provider.GetRequiredKeyedService<CaseAssessor>(key).AssessComplaint(complaint, ServiceTier.Ordinary, sla, T0).Escalation;
        Complaint Loss() => Receive("K-loss", ComplaintCategory.DamageOrLoss, Severity.Minor, Money.Yuan(5_000m));
        Complaint Major() => Receive("K-major", ComplaintCategory.Delay, Severity.Major);
        Complaint Privacy() => Receive("K-privacy", ComplaintCategory.Privacy, Severity.Minor);

        // A ¥5,000 claimed loss: above tenant A's ¥1,000 threshold (its own ladder names the step), below the stock ¥10,000.
        Assert.Equal(("claimed-loss", "a-boss"), (Decide(TenantA, Loss()).ReasonCode, Decide(TenantA, Loss()).Step!.Name));
        Assert.False(Decide(null, Loss()).Fires);
        Assert.False(Decide(TenantB, Loss()).Fires);

        // A minor privacy complaint: only tenant A registered the privacy rule.
        Assert.Equal(("privacy", "a-boss"), (Decide(TenantA, Privacy()).ReasonCode, Decide(TenantA, Privacy()).Step!.Name));
        Assert.False(Decide(null, Privacy()).Fires);
        Assert.False(Decide(TenantB, Privacy()).Fires);

        // A major complaint goes to level 2 everywhere, named by each configuration's ladder.
        Assert.Equal("a-head", Decide(TenantA, Major()).Step!.Name);
        Assert.Equal("supervisor", Decide(null, Major()).Step!.Name);
        Assert.Equal("supervisor", Decide(TenantB, Major()).Step!.Name);
    }

    [Fact]
    public void AddKeyedServiceQuality_ATenantsNotificationCalendar_DefersOnlyThatTenantsNotifications()
    {
        var services = new ServiceCollection();
        services.AddServiceQuality().AddEscalationRule<PrivacyComplaintsGoToTheManager>();
        services.AddKeyedServiceQuality(TenantB, o =>
        {
            o.Calendars["desk"] = MondayDesk;
            o.NotificationCalendar = "desk";
        }).AddEscalationRule<PrivacyComplaintsGoToTheManager>();
        using var provider = services.BuildServiceProvider();
        var sla = Agreement();
        var complaint = Receive("K", ComplaintCategory.Privacy, Severity.Minor);

        var unkeyed = provider.GetRequiredService<CaseAssessor>().AssessComplaint(complaint, ServiceTier.Ordinary, sla, T0).Escalation;
        var tenant = provider.GetRequiredKeyedService<CaseAssessor>(TenantB).AssessComplaint(complaint, ServiceTier.Ordinary, sla, T0).Escalation;

        Assert.Equal(T0, unkeyed.NotifyAt);
        Assert.Equal(Instant.FromUtc(2025, 3, 3, 9, 0), tenant.NotifyAt);
        Assert.Same(MondayDesk, provider.GetRequiredKeyedService<ICalendarLookup>(TenantB).Find("desk"));
        Assert.ThrowsAny<ArgumentException>(() => provider.GetRequiredService<ICalendarLookup>().Find("desk"));
    }

    [Fact]
    public void AddKeyedServiceQuality_ATenantsScoringRules_ScoreOnlyThatTenantsFacts()
    {
        using var provider = ThreeConfigurations();
        var staff = new ScoreSubject(ScoreSubjectKind.Staff, "s1");
        ScoreFact[] facts = [new ScoreFact(staff, FactKind.SlaMissed, T0)];
        var period = new Interval(T0, T0 + Duration.FromDays(1));

        var tenant = Assert.Single(provider.GetRequiredKeyedService<ScoringEngine>(TenantA).Score(facts, period));
        var unkeyed = Assert.Single(provider.GetRequiredService<ScoringEngine>().Score(facts, period));
        var stock = Assert.Single(new ScoringEngine(ScorecardDefinition.Default, ScoringRules.Default()).Score(facts, period));

        Assert.Equal(85m, tenant.Total); // 90 − 5 in the tenant's one section
        Assert.Equal(stock.Total, unkeyed.Total);
        Assert.NotEqual(tenant.Total, unkeyed.Total);
    }

    [Fact]
    public void AddKeyedServiceQuality_LeavesTheDefaultRegistrationAsItWouldBeAlone()
    {
        using var alone = new ServiceCollection().AddServiceQuality().Services.BuildServiceProvider();
        using var provider = ThreeConfigurations();

        Assert.Equal(alone.GetRequiredService<IEscalationPolicy>().Description, provider.GetRequiredService<IEscalationPolicy>().Description);
        Assert.Empty(provider.GetServices<IEscalationRule>()); // tenant A's rule is keyed
        Assert.Single(provider.GetKeyedServices<IEscalationRule>(TenantA));
        Assert.Empty(provider.GetKeyedServices<IEscalationRule>(TenantB));
        Assert.Same(TrustPolicy.Standard, provider.GetRequiredService<ITrustPolicy>());
        Assert.Same(TrustPolicy.Standard, provider.GetRequiredKeyedService<ITrustPolicy>(TenantA));
        Assert.Same(CreditPolicies.PracticeDefaults(), provider.GetRequiredKeyedService<IServiceCreditPolicy>(TenantB));
        Assert.NotNull(provider.GetRequiredKeyedService<ITierPolicy>(TenantA));
        Assert.NotNull(provider.GetRequiredKeyedService<ICallbackPolicy>(TenantA));
        Assert.Same(EntitlementCatalog.Default, provider.GetRequiredKeyedService<EntitlementCatalog>(TenantA));
        var monitor = provider.GetRequiredService<IOptionsMonitor<ServiceQualityOptions>>();
        Assert.Same(EscalationLadder.Default, provider.GetRequiredService<IOptions<ServiceQualityOptions>>().Value.Ladder);
        Assert.Same(TenantALadder, monitor.Get(TenantA).Ladder);
        Assert.Equal("desk", monitor.Get(TenantB).NotificationCalendar);
    }

    [Fact]
    public void ServiceQualityBuilder_OfATenant_ReplacesPoliciesOfThatTenantOnly()
    {
        var services = new ServiceCollection();
        services.AddServiceQuality();
        var builder = services.AddKeyedServiceQuality(TenantA).UseTierPolicy<EveryoneIsGold>();
        using var provider = services.BuildServiceProvider();

        Assert.Equal((TenantA, Options.DefaultName), (builder.Name, services.AddServiceQuality().Name));
        Assert.IsType<EveryoneIsGold>(provider.GetRequiredKeyedService<ITierPolicy>(TenantA));
        Assert.IsNotType<EveryoneIsGold>(provider.GetRequiredService<ITierPolicy>());
    }

    [Fact]
    public void AddKeyedServiceQuality_Twice_AddsOnlyTheSecondConfigureActionToThatTenant()
    {
        var services = new ServiceCollection();
        services.AddKeyedServiceQuality(TenantA, o => o.ParetoACutPercent = 70m).AddEscalationRule<PrivacyComplaintsGoToTheManager>();
        var first = services.ToList();
        services.AddKeyedServiceQuality(TenantA, o => o.ParetoBCutPercent = 90m).AddEscalationRule<PrivacyComplaintsGoToTheManager>();

        Assert.Equal(typeof(IConfigureOptions<ServiceQualityOptions>), Assert.Single(services.Except(first)).ServiceType);
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<ServiceQualityOptions>>().Get(TenantA);
        Assert.Equal((70m, 90m), (options.ParetoACutPercent, options.ParetoBCutPercent));
        Assert.Single(provider.GetKeyedServices<IEscalationRule>(TenantA));
        Assert.Null(provider.GetService<CaseAssessor>()); // no default configuration was asked for
    }

    [Fact]
    public void AddKeyedServiceQuality_WithInvalidTenantOptions_FailsAtStartNamingTheTenant_AndTheOthersStillResolve()
    {
        var services = new ServiceCollection();
        services.AddServiceQuality();
        services.AddKeyedServiceQuality(TenantB, o => o.NotificationCalendar = "nowhere");
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);

        Assert.Equal(TenantB, exception.OptionsName);
        Assert.Equal((nameof(ServiceQualityOptions.NotificationCalendar), ProblemCode.UnknownReference), RegistrationTests.PathAndCode(Assert.Single(exception.Failures)));
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<CaseAssessor>(TenantB));
        Assert.NotNull(provider.GetRequiredService<CaseAssessor>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AddKeyedServiceQuality_WithABlankName_Throws(string name) =>
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddKeyedServiceQuality(name));
}
