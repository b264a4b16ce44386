using System.Globalization;
using Ardalis.GuardClauses;

namespace ServiceQuality.Domain.Common;

/// <summary>
/// An exact rate: a count of successes over a count of cases, kept as both numbers (never only a rounded
/// percentage), such as 45 satisfied ratings out of 50.
/// </summary>
/// <remarks>
/// Equality compares the counts (45/50 and 9/10 are different samples); use <see cref="CompareTo"/> to compare
/// the rates. A ratio with a zero denominator has no rate (<see cref="HasValue"/> is false).
/// </remarks>
public readonly record struct Ratio : IComparable<Ratio>
{
    /// <summary>Creates a ratio.</summary>
    /// <param name="numerator">The count of successes; not negative.</param>
    /// <param name="denominator">The count of cases; not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public Ratio(long numerator, long denominator)
    {
        Guard.Against.LessThan(numerator, 0);
        Guard.Against.LessThan(denominator, 0);
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>No cases at all: 0/0, which has no rate.</summary>
    public static Ratio Empty => default;

    /// <summary>The count of successes.</summary>
    public long Numerator { get; }

    /// <summary>The count of cases.</summary>
    public long Denominator { get; }

    /// <summary>Whether there is a rate, that is, at least one case.</summary>
    public bool HasValue => Denominator > 0;

    /// <summary>The rate as a percentage (0.5 is 50 %), exact to decimal precision; null when there are no cases.</summary>
    public decimal? Percent => HasValue ? (decimal)Numerator * 100m / Denominator : null;

    /// <summary>Combines two samples by adding their counts (not their rates).</summary>
    /// <param name="left">The first sample.</param>
    /// <param name="right">The second sample.</param>
    /// <returns>The counts added.</returns>
    public static Ratio operator +(Ratio left, Ratio right) =>
        new(checked(left.Numerator + right.Numerator), checked(left.Denominator + right.Denominator));

    /// <summary>Whether <paramref name="left"/>'s rate is below <paramref name="right"/>'s.</summary>
    /// <param name="left">The first ratio.</param>
    /// <param name="right">The second ratio.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(Ratio left, Ratio right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/>'s rate is above <paramref name="right"/>'s.</summary>
    /// <param name="left">The first ratio.</param>
    /// <param name="right">The second ratio.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(Ratio left, Ratio right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/>'s rate is at most <paramref name="right"/>'s.</summary>
    /// <param name="left">The first ratio.</param>
    /// <param name="right">The second ratio.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(Ratio left, Ratio right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/>'s rate is at least <paramref name="right"/>'s.</summary>
    /// <param name="left">The first ratio.</param>
    /// <param name="right">The second ratio.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(Ratio left, Ratio right) => left.CompareTo(right) >= 0;

    /// <summary>Combines two samples by adding their counts.</summary>
    /// <param name="other">The other sample.</param>
    /// <returns>The counts added.</returns>
    public Ratio Add(Ratio other) => this + other;

    /// <summary>Compares the rates exactly (by cross-multiplication); a ratio with no cases sorts first.</summary>
    /// <param name="other">The ratio to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this rate is below, equal to or above the other.</returns>
    public int CompareTo(Ratio other)
    {
        if (!HasValue || !other.HasValue)
        {
            return HasValue.CompareTo(other.HasValue);
        }

        return ((Int128)Numerator * other.Denominator).CompareTo((Int128)other.Numerator * Denominator);
    }

    /// <summary>Returns <c>45/50 (90.00 %)</c>, or <c>0/0 (no cases)</c>.</summary>
    /// <returns>The counts and the rate.</returns>
    public override string ToString() =>
        Percent is { } percent
            ? $"{Numerator}/{Denominator} ({percent.ToString("0.00", CultureInfo.InvariantCulture)} %)"
            : $"{Numerator}/{Denominator} (no cases)";
}
