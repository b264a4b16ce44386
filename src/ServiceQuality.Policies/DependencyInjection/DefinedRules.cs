using Microsoft.Extensions.DependencyInjection;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Policies.Scoring;

namespace ServiceQuality.Policies.DependencyInjection;

/// <summary>
/// The escalation and scoring rules a definitions file set (<see cref="ServiceQualityBuilder.UseDefinitions"/>), held as
/// one registration so applying definitions again replaces them rather than adding them twice.
/// </summary>
internal sealed record DefinedRules(IReadOnlyList<IEscalationRule> Escalation, IReadOnlyList<IScoringRule> Scoring)
{
    public static DefinedRules None { get; } = new([], []);

    /// <summary>The registered instance, or <see cref="None"/>.</summary>
    public static DefinedRules In(IServiceCollection services) =>
        services.LastOrDefault(d => d.ServiceType == typeof(DefinedRules) && !d.IsKeyedService)?.ImplementationInstance as DefinedRules ?? None;
}
