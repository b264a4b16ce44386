using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Agreements.Events;
using ServiceQuality.Domain.Agreements.Rules;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Agreements;

/// <summary>
/// One version of a service commitment (服务承诺): a target matrix (metric × priority × tier → duration in business or
/// calendar time), the hold reasons that pause clocks, warning stages, reopen behaviour, applicability and KPI
/// objectives. A draft is edited, then published with an effective instant, which freezes it; changes are made by
/// revising it into a new version. Cases keep the version they were opened under.
/// </summary>
/// <remarks>Create with <see cref="Draft"/>, <see cref="Revise"/> or <see cref="FromHistory"/>. Not thread-safe while a draft; a published version no longer changes.</remarks>
public sealed class ServiceLevelAgreement : AggregateRoot<AgreementEvent>
{
    /// <summary>How many decimal places a warning stage keeps; finer stages are rounded.</summary>
    public const int StageDecimals = 12;

    /// <summary>The warning stages of a new draft: 50 % and 75 % of the target.</summary>
    public static readonly IReadOnlyList<decimal> DefaultWarningStages = [50m, 75m];

    private readonly List<ServiceTarget> _targets = [];

    /// <summary>The target matrix with its lookup table, built on first use and dropped when the matrix changes.</summary>
    private TargetMatrix? _matrix;

    /// <summary>The published version, built on first use and dropped when the agreement changes (it is retired).</summary>
    private AgreementVersion? _published;
    private readonly List<PauseRule> _pauses = [];
    private readonly List<KpiObjective> _objectives = [];

    private ServiceLevelAgreement()
    {
        Targets = new ReadOnlyCollection<ServiceTarget>(_targets);
        PauseRules = new ReadOnlyCollection<PauseRule>(_pauses);
        WarningStages = DefaultWarningStages;
        Objectives = new ReadOnlyCollection<KpiObjective>(_objectives);
    }

    /// <summary>The agreement's id (shared by all its versions).</summary>
    public AgreementId Id { get; private set; }

    /// <summary>This version's number, from 1.</summary>
    public int Version { get; private set; }

    /// <summary>This version as a reference, which cases keep.</summary>
    public AgreementReference Reference => new(Id, Version);

    /// <summary>The agreement's name.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>Who the agreement is between.</summary>
    public AgreementKind Kind { get; private set; }

    /// <summary>Where this version is in its life.</summary>
    public AgreementStatus Status { get; private set; }

    /// <summary>The name of the business calendar business-time targets use, or null for around the clock.</summary>
    public string? CalendarName { get; private set; }

    /// <summary>The target matrix.</summary>
    public IReadOnlyList<ServiceTarget> Targets { get; }

    /// <summary>Which hold reasons pause which metrics.</summary>
    public IReadOnlyList<PauseRule> PauseRules { get; }

    /// <summary>Warning stages, in percent of the target, ascending.</summary>
    public IReadOnlyList<decimal> WarningStages { get; private set; }

    /// <summary>What a reopen does to the resolution clock.</summary>
    public ReopenBehaviour Reopen { get; private set; }

    /// <summary>Where the calendar is found for a case: the agreement's own (the default) or looked up from the case.</summary>
    public CalendarSource CalendarSource { get; private set; } = CalendarSource.Agreement;

    /// <summary>The same-day loss report this version requires (<see cref="Metric.LossReport"/>), or null for none.</summary>
    public LossReporting? LossReporting { get; private set; }

    /// <summary>Which cases the agreement covers.</summary>
    public Applicability Applicability { get; private set; } = Applicability.Any;

    /// <summary>KPI objectives.</summary>
    public IReadOnlyList<KpiObjective> Objectives { get; }

    /// <summary>From when this version is in force, once published.</summary>
    public Instant? EffectiveFrom { get; private set; }

    /// <summary>When the version was retired; null while it is a draft or published.</summary>
    public Instant? RetiredAt { get; private set; }

    /// <summary>
    /// Until when (exclusive) the published version is in force, or null: until a later version takes effect or it is retired.
    /// A case that starts at or after it never gets this version.
    /// </summary>
    public Instant? EffectiveUntil { get; private set; }

    /// <summary>
    /// The team whose time an operational-level agreement (OLA) measures, or null for the whole case. An OLA with a team
    /// attaches to every case it covers, and its clocks count only while that team holds the case: from an assignment or
    /// transfer to someone of the team until one to someone outside it (for a complaint, while the team investigates it).
    /// An underpinning contract's clocks count only while the case is referred to a third party.
    /// </summary>
    public DepartmentId? Team { get; private set; }

    /// <summary>Drafts version 1 of an agreement, with default stages (50 %, 75 %), clocks continuing on reopen, and covering every case.</summary>
    /// <param name="id">The agreement's id.</param>
    /// <param name="name">Its name; not blank.</param>
    /// <param name="kind">Who it is between.</param>
    /// <param name="now">When.</param>
    /// <returns>The draft.</returns>
    /// <exception cref="ArgumentException">An argument is missing or undefined.</exception>
    public static ServiceLevelAgreement Draft(AgreementId id, string name, AgreementKind kind, Instant now)
    {
        Guard.Against.Default(id);
        Guard.Against.NullOrWhiteSpace(name);
        Guard.Against.UndefinedEnumValue(kind);
        var agreement = new ServiceLevelAgreement();
        agreement.Raise(new AgreementDrafted(id, now, 1, name, kind, null, [], [], DefaultWarningStages, ReopenBehaviour.ContinueClock, Applicability.Any, []));
        return agreement;
    }

    /// <summary>Rebuilds an agreement version from its stored events.</summary>
    /// <param name="history">The events, oldest first, starting with <see cref="AgreementDrafted"/>.</param>
    /// <returns>The version as it was after the last event.</returns>
    /// <exception cref="ArgumentException">
    /// The history is empty or, naming the index of the first bad event: an event is null, of another agreement, earlier than
    /// the one before it, holds an empty id, a default tier, an undefined enum value, a blank name or a missing list, or is one
    /// the agreement's commands would have refused there (the first is not the draft, an edit after publishing, a broken rule
    /// such as a duplicate target cell or a warning stage out of range).
    /// </exception>
    public static ServiceLevelAgreement FromHistory(IEnumerable<AgreementEvent> history)
    {
        var agreement = new ServiceLevelAgreement();
        agreement.Load(history, e => e is AgreementDrafted, e => e.AgreementId == agreement.Id);
        return agreement;
    }

    /// <summary>
    /// The agreement version's transition table: every (state, command, resulting state) row, ordered by state then
    /// command. A command absent for a state is refused there: <see cref="AgreementCommand.Edit"/> with
    /// <see cref="RuleCode.PublishedAgreementIsFrozen"/>, the others with <see cref="RuleCode.TransitionMustBeAllowed"/>.
    /// Immutable; docs/lifecycles.md is generated from it.
    /// </summary>
    public static IReadOnlyList<Transition<AgreementStatus, AgreementCommand>> Transitions => AgreementTransitions.Table.Rows;

    /// <summary>
    /// The commands the version's <see cref="Status"/> accepts, in declaration order (Stateless's <c>PermittedTriggers</c>):
    /// the state alone decides; argument rules and <see cref="RuleCode.AgreementNeedsTargetsToPublish"/> aside, which
    /// <see cref="CanPublish"/> also checks.
    /// </summary>
    public IReadOnlyList<AgreementCommand> PermittedCommands => AgreementTransitions.Table.Permitted(Status);

    /// <summary>Whether the editing commands (<see cref="AgreementCommand.Edit"/>) are allowed now (argument rules aside).</summary>
    /// <returns>True while a draft.</returns>
    public bool CanEdit() => AgreementTransitions.Table.Allows(Status, AgreementCommand.Edit);

    /// <summary>Whether <see cref="Publish(Instant, Instant)"/> would be accepted now (time aside).</summary>
    /// <returns>True for a draft with at least one target.</returns>
    public bool CanPublish() => AgreementTransitions.Table.Allows(Status, AgreementCommand.Publish) && _targets.Count > 0;

    /// <summary>Whether <see cref="Retire"/> is allowed now.</summary>
    /// <returns>True while published.</returns>
    public bool CanRetire() => AgreementTransitions.Table.Allows(Status, AgreementCommand.Retire);

    /// <summary>Whether <see cref="Revise"/> is allowed now.</summary>
    /// <returns>True once published (also when retired).</returns>
    public bool CanRevise() => AgreementTransitions.Table.Allows(Status, AgreementCommand.Revise);

    /// <summary>
    /// The target for a case: the most specific cell for the metric that matches the priority and tier (priority and
    /// tier, then priority only, then tier only, then neither).
    /// </summary>
    /// <param name="metric">The metric.</param>
    /// <param name="priority">The case's priority.</param>
    /// <param name="tier">The customer's tier.</param>
    /// <returns>The target, or null when the matrix has none for the metric.</returns>
    public ServiceTarget? TargetFor(Metric metric, Priority priority, ServiceTier tier) =>
        (_matrix ??= new TargetMatrix([.. _targets])).For(metric, priority, tier);

    /// <summary>
    /// This version as the SLA clock and an <see cref="AgreementCatalog"/> read it, once published: immutable, with the terms
    /// it was published with. A retired version's <see cref="AgreementVersion.EffectiveUntil"/> is its retirement when that
    /// comes first, so it applies to no case starting later.
    /// </summary>
    /// <exception cref="InvalidOperationException">The agreement is still a draft: publish it first.</exception>
    public AgreementVersion Published => _published ??= Status == AgreementStatus.Draft
        ? throw new InvalidOperationException($"{Reference} is a draft; publish it before cases are measured against it.")
        : Snapshot();

    /// <summary>The published version, or an <see cref="ArgumentException"/> naming <paramref name="parameterName"/> for a draft.</summary>
    internal AgreementVersion PublishedFor(string parameterName) =>
        Status == AgreementStatus.Draft
            ? throw new ArgumentException($"{Reference} is a draft; only published versions are measured against.", parameterName)
            : Published;

    private AgreementVersion Snapshot()
    {
        var until = (EffectiveUntil, RetiredAt) switch
        {
            ({ } end, { } retired) => Instant.Min(end, retired),
            (var end, var retired) => end ?? retired,
        };
        return new AgreementVersion(
            Id, Version, Name, Kind, CalendarName, CalendarSource, _matrix ??= new TargetMatrix([.. _targets]), [.. _pauses], [.. WarningStages], Reopen,
            LossReporting, Applicability, [.. _objectives], Team, EffectiveFrom!.Value, until);
    }

    /// <summary>The most pause rules an agreement holds: one per hold reason, 64 reasons.</summary>
    public const int MaxPauseRules = 64;

    /// <summary>Whether a hold for <paramref name="reason"/> pauses the clock of <paramref name="metric"/>.</summary>
    /// <param name="reason">The hold reason.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>True when a pause rule says so.</returns>
    public bool IsPausedBy(HoldReason reason, Metric metric) => AgreementVersion.Pauses(_pauses, reason, metric);

    /// <summary>Names the business calendar, or null for around the clock.</summary>
    /// <param name="calendarName">The calendar's name, or null.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time rule or <see cref="RuleCode.PublishedAgreementIsFrozen"/>.</exception>
    public void SetCalendar(string? calendarName, Instant now)
    {
        CheckCalendarName(calendarName);
        GuardEdit(now);
        Raise(new AgreementCalendarSet(Id, now, calendarName));
    }

    /// <summary>Adds a cell to the target matrix.</summary>
    /// <param name="metric">What is measured; not <see cref="Metric.InvestigationDeadline"/>, measured against each complaint's own deadline, nor <see cref="Metric.LossReport"/>, required with <see cref="SetLossReporting"/>.</param>
    /// <param name="priority">The priority, or null for any.</param>
    /// <param name="tier">The tier, or null for any.</param>
    /// <param name="target">The promised duration; positive.</param>
    /// <param name="basis">Business or calendar time.</param>
    /// <param name="now">When.</param>
    /// <exception cref="ArgumentException"><paramref name="metric"/> is <see cref="Metric.InvestigationDeadline"/> or <see cref="Metric.LossReport"/> (named <c>target</c>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enumeration value is not defined.</exception>
    /// <exception cref="DomainRuleViolationException">
    /// The time rule, <see cref="RuleCode.PublishedAgreementIsFrozen"/>, <see cref="RuleCode.TargetDurationMustBePositive"/> or <see cref="RuleCode.TargetCellMustBeUnique"/>.
    /// </exception>
    public void AddTarget(Metric metric, Priority? priority, ServiceTier? tier, Duration target, TimeBasis basis, Instant now)
    {
        Guard.Against.UndefinedEnumValue(metric);
        if (priority is { } p)
        {
            Guard.Against.UndefinedEnumValue(p, nameof(priority));
        }

        Guard.Against.UndefinedEnumValue(basis);
        Guard.Against.DefaultWhenPresent(tier);
        GuardEdit(now);
        var cell = new ServiceTarget(metric, priority, tier, target, basis);
        AgreementRules.TargetMetricMustTakeTargets(metric);
        AgreementRules.TargetDurationMustBePositive(target);
        AgreementRules.TargetCellMustBeUnique(_targets, cell);
        Raise(new TargetAdded(Id, now, cell));
    }

    /// <summary>
    /// Adds a cell to the target matrix: a duration or a deadline counted in business days (<see cref="ServiceTarget.Deadline"/>),
    /// with its start rule (<see cref="ServiceTarget.Start"/>).
    /// </summary>
    /// <param name="target">The cell: for a duration, a positive <see cref="ServiceTarget.Target"/>; with a deadline, a zero target in business time.</param>
    /// <param name="now">When.</param>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The metric is <see cref="Metric.InvestigationDeadline"/> or <see cref="Metric.LossReport"/>, or a cell with a deadline
    /// also has a duration or calendar time (all named <c>target</c>).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An enumeration value is not defined.</exception>
    /// <exception cref="DomainRuleViolationException">
    /// The time rule, <see cref="RuleCode.PublishedAgreementIsFrozen"/>, <see cref="RuleCode.TargetDurationMustBePositive"/> or <see cref="RuleCode.TargetCellMustBeUnique"/>.
    /// </exception>
    public void AddTarget(ServiceTarget target, Instant now)
    {
        Guard.Against.Null(target);
        CheckCell(target);
        GuardEdit(now);
        CheckTargetRules(target, _targets);
        Raise(new TargetAdded(Id, now, target));
    }

    /// <summary>
    /// Makes a hold reason pause the clocks of the given metrics (replacing any earlier rule for the reason). The reason is
    /// a stock one or the host's own code; a reason no rule names pauses nothing.
    /// </summary>
    /// <param name="reason">The hold reason.</param>
    /// <param name="metrics">The metrics it pauses; may be empty (it pauses nothing).</param>
    /// <param name="now">When.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is the default value, or a metric is undefined.</exception>
    /// <exception cref="DomainRuleViolationException">
    /// The time rule, <see cref="RuleCode.PublishedAgreementIsFrozen"/>, or <see cref="RuleCode.PauseRulesMustNumberAtMost64"/>
    /// when it would be the agreement's 65th reason.
    /// </exception>
    public void PauseOn(HoldReason reason, IEnumerable<Metric> metrics, Instant now)
    {
        Guard.Against.Default(reason);
        Guard.Against.Null(metrics);
        var list = metrics.Distinct().Order().ToArray();
        foreach (var metric in list)
        {
            Guard.Against.UndefinedEnumValue(metric, nameof(metrics));
        }

        GuardEdit(now);
        AgreementRules.PauseRulesMustNumberAtMost64(PauseRuleCountWith(reason));
        Raise(new PauseRuleSet(Id, now, reason, list));
    }

    /// <summary>Sets the warning stages.</summary>
    /// <param name="stages">The stages, in percent of the target, each strictly between 0 and 100; at most eight; rounded to <see cref="StageDecimals"/> places.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time rule, <see cref="RuleCode.PublishedAgreementIsFrozen"/>, <see cref="RuleCode.WarningStageMustBeWithinRange"/> or <see cref="RuleCode.WarningStagesMustNumberAtMostEight"/>.</exception>
    public void SetWarningStages(IEnumerable<decimal> stages, Instant now)
    {
        Guard.Against.Null(stages);
        var list = stages.Select(s => Math.Round(s, StageDecimals)).Distinct().Order().ToArray();
        GuardEdit(now);
        AgreementRules.WarningStageMustBeWithinRange(list);
        AgreementRules.WarningStagesMustNumberAtMostEight(list.Length);
        Raise(new WarningStagesSet(Id, now, list));
    }

    /// <summary>Sets what a reopen does to the resolution clock.</summary>
    /// <param name="behaviour">The behaviour.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time rule or <see cref="RuleCode.PublishedAgreementIsFrozen"/>.</exception>
    public void SetReopenBehaviour(ReopenBehaviour behaviour, Instant now)
    {
        Guard.Against.UndefinedEnumValue(behaviour);
        GuardEdit(now);
        Raise(new ReopenBehaviourSet(Id, now, behaviour));
    }

    /// <summary>
    /// Sets where the calendar is found for a case: the agreement's own (<see cref="CalendarSource.Agreement"/>, the
    /// default), or the hours and the zone looked up from the customer, the team or the case through the
    /// <see cref="ServiceLevels.ICaseCalendarLookup"/> the host passes to the SLA clock.
    /// </summary>
    /// <param name="source">Where the hours and the zone come from.</param>
    /// <param name="now">When.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="DomainRuleViolationException">The time rule or <see cref="RuleCode.PublishedAgreementIsFrozen"/>.</exception>
    public void SetCalendarSource(CalendarSource source, Instant now)
    {
        Guard.Against.Null(source);
        GuardEdit(now);
        Raise(new CalendarSourceSet(Id, now, source));
    }

    /// <summary>
    /// Requires the same-day loss report (<see cref="Metric.LossReport"/>), or removes the requirement: a case claiming a
    /// loss above the threshold is escalated to the level before the end of the local day it was received.
    /// </summary>
    /// <param name="lossReporting">The requirement, or null for none.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time rule or <see cref="RuleCode.PublishedAgreementIsFrozen"/>.</exception>
    public void SetLossReporting(LossReporting? lossReporting, Instant now)
    {
        GuardEdit(now);
        Raise(new LossReportingSet(Id, now, lossReporting));
    }

    /// <summary>Sets the team whose time this operational-level agreement measures (see <see cref="Team"/>).</summary>
    /// <param name="team">The team, or null for the whole case.</param>
    /// <param name="now">When.</param>
    /// <exception cref="ArgumentException"><paramref name="team"/> is the default id.</exception>
    /// <exception cref="DomainRuleViolationException">
    /// The time rule, <see cref="RuleCode.PublishedAgreementIsFrozen"/> or <see cref="RuleCode.OnlyOperationalAgreementsHaveATeam"/>.
    /// </exception>
    public void SetTeam(DepartmentId? team, Instant now)
    {
        CheckTeam(team);
        GuardEdit(now);
        AgreementRules.OnlyOperationalAgreementsHaveATeam(Kind, team);
        Raise(new AgreementTeamSet(Id, now, team));
    }

    /// <summary>Sets which cases the agreement covers.</summary>
    /// <param name="applicability">The coverage.</param>
    /// <param name="now">When.</param>
    /// <exception cref="ArgumentException"><paramref name="applicability"/> or one of its lists is null, or holds a default tier or an undefined enum value.</exception>
    /// <exception cref="DomainRuleViolationException">The time rule or <see cref="RuleCode.PublishedAgreementIsFrozen"/>.</exception>
    public void SetApplicability(Applicability applicability, Instant now)
    {
        CheckApplicability(applicability);
        GuardEdit(now);
        Raise(new ApplicabilitySet(Id, now, applicability));
    }

    /// <summary>Adds a KPI objective.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="comparison">How it is compared.</param>
    /// <param name="thresholdPercent">The threshold, 0 to 100 %.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time rule, <see cref="RuleCode.PublishedAgreementIsFrozen"/> or <see cref="RuleCode.KpiThresholdMustBeAPercentage"/>.</exception>
    public void AddKpiObjective(Kpi kpi, Comparison comparison, decimal thresholdPercent, Instant now)
    {
        Guard.Against.UndefinedEnumValue(kpi);
        Guard.Against.UndefinedEnumValue(comparison);
        GuardEdit(now);
        AgreementRules.KpiThresholdMustBeAPercentage(thresholdPercent);
        Raise(new KpiObjectiveAdded(Id, now, new KpiObjective(kpi, comparison, thresholdPercent)));
    }

    /// <summary>Publishes the draft, in force from <paramref name="effectiveFrom"/>; the version is frozen from now on.</summary>
    /// <param name="effectiveFrom">From when it is in force.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time or transition rule, or <see cref="RuleCode.AgreementNeedsTargetsToPublish"/>.</exception>
    public void Publish(Instant effectiveFrom, Instant now) => Publish(effectiveFrom, null, now);

    /// <summary>
    /// Publishes the draft, in force from <paramref name="effectiveFrom"/> until <paramref name="effectiveUntil"/>
    /// (exclusive; a seasonal or fixed-term contract); the version is frozen from now on.
    /// </summary>
    /// <param name="effectiveFrom">From when it is in force.</param>
    /// <param name="effectiveUntil">Until when it is in force, exclusive, or null for no end.</param>
    /// <param name="now">When.</param>
    /// <exception cref="ArgumentException"><paramref name="effectiveUntil"/> is not after <paramref name="effectiveFrom"/>.</exception>
    /// <exception cref="DomainRuleViolationException">The time or transition rule, or <see cref="RuleCode.AgreementNeedsTargetsToPublish"/>.</exception>
    public void Publish(Instant effectiveFrom, Instant? effectiveUntil, Instant now)
    {
        CheckEffectiveUntil(effectiveFrom, effectiveUntil);
        GuardCommand(AgreementCommand.Publish, now);
        AgreementRules.AgreementNeedsTargetsToPublish(_targets.Count);
        Raise(new AgreementPublished(Id, now, effectiveFrom) { EffectiveUntil = effectiveUntil });
    }

    /// <summary>Whether this version is in force at <paramref name="at"/>: published (or retired later), effective by then, not yet ended or retired.</summary>
    /// <param name="at">The instant, usually a case's start.</param>
    /// <returns>True when a case starting at <paramref name="at"/> may fall under this version (a later version may still take precedence).</returns>
    public bool IsInForceAt(Instant at) =>
        EffectiveFrom is { } from && from <= at && (EffectiveUntil is not { } until || at < until) && (RetiredAt is not { } retired || at < retired);

    /// <summary>Retires the published version: no new cases; cases opened under it keep it.</summary>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time or transition rule.</exception>
    public void Retire(Instant now)
    {
        GuardCommand(AgreementCommand.Retire, now);
        Raise(new AgreementRetired(Id, now));
    }

    /// <summary>Starts the next version as a draft carrying this version's terms; this version is unchanged.</summary>
    /// <param name="now">When.</param>
    /// <returns>A new draft, version <see cref="Version"/> + 1.</returns>
    /// <exception cref="DomainRuleViolationException">The time rule, or the transition rule when this version is still a draft.</exception>
    public ServiceLevelAgreement Revise(Instant now)
    {
        GuardCommand(AgreementCommand.Revise, now);
        var next = new ServiceLevelAgreement();
        next.Raise(new AgreementDrafted(Id, now, Version + 1, Name, Kind, CalendarName, [.. _targets], [.. _pauses], WarningStages, Reopen, Applicability, [.. _objectives])
        {
            LossReporting = LossReporting,
            CalendarSource = CalendarSource == CalendarSource.Agreement ? null : CalendarSource,
            Team = Team,
        });
        return next;
    }

    /// <summary>Returns the name, version and status.</summary>
    /// <returns>A short summary.</returns>
    public override string ToString() => $"Agreement {Id} v{Version} '{Name}' ({Status})";

    private void GuardEdit(Instant now)
    {
        EnsureTimeMovesForward(now);
        CheckEdit();
    }

    private void GuardCommand(AgreementCommand command, Instant now)
    {
        EnsureTimeMovesForward(now);
        AgreementRules.TransitionMustBeAllowed(Status, command);
    }

    private void MoveBy(AgreementCommand command) => Status = AgreementTransitions.Table.Target(Status, command);

    private static void CheckApplicability(Applicability applicability)
    {
        Guard.Against.Null(applicability);
        Guard.Against.Null(applicability.Tiers, nameof(applicability));
        foreach (var tier in applicability.Tiers)
        {
            Guard.Against.Default(tier, nameof(applicability));
        }

        CheckDefined(applicability.Kinds, nameof(applicability));
        CheckDefined(applicability.Channels, nameof(applicability));
        CheckDefined(applicability.Priorities, nameof(applicability));
        CheckDefined(applicability.Categories, nameof(applicability));
        Guard.Against.Null(applicability.Customers, nameof(applicability));
        foreach (var customer in applicability.Customers)
        {
            Guard.Against.Default(customer, nameof(applicability));
        }

        CheckDefined(applicability.Severities, nameof(applicability));
        Guard.Against.Null(applicability.Sites, nameof(applicability));
        foreach (var site in applicability.Sites)
        {
            Guard.Against.InvalidId(site, nameof(applicability));
        }

        Guard.Against.Null(applicability.Teams, nameof(applicability));
        foreach (var team in applicability.Teams)
        {
            Guard.Against.Default(team, nameof(applicability));
        }
    }

    private static void CheckDefined<TEnum>(IReadOnlyList<TEnum> values, string parameterName)
        where TEnum : struct, Enum
    {
        Guard.Against.Null(values, parameterName);
        foreach (var value in values)
        {
            Guard.Against.UndefinedEnumValue(value, parameterName);
        }
    }

    private static void CheckTarget(ServiceTarget target, IEnumerable<ServiceTarget> earlier)
    {
        Guard.Against.Null(target);
        CheckCell(target);
        CheckTargetRules(target, earlier);
    }

    /// <summary>The argument checks of a cell: defined enums, a present tier, and a deadline cell without a duration of its own.</summary>
    private static void CheckCell(ServiceTarget target)
    {
        Guard.Against.UndefinedEnumValue(target.Metric, nameof(target));
        if (target.Priority is { } priority)
        {
            Guard.Against.UndefinedEnumValue(priority, nameof(target));
        }

        Guard.Against.DefaultWhenPresent(target.Tier, nameof(target));
        Guard.Against.UndefinedEnumValue(target.Basis, nameof(target));
        Guard.Against.UndefinedEnumValue(target.Start, nameof(target));
        Guard.Against.InvalidArgument(
            target.Deadline is not null && (target.Target != Duration.Zero || target.Basis != TimeBasis.BusinessTime), nameof(target),
            "A cell with a deadline in business days has no duration of its own: its target is zero, in business time.");
    }

    private static void CheckTargetRules(ServiceTarget target, IEnumerable<ServiceTarget> earlier)
    {
        AgreementRules.TargetMetricMustTakeTargets(target.Metric);
        if (target.Deadline is null)
        {
            AgreementRules.TargetDurationMustBePositive(target.Target);
        }

        AgreementRules.TargetCellMustBeUnique(earlier, target);
    }

    private static void CheckPauses(IReadOnlyList<PauseRule> pauses)
    {
        Guard.Against.Null(pauses);
        AgreementRules.PauseRulesMustNumberAtMost64(pauses.Count);
        var reasons = new HashSet<HoldReason>();
        for (var i = 0; i < pauses.Count; i++)
        {
            var pause = pauses[i];
            Guard.Against.Null(pause, nameof(pauses));
            CheckPause(pause.Reason, pause.Metrics);
            Guard.Against.InvalidArgument(!reasons.Add(pause.Reason), nameof(pauses), $"Two pause rules for {pause.Reason}.");
        }
    }

    /// <summary>How many pause rules the agreement has once <paramref name="reason"/> has one.</summary>
    private int PauseRuleCountWith(HoldReason reason) => _pauses.Exists(p => p.Reason == reason) ? _pauses.Count : _pauses.Count + 1;

    private static void CheckPause(HoldReason reason, IReadOnlyList<Metric> metrics)
    {
        Guard.Against.Default(reason);
        CheckDefined(metrics, nameof(metrics));
    }

    private static void CheckStages(IReadOnlyList<decimal> stages)
    {
        Guard.Against.Null(stages);
        AgreementRules.WarningStageMustBeWithinRange(stages);
        AgreementRules.WarningStagesMustNumberAtMostEight(stages.Count);
        for (var i = 0; i < stages.Count; i++)
        {
            // What SetWarningStages keeps: rounded, distinct and ascending.
            Guard.Against.InvalidArgument(
                Math.Round(stages[i], StageDecimals) != stages[i] || (i > 0 && stages[i] <= stages[i - 1]), nameof(stages),
                $"Warning stages are ascending, distinct and have at most {StageDecimals} decimal places; {stages[i]} at position {i} is not.");
        }
    }

    private static void CheckObjective(KpiObjective objective)
    {
        Guard.Against.Null(objective);
        Guard.Against.UndefinedEnumValue(objective.Kpi, nameof(objective));
        Guard.Against.UndefinedEnumValue(objective.Comparison, nameof(objective));
        AgreementRules.KpiThresholdMustBeAPercentage(objective.ThresholdPercent);
    }

    private static void CheckCalendarName(string? calendarName)
    {
        if (calendarName is not null)
        {
            Guard.Against.NullOrWhiteSpace(calendarName);
        }
    }

    private void CheckEdit() => AgreementRules.PublishedAgreementIsFrozen(Status, Reference);

    private static void CheckTeam(DepartmentId? team)
    {
        if (team is { } t)
        {
            Guard.Against.Default(t, nameof(team));
        }
    }

    private static void CheckEffectiveUntil(Instant effectiveFrom, Instant? effectiveUntil) =>
        Guard.Against.InvalidArgument(
            effectiveUntil is { } until && until <= effectiveFrom, "effectiveUntil", $"A version must end after it takes effect ({effectiveFrom}); {effectiveUntil} given.");

    /// <summary>The checks of the command that raises <paramref name="event"/>, in the agreement's present state (time order aside).</summary>
    private protected override void CheckReplayed(AgreementEvent @event)
    {
        switch (@event)
        {
            case AgreementDrafted e:
                Guard.Against.Default(e.AgreementId, nameof(e.AgreementId));
                Guard.Against.LessThan(e.Version, 1, nameof(e.Version));
                Guard.Against.NullOrWhiteSpace(e.Name, nameof(e.Name));
                Guard.Against.UndefinedEnumValue(e.Kind, nameof(e.Kind));
                CheckCalendarName(e.CalendarName);
                Guard.Against.Null(e.Targets, nameof(e.Targets));
                for (var i = 0; i < e.Targets.Count; i++)
                {
                    CheckTarget(e.Targets[i], e.Targets.Take(i));
                }

                CheckPauses(e.Pauses);
                CheckStages(e.WarningStages);
                Guard.Against.UndefinedEnumValue(e.Reopen, nameof(e.Reopen));
                CheckApplicability(e.Applicability);
                Guard.Against.Null(e.Objectives, nameof(e.Objectives));
                foreach (var objective in e.Objectives)
                {
                    CheckObjective(objective);
                }

                CheckTeam(e.Team);
                AgreementRules.OnlyOperationalAgreementsHaveATeam(e.Kind, e.Team);
                break;
            case AgreementTeamSet e:
                CheckTeam(e.Team);
                CheckEdit();
                AgreementRules.OnlyOperationalAgreementsHaveATeam(Kind, e.Team);
                break;
            case AgreementCalendarSet e:
                CheckCalendarName(e.CalendarName);
                CheckEdit();
                break;
            case TargetAdded e:
                CheckEdit();
                CheckTarget(e.Target, _targets);
                break;
            case PauseRuleSet e:
                CheckPause(e.Reason, e.Metrics);
                CheckEdit();
                AgreementRules.PauseRulesMustNumberAtMost64(PauseRuleCountWith(e.Reason));
                break;
            case WarningStagesSet e:
                CheckEdit();
                CheckStages(e.Stages);
                break;
            case ReopenBehaviourSet e:
                Guard.Against.UndefinedEnumValue(e.Reopen, nameof(e.Reopen));
                CheckEdit();
                break;
            case LossReportingSet:
                CheckEdit();
                break;
            case CalendarSourceSet e:
                Guard.Against.Null(e.Source, nameof(e.Source));
                CheckEdit();
                break;
            case ApplicabilitySet e:
                CheckApplicability(e.Applicability);
                CheckEdit();
                break;
            case KpiObjectiveAdded e:
                CheckEdit();
                CheckObjective(e.Objective);
                break;
            case AgreementPublished e:
                CheckEffectiveUntil(e.EffectiveFrom, e.EffectiveUntil);
                AgreementRules.TransitionMustBeAllowed(Status, AgreementCommand.Publish);
                AgreementRules.AgreementNeedsTargetsToPublish(_targets.Count);
                break;
            case AgreementRetired:
                AgreementRules.TransitionMustBeAllowed(Status, AgreementCommand.Retire);
                break;
            default:
                Guard.Against.UnknownEvent(@event, "agreement", nameof(@event));
                break;
        }
    }

    private protected override void Apply(AgreementEvent @event)
    {
        _published = null;
        switch (@event)
        {
            case AgreementDrafted e:
                (Id, Version, Name, Kind, CalendarName, Status) = (e.AgreementId, e.Version, e.Name, e.Kind, e.CalendarName, AgreementStatus.Draft);
                (WarningStages, Reopen, Applicability, LossReporting) = (e.WarningStages, e.Reopen, e.Applicability, e.LossReporting);
                CalendarSource = e.CalendarSource ?? CalendarSource.Agreement;
                Team = e.Team;
                _targets.AddRange(e.Targets);
                _matrix = null;
                _pauses.AddRange(e.Pauses);
                _objectives.AddRange(e.Objectives);
                break;
            case AgreementCalendarSet e:
                CalendarName = e.CalendarName;
                break;
            case TargetAdded e:
                _targets.Add(e.Target);
                _matrix = null;
                break;
            case PauseRuleSet e:
                _pauses.RemoveAll(p => p.Reason == e.Reason);
                _pauses.Add(new PauseRule(e.Reason, e.Metrics));
                break;
            case WarningStagesSet e:
                WarningStages = e.Stages;
                break;
            case ReopenBehaviourSet e:
                Reopen = e.Reopen;
                break;
            case LossReportingSet e:
                LossReporting = e.LossReporting;
                break;
            case CalendarSourceSet e:
                CalendarSource = e.Source;
                break;
            case ApplicabilitySet e:
                Applicability = e.Applicability;
                break;
            case AgreementTeamSet e:
                Team = e.Team;
                break;
            case KpiObjectiveAdded e:
                _objectives.Add(e.Objective);
                break;
            case AgreementPublished e:
                MoveBy(AgreementCommand.Publish);
                (EffectiveFrom, EffectiveUntil) = (e.EffectiveFrom, e.EffectiveUntil);
                break;
            case AgreementRetired e:
                MoveBy(AgreementCommand.Retire);
                RetiredAt = e.OccurredAt;
                break;
            default:
                Guard.Against.UnknownEvent(@event, "agreement", nameof(@event));
                break;
        }
    }
}
