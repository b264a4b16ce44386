using System.Globalization;

namespace ServiceQuality.Policies.Scoring;

/// <summary>The stock scoring rules.</summary>
public static class ScoringRules
{
    /// <summary>The section SLA outcomes count in.</summary>
    public const string ServiceSection = "service";

    /// <summary>The section complaint verdicts count in.</summary>
    public const string ComplaintsSection = "complaints";

    /// <summary>The section satisfaction ratings count in.</summary>
    public const string SatisfactionSection = "satisfaction";

    /// <summary>The section callbacks count in.</summary>
    public const string CallbacksSection = "callbacks";

    /// <summary>The section conduct (commendations and prohibited behaviour) counts in.</summary>
    public const string ConductSection = "conduct";

    /// <summary>
    /// The practice's defaults: SLA met +1, missed -2 (service); substantiated complaint -10, partly -5 (complaints);
    /// ratings ±2 per star from 3 (satisfaction); callback done +1, missed -2 (callbacks); commendation +5, late without
    /// notice -3, rudeness -10 (conduct); accepting a gift fails the scorecard.
    /// </summary>
    /// <returns>The rules.</returns>
    public static IReadOnlyList<IScoringRule> Default() =>
    [
        Points(FactKind.SlaMet, ServiceSection, 1m, "sla.met"),
        Points(FactKind.SlaMissed, ServiceSection, -2m, "sla.missed"),
        Points(FactKind.ComplaintSubstantiated, ComplaintsSection, -10m, "complaint.substantiated"),
        Points(FactKind.ComplaintPartlySubstantiated, ComplaintsSection, -5m, "complaint.partly"),
        Rating(SatisfactionSection, 2m),
        Points(FactKind.CallbackDone, CallbacksSection, 1m, "callback.done"),
        Points(FactKind.CallbackMissed, CallbacksSection, -2m, "callback.missed"),
        Points(FactKind.Commendation, ConductSection, 5m, "commendation"),
        Points(FactKind.LateWithoutNotice, ConductSection, -3m, "late-without-notice"),
        Points(FactKind.Rudeness, ConductSection, -10m, "rudeness"),
        AutomaticFail(FactKind.AcceptedGift, ConductSection, "accepted-gift"),
    ];

    /// <summary>Fixed points for every fact of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="section">The section.</param>
    /// <param name="points">The points, signed.</param>
    /// <param name="reasonCode">The reason code.</param>
    /// <returns>The rule.</returns>
    public static IScoringRule Points(FactKind kind, string section, decimal points, string reasonCode) =>
        new FactRule(kind, section, reasonCode, string.Create(CultureInfo.InvariantCulture, $"{kind}: {points:+0.##;-0.##;0} in {section}"), _ => points, automaticFail: false);

    /// <summary>Points per star of a satisfaction rating away from neutral (3): a 5 gives 2 × <paramref name="perStar"/>, a 1 takes it away.</summary>
    /// <param name="section">The section.</param>
    /// <param name="perStar">Points per star.</param>
    /// <returns>The rule.</returns>
    public static IScoringRule Rating(string section, decimal perStar) =>
        new FactRule(FactKind.SatisfactionRating, section, "rating", string.Create(CultureInfo.InvariantCulture, $"rating: {perStar} per star from 3 in {section}"),
            fact => (Math.Clamp(fact.Value, 1, 5) - 3) * perStar, automaticFail: false);

    /// <summary>Facts of a kind fail the whole scorecard.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="section">The section the entry is listed in.</param>
    /// <param name="reasonCode">The reason code.</param>
    /// <returns>The rule.</returns>
    public static IScoringRule AutomaticFail(FactKind kind, string section, string reasonCode) =>
        new FactRule(kind, section, reasonCode, $"{kind}: automatic fail", _ => 0m, automaticFail: true);

    private sealed class FactRule(FactKind kind, string section, string reasonCode, string description, Func<ScoreFact, decimal> points, bool automaticFail) : IScoringRule
    {
        public FactKind Kind => kind;

        public string Description => description;

        public bool TryScore(in ScoreFact fact, out ScoreEntry entry)
        {
            entry = new ScoreEntry(fact.Subject, section, points(fact), reasonCode, fact.Evidence, fact.At, automaticFail);
            return true;
        }
    }
}
