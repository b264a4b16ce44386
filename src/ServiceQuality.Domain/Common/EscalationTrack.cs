using System.Collections.Immutable;
using System.Globalization;
using Ardalis.GuardClauses;
using NodaTime;

namespace ServiceQuality.Domain.Common;

/// <summary>
/// Where a case (a ticket or a complaint) stands on the escalation ladder: the level reached and every escalation that
/// led there, oldest first. Levels strictly increase, so a level is reached at most once. Immutable, compared by content;
/// the aggregates replace their track on each escalation.
/// </summary>
public sealed class EscalationTrack : IEquatable<EscalationTrack>
{
    private readonly ImmutableArray<Escalation> _escalations;

    private EscalationTrack(ImmutableArray<Escalation> escalations) => _escalations = escalations;

    /// <summary>A case never escalated: level 0, no history.</summary>
    public static EscalationTrack None { get; } = new(ImmutableArray<Escalation>.Empty);

    /// <summary>The highest level reached; 0 (the front line) when never escalated.</summary>
    public int Level => _escalations.IsEmpty ? 0 : _escalations[^1].Level;

    /// <summary>Every escalation, oldest first; levels strictly increase.</summary>
    public IReadOnlyList<Escalation> Escalations => _escalations;

    /// <summary>When the case was last escalated; null when never.</summary>
    public Instant? LastEscalatedAt => _escalations.IsEmpty ? null : _escalations[^1].EscalatedAt;

    /// <summary>Whether <paramref name="level"/> is reached or passed (level 0 always is).</summary>
    /// <param name="level">A level.</param>
    /// <returns>True when <see cref="Level"/> is at least <paramref name="level"/>.</returns>
    public bool HasReached(int level) => Level >= level;

    /// <summary>Whether two tracks hold the same escalations in the same order.</summary>
    /// <param name="other">The other track.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(EscalationTrack? other) => other is not null && _escalations.AsSpan().SequenceEqual(other._escalations.AsSpan());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EscalationTrack);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var escalation in _escalations)
        {
            hash.Add(escalation);
        }

        return hash.ToHashCode();
    }

    /// <summary>The level and the number of escalations (targets and reasons are not shown).</summary>
    /// <returns>A short summary.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"level {Level} ({_escalations.Length} escalation{(_escalations.Length == 1 ? string.Empty : "s")})");

    /// <summary>Refuses a level that does not raise the track's (<see cref="RuleCode.EscalationLevelMustIncrease"/>).</summary>
    internal void EnsureRaisedBy(int level, string caseKind) =>
        Guard.Against.BrokenRule(
            level <= Level, RuleCode.EscalationLevelMustIncrease, string.Create(CultureInfo.InvariantCulture, $"The {caseKind} is at level {Level}; level {level} does not raise it."));

    /// <summary>The track with <paramref name="escalation"/> appended (its level already checked to be higher).</summary>
    internal EscalationTrack With(Escalation escalation) => new(_escalations.Add(escalation));
}
