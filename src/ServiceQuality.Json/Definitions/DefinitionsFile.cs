using System.Text;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Json.Reading;

namespace ServiceQuality.Json;

/// <summary>
/// Loads calendars, agreements and policies from a JSON definitions file (see <c>docs/formats.md</c>). Loading checks
/// everything — well-formed UTF-8 JSON, no property named twice, no unknown property, enumeration values by their
/// documented names only, every number, date, instant and duration within what the library supports, every reference
/// to a calendar defined, every rule an agreement or policy enforces — and reports every problem at once, each with its
/// JSON path and a <see cref="ProblemCode"/> (or the <see cref="RuleCode"/> broken); nothing partial is returned.
/// </summary>
public static partial class DefinitionsFile
{
    private const string Definition = "definitions file";

    /// <summary>Loads definitions from JSON text.</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The definitions, all valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="InvalidDefinitionException">
    /// Listing the problems with their JSON paths and codes (the first <see cref="InvalidDefinitionException.MaxProblems"/>,
    /// and how many more there were).
    /// </exception>
    public static LoadedDefinitions Load(string json)
    {
        Guard.Against.Null(json);
        var lone = JsonTree.IndexOfLoneSurrogate(json);
        if (lone >= 0)
        {
            throw new InvalidDefinitionException(Definition, [new DefinitionProblem("$", ProblemCode.InvalidText, $"the text holds a lone surrogate at character {lone + 1:N0}.")]);
        }

        return Load(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Loads definitions from the UTF-8 bytes of a file (a leading byte order mark is allowed).</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <returns>The definitions, all valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8"/> is null.</exception>
    /// <exception cref="InvalidDefinitionException">Listing the problems with their JSON paths and codes, as for <see cref="Load(string)"/>; invalid UTF-8 is one.</exception>
    public static LoadedDefinitions Load(byte[] utf8)
    {
        Guard.Against.Null(utf8);
        var start = utf8.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var sink = new ProblemSink(stopAtFirst: false);
        var tree = new JsonTree();
        if (!tree.Parse(utf8, start, utf8.Length - start, sink, allowComments: true))
        {
            throw sink.ToException(Definition);
        }

        var root = new Node(tree, 0, sink);
        var definitions = Read(root);
        if (sink.Count > 0 || definitions is null)
        {
            throw sink.ToException(Definition);
        }

        return definitions;
    }

    private static LoadedDefinitions? Read(Node root)
    {
        if (!root.Object(["calendars", "agreements", "tiers", "escalation", "scoring", "credits", "callbacks", "trust"]))
        {
            return null;
        }

        var calendarNodes = root.Items("calendars", required: false);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        foreach (var node in calendarNodes)
        {
            var id = node.Kind == JsonKind.Object ? node.Text("id") : null;
            if (id is not null && !declared.Add(id))
            {
                node.Problem("id", ProblemCode.DuplicateId, $"the calendar '{JsonTree.Escape(id)}' is defined twice.");
                continue;
            }

            if (Calendar(node) is { } calendar && id is not null)
            {
                calendars[id] = calendar;
            }
        }

        // Several versions of one agreement may stand side by side, each in force from its own instant; an (id, version)
        // pair may appear once. The catalogue keeps the file's order, which is its precedence.
        var versions = new List<AgreementVersion>();
        var seen = new HashSet<AgreementReference>();
        foreach (var node in root.Items("agreements", required: false))
        {
            if (Agreement(node, calendars, declared) is not { } agreement)
            {
                continue;
            }

            if (!seen.Add(agreement.Reference))
            {
                node.Problem(
                    node.Has("version") ? "version" : "id",
                    ProblemCode.DuplicateId,
                    $"version {agreement.Version} of the agreement '{JsonTree.Escape(agreement.Id.Value)}' is defined twice.");
                continue;
            }

            versions.Add(agreement);
        }

        var policies = Policies(root, calendars, declared);
        return new LoadedDefinitions(calendars, Latest(versions), policies) { Catalog = new AgreementCatalog(versions) };
    }

    /// <summary>Of each agreement, the version with the highest number, in the order the agreements first appear.</summary>
    private static Dictionary<string, AgreementVersion> Latest(List<AgreementVersion> versions)
    {
        var latest = new Dictionary<string, AgreementVersion>(StringComparer.Ordinal);
        foreach (var version in versions)
        {
            if (!latest.TryGetValue(version.Id.Value, out var kept) || version.Version > kept.Version)
            {
                latest[version.Id.Value] = version;
            }
        }

        return latest;
    }

    private static BusinessCalendar? Calendar(Node node)
    {
        if (!node.Object(["id", "zone", "weekly", "holidays", "yearlyHolidays", "workingDays"]))
        {
            return null;
        }

        var problems = node.Sink.Count;
        var zoneId = node.Text("zone");
        var zone = zoneId is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
        if (zoneId is not null && zone is null)
        {
            node.Problem("zone", ProblemCode.UnknownName, $"'{JsonTree.Escape(zoneId)}' is not an IANA time zone such as Asia/Shanghai.");
        }

        var builder = BusinessCalendar.CreateBuilder(zone ?? DateTimeZone.Utc);
        foreach (var hours in node.Items("weekly", required: true))
        {
            if (!hours.Object(["days", "from", "to"]))
            {
                continue;
            }

            var (from, to) = (hours.Time("from"), hours.Time("to"));
            var days = hours.Items("days", required: true);
            if (days.Count == 0 && hours.Has("days"))
            {
                hours.Problem("days", ProblemCode.Empty, "at least one day is expected.");
            }

            foreach (var day in days)
            {
                if (day.AsEnum<IsoDayOfWeek>(excluded: [IsoDayOfWeek.None]) is { } d && from is { } f && to is { } t)
                {
                    builder.AddOpenHours(d, f, t);
                }
            }
        }

        foreach (var holiday in node.Items("holidays", required: false))
        {
            if (holiday.AsDate() is { } date)
            {
                builder.AddHoliday(date);
            }
        }

        foreach (var yearly in node.Items("yearlyHolidays", required: false))
        {
            if (!yearly.Object(["date", "fromYear", "toYear"]))
            {
                continue;
            }

            var date = yearly.AnnualDate("date");
            var first = yearly.Int("fromYear", FileValues.FirstDate.Year, FileValues.LastDate.Year, required: false) ?? FileValues.FirstDate.Year;
            var last = yearly.Int("toYear", FileValues.FirstDate.Year, FileValues.LastDate.Year, required: false) ?? FileValues.LastDate.Year;
            if (last < first)
            {
                yearly.Problem("toYear", ProblemCode.Conflict, $"the last year {last} is before the first year {first}.");
            }
            else if (date is { } d)
            {
                builder.AddYearlyHoliday(d, first, last);
            }
        }

        foreach (var working in node.Items("workingDays", required: false))
        {
            if (!working.Object(["date", "hours"]))
            {
                continue;
            }

            var date = working.Date("date");
            foreach (var hours in working.Items("hours", required: true))
            {
                if (hours.Object(["from", "to"]) && hours.Time("from") is { } f && hours.Time("to") is { } t && date is { } d)
                {
                    builder.AddWorkingDay(d, f, t);
                }
            }
        }

        if (node.Sink.Count > problems)
        {
            return null;
        }

        try
        {
            return builder.Build();
        }
        catch (InvalidDefinitionException e)
        {
            // The builder's own structured problems (interval overlaps, a date both closed and open, no open hours), with
            // their codes and the count of those it did not keep; they are moved under the calendar's path, never parsed.
            foreach (var problem in e.Problems)
            {
                node.Problem(problem.Path.StartsWith("openHours", StringComparison.Ordinal) ? "weekly" : "workingDays", problem.Code, problem.Message);
            }

            node.Sink.Omit(e.OmittedProblems);
            return null;
        }
    }

    private static readonly string[] AgreementProperties =
        ["id", "version", "name", "kind", "effectiveFrom", "effectiveUntil", "calendar", "calendarFrom", "zoneFrom", "applicability", "conditions", "team", "targets", "pauses", "stages",
            "reopen", "objectives", "lossReport"];

    /// <summary>The lists of the <c>applicability</c> object, as files had them before <c>conditions</c>.</summary>
    private static readonly string[] ApplicabilityLists = ["tiers", "kinds", "channels", "priorities", "categories"];

    /// <summary>The lists of the <c>conditions</c> object: those of <c>applicability</c>, then the customer, severity, site and team.</summary>
    private static readonly string[] ConditionLists = [.. ApplicabilityLists, "customers", "severities", "sites", "teams"];

    /// <summary>
    /// A target's deadline in business days: <c>{"businessDays": 1, "at": "12:00", "cutOff": "16:00"}</c>. <c>at</c> is a
    /// local time (<c>24:00</c> is the end of the day), <c>close</c> (the default: the close of the business day) or
    /// <c>start</c> (the start's time of day: N business days counted in days, from 1, without a cut-off);
    /// <c>afterCutOff</c>, beside a cut-off, is the deadline (business days and at, no cut-off) of a start at or after it.
    /// </summary>
    private static BusinessDayDeadline? Deadline(Node node, bool afterCutOff = false)
    {
        if (!node.Object(afterCutOff ? ["businessDays", "at"] : ["businessDays", "at", "cutOff", "afterCutOff"]))
        {
            return null;
        }

        var at = node.Get("at");
        var word = at.IsMissing ? "close" : at.Kind == JsonKind.String ? at.AsText() : null;
        var kind = word switch
        {
            "close" => BusinessDayDeadlineKind.EndOfDay,
            "start" => BusinessDayDeadlineKind.SameTimeOfDay,
            _ => BusinessDayDeadlineKind.AtTime,
        };
        var time = kind != BusinessDayDeadlineKind.AtTime ? null : word == "24:00" ? LocalTime.Midnight : node.Time("at");
        var cutOffNode = node.Get("cutOff");
        var cutOff = !cutOffNode.IsMissing && cutOffNode.Kind == JsonKind.String && cutOffNode.AsText() == "24:00" ? null : node.Time("cutOff", required: false);
        var days = node.Int("businessDays", kind == BusinessDayDeadlineKind.SameTimeOfDay ? 1 : 0, BusinessDayDeadline.MaxBusinessDays);
        var after = node.Has("afterCutOff") ? Deadline(node.Get("afterCutOff"), afterCutOff: true) : null;
        if ((kind == BusinessDayDeadlineKind.SameTimeOfDay && (!cutOffNode.IsMissing || afterCutOff)) || after?.Kind == BusinessDayDeadlineKind.SameTimeOfDay)
        {
            node.Problem("at", ProblemCode.Conflict, "a deadline counted in days from the start's time of day (\"at\": \"start\") takes no cut-off.");
            return null;
        }

        if (node.Has("afterCutOff") && cutOffNode.IsMissing)
        {
            node.Problem("afterCutOff", ProblemCode.Conflict, "\"afterCutOff\" needs a \"cutOff\".");
            return null;
        }

        if (days is not { } n || (kind == BusinessDayDeadlineKind.AtTime && time is null) || (node.Has("afterCutOff") && after is null))
        {
            return null;
        }

        var deadline = kind switch
        {
            BusinessDayDeadlineKind.EndOfDay => BusinessDayDeadline.EndOfBusinessDay(n),
            BusinessDayDeadlineKind.AtTime => BusinessDayDeadline.OnBusinessDayAt(n, time!.Value),
            _ => BusinessDayDeadline.WithinBusinessDays(n),
        };
        return cutOff is { } c ? deadline.WithCutOff(c, after) : deadline;
    }

    private static AgreementVersion? Agreement(Node node, Dictionary<string, BusinessCalendar> calendars, HashSet<string> declared)
    {
        if (!node.Object(AgreementProperties))
        {
            return null;
        }

        var problems = node.Sink.Count;
        var id = node.Id("id", static v => new AgreementId(v));
        var name = node.Text("name");
        var kind = node.Enum<AgreementKind>("kind");
        var version = node.Has("version") ? node.Int("version", 1, int.MaxValue) : 1;
        var effectiveFrom = node.Instant("effectiveFrom");
        var effectiveUntil = node.Has("effectiveUntil") ? node.Instant("effectiveUntil") : null;
        if (effectiveUntil is { } end && effectiveFrom is { } begin && end <= begin)
        {
            node.Problem("effectiveUntil", ProblemCode.Conflict, $"a version must end after it takes effect; it ends at {end} and takes effect at {begin}.");
        }

        var team = node.Has("team") ? node.Id("team", Converters.Ids.Department) : null;
        if (team is not null && kind is { } teamKind && teamKind != AgreementKind.OperationalLevel)
        {
            node.Problem("team", RuleCode.OnlyOperationalAgreementsHaveATeam.ToString(), $"only an operational-level agreement (OLA) measures a team's time; this one is {teamKind}.");
        }

        var calendar = node.Has("calendar") ? node.Text("calendar") : null;
        CalendarReference(node, "calendar", calendar, calendars, declared);

        var targets = new List<ServiceTarget>();
        var targetNodes = node.Items("targets", required: true);
        if (targetNodes.Count == 0 && node.Has("targets"))
        {
            node.Problem("targets", RuleCode.AgreementNeedsTargetsToPublish.ToString(), "at least one target is needed to publish the agreement.");
        }

        foreach (var target in targetNodes)
        {
            if (!target.Object(["metric", "priority", "tier", "duration", "basis", "deadline", "start"]))
            {
                continue;
            }

            var (metric, priority, tier) = (target.Enum<Metric>("metric", excluded: [Metric.InvestigationDeadline, Metric.LossReport]), target.Enum<Priority>("priority", required: false), target.Tier("tier", required: false));
            var start = target.Enum<TargetStart>("start", required: false) ?? TargetStart.Opening;
            ServiceTarget candidate;
            if (target.Has("deadline"))
            {
                foreach (var alone in (ReadOnlySpan<string>)["duration", "basis"])
                {
                    if (target.Has(alone))
                    {
                        target.Problem(alone, ProblemCode.Conflict, "a target has either a duration (with its basis) or a deadline in business days, not both.");
                    }
                }

                if (Deadline(target.Get("deadline")) is not { } deadline || metric is not { } dm)
                {
                    continue;
                }

                candidate = new ServiceTarget(dm, priority, tier, deadline, start);
            }
            else
            {
                var (duration, basis) = (target.Duration("duration", positive: false), target.Enum<TimeBasis>("basis"));
                if (duration <= Duration.Zero)
                {
                    target.Problem("duration", RuleCode.TargetDurationMustBePositive.ToString(), "a target must be positive.");
                    continue;
                }

                if (metric is not { } m || duration is not { } d || basis is not { } b)
                {
                    continue;
                }

                candidate = new ServiceTarget(m, priority, tier, d, b) { Start = start };
            }

            if (targets.Any(t => t.Metric == candidate.Metric && t.Priority == priority && t.Tier == tier))
            {
                target.Problem(RuleCode.TargetCellMustBeUnique.ToString(), $"the matrix already has a target for {candidate.Metric} × {priority?.ToString() ?? "any priority"} × {tier?.Code ?? "any tier"}.");
                continue;
            }

            targets.Add(candidate);
        }

        var pauses = new List<PauseRule>();
        var paused = new HashSet<HoldReason>();
        var pauseNodes = node.Items("pauses", required: false);
        if (pauseNodes.Count > ServiceLevelAgreement.MaxPauseRules)
        {
            node.Problem(
                "pauses", RuleCode.PauseRulesMustNumberAtMost64.ToString(), $"at most {ServiceLevelAgreement.MaxPauseRules} pause rules, one per hold reason; {pauseNodes.Count} given.");
        }

        foreach (var pause in pauseNodes.Take(ServiceLevelAgreement.MaxPauseRules))
        {
            if (!pause.Object(["reason", "metrics"]))
            {
                continue;
            }

            var reason = pause.Id("reason", Converters.Ids.Hold);
            var metrics = pause.Items("metrics", required: true).Select(m => m.AsEnum<Metric>()).OfType<Metric>().Distinct().ToArray();
            if (reason is { } r && !paused.Add(r))
            {
                pause.Problem("reason", ProblemCode.Conflict, $"'{JsonTree.Escape(r.Code)}' already has a pause rule.");
            }
            else if (reason is { } known)
            {
                pauses.Add(new PauseRule(known, metrics));
            }
        }

        var stages = ServiceLevelAgreement.DefaultWarningStages;
        if (node.Has("stages"))
        {
            var read = node.Items("stages", required: true).Select(s => s.AsDecimal(0m, 100m)).ToList();
            if (read.Any(s => s is 0m or 100m))
            {
                node.Problem("stages", RuleCode.WarningStageMustBeWithinRange.ToString(), "each warning stage must lie strictly between 0 % and 100 %.");
            }

            var kept = read.OfType<decimal>().Select(s => Math.Round(s, ServiceLevelAgreement.StageDecimals)).Distinct().Order().ToArray();
            if (kept.Length > 8)
            {
                node.Problem("stages", RuleCode.WarningStagesMustNumberAtMostEight.ToString(), $"at most 8 warning stages; {kept.Length} given.");
            }

            stages = kept;
        }

        var applicability = Conditions(node);

        var reopen = node.Enum<ReopenBehaviour>("reopen", required: false) ?? ReopenBehaviour.ContinueClock;
        var objectives = new List<KpiObjective>();
        foreach (var objective in node.Items("objectives", required: false))
        {
            if (objective.Object(["kpi", "comparison", "threshold"])
                && objective.Enum<Kpi>("kpi") is { } k && objective.Enum<Comparison>("comparison") is { } c && objective.Decimal("threshold", 0m, 100m) is { } t)
            {
                objectives.Add(new KpiObjective(k, c, t));
            }
        }

        var (hoursFrom, zoneFrom) = (node.Enum<CalendarScope>("calendarFrom", required: false), node.Enum<CalendarScope>("zoneFrom", required: false));
        var source = hoursFrom is null && zoneFrom is null ? null : new CalendarSource(hoursFrom ?? CalendarScope.Agreement, zoneFrom ?? CalendarScope.Agreement);
        var lossReporting = (LossReporting?)null;
        var lossReport = node.Get("lossReport");
        if (!lossReport.IsMissing && lossReport.Object(["above", "level"]))
        {
            var (above, reportLevel) = (lossReport.Money("above"), lossReport.Int("level", 1, 1000)); // both read: every problem is reported
            lossReporting = above is { } a && reportLevel is { } l ? new LossReporting(a, l) : null;
        }

        if (node.Sink.Count > problems || id is not { } agreementId || name is null || kind is not { } agreementKind || effectiveFrom is not { } at || version is not { } v)
        {
            return null;
        }

        // The version is a value, built by the library's own builder: any rule it still finds is reported at its path here.
        var builder = new AgreementVersionBuilder(agreementId, v, name, agreementKind)
            .SetCalendar(calendar)
            .SetWarningStages(stages)
            .SetReopenBehaviour(reopen)
            .SetApplicability(applicability)
            .SetLossReporting(lossReporting)
            .SetTeam(team)
            .SetEffective(at, effectiveUntil);
        if (source is not null)
        {
            builder.SetCalendarSource(source);
        }

        targets.ForEach(t => builder.AddTarget(t));
        pauses.ForEach(p => builder.PauseOn(p.Reason, p.Metrics));
        objectives.ForEach(o => builder.AddKpiObjective(o.Kpi, o.Comparison, o.ThresholdPercent));
        var found = builder.Validate();
        foreach (var problem in found)
        {
            node.Problem(problem.Path, problem.Code, problem.Message);
        }

        return found.Count == 0 ? builder.Build() : null;
    }

    /// <summary>
    /// Which cases an agreement covers: the <c>conditions</c> object (every list), or the <c>applicability</c> object of
    /// earlier files (the tier, kind, channel, priority and category lists only), not both; neither covers every case.
    /// </summary>
    private static Applicability Conditions(Node node)
    {
        var (conditions, applicability) = (node.Get("conditions"), node.Get("applicability"));
        if (!conditions.IsMissing && !applicability.IsMissing)
        {
            node.Problem("conditions", ProblemCode.Conflict, "\"conditions\" replaces \"applicability\": give one of them.");
            return Applicability.Any;
        }

        var covers = conditions.IsMissing ? applicability : conditions;
        if (covers.IsMissing || !covers.Object(conditions.IsMissing ? ApplicabilityLists : ConditionLists))
        {
            return Applicability.Any;
        }

        return new Applicability(
            [.. covers.Items("tiers", required: false).Select(t => t.AsTier()).OfType<ServiceTier>().Distinct()],
            [.. covers.Items("kinds", required: false).Select(k => k.AsEnum<TicketKind>()).OfType<TicketKind>().Distinct()],
            [.. covers.Items("channels", required: false).Select(c => c.AsEnum<Channel>()).OfType<Channel>().Distinct()],
            [.. covers.Items("priorities", required: false).Select(p => p.AsEnum<Priority>()).OfType<Priority>().Distinct()],
            [.. covers.Items("categories", required: false).Select(c => c.AsEnum<ComplaintCategory>()).OfType<ComplaintCategory>().Distinct()])
        {
            Customers = [.. covers.Items("customers", required: false).Select(c => c.AsId(Converters.Ids.Customer)).OfType<CustomerId>().Distinct()],
            Severities = [.. covers.Items("severities", required: false).Select(s => s.AsEnum<Severity>()).OfType<Severity>().Distinct()],
            Sites = [.. covers.Items("sites", required: false).Select(s => s.AsId(static v => new SiteCode(v))).OfType<SiteCode>().Select(s => s.Value).Distinct(StringComparer.Ordinal)],
            Teams = [.. covers.Items("teams", required: false).Select(t => t.AsId(Converters.Ids.Department)).OfType<DepartmentId>().Distinct()],
        };
    }

    /// <summary>A site code as the id reader reads it (non-blank, bounded, no control characters), to keep as text.</summary>
    private readonly record struct SiteCode(string Value);

    /// <summary>Checks a reference to a calendar, telling a missing calendar from one that has problems of its own.</summary>
    private static void CalendarReference(Node node, string property, string? id, Dictionary<string, BusinessCalendar> calendars, HashSet<string> declared)
    {
        if (id is not null && !calendars.ContainsKey(id))
        {
            node.Problem(
                property,
                ProblemCode.UnknownReference,
                declared.Contains(id) ? $"the calendar '{JsonTree.Escape(id)}' is invalid (see its own problems)." : $"no calendar has the id '{JsonTree.Escape(id)}'.");
        }
    }
}
