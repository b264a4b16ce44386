namespace ServiceQuality.Policies.Scoring;

/// <summary>How scorecards become standings.</summary>
/// <param name="YellowBelow">A total below this earns a yellow card.</param>
/// <param name="RedBelow">A total below this earns a red card; at most <paramref name="YellowBelow"/>.</param>
/// <param name="StarsFrom">The least total for 1, 2, 3 … stars (星级), ascending.</param>
/// <param name="BottomSharePercent">The share of the ranking, from the bottom, that is flagged (0 for none).</param>
public sealed record StandingRules(decimal YellowBelow, decimal RedBelow, IReadOnlyList<decimal> StarsFrom, decimal BottomSharePercent)
{
    /// <summary>Yellow below 80, red below 60; stars from 85, 90, 95 and 98; the bottom 10 % flagged.</summary>
    public static StandingRules Default { get; } = new(80m, 60m, [85m, 90m, 95m, 98m], 10m);
}
