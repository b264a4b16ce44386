using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Kpis;

/// <summary>
/// How a rate moved between two periods, stated both ways so it is never ambiguous: 90 % → 95 % is +5 percentage
/// points and +5.56 % relative.
/// </summary>
/// <param name="Before">The earlier rate.</param>
/// <param name="After">The later rate.</param>
/// <param name="PercentagePoints">After minus before, in percentage points; null when either rate has no cases.</param>
/// <param name="RelativePercent">The change relative to the earlier rate, in percent; null when either has no cases or the earlier rate is zero.</param>
public sealed record RateChange(Ratio Before, Ratio After, decimal? PercentagePoints, decimal? RelativePercent)
{
    /// <summary>The change from <paramref name="before"/> to <paramref name="after"/>.</summary>
    /// <param name="before">The earlier rate.</param>
    /// <param name="after">The later rate.</param>
    /// <returns>The change in percentage points and relative percent.</returns>
    public static RateChange Between(Ratio before, Ratio after)
    {
        if (before.Percent is not { } b || after.Percent is not { } a)
        {
            return new RateChange(before, after, null, null);
        }

        return new RateChange(before, after, a - b, b == 0 ? null : (a - b) * 100m / b);
    }
}
