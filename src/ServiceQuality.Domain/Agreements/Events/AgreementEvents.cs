using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Agreements.Events;

/// <summary>Something that happened to a <see cref="ServiceLevelAgreement"/> version.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="OccurredAt">When it happened.</param>
public abstract record AgreementEvent(AgreementId AgreementId, Instant OccurredAt) : IDomainEvent;

/// <summary>A version was drafted, empty or as a revision carrying the previous version's terms.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Version">The version number, from 1.</param>
/// <param name="Name">The agreement's name.</param>
/// <param name="Kind">Who it is between.</param>
/// <param name="CalendarName">The business calendar's name, or null for around the clock.</param>
/// <param name="Targets">The target matrix.</param>
/// <param name="Pauses">Which hold reasons pause which metrics.</param>
/// <param name="WarningStages">Warning stages, in percent of the target.</param>
/// <param name="Reopen">What a reopen does to the resolution clock.</param>
/// <param name="Applicability">Which cases the agreement covers.</param>
/// <param name="Objectives">KPI objectives.</param>
public sealed record AgreementDrafted(
    AgreementId AgreementId, Instant OccurredAt, int Version, string Name, AgreementKind Kind, string? CalendarName,
    IReadOnlyList<ServiceTarget> Targets, IReadOnlyList<PauseRule> Pauses, IReadOnlyList<decimal> WarningStages,
    ReopenBehaviour Reopen, Applicability Applicability, IReadOnlyList<KpiObjective> Objectives)
    : AgreementEvent(AgreementId, OccurredAt)
{
    /// <summary>
    /// The same-day loss report required, or null (the default, and what a version drafted before the requirement existed
    /// has): none.
    /// </summary>
    public LossReporting? LossReporting { get; init; }

    /// <summary>
    /// Where the calendar is found for a case, or null (the default, and what a version drafted before sources existed
    /// has): the agreement's own, <see cref="Agreements.CalendarSource.Agreement"/>.
    /// </summary>
    public CalendarSource? CalendarSource { get; init; }

    /// <summary>
    /// The team whose time an operational-level agreement measures, or null (the default, and what a version drafted before
    /// teams existed has): the whole case.
    /// </summary>
    public DepartmentId? Team { get; init; }

    /// <summary>Whether <paramref name="other"/> holds equal members, the targets, pauses, warning stages and objectives compared item by item.</summary>
    /// <param name="other">The other value, or null.</param>
    /// <returns>True when every member is equal.</returns>
    public bool Equals(AgreementDrafted? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && base.Equals(other)
            && Version == other.Version
            && Name == other.Name
            && Kind == other.Kind
            && CalendarName == other.CalendarName
            && ContentEquality.Equal(Targets, other.Targets)
            && ContentEquality.Equal(Pauses, other.Pauses)
            && ContentEquality.Equal(WarningStages, other.WarningStages)
            && Reopen == other.Reopen
            && Equals(Applicability, other.Applicability)
            && ContentEquality.Equal(Objectives, other.Objectives)
            && Equals(LossReporting, other.LossReporting)
            && Equals(CalendarSource, other.CalendarSource)
            && Team == other.Team);

    /// <summary>A hash code consistent with <see cref="Equals(AgreementDrafted)"/>: the targets, pauses, warning stages and objectives hashed by content.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(
        base.GetHashCode(), Version, Name, Kind, CalendarName, ContentEquality.Hash(Targets), ContentEquality.Hash(Pauses),
        HashCode.Combine(ContentEquality.Hash(WarningStages), Reopen, Applicability, ContentEquality.Hash(Objectives), LossReporting, CalendarSource, Team));
}

/// <summary>The calendar was named.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="CalendarName">The calendar's name, or null for around the clock.</param>
public sealed record AgreementCalendarSet(AgreementId AgreementId, Instant OccurredAt, string? CalendarName) : AgreementEvent(AgreementId, OccurredAt);

/// <summary>Where the calendar is found for a case was set.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Source">Where the hours and the zone come from.</param>
public sealed record CalendarSourceSet(AgreementId AgreementId, Instant OccurredAt, CalendarSource Source) : AgreementEvent(AgreementId, OccurredAt);

/// <summary>A target was added to the matrix.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Target">The target.</param>
public sealed record TargetAdded(AgreementId AgreementId, Instant OccurredAt, ServiceTarget Target) : AgreementEvent(AgreementId, OccurredAt);

/// <summary>A hold reason was set to pause some metrics.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Reason">The hold reason.</param>
/// <param name="Metrics">The metrics it pauses (replacing any earlier rule for the reason).</param>
public sealed record PauseRuleSet(AgreementId AgreementId, Instant OccurredAt, HoldReason Reason, IReadOnlyList<Metric> Metrics) : AgreementEvent(AgreementId, OccurredAt)
{
    /// <summary>Whether <paramref name="other"/> holds equal members, the metrics compared item by item.</summary>
    /// <param name="other">The other value, or null.</param>
    /// <returns>True when every member is equal.</returns>
    public bool Equals(PauseRuleSet? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && base.Equals(other)
            && Reason == other.Reason
            && ContentEquality.Equal(Metrics, other.Metrics));

    /// <summary>A hash code consistent with <see cref="Equals(PauseRuleSet)"/>: the metrics hashed by content.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Reason, ContentEquality.Hash(Metrics));
}

/// <summary>The warning stages were set.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Stages">The stages, in percent, ascending.</param>
public sealed record WarningStagesSet(AgreementId AgreementId, Instant OccurredAt, IReadOnlyList<decimal> Stages) : AgreementEvent(AgreementId, OccurredAt)
{
    /// <summary>Whether <paramref name="other"/> holds equal members, the stages compared item by item.</summary>
    /// <param name="other">The other value, or null.</param>
    /// <returns>True when every member is equal.</returns>
    public bool Equals(WarningStagesSet? other) =>
        ReferenceEquals(this, other) || (other is not null && base.Equals(other) && ContentEquality.Equal(Stages, other.Stages));

    /// <summary>A hash code consistent with <see cref="Equals(WarningStagesSet)"/>: the stages hashed by content.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), ContentEquality.Hash(Stages));
}

/// <summary>The reopen behaviour was set.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Reopen">The behaviour.</param>
public sealed record ReopenBehaviourSet(AgreementId AgreementId, Instant OccurredAt, ReopenBehaviour Reopen) : AgreementEvent(AgreementId, OccurredAt);

/// <summary>The same-day loss report was required, or the requirement removed.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="LossReporting">The requirement, or null for none.</param>
public sealed record LossReportingSet(AgreementId AgreementId, Instant OccurredAt, LossReporting? LossReporting) : AgreementEvent(AgreementId, OccurredAt);

/// <summary>The applicability was set.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Applicability">Which cases are covered.</param>
public sealed record ApplicabilitySet(AgreementId AgreementId, Instant OccurredAt, Applicability Applicability) : AgreementEvent(AgreementId, OccurredAt);

/// <summary>A KPI objective was added.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Objective">The objective.</param>
public sealed record KpiObjectiveAdded(AgreementId AgreementId, Instant OccurredAt, KpiObjective Objective) : AgreementEvent(AgreementId, OccurredAt);

/// <summary>The version was published and frozen.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="EffectiveFrom">From when it is in force.</param>
public sealed record AgreementPublished(AgreementId AgreementId, Instant OccurredAt, Instant EffectiveFrom) : AgreementEvent(AgreementId, OccurredAt)
{
    /// <summary>Until when (exclusive) it is in force, or null (the default): until a later version or its retirement.</summary>
    public Instant? EffectiveUntil { get; init; }
}

/// <summary>The team whose time an operational-level agreement measures was set.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Team">The team, or null for the whole case.</param>
public sealed record AgreementTeamSet(AgreementId AgreementId, Instant OccurredAt, DepartmentId? Team) : AgreementEvent(AgreementId, OccurredAt);

/// <summary>The version was retired.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
public sealed record AgreementRetired(AgreementId AgreementId, Instant OccurredAt) : AgreementEvent(AgreementId, OccurredAt);
