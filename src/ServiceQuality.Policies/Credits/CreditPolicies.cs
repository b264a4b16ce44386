using System.Globalization;
using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Credits;

/// <summary>The stock service-credit policies: bands (as cloud SLAs publish them) and linear.</summary>
public static class CreditPolicies
{
    private static readonly IServiceCreditPolicy Practice = Bands(
        new CreditLimits(CapPercent: 100m, ClaimWindow: NodaTime.Duration.FromDays(30)), new CreditBand(99.9m, 10m), new CreditBand(99m, 25m), new CreditBand(95m, 100m));

    /// <summary>
    /// The practice's stock service credits, as <c>AddServiceQuality</c> registers them: banded (<see cref="Bands"/>) on the
    /// compliance of the period — below 99.9 % → 10 % of the fee, below 99 % → 25 %, below 95 % → 100 % — capped at the
    /// whole fee, with no minimum, and claimed within 30 days (calendar time) after the period's end.
    /// </summary>
    /// <returns>The policy; immutable and thread-safe, the same instance on every call.</returns>
    public static IServiceCreditPolicy PracticeDefaults() => Practice;

    /// <summary>
    /// Banded credits: the band with the lowest threshold the compliance is below decides the share. For example
    /// below 99.9 % → 10 %, below 99 % → 25 %, below 95 % → 100 %.
    /// </summary>
    /// <param name="limits">Cap, minimum and claim window.</param>
    /// <param name="bands">The bands; thresholds and credits from 0 to 100 %.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentException">Listing every problem: no bands, percentages out of range, or a lower threshold with a smaller credit.</exception>
    public static IServiceCreditPolicy Bands(CreditLimits limits, params CreditBand[] bands)
    {
        Guard.Against.Null(limits);
        Guard.Against.Null(bands);
        var ordered = bands.OrderByDescending(b => b.BelowPercent).ToArray();
        var problems = CheckLimits(limits).ToList();
        if (ordered.Length == 0)
        {
            problems.Add("at least one band is needed");
        }

        problems.AddRange(ordered.Where(b => b.BelowPercent is < 0 or > 100 || b.CreditPercent is < 0 or > 100).Select(b => $"the band below {b.BelowPercent} % crediting {b.CreditPercent} % has a percentage outside 0-100"));
        problems.AddRange(ordered.Zip(ordered.Skip(1)).Where(p => p.Second.CreditPercent < p.First.CreditPercent)
            .Select(p => $"band below {p.Second.BelowPercent} % credits less than the band below {p.First.BelowPercent} %"));
        Guard.Against.Problems(problems, "credit policy", nameof(bands));
        return new Banded(ordered, limits);
    }

    /// <summary>Linear credits: <paramref name="creditPerPoint"/> % of the fee for every percentage point below <paramref name="targetPercent"/>.</summary>
    /// <param name="targetPercent">The promised compliance, in percent.</param>
    /// <param name="creditPerPoint">The credit per point short, in percent of the fee; not negative.</param>
    /// <param name="limits">Cap, minimum and claim window.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentException">Listing every problem.</exception>
    public static IServiceCreditPolicy Linear(decimal targetPercent, decimal creditPerPoint, CreditLimits limits)
    {
        Guard.Against.Null(limits);
        var problems = CheckLimits(limits).ToList();
        if (targetPercent is < 0 or > 100)
        {
            problems.Add("the target must lie in 0-100 %");
        }

        if (creditPerPoint < 0)
        {
            problems.Add("the credit per point must not be negative");
        }

        Guard.Against.Problems(problems, "credit policy", nameof(limits));
        return new LinearPolicy(targetPercent, creditPerPoint, limits);
    }

    private static IEnumerable<string> CheckLimits(CreditLimits limits)
    {
        if (limits.CapPercent is < 0 or > 100)
        {
            yield return "the cap must lie in 0-100 %";
        }

        if (limits.Minimum is { IsNegative: true })
        {
            yield return "the minimum must not be negative";
        }

        if (limits.ClaimWindow is { } window && window < NodaTime.Duration.Zero)
        {
            yield return "the claim window must not be negative";
        }
    }

    /// <summary>Applies the claim window, cap and minimum to a share, exactly.</summary>
    private static ServiceCredit Finish(ServiceCreditRequest request, decimal share, string code, CreditLimits limits, string description)
    {
        Guard.Against.Null(request);
        var zero = Money.Zero(request.Fee.Currency);
        if (limits.ClaimWindow is { } window && request.ClaimedAt > request.PeriodEnd + window)
        {
            return new ServiceCredit(zero, 0m, "claim-window-expired", description);
        }

        if (share > limits.CapPercent)
        {
            (share, code) = (limits.CapPercent, "capped");
        }

        var amount = request.Fee * (share / 100m);
        if (share > 0 && limits.Minimum is { } minimum && amount < minimum)
        {
            return new ServiceCredit(zero, 0m, "below-minimum", description);
        }

        return new ServiceCredit(amount, share, code, description);
    }

    private static decimal PercentOf(Ratio compliance) => compliance.Percent ?? 100m;

    private sealed class Banded(CreditBand[] bands, CreditLimits limits) : IServiceCreditPolicy
    {
        public string Description { get; } = "Credit bands: " + string.Join(", ", bands.Select(b => string.Create(CultureInfo.InvariantCulture, $"below {b.BelowPercent} % → {b.CreditPercent} %")));

        public ServiceCredit Compute(ServiceCreditRequest request)
        {
            Guard.Against.Null(request);
            var compliance = PercentOf(request.Compliance);
            var band = Array.FindLastIndex(bands, b => compliance < b.BelowPercent);
            return band < 0
                ? Finish(request, 0m, "no-credit", limits, Description)
                : Finish(request, bands[band].CreditPercent, "band." + (band + 1).ToString(CultureInfo.InvariantCulture), limits, Description);
        }
    }

    private sealed class LinearPolicy(decimal target, decimal perPoint, CreditLimits limits) : IServiceCreditPolicy
    {
        public string Description { get; } = string.Create(CultureInfo.InvariantCulture, $"Linear credit: {perPoint} % of the fee per point below {target} %, capped at {limits.CapPercent} %");

        public ServiceCredit Compute(ServiceCreditRequest request)
        {
            Guard.Against.Null(request);
            var shortfall = Math.Max(0m, target - PercentOf(request.Compliance));
            return Finish(request, shortfall * perPoint, shortfall > 0 ? "linear" : "no-credit", limits, Description);
        }
    }
}
