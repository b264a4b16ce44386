using System.Globalization;
using Ardalis.GuardClauses;

namespace ServiceQuality.Domain.Common;

/// <summary>
/// An exact amount of money in one currency. Arithmetic and comparison never mix currencies.
/// </summary>
/// <remarks>The default value is zero with no currency; it is equal to no other amount and cannot be combined.</remarks>
public readonly record struct Money : IComparable<Money>
{
    /// <summary>Creates an amount.</summary>
    /// <param name="amount">The amount, exact (decimal); may be negative (a refund, a correction).</param>
    /// <param name="currency">An ISO 4217 code: three upper-case ASCII letters, for example <c>CNY</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is not three upper-case ASCII letters.</exception>
    public Money(decimal amount, string currency)
    {
        Guard.Against.Null(currency);
        Guard.Against.InvalidArgument(
            currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper), nameof(currency), "Expected an ISO 4217 code of three upper-case letters.");
        Amount = amount;
        Currency = currency;
    }

    /// <summary>The amount.</summary>
    public decimal Amount { get; }

    /// <summary>The ISO 4217 currency code.</summary>
    public string Currency { get; }

    /// <summary>Whether the amount is below zero.</summary>
    public bool IsNegative => Amount < 0;

    /// <summary>Creates an amount in Chinese yuan (CNY).</summary>
    /// <param name="amount">The amount in yuan.</param>
    /// <returns>The amount.</returns>
    public static Money Yuan(decimal amount) => new(amount, "CNY");

    /// <summary>Zero in <paramref name="currency"/>.</summary>
    /// <param name="currency">An ISO 4217 code.</param>
    /// <returns>Zero in that currency.</returns>
    public static Money Zero(string currency) => new(0m, currency);

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount, in the same currency.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, SameCurrency(left, right, nameof(right)));

    /// <summary>Subtracts an amount of the same currency.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract, in the same currency.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount, SameCurrency(left, right, nameof(right)));

    /// <summary>Scales an amount, for example by a credit share.</summary>
    /// <param name="money">The amount.</param>
    /// <param name="factor">The factor.</param>
    /// <returns>The scaled amount, exact to decimal precision (not rounded).</returns>
    public static Money operator *(Money money, decimal factor) => new(money.Amount * factor, money.Currency);

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount, in the same currency.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount, in the same currency.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount, in the same currency.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount, in the same currency.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>Adds an amount of the same currency.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public Money Add(Money other) => this + other;

    /// <summary>Subtracts an amount of the same currency.</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public Money Subtract(Money other) => this - other;

    /// <summary>Scales the amount.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The scaled amount.</returns>
    public Money Multiply(decimal factor) => this * factor;

    /// <summary>Compares amounts of the same currency.</summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this amount is less than, equal to or more than <paramref name="other"/>.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        SameCurrency(this, other, nameof(other));
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>Returns the amount as <c>CNY 10000.00</c> (invariant culture).</summary>
    /// <returns>The currency code and the amount.</returns>
    public override string ToString() => $"{Currency} {Amount.ToString("0.00##", CultureInfo.InvariantCulture)}";

    private static string SameCurrency(Money left, Money right, string paramName)
    {
        Guard.Against.InvalidArgument(
            left.Currency is null || !string.Equals(left.Currency, right.Currency, StringComparison.Ordinal),
            paramName,
            $"Cannot combine {left.Currency ?? "no currency"} with {right.Currency ?? "no currency"}: amounts must be in the same currency.");
        return left.Currency!;
    }
}
