using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Scoring;

/// <summary>Ranks scorecards and awards cards, stars, the bottom flag and the complaint-free title.</summary>
public static class Standings
{
    /// <summary>The standings of <paramref name="scorecards"/>, ranked within each subject kind.</summary>
    /// <param name="scorecards">The scorecards of one period.</param>
    /// <param name="rules">The thresholds.</param>
    /// <returns>One standing per scorecard, best first within each kind.</returns>
    /// <exception cref="ArgumentException">Listing every problem of <paramref name="rules"/>.</exception>
    public static IReadOnlyList<Standing> Evaluate(IReadOnlyList<Scorecard> scorecards, StandingRules rules)
    {
        Guard.Against.Null(scorecards);
        Check(rules);
        var result = new List<Standing>(scorecards.Count);
        foreach (var group in scorecards.GroupBy(c => c.Subject.Kind).OrderBy(g => g.Key))
        {
            var ranked = group.OrderByDescending(c => c.Total).ThenBy(c => c.Subject.Id, StringComparer.Ordinal).ToArray();
            var flagged = (int)Math.Ceiling(ranked.Length * rules.BottomSharePercent / 100m);
            for (var i = 0; i < ranked.Length; i++)
            {
                var card = ranked[i];
                var rank = i > 0 && ranked[i - 1].Total == card.Total ? result[^1].Rank : i + 1;
                var colour = card.AutomaticFail || card.Total < rules.RedBelow ? CardColour.Red : card.Total < rules.YellowBelow ? CardColour.Yellow : CardColour.None;
                var stars = card.AutomaticFail ? 0 : rules.StarsFrom.Count(from => card.Total >= from);
                result.Add(new Standing(card, rank, colour, stars, i >= ranked.Length - flagged, card.SubstantiatedComplaints == 0));
            }
        }

        return result;
    }

    private static void Check(StandingRules rules)
    {
        Guard.Against.Null(rules);
        var problems = new List<string>();
        if (rules.RedBelow > rules.YellowBelow)
        {
            problems.Add("the red threshold must not exceed the yellow one");
        }

        if (rules.BottomSharePercent is < 0 or > 100)
        {
            problems.Add("the bottom share must lie in 0-100 %");
        }

        if (rules.StarsFrom.Zip(rules.StarsFrom.Skip(1)).Any(p => p.Second <= p.First))
        {
            problems.Add("star thresholds must ascend");
        }

        Guard.Against.Problems(problems, "standing rules", nameof(rules));
    }
}
