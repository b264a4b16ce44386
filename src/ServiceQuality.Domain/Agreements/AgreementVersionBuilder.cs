using System.Globalization;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Agreements;

/// <summary>
/// Builds a published <see cref="AgreementVersion"/> in one go — what a host that keeps its agreements in its own store or
/// file does, instead of replaying a <see cref="ServiceLevelAgreement"/>'s draft and publish. Nothing but null arguments is
/// checked while adding; <see cref="Validate"/> and <see cref="Build"/> report every problem at once, each with a code (the
/// <see cref="RuleCode"/> it breaks, or a <see cref="ProblemCode"/>) and a path named as in a definitions file's
/// <c>agreements[]</c> entry (<c>targets[2]</c>, <c>stages[0]</c>, <c>pauses[1].metrics[0]</c>, <c>effectiveUntil</c>). Not
/// thread-safe; the version it builds is.
/// </summary>
/// <remarks>
/// The defaults are those of a new draft: warning stages at 50 % and 75 %, clocks continuing on reopen, the agreement's own
/// calendar (around the clock until one is named), covering every case. The rules are the agreement's: at least one
/// target, unique cells with positive durations and no cell for the metrics measured otherwise, at most 64 pause rules
/// (one per reason), at most eight warning stages strictly between 0 % and 100 %, objectives in 0-100 %, a team only on an
/// operational-level agreement, and an end after the start.
/// </remarks>
public sealed class AgreementVersionBuilder
{
    private readonly AgreementId _id;
    private readonly int _version;
    private readonly string? _name;
    private readonly AgreementKind _kind;
    private readonly List<ServiceTarget> _targets = [];
    private readonly List<PauseRule> _pauses = [];
    private readonly List<KpiObjective> _objectives = [];
    private decimal[] _stages = [.. ServiceLevelAgreement.DefaultWarningStages];
    private string? _calendarName;
    private CalendarSource _calendarSource = CalendarSource.Agreement;
    private ReopenBehaviour _reopen = ReopenBehaviour.ContinueClock;
    private LossReporting? _lossReporting;
    private Applicability _applicability = Applicability.Any;
    private DepartmentId? _team;
    private Instant? _effectiveFrom;
    private Instant? _effectiveUntil;

    /// <summary>Starts a version.</summary>
    /// <param name="id">The agreement's id.</param>
    /// <param name="version">The version's number, from 1.</param>
    /// <param name="name">The agreement's name; not blank.</param>
    /// <param name="kind">Who it is between.</param>
    public AgreementVersionBuilder(AgreementId id, int version, string name, AgreementKind kind) =>
        (_id, _version, _name, _kind) = (id, version, name, kind);

    /// <summary>Names the business calendar business-time targets use, or null for around the clock.</summary>
    /// <param name="calendarName">The calendar's name; not blank when given.</param>
    /// <returns>This builder.</returns>
    public AgreementVersionBuilder SetCalendar(string? calendarName)
    {
        _calendarName = calendarName;
        return this;
    }

    /// <summary>Says where a case's calendar is found: the agreement's own (the default) or looked up from the case.</summary>
    /// <param name="source">The source.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public AgreementVersionBuilder SetCalendarSource(CalendarSource source)
    {
        _calendarSource = Guard.Against.Null(source);
        return this;
    }

    /// <summary>Adds a cell to the target matrix.</summary>
    /// <param name="target">The cell.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    public AgreementVersionBuilder AddTarget(ServiceTarget target)
    {
        _targets.Add(Guard.Against.Null(target));
        return this;
    }

    /// <summary>Adds a cell to the target matrix: <paramref name="target"/> in <paramref name="basis"/> for a metric, priority and tier.</summary>
    /// <param name="metric">What is measured.</param>
    /// <param name="priority">The priority, or null for any.</param>
    /// <param name="tier">The tier, or null for any.</param>
    /// <param name="target">The promised duration.</param>
    /// <param name="basis">Business or calendar time.</param>
    /// <returns>This builder.</returns>
    public AgreementVersionBuilder AddTarget(Metric metric, Priority? priority, ServiceTier? tier, Duration target, TimeBasis basis) =>
        AddTarget(new ServiceTarget(metric, priority, tier, target, basis));

    /// <summary>Says that a hold for <paramref name="reason"/> pauses the clocks of <paramref name="metrics"/> (one rule per reason).</summary>
    /// <param name="reason">The hold reason.</param>
    /// <param name="metrics">The metrics it pauses; repeated metrics count once.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> is null.</exception>
    public AgreementVersionBuilder PauseOn(HoldReason reason, IEnumerable<Metric> metrics)
    {
        Guard.Against.Null(metrics);
        _pauses.Add(new PauseRule(reason, [.. metrics.Distinct().Order()]));
        return this;
    }

    /// <summary>Sets the warning stages, in percent of the target.</summary>
    /// <param name="stages">The stages; rounded to <see cref="ServiceLevelAgreement.StageDecimals"/> places, repeated ones counted once, sorted.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stages"/> is null.</exception>
    public AgreementVersionBuilder SetWarningStages(IEnumerable<decimal> stages)
    {
        Guard.Against.Null(stages);
        _stages = [.. stages.Select(s => Math.Round(s, ServiceLevelAgreement.StageDecimals)).Distinct().Order()];
        return this;
    }

    /// <summary>Sets what a reopen does to the resolution clock.</summary>
    /// <param name="behaviour">The behaviour.</param>
    /// <returns>This builder.</returns>
    public AgreementVersionBuilder SetReopenBehaviour(ReopenBehaviour behaviour)
    {
        _reopen = behaviour;
        return this;
    }

    /// <summary>Requires the same-day loss report (<see cref="Metric.LossReport"/>), or not (null).</summary>
    /// <param name="lossReporting">The threshold and level, or null.</param>
    /// <returns>This builder.</returns>
    public AgreementVersionBuilder SetLossReporting(LossReporting? lossReporting)
    {
        _lossReporting = lossReporting;
        return this;
    }

    /// <summary>Sets which cases the agreement covers (the selection conditions).</summary>
    /// <param name="applicability">The conditions.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="applicability"/> is null.</exception>
    public AgreementVersionBuilder SetApplicability(Applicability applicability)
    {
        _applicability = Guard.Against.Null(applicability);
        return this;
    }

    /// <summary>Names the team whose time an operational-level agreement measures, or null for the whole case.</summary>
    /// <param name="team">The team, or null.</param>
    /// <returns>This builder.</returns>
    public AgreementVersionBuilder SetTeam(DepartmentId? team)
    {
        _team = team;
        return this;
    }

    /// <summary>Adds a KPI objective.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="comparison">At least or at most.</param>
    /// <param name="thresholdPercent">The threshold, 0-100.</param>
    /// <returns>This builder.</returns>
    public AgreementVersionBuilder AddKpiObjective(Kpi kpi, Comparison comparison, decimal thresholdPercent)
    {
        _objectives.Add(new KpiObjective(kpi, comparison, thresholdPercent));
        return this;
    }

    /// <summary>Sets the instants the version is in force between.</summary>
    /// <param name="effectiveFrom">From when (inclusive).</param>
    /// <param name="effectiveUntil">Until when (exclusive), after <paramref name="effectiveFrom"/>; null for no end of its own.</param>
    /// <returns>This builder.</returns>
    public AgreementVersionBuilder SetEffective(Instant effectiveFrom, Instant? effectiveUntil = null)
    {
        (_effectiveFrom, _effectiveUntil) = (effectiveFrom, effectiveUntil);
        return this;
    }

    /// <summary>Every problem of what was given; empty when a version can be built.</summary>
    /// <returns>The problems, in the order of the properties, each with its path and code.</returns>
    public IReadOnlyList<DefinitionProblem> Validate() => Check().Kept;

    /// <summary>Validates everything given and builds the version.</summary>
    /// <returns>The published version, immutable.</returns>
    /// <exception cref="InvalidDefinitionException">Listing every problem <see cref="Validate"/> finds. The builder is left as it was and can be corrected and built again.</exception>
    public AgreementVersion Build()
    {
        var problems = Check();
        if (problems.Count > 0)
        {
            throw problems.ToException(nameof(AgreementVersion));
        }

        return new AgreementVersion(
            _id, _version, _name!, _kind, _calendarName, _calendarSource, new TargetMatrix([.. _targets]), [.. _pauses], [.. _stages], _reopen, _lossReporting,
            _applicability, [.. _objectives], _team, _effectiveFrom!.Value, _effectiveUntil);
    }

    private ProblemList Check()
    {
        var problems = new ProblemList();
        if (_id == default)
        {
            problems.Add("id", ProblemCode.Empty, "The agreement needs an id.");
        }

        if (_version < 1)
        {
            problems.Add("version", ProblemCode.OutOfRange, Invariant($"Versions are numbered from 1; {_version} given."));
        }

        if (string.IsNullOrWhiteSpace(_name))
        {
            problems.Add("name", ProblemCode.Empty, "The agreement needs a name.");
        }

        Defined(_kind, "kind", problems);
        if (_calendarName is not null && string.IsNullOrWhiteSpace(_calendarName))
        {
            problems.Add("calendar", ProblemCode.Empty, "A calendar's name is not blank; leave it out for around the clock.");
        }

        CheckTargets(problems);
        CheckPauses(problems);
        CheckStages(problems);
        Defined(_reopen, "reopen", problems);
        CheckApplicability(problems);
        CheckObjectives(problems);
        if (_team is { } team && team == default)
        {
            problems.Add("team", ProblemCode.Empty, "A team needs an id; leave it out for the whole case.");
        }

        if (_team is not null && _kind != AgreementKind.OperationalLevel)
        {
            problems.Add("team", nameof(RuleCode.OnlyOperationalAgreementsHaveATeam), Invariant($"Only an operational-level agreement names a team; this one is {_kind}."));
        }

        if (_effectiveFrom is not { } from)
        {
            problems.Add("effectiveFrom", ProblemCode.MissingProperty, "A version needs the instant it takes effect.");
        }
        else if (_effectiveUntil is { } until && until <= from)
        {
            problems.Add("effectiveUntil", ProblemCode.Conflict, Invariant($"A version must end after it takes effect ({from}); {until} given."));
        }

        return problems;
    }

    private void CheckTargets(ProblemList problems)
    {
        if (_targets.Count == 0)
        {
            problems.Add("targets", nameof(RuleCode.AgreementNeedsTargetsToPublish), "A version needs at least one target.");
        }

        var cells = new HashSet<(Metric, Priority?, ServiceTier?)>();
        for (var i = 0; i < _targets.Count; i++)
        {
            var target = _targets[i];
            var path = Invariant($"targets[{i}]");
            Defined(target.Metric, path + ".metric", problems);
            if (target.Priority is { } priority)
            {
                Defined(priority, path + ".priority", problems);
            }

            if (target.Tier is { } tier && tier == default)
            {
                problems.Add(path + ".tier", ProblemCode.Empty, "A tier needs a code; leave it out for any tier.");
            }

            Defined(target.Basis, path + ".basis", problems);
            Defined(target.Start, path + ".start", problems);
            if (target.Metric is Metric.InvestigationDeadline or Metric.LossReport)
            {
                problems.Add(path + ".metric", ProblemCode.Unsupported, Invariant($"{target.Metric} takes no target: it is measured against each complaint's deadline, or required as a loss report."));
            }

            if (target.Deadline is null && target.Target <= Duration.Zero)
            {
                problems.Add(path + ".duration", nameof(RuleCode.TargetDurationMustBePositive), Invariant($"A target must be positive; {target.Target} given."));
            }
            else if (target.Deadline is not null && (target.Target != Duration.Zero || target.Basis != TimeBasis.BusinessTime))
            {
                problems.Add(path, ProblemCode.Conflict, "A cell with a deadline in business days has no duration of its own: its target is zero, in business time.");
            }

            if (!cells.Add((target.Metric, target.Priority, target.Tier)))
            {
                problems.Add(path, nameof(RuleCode.TargetCellMustBeUnique), Invariant(
                    $"The matrix already has a target for {target.Metric} × {target.Priority?.ToString() ?? "any priority"} × {target.Tier?.ToString() ?? "any tier"}."));
            }
        }
    }

    private void CheckPauses(ProblemList problems)
    {
        if (_pauses.Count > ServiceLevelAgreement.MaxPauseRules)
        {
            problems.Add("pauses", nameof(RuleCode.PauseRulesMustNumberAtMost64), Invariant($"At most {ServiceLevelAgreement.MaxPauseRules} pause rules; {_pauses.Count} given."));
        }

        var reasons = new HashSet<HoldReason>();
        for (var i = 0; i < _pauses.Count; i++)
        {
            var pause = _pauses[i];
            var path = Invariant($"pauses[{i}]");
            if (pause.Reason == default)
            {
                problems.Add(path + ".reason", ProblemCode.Empty, "A pause rule needs a hold reason.");
            }
            else if (!reasons.Add(pause.Reason))
            {
                problems.Add(path + ".reason", ProblemCode.DuplicateId, Invariant($"Two pause rules for {pause.Reason}; one rule per reason."));
            }

            for (var j = 0; j < pause.Metrics.Count; j++)
            {
                Defined(pause.Metrics[j], Invariant($"{path}.metrics[{j}]"), problems);
            }
        }
    }

    private void CheckStages(ProblemList problems)
    {
        if (_stages.Length > 8)
        {
            problems.Add("stages", nameof(RuleCode.WarningStagesMustNumberAtMostEight), Invariant($"At most 8 warning stages; {_stages.Length} given."));
        }

        for (var i = 0; i < _stages.Length; i++)
        {
            if (_stages[i] is <= 0m or >= 100m)
            {
                problems.Add(Invariant($"stages[{i}]"), nameof(RuleCode.WarningStageMustBeWithinRange), Invariant($"Each warning stage must lie strictly between 0 % and 100 %; {_stages[i]} given."));
            }
        }
    }

    private void CheckApplicability(ProblemList problems)
    {
        var a = _applicability;
        Each(a.Tiers, "tiers", t => t == default, problems);
        EachDefined(a.Kinds, "kinds", problems);
        EachDefined(a.Channels, "channels", problems);
        EachDefined(a.Priorities, "priorities", problems);
        EachDefined(a.Categories, "categories", problems);
        Each(a.Customers, "customers", c => c == default, problems);
        EachDefined(a.Severities, "severities", problems);
        Each(a.Sites, "sites", string.IsNullOrWhiteSpace, problems);
        Each(a.Teams, "teams", t => t == default, problems);
    }

    private static void Each<T>(IReadOnlyList<T>? values, string name, Func<T, bool> empty, ProblemList problems)
    {
        if (values is null)
        {
            problems.Add("conditions." + name, ProblemCode.Empty, "A condition's list may be empty but not missing.");
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (empty(values[i]))
            {
                problems.Add(Invariant($"conditions.{name}[{i}]"), ProblemCode.Empty, "A condition's value is not empty.");
            }
        }
    }

    private static void EachDefined<TEnum>(IReadOnlyList<TEnum>? values, string name, ProblemList problems)
        where TEnum : struct, Enum
    {
        Each(values, name, _ => false, problems);
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            Defined(values![i], Invariant($"conditions.{name}[{i}]"), problems);
        }
    }

    private void CheckObjectives(ProblemList problems)
    {
        for (var i = 0; i < _objectives.Count; i++)
        {
            var objective = _objectives[i];
            var path = Invariant($"objectives[{i}]");
            Defined(objective.Kpi, path + ".kpi", problems);
            Defined(objective.Comparison, path + ".comparison", problems);
            if (objective.ThresholdPercent is < 0m or > 100m)
            {
                problems.Add(path + ".threshold", nameof(RuleCode.KpiThresholdMustBeAPercentage), Invariant($"A KPI threshold must lie in 0-100 %; {objective.ThresholdPercent} given."));
            }
        }
    }

    private static void Defined<TEnum>(TEnum value, string path, ProblemList problems)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            problems.Add(path, ProblemCode.UnknownName, Invariant($"{value} is not a {typeof(TEnum).Name}."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
