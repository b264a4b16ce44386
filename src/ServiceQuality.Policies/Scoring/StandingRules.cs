using System.Collections.Immutable;

namespace ServiceQuality.Policies.Scoring;

/// <summary>How scorecards become standings. Immutable: <see cref="StarsFrom"/> is copied; two rules with equal members and the same star thresholds are equal.</summary>
/// <param name="YellowBelow">A total below this earns a yellow card.</param>
/// <param name="RedBelow">A total below this earns a red card; at most <paramref name="YellowBelow"/>.</param>
/// <param name="StarsFrom">The least total for 1, 2, 3 … stars (星级), ascending.</param>
/// <param name="BottomSharePercent">The share of the ranking, from the bottom, that is flagged (0 for none).</param>
public sealed record StandingRules(decimal YellowBelow, decimal RedBelow, IReadOnlyList<decimal> StarsFrom, decimal BottomSharePercent)
{
    // Copied when the value is built, or changed with `with`: the rules cannot change afterwards.
    private readonly IReadOnlyList<decimal> _starsFrom = Copy(StarsFrom);

    /// <summary>Yellow below 80, red below 60; stars from 85, 90, 95 and 98; the bottom 10 % flagged.</summary>
    public static StandingRules Default { get; } = new(80m, 60m, [85m, 90m, 95m, 98m], 10m);

    /// <summary>The least total for 1, 2, 3 … stars (星级), ascending; copied into an immutable list.</summary>
    public IReadOnlyList<decimal> StarsFrom { get => _starsFrom; init => _starsFrom = Copy(value); }

    /// <summary>Whether <paramref name="other"/> holds equal members, the star thresholds compared item by item.</summary>
    /// <param name="other">The other value, or null.</param>
    /// <returns>True when every member is equal.</returns>
    public bool Equals(StandingRules? other) =>
        ReferenceEquals(this, other)
        || (other is not null && YellowBelow == other.YellowBelow && RedBelow == other.RedBelow && BottomSharePercent == other.BottomSharePercent
            && (ReferenceEquals(StarsFrom, other.StarsFrom) || (StarsFrom is not null && other.StarsFrom is not null && StarsFrom.SequenceEqual(other.StarsFrom))));

    /// <summary>A hash code consistent with <see cref="Equals(StandingRules)"/>: the star thresholds hashed by content.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() =>
        HashCode.Combine(YellowBelow, RedBelow, BottomSharePercent, StarsFrom?.Aggregate(StarsFrom.Count, (hash, stars) => HashCode.Combine(hash, stars)));

    /// <summary>An immutable copy (the same instance when it already is one); null stays null, for the checks that refuse it.</summary>
    private static IReadOnlyList<decimal> Copy(IReadOnlyList<decimal>? items) =>
        items switch
        {
            null => null!,
            ImmutableArray<decimal> frozen => frozen,
            _ => items.ToImmutableArray(),
        };
}
