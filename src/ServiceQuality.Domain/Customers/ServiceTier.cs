using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Customers;

/// <summary>
/// A tier of service a customer is owed (大客户 / VIP / 金卡 / 甲种 / 普通). Tiers are configuration: each has a
/// code and a rank, and a higher rank is owed more. Comparison is by rank, then code.
/// </summary>
public readonly record struct ServiceTier : IComparable<ServiceTier>
{
    /// <summary>Creates a tier.</summary>
    /// <param name="code">A short, non-blank code such as <c>gold</c>; at most 64 characters.</param>
    /// <param name="rank">The rank; higher ranks are owed more service. Not negative.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is blank or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rank"/> is negative.</exception>
    public ServiceTier(string code, int rank)
    {
        Guard.Against.NullOrWhiteSpace(code);
        Guard.Against.TooLong(code, 64);
        Guard.Against.LessThan(rank, 0);
        Code = code;
        Rank = rank;
    }

    /// <summary>Ordinary customers (普通), rank 0.</summary>
    public static ServiceTier Ordinary { get; } = new("ordinary", 0);

    /// <summary>Class A customers (甲种), rank 1.</summary>
    public static ServiceTier ClassA { get; } = new("class-a", 1);

    /// <summary>Gold card customers (金卡), rank 2.</summary>
    public static ServiceTier Gold { get; } = new("gold", 2);

    /// <summary>VIP customers, rank 3.</summary>
    public static ServiceTier Vip { get; } = new("vip", 3);

    /// <summary>Key or big customers (大客户 / 重点客户), rank 4.</summary>
    public static ServiceTier Key { get; } = new("key", 4);

    /// <summary>The stock tiers, lowest first: ordinary, class-a, gold, vip, key.</summary>
    public static IReadOnlyList<ServiceTier> WellKnown { get; } = [Ordinary, ClassA, Gold, Vip, Key];

    /// <summary>The tier's code.</summary>
    public string Code { get; }

    /// <summary>The tier's rank: higher is owed more.</summary>
    public int Rank { get; }

    /// <summary>Finds a stock tier by its code (as files and logs name it).</summary>
    /// <param name="code">The code, such as <c>gold</c>; compared ordinally.</param>
    /// <param name="tier">The tier, when found.</param>
    /// <returns>Whether <paramref name="code"/> names a stock tier.</returns>
    public static bool TryGetWellKnown(string? code, out ServiceTier tier)
    {
        // By index: a foreach over the list's interface allocates an enumerator on every call (a replay asks once a line).
        for (var i = 0; i < WellKnown.Count; i++)
        {
            if (string.Equals(WellKnown[i].Code, code, StringComparison.Ordinal))
            {
                tier = WellKnown[i];
                return true;
            }
        }

        tier = default;
        return false;
    }

    /// <summary>Whether <paramref name="left"/> ranks below <paramref name="right"/>.</summary>
    /// <param name="left">The first tier.</param>
    /// <param name="right">The second tier.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(ServiceTier left, ServiceTier right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> ranks above <paramref name="right"/>.</summary>
    /// <param name="left">The first tier.</param>
    /// <param name="right">The second tier.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(ServiceTier left, ServiceTier right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> ranks at most <paramref name="right"/>.</summary>
    /// <param name="left">The first tier.</param>
    /// <param name="right">The second tier.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(ServiceTier left, ServiceTier right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> ranks at least <paramref name="right"/>.</summary>
    /// <param name="left">The first tier.</param>
    /// <param name="right">The second tier.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(ServiceTier left, ServiceTier right) => left.CompareTo(right) >= 0;

    /// <summary>Compares by rank, then ordinally by code.</summary>
    /// <param name="other">The tier to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this tier ranks below, equal to or above the other.</returns>
    public int CompareTo(ServiceTier other)
    {
        var byRank = Rank.CompareTo(other.Rank);
        return byRank != 0 ? byRank : string.CompareOrdinal(Code, other.Code);
    }

    /// <summary>Returns the code.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;
}
