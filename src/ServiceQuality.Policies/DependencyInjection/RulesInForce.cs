using ServiceQuality.Policies.Escalation;
using ServiceQuality.Policies.Scoring;

namespace ServiceQuality.Policies.DependencyInjection;

/// <summary>
/// The one place where a configuration's rules are combined. Rules come from three places, always in this order: the
/// practice's stock rules (unless switched off), the rules of the options (set in code or by a definitions file), then
/// the rules registered in the container for the configuration (<see cref="ServiceQualityBuilder.AddEscalationRule{TRule}"/>,
/// <see cref="ServiceQualityBuilder.AddScoringRule{TRule}"/>), in registration order.
/// </summary>
internal static class RulesInForce
{
    /// <summary>
    /// The escalation rules of a configuration: <see cref="EscalationRules.PracticeDefaults"/> with the options'
    /// <see cref="ServiceQualityOptions.ClaimedLossThreshold"/> when <see cref="ServiceQualityOptions.UseDefaultEscalationRules"/>,
    /// then <see cref="ServiceQualityOptions.EscalationRules"/>, then <paramref name="registered"/>.
    /// </summary>
    /// <param name="options">The validated options.</param>
    /// <param name="registered">The rules registered for the configuration.</param>
    /// <returns>A copy: later changes to the options do not reach it.</returns>
    public static IReadOnlyList<IEscalationRule> Escalation(ServiceQualityOptions options, IEnumerable<IEscalationRule> registered) =>
    [
        .. options.UseDefaultEscalationRules ? EscalationRules.PracticeDefaults(options.ClaimedLossThreshold) : [],
        .. options.EscalationRules,
        .. registered,
    ];

    /// <summary>
    /// The scoring rules of a configuration: <see cref="ScoringRules.Default"/> when
    /// <see cref="ServiceQualityOptions.UseDefaultScoringRules"/>, then <see cref="ServiceQualityOptions.ScoringRules"/>, then
    /// <paramref name="registered"/>.
    /// </summary>
    /// <param name="options">The validated options.</param>
    /// <param name="registered">The rules registered for the configuration.</param>
    /// <returns>A copy: later changes to the options do not reach it.</returns>
    public static IReadOnlyList<IScoringRule> Scoring(ServiceQualityOptions options, IEnumerable<IScoringRule> registered) =>
    [
        .. options.UseDefaultScoringRules ? ScoringRules.Default() : [],
        .. options.ScoringRules,
        .. registered,
    ];
}
