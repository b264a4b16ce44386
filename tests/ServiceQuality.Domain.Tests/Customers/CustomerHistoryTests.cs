using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Customers.Events;
using ServiceQuality.Domain.Tests.TestSupport;

namespace ServiceQuality.Domain.Tests.Customers;

/// <summary><see cref="Customer.FromHistory"/> refuses what the customer's commands could not have raised, naming the first bad event.</summary>
public sealed class CustomerHistoryTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 1, 2, 1, 0);
    private static readonly CustomerId Id = new("C-1");

    private static Instant At(int minutes) => T0 + Duration.FromMinutes(minutes);

    private static CustomerRegistered Registered => new(Id, T0, "Zhang Wei", ContactDetails.None, ServiceTier.Gold, new LocalDate(2020, 5, 1));

    [Fact]
    public void FromHistory_OfAValidHistory_CountsTheEventsAsTheStreamVersion() =>
        Assert.Equal(2, Customer.FromHistory([Registered, new SpendRecorded(Id, At(1), 2025, Money.Yuan(10m))]).StreamVersion);

    [Fact]
    public void FromHistory_WithANullEventOrOneOfAnotherCustomer_IsRefusedAtItsIndex()
    {
        HistoryAssert.RefusedAt(1, () => Customer.FromHistory([Registered, null!]));
        HistoryAssert.RefusedAt(1, () => Customer.FromHistory([Registered, new CreditGradeChanged(new CustomerId("C-2"), At(1), CreditGrade.A)]));
    }

    [Fact]
    public void FromHistory_WithEmptyValues_IsRefusedAtTheirIndex()
    {
        HistoryAssert.RefusedValueAt(0, () => Customer.FromHistory([Registered with { CustomerId = default }]));
        HistoryAssert.RefusedValueAt(0, () => Customer.FromHistory([Registered with { Tier = default }]));
        HistoryAssert.RefusedValueAt(0, () => Customer.FromHistory([Registered with { DisplayName = null! }]));
        HistoryAssert.RefusedValueAt(0, () => Customer.FromHistory([Registered with { Contact = null! }]));
        HistoryAssert.RefusedValueAt(1, () => Customer.FromHistory([Registered, new TierChanged(Id, At(1), default, new LocalDate(2025, 1, 1), "annual")]));
        HistoryAssert.RefusedValueAt(1, () => Customer.FromHistory([Registered, new AccountManagerAssigned(Id, At(1), default(StaffId))]));
        HistoryAssert.RefusedValueAt(1, () => Customer.FromHistory([Registered, new SpendRecorded(Id, At(1), 2025, default)]));
        HistoryAssert.RefusedValueAt(1, () => Customer.FromHistory([Registered, new SpendRecorded(Id, At(1), 1899, Money.Yuan(1m))]));
        HistoryAssert.RefusedValueAt(1, () => Customer.FromHistory([Registered, new CreditGradeChanged(Id, At(1), (CreditGrade)9)]));
        HistoryAssert.RefusedValueAt(1, () => Customer.FromHistory([Registered, new CareFlagsChanged(Id, At(1), (CareFlags)8)]));
    }

    [Fact]
    public void FromHistory_WithAnEventItsCommandsRuleRefuses_IsRefusedByThatRuleAtItsIndex()
    {
        HistoryAssert.RefusedByRuleAt(1, RuleCode.TrustScoreMustBeWithinRange, () => Customer.FromHistory([Registered, new TrustScoreUpdated(Id, At(1), 101, "policy")]));
        HistoryAssert.RefusedByRuleAt(1, RuleCode.TierChangeMustNotPrecedeCurrentTier, () => Customer.FromHistory(
            [Registered, new TierChanged(Id, At(1), ServiceTier.Vip, new LocalDate(2019, 1, 1), "back-dated")]));
        HistoryAssert.RefusedByRuleAt(2, RuleCode.SpendCurrencyMustMatchEarlierSpend, () => Customer.FromHistory(
            [Registered, new SpendRecorded(Id, At(1), 2025, Money.Yuan(1m)), new SpendRecorded(Id, At(2), 2025, new Money(1m, "USD"))]));
        HistoryAssert.RefusedByRuleAt(1, RuleCode.SpendMustBePositive, () => Customer.FromHistory([Registered, new SpendRecorded(Id, At(1), 2025, Money.Yuan(-1m))]));
    }

    [Fact]
    public void FromHistory_GoingBackInTimeOrNotStartingWithTheRegistration_IsRefusedAtTheOffendingEvent()
    {
        HistoryAssert.RefusedAt(2, () => Customer.FromHistory(
            [Registered, new CreditGradeChanged(Id, At(5), CreditGrade.A), new CreditGradeChanged(Id, At(4), CreditGrade.B)]));
        HistoryAssert.RefusedAt(0, () => Customer.FromHistory([new CreditGradeChanged(Id, T0, CreditGrade.A)]));
        HistoryAssert.RefusedAt(1, () => Customer.FromHistory([Registered, Registered]));
    }
}
