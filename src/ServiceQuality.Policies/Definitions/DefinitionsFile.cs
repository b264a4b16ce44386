using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Credits;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Policies.Scoring;
using ServiceQuality.Policies.Tiering;

namespace ServiceQuality.Policies.Definitions;

/// <summary>
/// Loads calendars, agreements and policies from a JSON definitions file (see <c>docs/formats.md</c>). Loading validates
/// everything and reports every problem at once with its JSON path (<c>$.agreements[2].targets[0].duration: …</c>);
/// unknown properties are errors; nothing partial is returned.
/// </summary>
public static class DefinitionsFile
{
    /// <summary>Loads definitions from JSON text.</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The definitions.</returns>
    /// <exception cref="InvalidDefinitionException">Listing every problem with its JSON path.</exception>
    public static LoadedDefinitions Load(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<DefinitionProblem>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDefinitionException("definitions file", [new DefinitionProblem($"$ (line {e.LineNumber + 1})", "malformed JSON: " + e.Message)]);
        }

        using (document)
        {
            var root = new Node(document.RootElement, "$", problems);
            root.Only("calendars", "agreements", "tiers", "escalation", "scoring", "credits", "callbacks");
            var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
            var calendarNodes = root.Array("calendars", required: false).ToList();
            var declared = calendarNodes.Select(node => node.Peek("id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var node in calendarNodes)
            {
                if (Calendar(node) is { } defined && !calendars.TryAdd(defined.Id, defined.Calendar))
                {
                    node.Problem("id", $"calendar '{defined.Id}' is defined twice");
                }
            }

            var agreements = new Dictionary<string, ServiceLevelAgreement>(StringComparer.Ordinal);
            foreach (var node in root.Array("agreements", required: false))
            {
                if (Agreement(node, calendars, declared) is { } agreement && !agreements.TryAdd(agreement.Id.Value, agreement))
                {
                    node.Problem("id", $"agreement '{agreement.Id}' is defined twice");
                }
            }

            var policies = Policies(root, calendars, declared);
            if (problems.Count > 0)
            {
                throw new InvalidDefinitionException("definitions file", problems);
            }

            return new LoadedDefinitions(calendars, agreements, policies);
        }
    }

    private static (string Id, BusinessCalendar Calendar)? Calendar(Node node)
    {
        var start = node.TotalProblems;
        node.Only("id", "zone", "weekly", "holidays", "workingDays");
        var id = node.Text("id");
        var zoneId = node.Text("zone");
        var zone = zoneId is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
        if (zoneId is not null && zone is null)
        {
            node.Problem("zone", $"'{zoneId}' is not an IANA time zone");
        }

        var builder = zone is null ? null : BusinessCalendar.CreateBuilder(zone);
        foreach (var hours in node.Array("weekly", required: true))
        {
            hours.Only("days", "from", "to");
            var (from, to) = (hours.Time("from"), hours.Time("to"));
            foreach (var day in hours.Array("days", required: true))
            {
                if (day.Enum<IsoDayOfWeek>(null) is { } d && d != IsoDayOfWeek.None && from is { } f && to is { } t)
                {
                    builder?.AddOpenHours(d, f, t);
                }
            }
        }

        foreach (var holiday in node.Array("holidays", required: false))
        {
            if (holiday.Date(null) is { } date)
            {
                builder?.AddHoliday(date);
            }
        }

        foreach (var working in node.Array("workingDays", required: false))
        {
            working.Only("date", "hours");
            var date = working.Date("date");
            foreach (var hours in working.Array("hours", required: true))
            {
                hours.Only("from", "to");
                if (date is { } d && hours.Time("from") is { } f && hours.Time("to") is { } t)
                {
                    builder?.AddWorkingDay(d, f, t);
                }
            }
        }

        if (builder is null || id is null || node.TotalProblems > start)
        {
            return null;
        }

        try
        {
            return (id, builder.Build());
        }
        catch (InvalidDefinitionException e)
        {
            foreach (var problem in e.Problems)
            {
                node.Problem(null, $"{problem.Path}: {problem.Message}");
            }

            return null;
        }
    }

    private static ServiceLevelAgreement? Agreement(Node node, Dictionary<string, BusinessCalendar> calendars, HashSet<string> declared)
    {
        var start = node.TotalProblems;
        node.Only("id", "version", "name", "kind", "effectiveFrom", "calendar", "targets", "pauses", "stages", "reopen", "objectives");
        var (id, name) = (node.Text("id"), node.Text("name"));
        var kind = node.Enum<AgreementKind>("kind");
        var version = node.Int("version", 1);
        var effectiveFrom = node.Instant("effectiveFrom");
        var calendar = node.Text("calendar", required: false);
        CalendarReference(node, "calendar", calendar, calendars, declared);

        if (version < 1)
        {
            node.Problem("version", "must be 1 or more");
        }

        var at = effectiveFrom ?? default;
        var steps = new List<Action<ServiceLevelAgreement>>();
        foreach (var target in node.Array("targets", required: true))
        {
            target.Only("metric", "priority", "tier", "duration", "basis");
            var (metric, priority, tier, duration, basis) = (target.Enum<Metric>("metric"), target.Enum<Priority>("priority", required: false), target.Tier("tier"), target.Duration("duration"), target.Enum<TimeBasis>("basis"));
            if (metric is { } m && duration is { } d && basis is { } b)
            {
                steps.Add(a => Guard(target, "duration", () => a.AddTarget(m, priority, tier, d, b, at)));
            }
        }

        foreach (var pause in node.Array("pauses", required: false))
        {
            pause.Only("reason", "metrics");
            var reason = pause.Enum<HoldReason>("reason");
            var metrics = pause.Array("metrics", required: true).Select(m => m.Enum<Metric>(null)).OfType<Metric>().ToList();
            if (reason is { } r)
            {
                steps.Add(a => a.PauseOn(r, metrics, at));
            }
        }

        var stages = node.Array("stages", required: false).Select(s => s.Decimal(null)).OfType<decimal>().ToList();
        if (stages.Count > 0)
        {
            steps.Add(a => Guard(node, "stages", () => a.SetWarningStages(stages, at)));
        }

        if (node.Enum<ReopenBehaviour>("reopen", required: false) is { } reopen)
        {
            steps.Add(a => a.SetReopenBehaviour(reopen, at));
        }

        foreach (var objective in node.Array("objectives", required: false))
        {
            objective.Only("kpi", "comparison", "threshold");
            var (kpi, comparison, threshold) = (objective.Enum<Kpi>("kpi"), objective.Enum<Comparison>("comparison"), objective.Decimal("threshold"));
            if (kpi is { } k && comparison is { } c && threshold is { } t)
            {
                steps.Add(a => Guard(objective, "threshold", () => a.AddKpiObjective(k, c, t, at)));
            }
        }

        if (node.TotalProblems > start || id is null || name is null || kind is null || effectiveFrom is null)
        {
            return null;
        }

        var agreement = ServiceLevelAgreement.Draft(new AgreementId(id), name, kind.Value, at);
        agreement.SetCalendar(calendar, at);
        steps.ForEach(step => step(agreement));
        if (node.TotalProblems > start)
        {
            return null;
        }

        for (var v = 1; ; v++)
        {
            if (!Guard(node, "targets", () => agreement.Publish(at, at)))
            {
                return null;
            }

            if (v == version)
            {
                return agreement;
            }

            agreement = agreement.Revise(at);
        }
    }

    private static PolicyDefinitions Policies(Node root, Dictionary<string, BusinessCalendar> calendars, HashSet<string> declared)
    {
        var tiers = root.Child("tiers") is { } t ? TierPolicy(t) : null;
        EscalationLadder? ladder = null;
        IReadOnlyList<IEscalationRule>? escalationRules = null;
        Money? frontLine = null;
        string? notify = null;
        if (root.Child("escalation") is { } e)
        {
            e.Only("ladder", "rules", "frontLineLimit", "notificationCalendar");
            var steps = e.Array("ladder", required: false).Select((step, i) =>
            {
                step.Only("name", "target");
                return (Name: step.Text("name"), Target: step.Text("target"), Level: i + 1);
            }).ToList();
            if (steps.Count > 0 && steps.All(s => s.Name is not null && s.Target is not null))
            {
                ladder = Build(e, "ladder", () => new EscalationLadder(steps.Select(s => new EscalationStep(s.Level, s.Name!, s.Target!))));
            }

            var top = (ladder ?? EscalationLadder.Default).Top;
            escalationRules = e.Child("rules") is null ? null : [.. e.Array("rules", required: true).Select(rule => EscalationRule(rule, top)).OfType<IEscalationRule>()];
            frontLine = e.MoneyValue("frontLineLimit", required: false);
            if (frontLine is { IsNegative: true })
            {
                e.Problem("frontLineLimit", "must not be negative");
            }

            notify = e.Text("notificationCalendar", required: false);
            CalendarReference(e, "notificationCalendar", notify, calendars, declared);
        }

        ScorecardDefinition? scorecard = null;
        IReadOnlyList<IScoringRule>? scoringRules = null;
        StandingRules? standings = null;
        if (root.Child("scoring") is { } sc)
        {
            sc.Only("baseScore", "sections", "rules", "standings");
            var sections = sc.Array("sections", required: true).Select(section =>
            {
                section.Only("name", "weight");
                return (Name: section.Text("name"), Weight: section.Decimal("weight"));
            }).ToList();
            if (sc.Decimal("baseScore") is { } baseScore && sections.All(x => x.Name is not null && x.Weight is not null))
            {
                scorecard = Build(sc, "sections", () => new ScorecardDefinition(baseScore, [.. sections.Select(x => new ScoreSection(x.Name!, x.Weight!.Value))]));
            }

            var names = sections.Select(x => x.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
            scoringRules = [.. sc.Array("rules", required: true).Select(rule => ScoringRule(rule, names)).OfType<IScoringRule>()];
            if (sc.Child("standings") is { } st)
            {
                st.Only("yellowBelow", "redBelow", "starsFrom", "bottomSharePercent");
                var stars = st.Array("starsFrom", required: true).Select(x => x.Decimal(null)).OfType<decimal>().ToArray();
                if (st.Decimal("yellowBelow") is { } yellow && st.Decimal("redBelow") is { } red && st.Decimal("bottomSharePercent") is { } bottom)
                {
                    standings = new StandingRules(yellow, red, stars, bottom);
                    Build(st, null, () => Scoring.Standings.Evaluate([], standings));
                }
            }
        }

        IServiceCreditPolicy? credits = null;
        if (root.Child("credits") is { } cr)
        {
            cr.Only("bands", "capPercent", "minimum", "claimWindow");
            var bands = cr.Array("bands", required: true).Select(b =>
            {
                b.Only("belowPercent", "creditPercent");
                return (Below: b.Decimal("belowPercent"), Credit: b.Decimal("creditPercent"));
            }).ToList();
            var limits = new CreditLimits(cr.DecimalOr("capPercent", 100m), cr.MoneyValue("minimum", required: false), cr.Text("claimWindow", required: false) is null ? null : cr.Duration("claimWindow"));
            if (bands.All(b => b.Below is not null && b.Credit is not null))
            {
                credits = Build(cr, "bands", () => CreditPolicies.Bands(limits, [.. bands.Select(b => new CreditBand(b.Below!.Value, b.Credit!.Value))]));
            }
        }

        ICallbackPolicy? callbacks = null;
        if (root.Child("callbacks") is { } cb)
        {
            cb.Only("complaintsWithin", "ticketSamplePercent", "ticketsWithin");
            var complaintsWithin = Positive(cb, "complaintsWithin");
            var ticketsWithin = Positive(cb, "ticketsWithin");
            var sample = cb.DecimalOr("ticketSamplePercent", 0m);
            if (sample is < 0 or > 100)
            {
                cb.Problem("ticketSamplePercent", "must lie in 0-100");
            }
            else if (complaintsWithin is { } c && ticketsWithin is { } tw)
            {
                callbacks = CallbackPolicies.Combine(CallbackPolicies.EveryComplaint(c), CallbackPolicies.SampleClosedTickets(sample, tw));
            }
        }

        return new PolicyDefinitions(tiers, ladder, escalationRules, frontLine, notify, scorecard, scoringRules, standings, credits, callbacks);
    }

    /// <summary>Checks a reference to a calendar, telling a missing calendar from one that has problems of its own.</summary>
    private static void CalendarReference(Node node, string property, string? id, Dictionary<string, BusinessCalendar> calendars, HashSet<string> declared)
    {
        if (id is not null && !calendars.ContainsKey(id))
        {
            node.Problem(property, declared.Contains(id) ? $"calendar '{id}' is invalid (see its own problems)" : $"no calendar has the id '{id}'");
        }
    }

    private static NodaTime.Duration? Positive(Node node, string name)
    {
        var duration = node.Duration(name);
        if (duration <= NodaTime.Duration.Zero)
        {
            node.Problem(name, "must be positive");
            return null;
        }

        return duration;
    }

    private static ITierPolicy? TierPolicy(Node node)
    {
        node.Only("pareto", "thresholds");
        if (node.Child("pareto") is { } p)
        {
            p.Only("a", "b", "c", "aCutPercent", "bCutPercent");
            var (a, b, c) = (p.Tier("a", required: true), p.Tier("b", required: true), p.Tier("c", required: true));
            var (aCut, bCut) = (p.DecimalOr("aCutPercent", 80m), p.DecimalOr("bCutPercent", 95m));
            return a is { } ta && b is { } tb && c is { } tc ? Build(p, null, () => TierPolicies.Pareto(ta, tb, tc, aCut, bCut)) : null;
        }

        if (node.Child("thresholds") is { } th)
        {
            th.Only("below", "levels");
            var below = th.Tier("below", required: true);
            var levels = th.Array("levels", required: true).Select(level =>
            {
                level.Only("atLeast", "tier");
                return (AtLeast: level.MoneyValue("atLeast", required: true), Tier: level.Tier("tier", required: true));
            }).ToList();
            return below is { } bt && levels.All(l => l.AtLeast is not null && l.Tier is not null)
                ? Build(th, "levels", () => TierPolicies.SpendThresholds(bt, [.. levels.Select(l => (l.AtLeast!.Value, l.Tier!.Value))]))
                : null;
        }

        node.Problem(null, "expected 'pareto' or 'thresholds'");
        return null;
    }

    private static IEscalationRule? EscalationRule(Node rule, int top)
    {
        var kind = rule.Text("rule");
        string[] fields = kind switch
        {
            "percentOfTarget" => ["percent", "offset", "metric"],
            "severity" => ["atLeast"],
            "keyCustomer" => ["tier"],
            "repeatComplaints" => ["count", "window"],
            "claimedLoss" => ["above"],
            _ => [],
        };
        if (kind is not null && fields.Length == 0)
        {
            rule.Problem("rule", $"'{kind}' is not one of percentOfTarget, severity, keyCustomer, repeatComplaints, claimedLoss");
            return null;
        }

        rule.Only(["rule", "level", .. fields]);
        var level = rule.IntRequired("level");
        var levelOk = level >= 1 && level <= top;
        if (!levelOk)
        {
            rule.Problem("level", $"{level} is not a level of the ladder (1-{top})");
            level = 1; // still check the other fields; the rule is not returned
        }
        var built = Parse();
        return levelOk ? built : null;

        IEscalationRule? Parse()
        {
            switch (kind)
            {
                case "percentOfTarget":
                    var offset = rule.Text("offset", required: false) is null ? NodaTime.Duration.Zero : rule.Duration("offset");
                    var metric = rule.Enum<Metric>("metric", required: false);
                    return rule.Decimal("percent") is { } percent && offset is { } o
                        ? Build(rule, null, () => EscalationRules.AtPercentOfTarget(percent, level, o, metric))
                        : null;
                case "severity":
                    return rule.Enum<Domain.Complaints.Severity>("atLeast") is { } severity ? Build(rule, null, () => EscalationRules.OnSeverity(severity, level)) : null;
                case "keyCustomer":
                    return rule.Tier("tier", required: true) is { } tier ? Build(rule, null, () => EscalationRules.KeyCustomer(tier, level)) : null;
                case "repeatComplaints":
                    var count = rule.IntRequired("count");
                    return rule.Duration("window") is { } window ? Build(rule, null, () => EscalationRules.RepeatComplaints(count, window, level)) : null;
                case "claimedLoss":
                    return rule.MoneyValue("above", required: true) is { } above ? Build(rule, null, () => EscalationRules.ClaimedLossAbove(above, level)) : null;
                default:
                    return null;
            }
        }
    }

    private static IScoringRule? ScoringRule(Node rule, HashSet<string> sections)
    {
        rule.Only("fact", "section", "points", "perStar", "automaticFail", "reason");
        var (fact, section, reason) = (rule.Enum<Scoring.FactKind>("fact"), rule.Text("section"), rule.Text("reason", required: false));
        var automaticFail = rule.Bool("automaticFail");
        var effects = new[] { rule.Child("points") is not null, rule.Child("perStar") is not null, automaticFail }.Count(given => given);
        if (effects != 1)
        {
            rule.Problem(null, "exactly one of points, perStar or \"automaticFail\": true is expected");
            return null;
        }

        if (rule.Child("perStar") is not null && fact is not null and not Scoring.FactKind.SatisfactionRating)
        {
            rule.Problem("perStar", $"applies only to the fact {Scoring.FactKind.SatisfactionRating}");
            return null;
        }

        if (section is not null && !sections.Contains(section))
        {
            rule.Problem("section", $"'{section}' is not one of the scorecard's sections");
            return null;
        }

        if (fact is not { } f || section is null)
        {
            return null;
        }

        reason ??= f.ToString();
        return automaticFail ? Scoring.ScoringRules.AutomaticFail(f, section, reason)
            : rule.Child("perStar") is not null ? rule.Decimal("perStar") is { } perStar ? Scoring.ScoringRules.Rating(section, perStar) : null
            : rule.Decimal("points") is { } points ? Scoring.ScoringRules.Points(f, section, points, reason) : null;
    }

    /// <summary>Runs a constructor that validates, turning its <see cref="ArgumentException"/> into a problem.</summary>
    private static T? Build<T>(Node node, string? property, Func<T> build)
        where T : class
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            // The first line without the parameter note: "Invalid ladder: …" rather than "… (Parameter 'steps')\nActual value …".
            var message = e.Message.Split('\n')[0].TrimEnd();
            var note = e.ParamName is null ? -1 : message.LastIndexOf($" (Parameter '{e.ParamName}')", StringComparison.Ordinal);
            node.Problem(property, note < 0 ? message : message[..note]);
            return null;
        }
    }

    private static void Build(Node node, string? property, Action build) => Build<object>(node, property, () =>
    {
        build();
        return new object();
    });

    /// <summary>Runs a step on the agreement, turning a broken rule into a problem at <paramref name="property"/>.</summary>
    private static bool Guard(Node node, string property, Action step)
    {
        try
        {
            step();
            return true;
        }
        catch (DomainRuleViolationException e)
        {
            node.Problem(property, e.Message);
            return false;
        }
    }

    private static readonly LocalTimePattern ShortTime = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>A JSON element with its path, collecting problems instead of throwing.</summary>
    private sealed class Node(JsonElement element, string path, List<DefinitionProblem> problems)
    {
        /// <summary>How many problems the whole file has so far (this node's and its children's included).</summary>
        public int TotalProblems => problems.Count;

        public void Problem(string? property, string message)
        {
            problems.Add(new DefinitionProblem(property is null ? path : $"{path}.{property}", message));
        }

        public void Only(params string[] allowed)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Problem(null, "an object is expected");
                return;
            }

            foreach (var property in element.EnumerateObject().Where(p => !allowed.Contains(p.Name, StringComparer.Ordinal)))
            {
                Problem(property.Name, "unknown property");
            }
        }

        /// <summary>A string property's value, or null, without reporting anything.</summary>
        public string? Peek(string name) => TryGet(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        public Node? Child(string name) => TryGet(name, out var value) ? new Node(value, $"{path}.{name}", problems) : null;

        public bool Bool(string name)
        {
            if (!TryGet(name, out var value))
            {
                return false;
            }

            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            Problem(name, "true or false is expected");
            return false;
        }

        public int IntRequired(string name)
        {
            if (!TryGet(name, out _))
            {
                Problem(name, "is required");
                return 1;
            }

            return Int(name, 1);
        }

        public decimal DecimalOr(string name, decimal otherwise) => TryGet(name, out _) ? Decimal(name) ?? otherwise : otherwise;

        public Money? MoneyValue(string name, bool required)
        {
            if (!TryGet(name, out var value))
            {
                if (required)
                {
                    Problem(name, "is required");
                }

                return null;
            }

            if (value.ValueKind == JsonValueKind.Object)
            {
                Child(name)!.Only("amount", "currency");
            }

            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("amount", out var amount) || !amount.TryGetDecimal(out var number)
                || !value.TryGetProperty("currency", out var currency) || currency.ValueKind != JsonValueKind.String)
            {
                Problem(name, "{ \"amount\": 10000, \"currency\": \"CNY\" } is expected");
                return null;
            }

            try
            {
                return new Money(number, currency.GetString()!);
            }
            catch (ArgumentException e)
            {
                Problem(name, e.Message);
                return null;
            }
        }

        public IEnumerable<Node> Array(string name, bool required)
        {
            if (!TryGet(name, out var value))
            {
                if (required)
                {
                    Problem(name, "is required");
                }

                return [];
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                Problem(name, "an array is expected");
                return [];
            }

            return [.. value.EnumerateArray().Select((item, i) => new Node(item, $"{path}.{name}[{i}]", problems))];
        }

        public string? Text(string? name, bool required = true)
        {
            if (!Value(name, required, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                Problem(name, "a non-empty string is expected");
                return null;
            }

            return value.GetString();
        }

        public int Int(string name, int otherwise)
        {
            if (!TryGet(name, out var value))
            {
                return otherwise;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            {
                return number;
            }

            Problem(name, "a whole number is expected");
            return otherwise;
        }

        public decimal? Decimal(string? name)
        {
            if (!Value(name, true, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
            {
                return number;
            }

            Problem(name, "a number is expected");
            return null;
        }

        public TEnum? Enum<TEnum>(string? name, bool required = true)
            where TEnum : struct, Enum
        {
            var text = Text(name, required);
            if (text is null)
            {
                return null;
            }

            if (System.Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value) && !int.TryParse(text, out _))
            {
                return value;
            }

            Problem(name, $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");
            return null;
        }

        public ServiceTier? Tier(string name, bool required = false) =>
            Text(name, required) is not { } code ? null
            : ServiceTier.TryGetWellKnown(code, out var tier) ? tier
            : Fail<ServiceTier?>(name, $"'{code}' is not one of {string.Join(", ", ServiceTier.WellKnown.Select(t => t.Code))}");

        public LocalTime? Time(string name) =>
            Text(name) is { } text
                ? ShortTime.Parse(text) is { Success: true } t ? t.Value
                : LocalTimePattern.ExtendedIso.Parse(text) is { Success: true } full ? full.Value
                : Fail<LocalTime?>(name, $"'{text}' is not a local time such as 09:00")
                : null;

        public LocalDate? Date(string? name) =>
            Text(name) is { } text ? LocalDatePattern.Iso.Parse(text) is { Success: true } d ? d.Value : Fail<LocalDate?>(name, $"'{text}' is not a date such as 2025-01-01") : null;

        public Instant? Instant(string name) =>
            Text(name) is { } text ? IsoInstant.TryParse(text, out var i) ? i : Fail<Instant?>(name, $"'{text}' is not an instant such as 2025-01-01T00:00:00Z or 2025-01-01T00:00:00+08:00") : null;

        public Duration? Duration(string name)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            var parsed = PeriodPattern.NormalizingIso.Parse(text);
            if (!parsed.Success || parsed.Value.Years != 0 || parsed.Value.Months != 0)
            {
                return Fail<Duration?>(name, $"'{text}' is not an ISO-8601 duration in days, hours, minutes or seconds, such as PT1H30M");
            }

            return parsed.Value.ToDuration();
        }

        private T Fail<T>(string? name, string message)
        {
            Problem(name, message);
            return default!;
        }

        private bool Value(string? name, bool required, out JsonElement value)
        {
            if (name is null)
            {
                value = element;
                return true;
            }

            if (TryGet(name, out value))
            {
                return true;
            }

            if (required)
            {
                Problem(name, "is required");
            }

            return false;
        }

        private bool TryGet(string name, out JsonElement value)
        {
            value = default;
            return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
        }
    }
}
