using ServiceQuality.Domain.Common;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Credits;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Policies.Scoring;
using ServiceQuality.Policies.Tiering;
using ServiceQuality.Policies.Trust;

namespace ServiceQuality.Policies.Definitions;

/// <summary>The policies a definitions file sets; a section the file leaves out is null and keeps the registered default.</summary>
/// <param name="Tiers">The tier policy.</param>
/// <param name="Ladder">The escalation ladder.</param>
/// <param name="EscalationRules">The escalation rules (replacing the stock ones).</param>
/// <param name="FrontLineLimit">The front line's authority.</param>
/// <param name="NotificationCalendar">The calendar notifications wait for.</param>
/// <param name="Scorecard">How scorecards are computed.</param>
/// <param name="ScoringRules">The scoring rules (replacing the stock ones).</param>
/// <param name="Standings">How standings are awarded.</param>
/// <param name="Credits">The service-credit policy.</param>
/// <param name="Callbacks">The callback policy.</param>
public sealed record PolicyDefinitions(
    ITierPolicy? Tiers,
    EscalationLadder? Ladder,
    IReadOnlyList<IEscalationRule>? EscalationRules,
    Money? FrontLineLimit,
    string? NotificationCalendar,
    ScorecardDefinition? Scorecard,
    IReadOnlyList<IScoringRule>? ScoringRules,
    StandingRules? Standings,
    IServiceCreditPolicy? Credits,
    ICallbackPolicy? Callbacks)
{
    /// <summary>No policy set: every default stays.</summary>
    public static PolicyDefinitions None { get; } = new(null, null, null, null, null, null, null, null, null, null);

    /// <summary>The trust policy: score keeping and label-based access (null keeps the registered default).</summary>
    public ITrustPolicy? Trust { get; init; }
}
