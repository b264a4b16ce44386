using System.Globalization;
using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;

namespace ServiceQuality.Policies.Tiering;

/// <summary>The stock tier policies and their combinators.</summary>
public static class TierPolicies
{
    /// <summary>
    /// Pareto / ABC classification: customers sorted by spend, largest first; those whose spend starts within the first
    /// <paramref name="aCutPercent"/> % of total spend get <paramref name="a"/> (the 80/20 key customers), then up to
    /// <paramref name="bCutPercent"/> % get <paramref name="b"/>, the rest (and customers with no spend) <paramref name="c"/>.
    /// Customers with equal spend always get the same tier, so the tier never falls as spend rises.
    /// </summary>
    /// <param name="a">The tier of the top contributors, for example <see cref="ServiceTier.Key"/>.</param>
    /// <param name="b">The middle tier.</param>
    /// <param name="c">The tier of the rest.</param>
    /// <param name="aCutPercent">The cumulative share of spend covered by tier A, in percent (default 80).</param>
    /// <param name="bCutPercent">The cumulative share covered by tiers A and B, in percent (default 95).</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A cut is outside 0-100, or the A cut exceeds the B cut.</exception>
    public static ITierPolicy Pareto(ServiceTier a, ServiceTier b, ServiceTier c, decimal aCutPercent = 80m, decimal bCutPercent = 95m)
    {
        Guard.Against.LessThan(aCutPercent, 0m);
        Guard.Against.GreaterThan(aCutPercent, bCutPercent);
        Guard.Against.GreaterThan(bCutPercent, 100m);
        return new ParetoPolicy(a, b, c, aCutPercent, bCutPercent);
    }

    /// <summary>
    /// The practice's stock tiering, as <c>AddServiceQuality</c> registers it: <see cref="Pareto"/> into
    /// <see cref="ServiceTier.Key"/> (the customers within the first <paramref name="aCutPercent"/> % of spend),
    /// <see cref="ServiceTier.Gold"/> (up to <paramref name="bCutPercent"/> %) and <see cref="ServiceTier.Ordinary"/> (the rest).
    /// </summary>
    /// <param name="aCutPercent">The cumulative share of spend covered by key customers, in percent (practice: 80).</param>
    /// <param name="bCutPercent">The cumulative share covered by key and gold customers, in percent (practice: 95).</param>
    /// <returns>The policy; immutable and thread-safe.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A cut is outside 0-100, or the A cut exceeds the B cut.</exception>
    public static ITierPolicy PracticeDefaults(decimal aCutPercent = 80m, decimal bCutPercent = 95m) =>
        Pareto(ServiceTier.Key, ServiceTier.Gold, ServiceTier.Ordinary, aCutPercent, bCutPercent);

    /// <summary>Spend thresholds: the highest tier whose threshold the spend reaches; <paramref name="below"/> when none.</summary>
    /// <param name="below">The tier of customers below every threshold.</param>
    /// <param name="thresholds">Each tier with the spend that reaches it (inclusive), in one currency.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentException">No thresholds, or thresholds in different currencies.</exception>
    public static ITierPolicy SpendThresholds(ServiceTier below, params (Money AtLeast, ServiceTier Tier)[] thresholds)
    {
        Guard.Against.NullOrNoItems(thresholds);
        Guard.Against.InvalidArgument(
            thresholds.Select(t => t.AtLeast.Currency).Distinct().Count() != 1, nameof(thresholds), "Every threshold must be in the same currency.");

        return new ThresholdPolicy(below, [.. thresholds.OrderByDescending(t => t.AtLeast.Amount)]);
    }

    /// <summary>Each customer gets the highest tier any of <paramref name="policies"/> gives it (by rank); the decision of that policy is kept.</summary>
    /// <param name="policies">The policies to combine; at least one.</param>
    /// <returns>The combined policy.</returns>
    public static ITierPolicy Highest(params ITierPolicy[] policies)
    {
        Guard.Against.NullOrNoItems(policies);
        return new HighestPolicy([.. policies]);
    }

    /// <summary>A policy from a function of one candidate, for one-off rules.</summary>
    /// <param name="description">What the rule does.</param>
    /// <param name="classify">The tier of a candidate.</param>
    /// <returns>The policy.</returns>
    public static ITierPolicy FromDelegate(string description, Func<TierCandidate, ServiceTier> classify)
    {
        Guard.Against.NullOrWhiteSpace(description);
        Guard.Against.Null(classify);
        return new DelegatePolicy(description, classify);
    }

    private static void CheckOneCurrency(IReadOnlyList<TierCandidate> population)
    {
        Guard.Against.Null(population);
        for (var i = 1; i < population.Count; i++)
        {
            Guard.Against.InvalidArgument(
                !string.Equals(population[i].Spend.Currency, population[0].Spend.Currency, StringComparison.Ordinal), nameof(population),
                $"Every candidate's spend must be in {population[0].Spend.Currency}; candidate {i} is in {population[i].Spend.Currency}.");
        }
    }

    private sealed class ParetoPolicy(ServiceTier a, ServiceTier b, ServiceTier c, decimal aCut, decimal bCut) : ITierPolicy
    {
        public string Description { get; } = string.Create(CultureInfo.InvariantCulture, $"Pareto: top {aCut} % of spend {a}, to {bCut} % {b}, rest {c}");

        public IReadOnlyList<TierDecision> Classify(IReadOnlyList<TierCandidate> population)
        {
            CheckOneCurrency(population);
            var n = population.Count;
            var keys = new decimal[n];
            var order = new int[n];
            var total = 0m;
            for (var i = 0; i < n; i++)
            {
                var spend = Math.Max(0m, population[i].Spend.Amount);
                keys[i] = -spend;
                order[i] = i;
                total += spend;
            }

            Array.Sort(keys, order);
            var decisions = new TierDecision[n];
            var before = 0m;
            for (var start = 0; start < n;)
            {
                // A run of equal spends shares the tier decided by the share of spend before it.
                var end = start + 1;
                while (end < n && keys[end] == keys[start])
                {
                    end++;
                }

                var spend = -keys[start];
                var share = total == 0 ? 100m : before * 100m / total;
                var (tier, code) = spend <= 0 ? (c, "pareto.no-spend") : share < aCut ? (a, "pareto.a") : share < bCut ? (b, "pareto.b") : (c, "pareto.c");
                for (var k = start; k < end; k++)
                {
                    decisions[order[k]] = new TierDecision(population[order[k]].Customer, tier, code, Description);
                }

                before += spend * (end - start);
                start = end;
            }

            return decisions;
        }
    }

    private sealed class ThresholdPolicy(ServiceTier below, (Money AtLeast, ServiceTier Tier)[] thresholds) : ITierPolicy
    {
        public string Description { get; } =
            "Spend thresholds: " + string.Join(", ", thresholds.Select(t => $"{t.Tier} from {t.AtLeast}")) + $", else {below}";

        public IReadOnlyList<TierDecision> Classify(IReadOnlyList<TierCandidate> population)
        {
            CheckOneCurrency(population);
            Guard.Against.InvalidArgument(
                population.Count > 0 && population[0].Spend.Currency != thresholds[0].AtLeast.Currency, nameof(population),
                $"The thresholds are in {thresholds[0].AtLeast.Currency}, the spend in {population[0].Spend.Currency}.");

            var decisions = new TierDecision[population.Count];
            for (var i = 0; i < decisions.Length; i++)
            {
                var amount = population[i].Spend.Amount;
                var reached = Array.FindIndex(thresholds, t => amount >= t.AtLeast.Amount);
                decisions[i] = reached < 0
                    ? new TierDecision(population[i].Customer, below, "threshold.below", Description)
                    : new TierDecision(population[i].Customer, thresholds[reached].Tier, "threshold.reached", Description);
            }

            return decisions;
        }
    }

    private sealed class HighestPolicy(ITierPolicy[] policies) : ITierPolicy
    {
        public string Description { get; } = "Highest of: " + string.Join("; ", policies.Select(p => p.Description));

        public IReadOnlyList<TierDecision> Classify(IReadOnlyList<TierCandidate> population)
        {
            var best = policies[0].Classify(population).ToArray();
            foreach (var policy in policies.Skip(1))
            {
                var other = policy.Classify(population);
                for (var i = 0; i < best.Length; i++)
                {
                    if (other[i].Tier > best[i].Tier)
                    {
                        best[i] = other[i];
                    }
                }
            }

            return best;
        }
    }

    private sealed class DelegatePolicy(string description, Func<TierCandidate, ServiceTier> classify) : ITierPolicy
    {
        public string Description => description;

        public IReadOnlyList<TierDecision> Classify(IReadOnlyList<TierCandidate> population)
        {
            Guard.Against.Null(population);
            return population.Select(c => new TierDecision(c.Customer, classify(c), "delegate", description)).ToArray();
        }
    }
}
