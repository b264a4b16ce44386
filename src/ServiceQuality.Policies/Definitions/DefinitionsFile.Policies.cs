using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Credits;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Policies.Scoring;
using ServiceQuality.Policies.Tiering;

namespace ServiceQuality.Policies.Definitions;

/// <summary>The policy sections of a definitions file: tiers, escalation, scoring, credits and callbacks.</summary>
public static partial class DefinitionsFile
{
    private static PolicyDefinitions Policies(Node root, Dictionary<string, BusinessCalendar> calendars, HashSet<string> declared)
    {
        var tiers = root.Child("tiers") is { } t ? TierPolicy(t) : null;
        var (ladder, escalationRules, frontLine, notify) = root.Child("escalation") is { } e ? Escalation(e, calendars, declared) : default;
        var (scorecard, scoringRules, standings) = root.Child("scoring") is { } s ? Scoring(s) : default;
        var credits = root.Child("credits") is { } c ? Credits(c) : null;
        var callbacks = root.Child("callbacks") is { } b ? Callbacks(b) : null;
        return new PolicyDefinitions(tiers, ladder, escalationRules, frontLine, notify, scorecard, scoringRules, standings, credits, callbacks);
    }

    private static (EscalationLadder? Ladder, IReadOnlyList<IEscalationRule>? Rules, Money? FrontLine, string? Notify) Escalation(
        Node e, Dictionary<string, BusinessCalendar> calendars, HashSet<string> declared)
    {
        e.Only("ladder", "rules", "frontLineLimit", "notificationCalendar");
        EscalationLadder? ladder = null;
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
        IReadOnlyList<IEscalationRule>? rules = e.Child("rules") is null ? null : [.. e.Array("rules", required: true).Select(rule => EscalationRule(rule, top)).OfType<IEscalationRule>()];
        var frontLine = e.MoneyValue("frontLineLimit", required: false);
        if (frontLine is { IsNegative: true })
        {
            e.Problem("frontLineLimit", "must not be negative");
        }

        var notify = e.Text("notificationCalendar", required: false);
        CalendarReference(e, "notificationCalendar", notify, calendars, declared);
        return (ladder, rules, frontLine, notify);
    }

    private static (ScorecardDefinition? Scorecard, IReadOnlyList<IScoringRule>? Rules, StandingRules? Standings) Scoring(Node sc)
    {
        sc.Only("baseScore", "sections", "rules", "standings");
        ScorecardDefinition? scorecard = null;
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
        IReadOnlyList<IScoringRule> rules = [.. sc.Array("rules", required: true).Select(rule => ScoringRule(rule, names)).OfType<IScoringRule>()];
        StandingRules? standings = null;
        if (sc.Child("standings") is { } st)
        {
            st.Only("yellowBelow", "redBelow", "starsFrom", "bottomSharePercent");
            var stars = st.Array("starsFrom", required: true).Select(x => x.Decimal(null)).OfType<decimal>().ToArray();
            if (st.Decimal("yellowBelow") is { } yellow && st.Decimal("redBelow") is { } red && st.Decimal("bottomSharePercent") is { } bottom)
            {
                standings = new StandingRules(yellow, red, stars, bottom);
                Build(st, null, () => Standings.Evaluate([], standings)); // the rules are checked where they are used
            }
        }

        return (scorecard, rules, standings);
    }

    private static IServiceCreditPolicy? Credits(Node cr)
    {
        cr.Only("bands", "capPercent", "minimum", "claimWindow");
        var bands = cr.Array("bands", required: true).Select(b =>
        {
            b.Only("belowPercent", "creditPercent");
            return (Below: b.Decimal("belowPercent"), Credit: b.Decimal("creditPercent"));
        }).ToList();
        var cap = cr.DecimalOr("capPercent", 100m);
        var minimum = cr.MoneyValue("minimum", required: false);
        var claimWindow = cr.Text("claimWindow", required: false) is null ? null : Positive(cr, "claimWindow");
        if (cap is < 0 or > 100)
        {
            cr.Problem("capPercent", "must lie in 0-100");
        }

        if (minimum is { IsNegative: true })
        {
            cr.Problem("minimum", "must not be negative");
        }

        // Limits with problems of their own are reported above; the bands are still checked, against neutral limits.
        var limits = cap is < 0 or > 100 || minimum is { IsNegative: true } ? CreditLimits.None : new CreditLimits(cap, minimum, claimWindow);
        return bands.All(b => b.Below is not null && b.Credit is not null)
            ? Build(cr, "bands", () => CreditPolicies.Bands(limits, [.. bands.Select(b => new CreditBand(b.Below!.Value, b.Credit!.Value))]))
            : null;
    }

    private static ICallbackPolicy? Callbacks(Node cb)
    {
        cb.Only("complaintsWithin", "ticketSamplePercent", "ticketsWithin");
        var complaintsWithin = Positive(cb, "complaintsWithin");
        var ticketsWithin = Positive(cb, "ticketsWithin");
        var sample = cb.DecimalOr("ticketSamplePercent", 0m);
        if (sample is < 0 or > 100)
        {
            cb.Problem("ticketSamplePercent", "must lie in 0-100");
            return null;
        }

        return complaintsWithin is { } c && ticketsWithin is { } tw
            ? CallbackPolicies.Combine(CallbackPolicies.EveryComplaint(c), CallbackPolicies.SampleClosedTickets(sample, tw))
            : null;
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
                    return rule.Enum<Severity>("atLeast") is { } severity ? Build(rule, null, () => EscalationRules.OnSeverity(severity, level)) : null;
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
        var start = rule.TotalProblems;
        var (fact, section, reason) = (rule.Enum<FactKind>("fact"), rule.Text("section"), rule.Text("reason", required: false));
        var (hasPoints, hasPerStar, automaticFail) = (rule.Child("points") is not null, rule.Child("perStar") is not null, rule.Bool("automaticFail"));
        if ((hasPoints ? 1 : 0) + (hasPerStar ? 1 : 0) + (automaticFail ? 1 : 0) != 1)
        {
            rule.Problem(null, "exactly one of points, perStar or \"automaticFail\": true is expected");
        }

        if (hasPerStar && fact is not null and not FactKind.SatisfactionRating)
        {
            rule.Problem("perStar", $"applies only to the fact {FactKind.SatisfactionRating}");
        }

        if (section is not null && !sections.Contains(section))
        {
            rule.Problem("section", $"'{section}' is not one of the scorecard's sections");
        }

        var points = hasPoints ? rule.Decimal("points") : null;
        var perStar = hasPerStar ? rule.Decimal("perStar") : null;
        if (rule.TotalProblems > start || fact is not { } f || section is null)
        {
            return null;
        }

        reason ??= f.ToString();
        return automaticFail ? ScoringRules.AutomaticFail(f, section, reason)
            : perStar is { } stars ? ScoringRules.Rating(section, stars)
            : ScoringRules.Points(f, section, points!.Value, reason);
    }
}
