using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Agreements;

/// <summary>
/// One published version of a service commitment (服务承诺), as the SLA clock reads it: the target matrix (metric × priority
/// × tier → duration in business or calendar time), the hold reasons that pause clocks, warning stages, reopen behaviour,
/// applicability, KPI objectives, and the instants it is in force between. Immutable and thread-safe; two versions with
/// the same content are equal.
/// </summary>
/// <remarks>
/// <para>A version is only ever a published one: it comes from an <see cref="AgreementVersionBuilder"/>, which checks every
/// rule and reports every problem at once, or from <see cref="ServiceLevelAgreement.Published"/>, the version an edited and
/// published agreement produces. Drafting, publishing, revising and retiring belong to <see cref="ServiceLevelAgreement"/>;
/// what a case is measured against belongs here.</para>
/// <para>A case keeps the version it opened under (<see cref="Reference"/>); an <see cref="AgreementCatalog"/> of versions
/// chooses it by date and applicability.</para>
/// </remarks>
public sealed class AgreementVersion : IEquatable<AgreementVersion>
{
    private readonly TargetMatrix _matrix;
    private readonly ImmutableArray<PauseRule> _pauseRules;

    // What the SLA clock asks on every evaluation, worked out once: the pause rules as one metric bit mask per reason.
    private readonly HoldReason[] _pauseReasons;
    private readonly int[] _pausedMetrics;

    internal AgreementVersion(
        AgreementId id,
        int version,
        string name,
        AgreementKind kind,
        string? calendarName,
        CalendarSource calendarSource,
        TargetMatrix matrix,
        ImmutableArray<PauseRule> pauseRules,
        ImmutableArray<decimal> warningStages,
        ReopenBehaviour reopen,
        LossReporting? lossReporting,
        Applicability applicability,
        ImmutableArray<KpiObjective> objectives,
        DepartmentId? team,
        Instant effectiveFrom,
        Instant? effectiveUntil)
    {
        (Id, Version, Name, Kind, CalendarName, CalendarSource) = (id, version, name, kind, calendarName, calendarSource);
        (_matrix, _pauseRules, WarningStages, Reopen, LossReporting) = (matrix, pauseRules, warningStages, reopen, lossReporting);
        (Applicability, Objectives, Team, EffectiveFrom, EffectiveUntil) = (applicability, objectives, team, effectiveFrom, effectiveUntil);
        StageFractions = [.. warningStages.Select(StageFraction.Of)];
        StatusSource = new StatusSource(new AgreementReference(id, version), kind, WarningStages);

        // Boxed once here, not on every read (the clock reads these on every evaluation).
        (Targets, PauseRules) = (matrix.Cells, pauseRules);
        _pauseReasons = [.. pauseRules.Select(r => r.Reason)];
        _pausedMetrics = [.. pauseRules.Select(r => r.Metrics.Aggregate(0, (mask, m) => mask | MetricBit(m)))];
        HasCalendarTimeTargets = matrix.Cells.Any(t => t.Basis == TimeBasis.CalendarTime);
        CoversEveryTicket = applicability.Tiers.Count == 0 && applicability.Kinds.Count == 0 && applicability.Channels.Count == 0
            && applicability.Priorities.Count == 0;
        CoversEveryComplaint = applicability.Tiers.Count == 0 && applicability.Categories.Count == 0 && applicability.Channels.Count == 0;
    }

    /// <summary>The agreement's id (shared by all its versions).</summary>
    public AgreementId Id { get; }

    /// <summary>This version's number, from 1.</summary>
    public int Version { get; }

    /// <summary>This version as a reference, which cases keep.</summary>
    public AgreementReference Reference => new(Id, Version);

    /// <summary>The agreement's name.</summary>
    public string Name { get; }

    /// <summary>Who the agreement is between.</summary>
    public AgreementKind Kind { get; }

    /// <summary>The name of the business calendar business-time targets use, or null for around the clock.</summary>
    public string? CalendarName { get; }

    /// <summary>Where the calendar is found for a case: the agreement's own (the default) or looked up from the case.</summary>
    public CalendarSource CalendarSource { get; }

    /// <summary>The target matrix, in the order its cells were added.</summary>
    public IReadOnlyList<ServiceTarget> Targets { get; }

    /// <summary>Which hold reasons pause which metrics; one rule per reason.</summary>
    public IReadOnlyList<PauseRule> PauseRules { get; }

    /// <summary>Warning stages, in percent of the target, ascending.</summary>
    public IReadOnlyList<decimal> WarningStages { get; }

    /// <summary>What a reopen does to the resolution clock.</summary>
    public ReopenBehaviour Reopen { get; }

    /// <summary>The same-day loss report this version requires (<see cref="Metric.LossReport"/>), or null for none.</summary>
    public LossReporting? LossReporting { get; }

    /// <summary>Which cases the agreement covers.</summary>
    public Applicability Applicability { get; }

    /// <summary>KPI objectives.</summary>
    public IReadOnlyList<KpiObjective> Objectives { get; }

    /// <summary>
    /// The team whose time an operational-level agreement measures, or null for the whole case; see
    /// <see cref="ServiceLevelAgreement.Team"/>.
    /// </summary>
    public DepartmentId? Team { get; }

    /// <summary>From when this version is in force: a case starting at or after it may fall under it.</summary>
    public Instant EffectiveFrom { get; }

    /// <summary>
    /// Until when (exclusive) this version is in force, or null for no end of its own (a later version may still take
    /// precedence from its own effective instant). A version taken from a retired agreement ends at its retirement.
    /// </summary>
    public Instant? EffectiveUntil { get; }

    /// <summary>One bit per <see cref="Metric"/> that has at least one target: a constant-time test for the SLA clock.</summary>
    internal int MetricsWithTargets => _matrix.MetricsWithTargets;

    /// <summary>Whether a target is in calendar time (so the clock also needs the always-open calendar's range).</summary>
    internal bool HasCalendarTimeTargets { get; }

    /// <summary>Whether <see cref="Applicability"/> covers every ticket (<see cref="Applicability.CoversTicket"/> is true whatever it is asked).</summary>
    internal bool CoversEveryTicket { get; }

    /// <summary>Whether <see cref="Applicability"/> covers every complaint (<see cref="Applicability.CoversComplaint"/> is true whatever it is asked).</summary>
    internal bool CoversEveryComplaint { get; }

    /// <summary>The warning stages as exact integer fractions, for allocation-free threshold arithmetic.</summary>
    internal StageFraction[] StageFractions { get; }

    /// <summary>What every status measured under this version shares: its reference and warning stages.</summary>
    internal StatusSource StatusSource { get; }

    /// <summary>Whether this version is in force at <paramref name="at"/>: effective by then and not yet ended.</summary>
    /// <param name="at">The instant, usually a case's start.</param>
    /// <returns>True when a case starting at <paramref name="at"/> may fall under this version (a later version may still take precedence).</returns>
    public bool IsInForceAt(Instant at) => EffectiveFrom <= at && (EffectiveUntil is not { } until || at < until);

    /// <summary>
    /// The target for a case: the most specific cell for the metric that matches the priority and tier (priority and
    /// tier, then priority only, then tier only, then neither). Allocates nothing.
    /// </summary>
    /// <param name="metric">The metric.</param>
    /// <param name="priority">The case's priority.</param>
    /// <param name="tier">The customer's tier.</param>
    /// <returns>The target, or null when the matrix has none for the metric.</returns>
    public ServiceTarget? TargetFor(Metric metric, Priority priority, ServiceTier tier) => _matrix.For(metric, priority, tier);

    /// <summary>Whether a hold for <paramref name="reason"/> pauses the clock of <paramref name="metric"/>. Allocates nothing.</summary>
    /// <param name="reason">The hold reason.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>True when a pause rule says so.</returns>
    public bool IsPausedBy(HoldReason reason, Metric metric)
    {
        var bit = MetricBit(metric);
        if (bit == 0)
        {
            return Pauses(_pauseRules, reason, metric);
        }

        for (var r = 0; r < _pauseReasons.Length; r++)
        {
            if ((_pausedMetrics[r] & bit) != 0 && _pauseReasons[r] == reason)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="other"/> has the same content: every property above, lists item by item.</summary>
    /// <param name="other">The other version.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(AgreementVersion? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Id == other.Id && Version == other.Version && Name == other.Name && Kind == other.Kind && CalendarName == other.CalendarName
            && CalendarSource.Equals(other.CalendarSource) && ContentEquality.Equal(Targets, other.Targets)
            && ContentEquality.Equal(PauseRules, other.PauseRules) && ContentEquality.Equal(WarningStages, other.WarningStages)
            && Reopen == other.Reopen && Equals(LossReporting, other.LossReporting) && Applicability.Equals(other.Applicability)
            && ContentEquality.Equal(Objectives, other.Objectives) && Team == other.Team
            && EffectiveFrom == other.EffectiveFrom && EffectiveUntil == other.EffectiveUntil);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AgreementVersion);

    /// <summary>A hash code consistent with <see cref="Equals(AgreementVersion)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Id, Version, Name, Kind, ContentEquality.Hash(Targets), Applicability, EffectiveFrom, EffectiveUntil);

    /// <summary>Returns the reference, name and the instants it is in force between.</summary>
    /// <returns>A short summary, for example <c>Agreement PM-2025 v2 'Property management' in force from 2025-01-15T00:00:00Z</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Agreement {Id} v{Version} '{Name}' in force from {EffectiveFrom}{(EffectiveUntil is { } until ? $" until {until}" : string.Empty)}");

    /// <summary>One bit per metric the enum defines (none for a value it does not, which no rule can name).</summary>
    private static int MetricBit(Metric metric) => (uint)metric < 32 ? 1 << (int)metric : 0;

    /// <summary>Whether one of <paramref name="rules"/> pauses <paramref name="metric"/> for <paramref name="reason"/>; plain loops, no allocation.</summary>
    internal static bool Pauses<TRules>(TRules rules, HoldReason reason, Metric metric)
        where TRules : IReadOnlyList<PauseRule>
    {
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            if (rule.Reason != reason)
            {
                continue;
            }

            var metrics = rule.Metrics;
            for (var i = 0; i < metrics.Count; i++)
            {
                if (metrics[i] == metric)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
