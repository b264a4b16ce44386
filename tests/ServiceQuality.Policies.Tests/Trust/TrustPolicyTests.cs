using NodaTime;
using ServiceQuality.Policies.Trust;

namespace ServiceQuality.Policies.Tests.Trust;

public sealed class TrustPolicyTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 1, 1, 0, 0);
    private static readonly TrustPolicy Policy = TrustPolicy.Standard;

    [Fact]
    public void Update_RewardsGoodPenalisesBadAndStaysInRange()
    {
        Assert.Equal(64, Policy.Update(60, T0, [new TrustObservation(T0, true, 2, "paid early")], T0));
        Assert.Equal(40, Policy.Update(60, T0, [new TrustObservation(T0, false, 2, "abusive call")], T0));
        Assert.Equal(0, Policy.Update(5, T0, [new TrustObservation(T0, false, 9, "fraud")], T0));
        Assert.Equal(100, Policy.Update(99, T0, [new TrustObservation(T0, true, 9, "years of good conduct")], T0));
    }

    [Fact]
    public void Update_DecaysTowardTheDefaultOverTime()
    {
        Assert.Equal(75, Policy.Update(80, T0, [], T0 + Duration.FromDays(10)));
        Assert.Equal(60, Policy.Update(80, T0, [], T0 + Duration.FromDays(365)));
        Assert.Equal(25, Policy.Update(20, T0, [], T0 + Duration.FromDays(10)));
        Assert.Equal(60, Policy.Update(60, T0, [new TrustObservation(T0 + Duration.FromDays(1), true, 1, "future")], T0));
    }

    [Fact]
    public void Authorize_DeniesCriticalOperationsBelowTheirThresholdWithAReason()
    {
        var denied = Policy.Authorize(35, "refund");
        Assert.False(denied.Allowed);
        Assert.Equal(TrustReasons.BelowThreshold, denied.ReasonCode);
        Assert.Equal("trust 35 is below the 40 that 'refund' needs", denied.Reason);
        Assert.Equal((true, TrustReasons.Allowed), (Policy.Authorize(40, "refund").Allowed, Policy.Authorize(40, "refund").ReasonCode));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Authorize_WhenTheOperationIsUnknown_DeniesIt(int score)
    {
        var decision = Policy.Authorize(score, "ask-a-question");

        Assert.Equal((false, TrustReasons.UnknownOperation), (decision.Allowed, decision.ReasonCode));
    }

    [Fact]
    public void Decide_AsksThePolicysModel()
    {
        Assert.Same(TrustModel.Standard, Policy.Model);
        Assert.Equal(TrustModel.Standard.Decide("refund", ["account-holder"], ["account"], 45), Policy.Decide("refund", ["account-holder"], ["account"], 45));
        Assert.Equal(TrustReasons.UnknownOperation, new TrustPolicy(2m, 10m, 0.5m, 60, new Dictionary<string, int>()).Decide("read", ["account-holder"], ["account"], 100).ReasonCode);
    }

    [Fact]
    public void Constructor_ListsEveryProblem()
    {
        var exception = Assert.Throws<ArgumentException>(() => new TrustPolicy(-1m, 1m, 1m, 120, new Dictionary<string, int> { ["x"] = 101 }));
        Assert.Contains("must not be negative", exception.Message, StringComparison.Ordinal);
        Assert.Contains("default score", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'x'", exception.Message, StringComparison.Ordinal);
    }
}
