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
    : AgreementEvent(AgreementId, OccurredAt);

/// <summary>The calendar was named.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="CalendarName">The calendar's name, or null for around the clock.</param>
public sealed record AgreementCalendarSet(AgreementId AgreementId, Instant OccurredAt, string? CalendarName) : AgreementEvent(AgreementId, OccurredAt);

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
public sealed record PauseRuleSet(AgreementId AgreementId, Instant OccurredAt, HoldReason Reason, IReadOnlyList<Metric> Metrics) : AgreementEvent(AgreementId, OccurredAt);

/// <summary>The warning stages were set.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Stages">The stages, in percent, ascending.</param>
public sealed record WarningStagesSet(AgreementId AgreementId, Instant OccurredAt, IReadOnlyList<decimal> Stages) : AgreementEvent(AgreementId, OccurredAt);

/// <summary>The reopen behaviour was set.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Reopen">The behaviour.</param>
public sealed record ReopenBehaviourSet(AgreementId AgreementId, Instant OccurredAt, ReopenBehaviour Reopen) : AgreementEvent(AgreementId, OccurredAt);

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
public sealed record AgreementPublished(AgreementId AgreementId, Instant OccurredAt, Instant EffectiveFrom) : AgreementEvent(AgreementId, OccurredAt);

/// <summary>The version was retired.</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="OccurredAt">When.</param>
public sealed record AgreementRetired(AgreementId AgreementId, Instant OccurredAt) : AgreementEvent(AgreementId, OccurredAt);
