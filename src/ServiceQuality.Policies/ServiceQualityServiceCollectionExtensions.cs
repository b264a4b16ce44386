using Ardalis.GuardClauses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
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
    /// Registers the default configuration: the stock policies, the case assessor and the calendars as unkeyed singletons,
    /// each only if the host has not registered its own (<c>TryAdd</c>), built once from the default
    /// <see cref="ServiceQualityOptions"/> (named <c>Options.DefaultName</c>, as <c>IOptions&lt;ServiceQualityOptions&gt;</c>
    /// gives them), wiring the catalogues' presets. No clock is registered: the policies
    /// and the assessor never read one (the host passes <c>now</c>, from its own NodaTime <c>IClock</c>). Calling it again
    /// adds <paramref name="configure"/> to the options and registers nothing twice.
    /// </summary>
    /// <remarks>
    /// The options are validated when the host starts (<c>ValidateOnStart</c>; without a generic host, resolve
    /// <c>IStartupValidator</c> and call <c>Validate()</c> once the provider is built), or else the first time the options or
    /// a policy built from them is resolved: an invalid configuration then throws an <see cref="OptionsValidationException"/>
    /// whose <see cref="OptionsValidationException.Failures"/> hold every problem of
    /// <see cref="ServiceQualityOptions.Validate"/>, one <c>path code: message</c> each. Registration itself never runs the
    /// configure delegates and never throws for invalid options.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options; may be null for the defaults.</param>
    /// <returns>A builder to add rules or replace policies of the default configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static ServiceQualityBuilder AddServiceQuality(this IServiceCollection services, Action<ServiceQualityOptions>? configure = null)
    {
        Guard.Against.Null(services);
        return Register(services, Options.DefaultName, configure);
    }

    /// <summary>
    /// Registers a named configuration, for example one per tenant (as Microsoft's <c>AddKeyedSingleton</c> registers one
    /// keyed service): the same services as
    /// <see cref="AddServiceQuality(IServiceCollection, Action{ServiceQualityOptions})"/>, as keyed singletons under the key
    /// <paramref name="name"/> (<c>GetRequiredKeyedService&lt;CaseAssessor&gt;(name)</c>, <c>[FromKeyedServices(name)]</c>),
    /// built from the <see cref="ServiceQualityOptions"/> named <paramref name="name"/>
    /// (<c>IOptionsMonitor&lt;ServiceQualityOptions&gt;.Get(name)</c>). Each configuration has its own options, rules and
    /// policies; the default configuration and other names are not affected. Calling it again with the same name adds
    /// <paramref name="configure"/> to that configuration's options and registers nothing twice. Validation is as for the
    /// default configuration, with the name in <see cref="OptionsValidationException.OptionsName"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The configuration's name, which is also its service key; not blank, compared ordinally.</param>
    /// <param name="configure">Configures the named options; may be null for the defaults.</param>
    /// <returns>A builder to add rules or replace policies of this configuration only.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static ServiceQualityBuilder AddKeyedServiceQuality(this IServiceCollection services, string name, Action<ServiceQualityOptions>? configure = null)
    {
        Guard.Against.Null(services);
        Guard.Against.NullOrWhiteSpace(name);
        return Register(services, name, configure);
    }

    private static ServiceQualityBuilder Register(IServiceCollection services, string name, Action<ServiceQualityOptions>? configure)
    {
        var builder = new ServiceQualityBuilder(services, name);
        var key = builder.ServiceKey;
        var options = services.AddOptions<ServiceQualityOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // ValidateOnStart adds a registration on every call: ask for it once per configuration.
        var count = services.Count;
        services.TryAddKeyedSingleton(key, ConfigurationMarker.Instance);
        if (services.Count > count)
        {
            options.ValidateOnStart();
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServiceQualityOptions>, ServiceQualityOptionsValidator>());
        services.TryAddKeyedSingleton(key, (sp, _) => CalendarLookup.From(Settings(sp, name).Calendars));
        services.TryAddKeyedSingleton(key, (sp, _) =>
        {
            var o = Settings(sp, name);
            return TierPolicies.PracticeDefaults(o.ParetoACutPercent, o.ParetoBCutPercent);
        });
        services.TryAddKeyedSingleton(key, EntitlementCatalog.Default);
        services.TryAddKeyedSingleton(key, (sp, _) =>
        {
            var o = Settings(sp, name);
            return EscalationPolicy(o, RulesInForce.Escalation(o, sp.GetKeyedServices<IEscalationRule>(key)), sp.GetRequiredKeyedService<ICalendarLookup>(key));
        });
        services.TryAddKeyedSingleton(key, (sp, _) =>
        {
            var o = Settings(sp, name);
            return new ScoringEngine(o.Scorecard, RulesInForce.Scoring(o, sp.GetKeyedServices<IScoringRule>(key)));
        });
        services.TryAddKeyedSingleton(key, CreditPolicies.PracticeDefaults());
        services.TryAddKeyedSingleton<ITrustPolicy>(key, TrustPolicy.Standard);
        services.TryAddKeyedSingleton(key, (sp, _) =>
        {
            var o = Settings(sp, name);
            return CallbackPolicies.PracticeDefaults(o.CallbackWithin, o.TicketCallbackSamplePercent);
        });
        services.TryAddKeyedSingleton(key, (sp, _) => new CaseAssessor(sp.GetRequiredKeyedService<ICalendarLookup>(key), sp.GetRequiredKeyedService<IEscalationPolicy>(key)));
        return builder;
    }

    /// <summary>The configuration's options, created, configured and validated on first use (then cached by the monitor).</summary>
    private static ServiceQualityOptions Settings(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<ServiceQualityOptions>>().Get(name);

    private static IEscalationPolicy EscalationPolicy(ServiceQualityOptions options, IReadOnlyList<IEscalationRule> rules, ICalendarLookup calendars)
    {
        var policy = EscalationPolicies.HighestOf(options.Ladder, [.. rules]);
        if (options.FrontLineLimit is { } limit)
        {
            policy = EscalationPolicies.WithFrontLineAuthority(policy, limit);
        }

        return options.NotificationCalendar is { } name ? EscalationPolicies.DeferredToOpenHours(policy, calendars.Find(name)) : policy;
    }

    /// <summary>Registered once per configuration (keyed as its services), so the first registration can be told from a repeat.</summary>
    private sealed class ConfigurationMarker
    {
        public static ConfigurationMarker Instance { get; } = new();
    }
}
