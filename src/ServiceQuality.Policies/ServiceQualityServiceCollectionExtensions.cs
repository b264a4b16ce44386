using Ardalis.GuardClauses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using ServiceQuality.Domain.Common;
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

namespace ServiceQuality.Policies;

/// <summary>Registers ServiceQuality's policies with <see cref="IServiceCollection"/>.</summary>
public static class ServiceQualityServiceCollectionExtensions
{
    /// <summary>
    /// Registers the stock policies, the case assessor and the calendars, each only if the host has not registered its
    /// own (<c>TryAdd</c>). No clock is registered: the policies and the assessor never read one (the host passes
    /// <c>now</c>, from its own NodaTime <c>IClock</c>). Calling it again is harmless: the options are configured further
    /// and nothing is registered twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; may be null for the defaults.</param>
    /// <returns>A builder to add rules or replace policies.</returns>
    /// <exception cref="InvalidDefinitionException">The options are invalid; every problem is listed.</exception>
    public static ServiceQualityBuilder AddServiceQuality(this IServiceCollection services, Action<ServiceQualityOptions>? configure = null)
    {
        Guard.Against.Null(services);
        var options = ServiceQualityOptions.In(services);
        var first = options is null;
        options ??= new ServiceQualityOptions();
        configure?.Invoke(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidDefinitionException(nameof(ServiceQualityOptions), problems);
        }

        if (first)
        {
            services.AddSingleton(options);
        }

        services.TryAddSingleton(sp => CalendarLookup.From(sp.GetRequiredService<ServiceQualityOptions>().Calendars));
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<ServiceQualityOptions>();
            return TierPolicies.Pareto(ServiceTier.Key, ServiceTier.Gold, ServiceTier.Ordinary, o.ParetoACutPercent, o.ParetoBCutPercent);
        });
        services.TryAddSingleton(EntitlementCatalog.Default);
        services.TryAddSingleton(sp => new EscalationRuleSet(
            [.. DefaultEscalationRules(sp.GetRequiredService<ServiceQualityOptions>()), .. Defined(sp).Escalation, .. sp.GetServices<IEscalationRule>()]));
        services.TryAddSingleton(sp => EscalationPolicy(sp.GetRequiredService<ServiceQualityOptions>(), sp.GetRequiredService<EscalationRuleSet>(), sp.GetRequiredService<ICalendarLookup>()));
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<ServiceQualityOptions>();
            IEnumerable<IScoringRule> stock = o.UseDefaultScoringRules ? ScoringRules.Default() : [];
            return new ScoringEngine(o.Scorecard, [.. stock, .. Defined(sp).Scoring, .. sp.GetServices<IScoringRule>()]);
        });
        services.TryAddSingleton(CreditPolicies.Bands(
            new CreditLimits(CapPercent: 100m, ClaimWindow: Duration.FromDays(30)), new CreditBand(99.9m, 10m), new CreditBand(99m, 25m), new CreditBand(95m, 100m)));
        services.TryAddSingleton<ITrustPolicy>(TrustPolicy.Standard);
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<ServiceQualityOptions>();
            return CallbackPolicies.Combine(CallbackPolicies.EveryComplaint(o.CallbackWithin), CallbackPolicies.SampleClosedTickets(o.TicketCallbackSamplePercent, o.CallbackWithin));
        });
        services.TryAddSingleton(sp => new CaseAssessor(sp.GetRequiredService<ICalendarLookup>(), sp.GetRequiredService<IEscalationPolicy>()));
        return new ServiceQualityBuilder(services);
    }

    private static DefinedRules Defined(IServiceProvider services) => services.GetService<DefinedRules>() ?? DefinedRules.None;

    private static IEnumerable<IEscalationRule> DefaultEscalationRules(ServiceQualityOptions options) =>
        options.UseDefaultEscalationRules ? EscalationRules.PracticeDefaults(options.ClaimedLossThreshold) : [];

    private static IEscalationPolicy EscalationPolicy(ServiceQualityOptions options, EscalationRuleSet rules, ICalendarLookup calendars)
    {
        var policy = EscalationPolicies.HighestOf(options.Ladder, [.. rules.Rules]);
        if (options.FrontLineLimit is { } limit)
        {
            policy = EscalationPolicies.WithFrontLineAuthority(policy, limit);
        }

        return options.NotificationCalendar is { } name ? EscalationPolicies.DeferredToOpenHours(policy, calendars.Find(name)) : policy;
    }
}
