using Ardalis.GuardClauses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Credits;
using ServiceQuality.Policies.Definitions;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Policies.Scoring;
using ServiceQuality.Policies.Tiering;
using ServiceQuality.Policies.Trust;

namespace ServiceQuality.Policies.DependencyInjection;

/// <summary>
/// Adds rules to, or replaces policies of, one ServiceQuality configuration: the default one (unkeyed services) or a named
/// one (keyed services, for example a tenant's). Each method returns the builder for chaining and touches only its
/// configuration.
/// </summary>
public sealed class ServiceQualityBuilder
{
    internal ServiceQualityBuilder(IServiceCollection services, string name)
    {
        Services = services;
        Name = name;
        ServiceKey = name.Length == 0 ? null : name;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// The configuration's name: the name of its <see cref="ServiceQualityOptions"/> and the key of its services; the empty
    /// string (<c>Options.DefaultName</c>) for the default configuration, whose services are unkeyed.
    /// </summary>
    public string Name { get; }

    /// <summary>The key of the configuration's services: null (unkeyed) for the default configuration, else <see cref="Name"/>.</summary>
    internal string? ServiceKey { get; }

    /// <summary>
    /// Adds an escalation rule to this configuration (once, however often called), registered as a singleton
    /// <see cref="IEscalationRule"/> under the configuration's key. It is used after the stock rules and the options' rules
    /// (<see cref="ServiceQualityOptions.EscalationRules"/>).
    /// </summary>
    /// <typeparam name="TRule">The rule type, created by the container.</typeparam>
    /// <returns>This builder.</returns>
    public ServiceQualityBuilder AddEscalationRule<TRule>()
        where TRule : class, IEscalationRule
    {
        Services.TryAddEnumerable(ServiceDescriptor.KeyedSingleton<IEscalationRule, TRule>(ServiceKey));
        return this;
    }

    /// <summary>
    /// Adds a scoring rule to this configuration (once, however often called), registered as a singleton
    /// <see cref="IScoringRule"/> under the configuration's key. It is used after the stock rules and the options' rules
    /// (<see cref="ServiceQualityOptions.ScoringRules"/>).
    /// </summary>
    /// <typeparam name="TRule">The rule type, created by the container.</typeparam>
    /// <returns>This builder.</returns>
    public ServiceQualityBuilder AddScoringRule<TRule>()
        where TRule : class, IScoringRule
    {
        Services.TryAddEnumerable(ServiceDescriptor.KeyedSingleton<IScoringRule, TRule>(ServiceKey));
        return this;
    }

    /// <summary>Replaces this configuration's tier policy (the container creates <typeparamref name="TPolicy"/>).</summary>
    /// <typeparam name="TPolicy">The policy type.</typeparam>
    /// <returns>This builder.</returns>
    public ServiceQualityBuilder UseTierPolicy<TPolicy>()
        where TPolicy : class, ITierPolicy => Use<ITierPolicy, TPolicy>();

    /// <summary>Replaces this configuration's escalation policy (the container creates <typeparamref name="TPolicy"/>; the rules are then only what your policy makes of them).</summary>
    /// <typeparam name="TPolicy">The policy type.</typeparam>
    /// <returns>This builder.</returns>
    public ServiceQualityBuilder UseEscalationPolicy<TPolicy>()
        where TPolicy : class, IEscalationPolicy => Use<IEscalationPolicy, TPolicy>();

    /// <summary>Replaces this configuration's service-credit policy (the container creates <typeparamref name="TPolicy"/>).</summary>
    /// <typeparam name="TPolicy">The policy type.</typeparam>
    /// <returns>This builder.</returns>
    public ServiceQualityBuilder UseCreditPolicy<TPolicy>()
        where TPolicy : class, IServiceCreditPolicy => Use<IServiceCreditPolicy, TPolicy>();

    /// <summary>Replaces this configuration's trust policy (the container creates <typeparamref name="TPolicy"/>).</summary>
    /// <typeparam name="TPolicy">The policy type.</typeparam>
    /// <returns>This builder.</returns>
    public ServiceQualityBuilder UseTrustPolicy<TPolicy>()
        where TPolicy : class, ITrustPolicy => Use<ITrustPolicy, TPolicy>();

    /// <summary>Replaces this configuration's callback policy (the container creates <typeparamref name="TPolicy"/>).</summary>
    /// <typeparam name="TPolicy">The policy type.</typeparam>
    /// <returns>This builder.</returns>
    public ServiceQualityBuilder UseCallbackPolicy<TPolicy>()
        where TPolicy : class, ICallbackPolicy => Use<ICallbackPolicy, TPolicy>();

    /// <summary>
    /// Applies definitions (read from a file by <c>ServiceQuality.Json</c>'s <c>DefinitionsFile</c>, or built in code) to this
    /// configuration: the calendars join <see cref="ServiceQualityOptions.Calendars"/>, and each policy that is set replaces
    /// the registered default — the tier, credit, trust and callback policies; the ladder, front-line limit and notification
    /// calendar; the escalation rules and scoring rules (they replace <see cref="ServiceQualityOptions.EscalationRules"/> or
    /// <see cref="ServiceQualityOptions.ScoringRules"/> and switch the stock ones off; rules registered with
    /// <see cref="AddEscalationRule{TRule}"/> or <see cref="AddScoringRule{TRule}"/> stay); the scorecard and the standings.
    /// Sections the definitions leave out keep their defaults. Applying definitions again replaces what the earlier ones
    /// set, section by section.
    /// </summary>
    /// <remarks>
    /// The option settings are applied as a configure delegate of the options, in registration order with the others, and
    /// validated with them (see <see cref="ServiceQualityServiceCollectionExtensions.AddServiceQuality(IServiceCollection, Action{ServiceQualityOptions})"/>):
    /// options the definitions make invalid, such as a notification calendar no calendar is named after, throw an
    /// <c>OptionsValidationException</c> when the host starts, not here.
    /// </remarks>
    /// <param name="calendars">The calendars, by name; copied now.</param>
    /// <param name="policies">The policies; a null member keeps the registered default.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ServiceQualityBuilder UseDefinitions(IReadOnlyDictionary<string, BusinessCalendar> calendars, PolicyDefinitions policies)
    {
        Guard.Against.Null(calendars);
        Guard.Against.Null(policies);
        KeyValuePair<string, BusinessCalendar>[] named = [.. calendars];
        Services.Configure<ServiceQualityOptions>(Name, options => Apply(options, named, policies));
        ReplaceWith(policies.Tiers);
        ReplaceWith(policies.Credits);
        ReplaceWith(policies.Callbacks);
        ReplaceWith(policies.Trust);
        return this;
    }

    private static void Apply(ServiceQualityOptions options, KeyValuePair<string, BusinessCalendar>[] calendars, PolicyDefinitions policies)
    {
        foreach (var (name, calendar) in calendars)
        {
            options.Calendars[name] = calendar;
        }

        options.Ladder = policies.Ladder ?? options.Ladder;
        options.FrontLineLimit = policies.FrontLineLimit ?? options.FrontLineLimit;
        options.NotificationCalendar = policies.NotificationCalendar ?? options.NotificationCalendar;
        options.Scorecard = policies.Scorecard ?? options.Scorecard;
        options.Standings = policies.Standings ?? options.Standings;
        if (policies.EscalationRules is { } escalation)
        {
            options.UseDefaultEscalationRules = false;
            Replace(options.EscalationRules, escalation);
        }

        if (policies.ScoringRules is { } scoring)
        {
            options.UseDefaultScoringRules = false;
            Replace(options.ScoringRules, scoring);
        }
    }

    private static void Replace<T>(IList<T> list, IEnumerable<T> items)
    {
        list.Clear();
        foreach (var item in items)
        {
            list.Add(item);
        }
    }

    private void ReplaceWith<TService>(TService? instance)
        where TService : class
    {
        if (instance is not null)
        {
            Services.Replace(ServiceDescriptor.KeyedSingleton(ServiceKey, instance));
        }
    }

    private ServiceQualityBuilder Use<TService, TImplementation>()
        where TService : class
        where TImplementation : class, TService
    {
        Services.Replace(ServiceDescriptor.KeyedSingleton<TService, TImplementation>(ServiceKey));
        return this;
    }
}
