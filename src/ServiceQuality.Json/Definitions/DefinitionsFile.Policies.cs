using System.Globalization;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Json.Reading;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Credits;
using ServiceQuality.Policies.Definitions;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Policies.Scoring;
using ServiceQuality.Policies.Tiering;
using ServiceQuality.Policies.Trust;

namespace ServiceQuality.Json;

/// <summary>
/// The policy sections of a definitions file: tiers, escalation, scoring, credits, callbacks and trust. Every rule the policies'
/// constructors enforce is checked here first, with a path and a code, so the constructors are only given valid values.
/// </summary>
public static partial class DefinitionsFile
{
    private static PolicyDefinitions Policies(Node root, Dictionary<string, BusinessCalendar> calendars, HashSet<string> declared)
    {
        var tiers = Section(root, "tiers") is { } t ? TierPolicy(t) : null;
        var (ladder, escalationRules, frontLine, notify) = Section(root, "escalation") is { } e ? Escalation(e, calendars, declared) : default;
        var (scorecard, scoringRules, standings) = Section(root, "scoring") is { } s ? Scoring(s) : default;
        var credits = Section(root, "credits") is { } c ? Credits(c) : null;
        var callbacks = Section(root, "callbacks") is { } b ? Callbacks(b) : null;
        var trust = Section(root, "trust") is { } tr ? Trust(tr) : null;
        return new PolicyDefinitions(tiers, ladder, escalationRules, frontLine, notify, scorecard, scoringRules, standings, credits, callbacks) { Trust = trust };
    }

    /// <summary>
    /// The trust section: score keeping (each property left out takes <see cref="TrustPolicy.Standard"/>'s value) and the
    /// label model (<see cref="TrustModel.Standard"/> when <c>labels</c> is left out). The model's own rules are checked by
    /// <see cref="TrustModelBuilder.Validate"/>, whose paths are the section's; what the reader already reported is not
    /// reported again (an unreadable value reaches the builder as a blank placeholder at a path it then skips).
    /// </summary>
    private static TrustPolicy? Trust(Node tr)
    {
        if (!tr.Object(["reward", "penalty", "decayPerDay", "defaultScore", "thresholds", "labels", "bands"]))
        {
            return null;
        }

        var problems = tr.Sink.Count;
        var stock = TrustPolicy.Standard;
        var reward = tr.Has("reward") ? tr.Decimal("reward", 0m, 100m) : stock.Reward;
        var penalty = tr.Has("penalty") ? tr.Decimal("penalty", 0m, 100m) : stock.Penalty;
        var decay = tr.Has("decayPerDay") ? tr.Decimal("decayPerDay", 0m, 100m) : stock.DecayPerDay;
        var defaultScore = tr.Has("defaultScore") ? tr.Int("defaultScore", 0, 100) : stock.DefaultScore;
        var thresholds = new Dictionary<string, int>(StringComparer.Ordinal);
        var th = tr.Get("thresholds");
        if (th.IsMissing)
        {
            thresholds = new Dictionary<string, int>(stock.Thresholds, StringComparer.Ordinal);
        }
        else if (th.Kind != JsonKind.Object)
        {
            th.Problem(ProblemCode.WrongType, $"an object of operation names and thresholds is expected, not {th.Describe()}.");
        }
        else
        {
            foreach (var (name, value) in th.Properties())
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    value.Problem(ProblemCode.MissingProperty, "an operation name is expected, not blank text.");
                }
                else if (value.AsInt(0, 100) is { } least)
                {
                    thresholds[name] = least;
                }
            }
        }

        var model = tr.Has("labels") ? ReadTrustModel(tr) : null;
        if (!tr.Has("labels") && tr.Has("bands"))
        {
            tr.Problem("bands", ProblemCode.Conflict, "bands narrow the file's labels: a section with bands needs labels.");
        }

        return tr.Sink.Count == problems && reward is { } r && penalty is { } p && decay is { } d && defaultScore is { } ds
            ? new TrustPolicy(r, p, d, ds, thresholds, model ?? TrustModel.Standard)
            : null;
    }

    private static TrustModel? ReadTrustModel(Node tr)
    {
        var builder = new TrustModelBuilder();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        string Placeholder(string path)
        {
            reported.Add(path);
            return string.Empty;
        }

        List<string> Names(Node node, string property, string path) =>
            [.. node.Items(property, required: false).Select((item, j) => item.AsText() ?? Placeholder($"{path}.{property}[{j}]"))];

        var labelNodes = tr.Items("labels", required: true);
        if (labelNodes.Count == 0)
        {
            tr.Problem("labels", ProblemCode.Empty, "at least one label is needed.");
        }

        for (var i = 0; i < labelNodes.Count; i++)
        {
            var (node, path) = (labelNodes[i], $"labels[{i}]");
            if (!node.Object(["name", "permissions", "mayTouch", "criticalThreshold"]))
            {
                builder.AddLabel(Placeholder($"{path}.name"), [], []);
                continue;
            }

            var name = node.Text("name") ?? Placeholder($"{path}.name");
            var critical = node.Has("criticalThreshold") ? node.Int("criticalThreshold", 0, 100) : null;
            builder.AddLabel(name, Names(node, "permissions", path), Names(node, "mayTouch", path), critical);
        }

        var bandNodes = tr.Items("bands", required: false);
        for (var i = 0; i < bandNodes.Count; i++)
        {
            var (node, path) = (bandNodes[i], $"bands[{i}]");
            if (!node.Object(["below", "operations"]))
            {
                reported.Add($"{path}.below");
                builder.AddBand(0, []);
                continue;
            }

            var below = node.Int("below", 1, 100);
            if (below is null)
            {
                reported.Add($"{path}.below");
            }

            builder.AddBand(below ?? 0, Names(node, "operations", path));
        }

        var before = tr.Sink.Count;
        foreach (var problem in builder.Validate().Where(p => !reported.Contains(p.Path)))
        {
            tr.Sink.Add($"{tr.Path}.{problem.Path}", problem.Code, problem.Message);
        }

        return tr.Sink.Count == before && reported.Count == 0 && labelNodes.Count > 0 ? builder.Build() : null;
    }

    private static Node? Section(Node root, string name) => root.Get(name) is { IsMissing: false } node ? node : null;

    private static (EscalationLadder? Ladder, IReadOnlyList<IEscalationRule>? Rules, Money? FrontLine, string? Notify) Escalation(
        Node e, Dictionary<string, BusinessCalendar> calendars, HashSet<string> declared)
    {
        if (!e.Object(["ladder", "rules", "frontLineLimit", "notificationCalendar"]))
        {
            return default;
        }

        EscalationLadder? ladder = null;
        var ladderNodes = e.Items("ladder", required: false);
        if (e.Has("ladder"))
        {
            var problems = e.Sink.Count;
            var steps = ladderNodes.Select((step, i) =>
                step.Object(["name", "target"]) && step.Text("name") is { } name && step.Text("target") is { } target ? new EscalationStep(i + 1, name, target) : null).ToList();
            if (steps.Count == 0)
            {
                e.Problem("ladder", ProblemCode.Empty, "the ladder needs at least one level.");
            }
            else if (e.Sink.Count == problems)
            {
                // The library's builder has the last word; anything it still finds is reported at its path here.
                var builder = new EscalationLadderBuilder();
                steps.ForEach(step => builder.AddStep(step!.Name, step.Target));
                ladder = Built(e, builder.Validate(), builder.Build);
            }
        }

        var top = e.Has("ladder") ? ladderNodes.Count : EscalationLadder.Default.Top;
        IReadOnlyList<IEscalationRule>? rules = e.Has("rules") ? [.. e.Items("rules", required: true).Select(rule => EscalationRule(rule, top)).OfType<IEscalationRule>()] : null;
        var frontLine = e.Money("frontLineLimit", required: false);
        var notify = e.Has("notificationCalendar") ? e.Text("notificationCalendar") : null;
        CalendarReference(e, "notificationCalendar", notify, calendars, declared);
        return (ladder, rules, frontLine, notify);
    }

    /// <summary>What a definition builder builds, or null after reporting, at their paths under <paramref name="node"/>, the problems it finds.</summary>
    private static T? Built<T>(Node node, IReadOnlyList<DefinitionProblem> problems, Func<T> build)
        where T : class
    {
        foreach (var problem in problems)
        {
            node.Problem(problem.Path, problem.Code, problem.Message);
        }

        return problems.Count == 0 ? build() : null;
    }

    private static (ScorecardDefinition? Scorecard, IReadOnlyList<IScoringRule>? Rules, StandingRules? Standings) Scoring(Node sc)
    {
        if (!sc.Object(["baseScore", "sections", "rules", "standings"]))
        {
            return default;
        }

        var problems = sc.Sink.Count;
        var baseScore = sc.Decimal("baseScore", 0m, 100m);
        var sections = new List<ScoreSection>();
        var sectionNodes = sc.Items("sections", required: true);
        foreach (var section in sectionNodes)
        {
            if (section.Object(["name", "weight"]) && section.Text("name") is { } name && section.Decimal("weight", 0m, 100m) is { } weight)
            {
                if (weight == 0m)
                {
                    section.Problem("weight", ProblemCode.OutOfRange, "a section needs a positive weight.");
                }
                else if (sections.Any(s => s.Name == name))
                {
                    section.Problem("name", ProblemCode.DuplicateId, $"the section '{JsonTree.Escape(name)}' is listed twice.");
                }
                else
                {
                    sections.Add(new ScoreSection(name, weight));
                }
            }
        }

        ScorecardDefinition? scorecard = null;
        if (sectionNodes.Count == 0 && sc.Has("sections"))
        {
            sc.Problem("sections", ProblemCode.Empty, "at least one section is needed.");
        }
        else if (sc.Sink.Count == problems && sections.Sum(s => s.WeightPercent) is var sum && sum != 100m)
        {
            sc.Problem("sections", ProblemCode.Conflict, string.Create(CultureInfo.InvariantCulture, $"the weights sum to {sum} %, not 100 %."));
        }
        else if (sc.Sink.Count == problems && baseScore is { } score)
        {
            var builder = new ScorecardDefinitionBuilder().SetBaseScore(score);
            sections.ForEach(section => builder.AddSection(section.Name, section.WeightPercent));
            scorecard = Built(sc, builder.Validate(), builder.Build);
        }

        var names = sections.Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<IScoringRule> rules = [.. sc.Items("rules", required: true).Select(rule => ScoringRule(rule, names)).OfType<IScoringRule>()];
        StandingRules? standings = null;
        var st = sc.Get("standings");
        if (!st.IsMissing && st.Object(["yellowBelow", "redBelow", "starsFrom", "bottomSharePercent"]))
        {
            var before = st.Sink.Count;
            var stars = st.Items("starsFrom", required: true).Select(x => x.AsDecimal(0m, 100m)).ToList();
            var (yellow, red, bottom) = (st.Decimal("yellowBelow", 0m, 100m), st.Decimal("redBelow", 0m, 100m), st.Decimal("bottomSharePercent", 0m, 100m));
            if (red > yellow)
            {
                st.Problem("redBelow", ProblemCode.Conflict, "the red threshold must not exceed the yellow one.");
            }

            var known = stars.OfType<decimal>().ToList();
            if (known.Zip(known.Skip(1)).Any(p => p.Second <= p.First))
            {
                st.Problem("starsFrom", ProblemCode.Conflict, "star thresholds must ascend.");
            }

            if (st.Sink.Count == before && yellow is { } y && red is { } r && bottom is { } b)
            {
                standings = new StandingRules(y, r, [.. known], b);
            }
        }

        return (scorecard, rules, standings);
    }

    private static IServiceCreditPolicy? Credits(Node cr)
    {
        if (!cr.Object(["bands", "capPercent", "minimum", "claimWindow"]))
        {
            return null;
        }

        var problems = cr.Sink.Count;
        var bands = new List<CreditBand>();
        var bandNodes = cr.Items("bands", required: true);
        foreach (var band in bandNodes)
        {
            if (band.Object(["belowPercent", "creditPercent"]) && band.Decimal("belowPercent", 0m, 100m) is { } below && band.Decimal("creditPercent", 0m, 100m) is { } credit)
            {
                bands.Add(new CreditBand(below, credit));
            }
        }

        var cap = cr.Has("capPercent") ? cr.Decimal("capPercent", 0m, 100m) : 100m;
        var minimum = cr.Money("minimum", required: false);
        var claimWindow = cr.Has("claimWindow") ? cr.Duration("claimWindow") : null;
        if (bandNodes.Count == 0 && cr.Has("bands"))
        {
            cr.Problem("bands", ProblemCode.Empty, "at least one band is needed.");
        }

        var ordered = bands.OrderByDescending(b => b.BelowPercent).ToList();
        foreach (var (higher, lower) in ordered.Zip(ordered.Skip(1)))
        {
            if (lower.CreditPercent < higher.CreditPercent)
            {
                cr.Problem("bands", ProblemCode.Conflict, string.Create(CultureInfo.InvariantCulture, $"the band below {lower.BelowPercent} % credits less than the band below {higher.BelowPercent} %."));
            }
        }

        return cr.Sink.Count == problems && cap is { } c ? CreditPolicies.Bands(new CreditLimits(c, minimum, claimWindow), [.. bands]) : null;
    }

    private static ICallbackPolicy? Callbacks(Node cb)
    {
        if (!cb.Object(["complaintsWithin", "ticketSamplePercent", "ticketsWithin"]))
        {
            return null;
        }

        var complaintsWithin = cb.Duration("complaintsWithin");
        var ticketsWithin = cb.Duration("ticketsWithin");
        var sample = cb.Has("ticketSamplePercent") ? cb.Decimal("ticketSamplePercent", 0m, 100m) : 0m;
        return complaintsWithin is { } c && ticketsWithin is { } tw && sample is { } s
            ? CallbackPolicies.Combine(CallbackPolicies.EveryComplaint(c), CallbackPolicies.SampleClosedTickets(s, tw))
            : null;
    }

    private static ITierPolicy? TierPolicy(Node node)
    {
        if (!node.Object(["pareto", "thresholds"]))
        {
            return null;
        }

        if (node.Has("pareto") == node.Has("thresholds"))
        {
            node.Problem(ProblemCode.Conflict, "exactly one of 'pareto' and 'thresholds' is expected.");
            return null;
        }

        if (node.Get("pareto") is { IsMissing: false } p)
        {
            if (!p.Object(["a", "b", "c", "aCutPercent", "bCutPercent"]))
            {
                return null;
            }

            var (a, b, c) = (p.Tier("a"), p.Tier("b"), p.Tier("c"));
            var aCut = p.Has("aCutPercent") ? p.Decimal("aCutPercent", 0m, 100m) : 80m;
            var bCut = p.Has("bCutPercent") ? p.Decimal("bCutPercent", 0m, 100m) : 95m;
            if (aCut > bCut)
            {
                p.Problem("bCutPercent", ProblemCode.Conflict, "the B cut must not be below the A cut.");
                return null;
            }

            return a is { } ta && b is { } tb && c is { } tc && aCut is { } ac && bCut is { } bc ? TierPolicies.Pareto(ta, tb, tc, ac, bc) : null;
        }

        var th = node.Get("thresholds");
        if (!th.Object(["below", "levels"]))
        {
            return null;
        }

        var problems = th.Sink.Count;
        var below = th.Tier("below");
        var levels = new List<(Money AtLeast, ServiceTier Tier)>();
        var levelNodes = th.Items("levels", required: true);
        foreach (var level in levelNodes)
        {
            if (level.Object(["atLeast", "tier"]) && level.Money("atLeast") is { } atLeast && level.Tier("tier") is { } tier)
            {
                if (levels.Count > 0 && levels[0].AtLeast.Currency != atLeast.Currency)
                {
                    level.Problem("atLeast", ProblemCode.Conflict, $"every threshold must be in one currency ({levels[0].AtLeast.Currency}).");
                }
                else
                {
                    levels.Add((atLeast, tier));
                }
            }
        }

        if (levelNodes.Count == 0 && th.Has("levels"))
        {
            th.Problem("levels", ProblemCode.Empty, "at least one level is needed.");
        }

        return th.Sink.Count == problems && below is { } bt ? TierPolicies.SpendThresholds(bt, [.. levels]) : null;
    }

    private static readonly string[] RuleKinds = ["percentOfTarget", "severity", "keyCustomer", "repeatComplaints", "claimedLoss"];

    private static IEscalationRule? EscalationRule(Node rule, int top)
    {
        if (rule.Kind != JsonKind.Object)
        {
            rule.Object([]);
            return null;
        }

        var kind = rule.Text("rule");
        string[] fields = kind switch
        {
            "percentOfTarget" => ["percent", "offset", "metric"],
            "severity" => ["atLeast", "immediateFrom"],
            "keyCustomer" => ["tier"],
            "repeatComplaints" => ["count", "window"],
            "claimedLoss" => ["above"],
            _ => [],
        };
        if (kind is not null && fields.Length == 0)
        {
            rule.Problem("rule", ProblemCode.UnknownName, $"'{JsonTree.Escape(kind)}' is not one of {string.Join(", ", RuleKinds)}.");
            return null;
        }

        rule.Object(["rule", "level", .. fields]);
        var level = rule.Int("level", 1, Math.Max(top, 1));
        switch (kind)
        {
            case "percentOfTarget":
                var percent = rule.Decimal("percent", 0m, SlaStatus.MaxSharePercent);
                if (percent == 0m)
                {
                    rule.Problem("percent", ProblemCode.OutOfRange, "the percentage must be positive.");
                    percent = null;
                }

                var offset = rule.Has("offset") ? rule.Duration("offset", positive: false) : NodaTime.Duration.Zero;
                var metric = rule.Enum<Metric>("metric", required: false);
                return percent is { } pc && offset is { } o && level is { } l ? EscalationRules.AtPercentOfTarget(pc, l, o, metric) : null;
            case "severity":
                var immediateFrom = rule.Enum<Severity>("immediateFrom", required: false) ?? Severity.Major;
                return rule.Enum<Severity>("atLeast") is { } severity && level is { } sl ? EscalationRules.OnSeverity(severity, sl, immediateFrom) : null;
            case "keyCustomer":
                return rule.Tier("tier") is { } tier && level is { } kl ? EscalationRules.KeyCustomer(tier, kl) : null;
            case "repeatComplaints":
                var count = rule.Int("count", 2, 1_000_000);
                return rule.Duration("window") is { } window && count is { } n && level is { } rl ? EscalationRules.RepeatComplaints(n, window, rl) : null;
            case "claimedLoss":
                return rule.Money("above") is { } above && level is { } cl ? EscalationRules.ClaimedLossAbove(above, cl) : null;
            default:
                return null;
        }
    }

    private static IScoringRule? ScoringRule(Node rule, HashSet<string> sections)
    {
        if (!rule.Object(["fact", "section", "points", "perStar", "automaticFail", "reason"]))
        {
            return null;
        }

        var problems = rule.Sink.Count;
        var (fact, section, reason) = (rule.Enum<FactKind>("fact"), rule.Text("section"), rule.Has("reason") ? rule.Text("reason") : null);
        var (hasPoints, hasPerStar, automaticFail) = (rule.Has("points"), rule.Has("perStar"), rule.Bool("automaticFail", false));
        if ((hasPoints ? 1 : 0) + (hasPerStar ? 1 : 0) + (automaticFail ? 1 : 0) != 1)
        {
            rule.Problem(ProblemCode.Conflict, "exactly one of points, perStar or \"automaticFail\": true is expected.");
        }

        if (hasPerStar && fact is not null and not FactKind.SatisfactionRating)
        {
            rule.Problem("perStar", ProblemCode.Conflict, $"applies only to the fact {FactKind.SatisfactionRating}.");
        }

        if (section is not null && !sections.Contains(section))
        {
            rule.Problem("section", ProblemCode.UnknownReference, $"'{JsonTree.Escape(section)}' is not one of the scorecard's sections.");
        }

        var points = hasPoints ? rule.Decimal("points", -100m, 100m) : null;
        var perStar = hasPerStar ? rule.Decimal("perStar", -100m, 100m) : null;
        if (rule.Sink.Count > problems || fact is not { } f || section is null)
        {
            return null;
        }

        reason ??= f.ToString();
        return automaticFail ? ScoringRules.AutomaticFail(f, section, reason)
            : perStar is { } stars ? ScoringRules.Rating(section, stars)
            : ScoringRules.Points(f, section, points!.Value, reason);
    }
}
