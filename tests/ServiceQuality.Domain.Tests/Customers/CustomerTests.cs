using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Testing;

namespace ServiceQuality.Domain.Tests.Customers;

public sealed class CustomerTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 1, 2, 1, 0);
    private static readonly ContactDetails Contact = new("13812345678", "zhang.wei@example.com", "北京市朝阳区建国路88号");

    private static Instant At(int minutes) => T0 + Duration.FromMinutes(minutes);

    private static Customer Registered() =>
        Customer.Register(new CustomerId("C-1"), "Zhang Wei", Contact, ServiceTier.Ordinary, new LocalDate(2020, 5, 1), T0);

    [Fact]
    public void Register_RecordsTheCustomerWithTheFirstTierFromCustomerSince()
    {
        var customer = Registered();

        Assert.Equal(("Zhang Wei", ServiceTier.Ordinary, new LocalDate(2020, 5, 1)), (customer.DisplayName, customer.Tier, customer.CustomerSince));
        Assert.Equal(new TierAssignment(ServiceTier.Ordinary, new LocalDate(2020, 5, 1), "registration"), Assert.Single(customer.TierHistory));
        Assert.Equal((Customer.DefaultTrustScore, CreditGrade.Unrated, CareFlags.None), (customer.TrustScore, customer.CreditGrade, customer.CareFlags));
        Assert.IsType<CustomerRegistered>(Assert.Single(customer.UncommittedEvents));
    }

    [Fact]
    public void ToStringAndEvents_NeverShowContactDetailsWhole()
    {
        var customer = Registered();
        var texts = new[] { customer.ToString(), customer.Contact.ToString(), customer.History[0].ToString() };

        Assert.All(texts, text =>
        {
            Assert.DoesNotContain("13812345678", text, StringComparison.Ordinal);
            Assert.DoesNotContain("zhang.wei@example.com", text, StringComparison.Ordinal);
            Assert.DoesNotContain("建国路88号", text, StringComparison.Ordinal);
        });
        Assert.Equal("phone *******5678, email z***@example.com, address 北***", customer.Contact.ToString());
    }

    [Fact]
    public void ChangeTier_KeepsHistoryAndAnswersTheTierOnADate()
    {
        var customer = Registered();
        customer.ChangeTier(ServiceTier.Gold, new LocalDate(2024, 1, 1), "annual re-selection 2024", At(1));
        customer.ChangeTier(ServiceTier.Key, new LocalDate(2025, 1, 1), "annual re-selection 2025", At(2));

        Assert.Equal(ServiceTier.Key, customer.Tier);
        Assert.Equal(3, customer.TierHistory.Count);
        Assert.Equal(ServiceTier.Ordinary, customer.TierOn(new LocalDate(2023, 12, 31)));
        Assert.Equal(ServiceTier.Gold, customer.TierOn(new LocalDate(2024, 6, 1)));
        Assert.Equal(ServiceTier.Key, customer.TierOn(new LocalDate(2025, 1, 1)));
    }

    [Fact]
    public void ChangeTier_EffectiveBeforeTheCurrentTier_IsRefused()
    {
        var customer = Registered();
        customer.ChangeTier(ServiceTier.Gold, new LocalDate(2024, 1, 1), "upgrade", At(1));
        DomainAssert.Refused(RuleCode.TierChangeMustNotPrecedeCurrentTier, customer, c => c.ChangeTier(ServiceTier.Vip, new LocalDate(2023, 1, 1), "backdated", At(2)));
    }

    [Fact]
    public void UpdateTrustScore_OutsideZeroToHundred_IsRefused()
    {
        var customer = Registered();
        customer.UpdateTrustScore(85, "on-time payments", At(1));
        Assert.Equal(85, customer.TrustScore);
        DomainAssert.Refused(RuleCode.TrustScoreMustBeWithinRange, customer, c => c.UpdateTrustScore(101, "bonus", At(2)));
        DomainAssert.Refused(RuleCode.TrustScoreMustBeWithinRange, customer, c => c.UpdateTrustScore(-1, "abuse", At(2)));
    }

    [Fact]
    public void RecordSpend_AddsUpPerYearInOneCurrency()
    {
        var customer = Registered();
        customer.RecordSpend(2024, Money.Yuan(1000m), At(1));
        customer.RecordSpend(2024, Money.Yuan(250.5m), At(2));
        customer.RecordSpend(2025, Money.Yuan(10m), At(3));

        Assert.Equal(Money.Yuan(1250.5m), customer.SpendIn(2024));
        Assert.Equal(Money.Yuan(10m), customer.SpendByYear[2025]);
        Assert.Null(customer.SpendIn(2023));
        DomainAssert.Refused(RuleCode.SpendMustBePositive, customer, c => c.RecordSpend(2025, Money.Yuan(0m), At(4)));
        DomainAssert.Refused(RuleCode.SpendCurrencyMustMatchEarlierSpend, customer, c => c.RecordSpend(2025, new Money(5m, "USD"), At(4)));
    }

    [Fact]
    public void CreditGradeAccountManagerCareFlagsAndContact_AreReplaced()
    {
        var customer = Registered();
        var newContact = new ContactDetails("13900000000", null, null);
        customer.ChangeCreditGrade(CreditGrade.B, At(1));
        customer.AssignAccountManager(new StaffId("am-1"), At(2));
        customer.SetCareFlags(CareFlags.HardshipHousehold | CareFlags.RedList, At(3));
        customer.ChangeContactDetails(newContact, At(4));

        Assert.Equal((CreditGrade.B, new StaffId("am-1"), CareFlags.HardshipHousehold | CareFlags.RedList, newContact),
            (customer.CreditGrade, customer.AccountManager, customer.CareFlags, customer.Contact));

        customer.AssignAccountManager(null, At(5));
        Assert.Null(customer.AccountManager);
    }

    [Fact]
    public void Commands_WithBadArguments_ThrowNamingTheParameter()
    {
        var customer = Registered();
        Assert.Equal("grade", Assert.Throws<ArgumentOutOfRangeException>(() => customer.ChangeCreditGrade((CreditGrade)42, At(1))).ParamName);
        Assert.Equal("flags", Assert.Throws<ArgumentOutOfRangeException>(() => customer.SetCareFlags((CareFlags)64, At(1))).ParamName);
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => customer.RecordSpend(1800, Money.Yuan(1m), At(1))).ParamName);
        Assert.Equal("displayName", Assert.Throws<ArgumentException>(() => Customer.Register(new CustomerId("C"), " ", Contact, ServiceTier.Gold, new LocalDate(2020, 1, 1), T0)).ParamName);
        Assert.Single(customer.History);
    }

    [Fact]
    public void Commands_DatedBeforeTheLastEvent_AreRefused()
    {
        var customer = Registered();
        customer.ChangeCreditGrade(CreditGrade.A, At(10));
        DomainAssert.Refused(RuleCode.CommandTimeMustNotPrecedeLastEvent, customer, c => c.ChangeCreditGrade(CreditGrade.C, At(5)));
    }
}
