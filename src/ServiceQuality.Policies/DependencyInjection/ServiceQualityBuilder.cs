using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Credits;
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

    private ServiceQualityBuilder Use<TService, TImplementation>()
        where TService : class
        where TImplementation : class, TService
    {
        Services.Replace(ServiceDescriptor.Singleton<TService, TImplementation>());
        return this;
    }
}
