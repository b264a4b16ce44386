using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Customers.Rules;

/// <summary>The customer's business rules, each named as the sentence it enforces.</summary>
internal static class CustomerRules
{
    public static void TransitionMustBeAllowed(CustomerStatus status, CustomerCommand command) =>
        Guard.Against.BrokenRule(!CustomerTransitions.Table.Allows(status, command), RuleCode.TransitionMustBeAllowed, $"A customer that is {status} does not accept {command}.");

    public static void TrustScoreMustBeWithinRange(int score) =>
        Guard.Against.BrokenRule(score is < 0 or > 100, RuleCode.TrustScoreMustBeWithinRange, $"A trust score must lie in 0-100; {score} given.");

    public static void TierChangeMustNotPrecedeCurrentTier(LocalDate effectiveFrom, LocalDate current) =>
        Guard.Against.BrokenRule(effectiveFrom < current, RuleCode.TierChangeMustNotPrecedeCurrentTier,
            $"A tier change effective {effectiveFrom:yyyy-MM-dd} precedes the current tier, effective {current:yyyy-MM-dd}.");

    public static void SpendMustBePositive(Money amount) =>
        Guard.Against.BrokenRule(amount.Amount <= 0, RuleCode.SpendMustBePositive, $"Recorded spend must be positive; {amount} given.");

    public static void SpendCurrencyMustMatchEarlierSpend(Money amount, string? currency) =>
        Guard.Against.BrokenRule(currency is not null && currency != amount.Currency, RuleCode.SpendCurrencyMustMatchEarlierSpend,
            $"Spend is recorded in {currency}; {amount.Currency} given.");
}
