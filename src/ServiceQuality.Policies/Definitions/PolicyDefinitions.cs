using System.Collections.Immutable;
using ServiceQuality.Domain.Common;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Credits;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Policies.Scoring;
using ServiceQuality.Policies.Tiering;
using ServiceQuality.Policies.Trust;

namespace ServiceQuality.Policies.Definitions;

/// <summary>
/// The policies a definitions file sets; a section the file leaves out is null and keeps the registered default. Immutable:
/// the rule lists are copied; two definitions are equal when every section is equal, the rule lists item by item.
/// </summary>
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
    // Copied when the value is built, or changed with `with`: the definitions cannot change afterwards.
    private readonly IReadOnlyList<IEscalationRule>? _escalationRules = Copy(EscalationRules);
    private readonly IReadOnlyList<IScoringRule>? _scoringRules = Copy(ScoringRules);

    /// <summary>The escalation rules (replacing the stock ones), copied into an immutable list; null keeps the registered ones.</summary>
    public IReadOnlyList<IEscalationRule>? EscalationRules { get => _escalationRules; init => _escalationRules = Copy(value); }

    /// <summary>The scoring rules (replacing the stock ones), copied into an immutable list; null keeps the registered ones.</summary>
    public IReadOnlyList<IScoringRule>? ScoringRules { get => _scoringRules; init => _scoringRules = Copy(value); }

    /// <summary>No policy set: every default stays.</summary>
    public static PolicyDefinitions None { get; } = new(null, null, null, null, null, null, null, null, null, null);

    /// <summary>The trust policy: score keeping and label-based access (null keeps the registered default).</summary>
    public ITrustPolicy? Trust { get; init; }

    /// <summary>Whether <paramref name="other"/> sets equal sections, the rule lists compared item by item.</summary>
    /// <param name="other">The other value, or null.</param>
    /// <returns>True when every section is equal (policies and rules by their own equality).</returns>
    public bool Equals(PolicyDefinitions? other) =>
        ReferenceEquals(this, other)
        || (other is not null && Equals(Tiers, other.Tiers) && Equals(Ladder, other.Ladder) && SameItems(EscalationRules, other.EscalationRules)
            && FrontLineLimit == other.FrontLineLimit && NotificationCalendar == other.NotificationCalendar && Equals(Scorecard, other.Scorecard)
            && SameItems(ScoringRules, other.ScoringRules) && Equals(Standings, other.Standings) && Equals(Credits, other.Credits)
            && Equals(Callbacks, other.Callbacks) && Equals(Trust, other.Trust));

    /// <summary>A hash code consistent with <see cref="Equals(PolicyDefinitions)"/>: the rule lists hashed by content.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Tiers);
        hash.Add(Ladder);
        hash.Add(ItemsHash(EscalationRules));
        hash.Add(FrontLineLimit);
        hash.Add(NotificationCalendar);
        hash.Add(Scorecard);
        hash.Add(ItemsHash(ScoringRules));
        hash.Add(Standings);
        hash.Add(Credits);
        hash.Add(Callbacks);
        hash.Add(Trust);
        return hash.ToHashCode();
    }

    private static IReadOnlyList<T>? Copy<T>(IReadOnlyList<T>? items) =>
        items switch
        {
            null => null,
            ImmutableArray<T> frozen => frozen,
            _ => items.ToImmutableArray(),
        };

    private static bool SameItems<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right) =>
        ReferenceEquals(left, right) || (left is not null && right is not null && left.SequenceEqual(right));

    private static int ItemsHash<T>(IReadOnlyList<T>? items) => items?.Aggregate(items.Count, (hash, item) => HashCode.Combine(hash, item)) ?? 0;
}
