using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Policies.Credits;

namespace ServiceQuality.Policies.Tests.Credits;

public sealed class CreditPoliciesTests
{
    private static readonly Instant PeriodEnd = Instant.FromUtc(2025, 4, 1, 0, 0);
    private static readonly IServiceCreditPolicy Cloud = CreditPolicies.Bands(
        new CreditLimits(CapPercent: 50m, Minimum: Money.Yuan(10m), ClaimWindow: Duration.FromDays(30)),
        new CreditBand(99.9m, 10m), new CreditBand(99m, 25m), new CreditBand(95m, 100m));

    private static ServiceCreditRequest Claim(long met, long total, decimal fee = 1000m, int daysLate = 1) =>
        new(new Ratio(met, total), Money.Yuan(fee), PeriodEnd, PeriodEnd + Duration.FromDays(daysLate));

    [Theory]
    [InlineData(9995, 10_000, "0", "no-credit")]
    [InlineData(9980, 10_000, "100.0", "band.1")]
    [InlineData(9850, 10_000, "250.00", "band.2")]
    [InlineData(9000, 10_000, "500.0", "capped")]
    public void Bands_PickTheBandAndApplyTheCap(long met, long total, string amount, string code)
    {
        var credit = Cloud.Compute(Claim(met, total));

        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), credit.Amount.Amount);
        Assert.Equal(("CNY", code), (credit.Amount.Currency, credit.ReasonCode));
    }

    [Fact]
    public void Bands_BelowTheMinimumOrOutsideTheClaimWindow_PayNothing()
    {
        Assert.Equal("below-minimum", Cloud.Compute(Claim(9980, 10_000, fee: 50m)).ReasonCode);
        Assert.Equal(("claim-window-expired", 0m), (Cloud.Compute(Claim(9000, 10_000, daysLate: 31)).ReasonCode, Cloud.Compute(Claim(9000, 10_000, daysLate: 31)).Amount.Amount));
    }

    [Theory]
    [InlineData(9995, 10_000, "0", "no-credit")]
    [InlineData(9980, 10_000, "100.0", "band.1")]
    [InlineData(9850, 10_000, "250.00", "band.2")]
    [InlineData(9000, 10_000, "1000", "band.3")]
    public void PracticeDefaults_CreditTenTwentyFiveOrAHundredPercentBelowTheBands(long met, long total, string amount, string code)
    {
        var credit = CreditPolicies.PracticeDefaults().Compute(Claim(met, total));

        Assert.Equal((decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), code), (credit.Amount.Amount, credit.ReasonCode));
    }

    [Fact]
    public void PracticeDefaults_WhenClaimedAfterThirtyDays_PayNothingAndAreOneSharedInstance()
    {
        var practice = CreditPolicies.PracticeDefaults();

        Assert.Equal("band.3", practice.Compute(Claim(9000, 10_000, daysLate: 30)).ReasonCode);
        Assert.Equal("claim-window-expired", practice.Compute(Claim(9000, 10_000, daysLate: 31)).ReasonCode);
        Assert.Same(practice, CreditPolicies.PracticeDefaults());
    }

    [Fact]
    public void Linear_CreditsPerPointShort()
    {
        var linear = CreditPolicies.Linear(99m, 5m, CreditLimits.None);

        Assert.Equal(Money.Yuan(75m), linear.Compute(Claim(9750, 10_000)).Amount);
        Assert.Equal(Money.Yuan(0m), linear.Compute(Claim(9950, 10_000)).Amount);
    }

    [Fact]
    public void Definitions_ListEveryProblem()
    {
        var exception = Assert.Throws<ArgumentException>(() => CreditPolicies.Bands(new CreditLimits(CapPercent: 120m), new CreditBand(99m, 50m), new CreditBand(95m, 10m), new CreditBand(101m, 5m)));

        Assert.Contains("the cap must lie in 0-100 %", exception.Message, StringComparison.Ordinal);
        Assert.Contains("outside 0-100", exception.Message, StringComparison.Ordinal);
        Assert.Contains("credits less than", exception.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 500, Replay = PropertyRuns.Replay)]
    public Property Credits_NeverExceedTheCap() =>
        Prop.ForAll(
            (from met in Gen.Choose(0, 10_000)
             from fee in Gen.Choose(0, 1_000_000)
             from cap in Gen.Choose(0, 100)
             from perPoint in Gen.Choose(0, 50)
             select (met, fee, cap, perPoint)).ToArbitrary(),
            input =>
            {
                var limits = new CreditLimits(CapPercent: input.cap);
                var request = Claim(input.met, 10_000, fee: input.fee / 100m);
                var linear = CreditPolicies.Linear(99.9m, input.perPoint, limits).Compute(request);
                var banded = CreditPolicies.Bands(limits, new CreditBand(99.9m, 10m), new CreditBand(95m, 100m)).Compute(request);

                Assert.All([linear, banded], credit =>
                {
                    Assert.InRange(credit.SharePercent, 0m, input.cap);
                    Assert.True(credit.Amount <= request.Fee * (input.cap / 100m));
                    Assert.False(credit.Amount.IsNegative);
                });
            });
}
