using Ardalis.GuardClauses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Credits;
using ServiceQuality.Policies.Definitions;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Policies.Scoring;
using ServiceQuality.Policies.Tiering;
using ServiceQuality.Policies.Trust;

namespace ServiceQuality.Policies.DependencyInjection;

/// <summary>Adds rules to, or replaces policies of, the ServiceQuality registration. Each method returns the builder for chaining.</summary>
public sealed class ServiceQualityBuilder
{
    internal ServiceQualityBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds an escalation rule (once, however often called), alongside the stock ones.</summary>
    /// <typeparam name="TRule">The rule type, created by the container.</typeparam>
    /// <returns>This builder.</returns>
    public ServiceQualityBuilder AddEscalationRule<TRule>()
        where TRule : class, IEscalationRule
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IEscalationRule, TRule>());
        return this;
    }

    /// <summary>Adds a scoring rule (once, however often called), alongside the stock ones.</summary>
    /// <typeparam name="TRule">The rule type, created by the container.</typeparam>
    /// <returns>This builder.</returns>
    public ServiceQualityBuilder AddScoringRule<TRule>()
        where TRule : class, IScoringRule
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IScoringRule, TRule>());
        return this;
    }

    /// <summary>Replaces the tier policy.</summary>
    /// <typeparam name="TPolicy">The policy type.</typeparam>
    /// <returns>This builder.</returns>
    public ServiceQualityBuilder UseTierPolicy<TPolicy>()
        where TPolicy : class, ITierPolicy => Use<ITierPolicy, TPolicy>();

    /// <summary>Replaces the escalation policy (the registered rules are then only what your policy makes of them).</summary>
    /// <typeparam name="TPolicy">The policy type.</typeparam>
    /// <returns>This builder.</returns>
    public ServiceQualityBuilder UseEscalationPolicy<TPolicy>()
        where TPolicy : class, IEscalationPolicy => Use<IEscalationPolicy, TPolicy>();

    /// <summary>Replaces the service-credit policy.</summary>
    /// <typeparam name="TPolicy">The policy type.</typeparam>
    /// <returns>This builder.</returns>
    public ServiceQualityBuilder UseCreditPolicy<TPolicy>()
        where TPolicy : class, IServiceCreditPolicy => Use<IServiceCreditPolicy, TPolicy>();

    /// <summary>Replaces the trust policy.</summary>
    /// <typeparam name="TPolicy">The policy type.</typeparam>
    /// <returns>This builder.</returns>
    public ServiceQualityBuilder UseTrustPolicy<TPolicy>()
        where TPolicy : class, ITrustPolicy => Use<ITrustPolicy, TPolicy>();

    /// <summary>Replaces the callback policy.</summary>
    /// <typeparam name="TPolicy">The policy type.</typeparam>
    /// <returns>This builder.</returns>
    public ServiceQualityBuilder UseCallbackPolicy<TPolicy>()
        where TPolicy : class, ICallbackPolicy => Use<ICallbackPolicy, TPolicy>();

    /// <summary>
    /// Applies definitions (read from a file by <c>ServiceQuality.Json</c>'s <c>DefinitionsFile</c>, or built in code): the
    /// calendars join <see cref="ServiceQualityOptions.Calendars"/>, and each policy that is set replaces the registered default — the tier, credit, trust and callback policies; the ladder, front-line
    /// limit and notification calendar; the escalation rules and scoring rules (instead of the stock ones, alongside any
    /// rules registered with <see cref="AddEscalationRule{TRule}"/> or <see cref="AddScoringRule{TRule}"/>); the scorecard
    /// and the standings. Sections the file leaves out keep their defaults. Applying definitions again replaces what the
    /// earlier ones set, section by section.
    /// </summary>
    /// <param name="calendars">The calendars, by name.</param>
    /// <param name="policies">The policies; a null member keeps the registered default.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidDefinitionException">The options the definitions lead to are invalid; nothing is changed.</exception>
    public ServiceQualityBuilder UseDefinitions(IReadOnlyDictionary<string, BusinessCalendar> calendars, PolicyDefinitions policies)
    {
        Guard.Against.Null(calendars);
        Guard.Against.Null(policies);
        var options = ServiceQualityOptions.In(Services)!;
        var changed = options.Copy();
        foreach (var (name, calendar) in calendars)
        {
            changed.Calendars[name] = calendar;
        }

        changed.Ladder = policies.Ladder ?? changed.Ladder;
        changed.FrontLineLimit = policies.FrontLineLimit ?? changed.FrontLineLimit;
        changed.NotificationCalendar = policies.NotificationCalendar ?? changed.NotificationCalendar;
        changed.Scorecard = policies.Scorecard ?? changed.Scorecard;
        changed.Standings = policies.Standings ?? changed.Standings;
        changed.UseDefaultEscalationRules &= policies.EscalationRules is null;
        changed.UseDefaultScoringRules &= policies.ScoringRules is null;
        var problems = changed.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidDefinitionException("definitions", problems);
        }

        options.CopyFrom(changed);
        var defined = DefinedRules.In(Services);
        Services.Replace(ServiceDescriptor.Singleton(new DefinedRules(policies.EscalationRules ?? defined.Escalation, policies.ScoringRules ?? defined.Scoring)));
        ReplaceWith(policies.Tiers);
        ReplaceWith(policies.Credits);
        ReplaceWith(policies.Callbacks);
        ReplaceWith(policies.Trust);
        return this;
    }

    private void ReplaceWith<TService>(TService? instance)
        where TService : class
    {
        if (instance is not null)
        {
            Services.Replace(ServiceDescriptor.Singleton(instance));
        }
    }

    private ServiceQualityBuilder Use<TService, TImplementation>()
        where TService : class
        where TImplementation : class, TService
    {
        Services.Replace(ServiceDescriptor.Singleton<TService, TImplementation>());
        return this;
    }
}
