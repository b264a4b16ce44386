using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Tests.Tickets;

/// <summary>
/// Hold reasons are open: a host's own code pauses exactly what an agreement says it pauses, a reason no rule names
/// pauses nothing, and the stock reasons keep their meaning and their names.
/// </summary>
public sealed class HoldReasonTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 0, 0);
    private static readonly HoldReason AwaitingParts = new("awaiting-parts");

    private static ServiceLevelAgreement Sla()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "parts", AgreementKind.ServiceLevel, T0);
        sla.AddTarget(Metric.Resolution, null, null, Duration.FromHours(10), TimeBasis.CalendarTime, T0);
        sla.AddTarget(Metric.FirstResponse, null, null, Duration.FromHours(10), TimeBasis.CalendarTime, T0);
        sla.PauseOn(AwaitingParts, [Metric.Resolution], T0);
        sla.Publish(T0, T0);
        return sla;
    }

    private static Dictionary<Metric, Duration> ElapsedAfterAHold(HoldReason reason)
    {
        var sla = Sla();
        var ticket = Ticket.Open(new TicketId("T-1"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P3, new StaffId("s"), ServiceTier.Gold, T0, sla.Reference);
        ticket.Assign(new StaffId("s"), null, T0 + Duration.FromHours(1));
        ticket.StartWork(T0 + Duration.FromHours(1));
        ticket.Hold(reason, T0 + Duration.FromHours(2));
        ticket.Resume(T0 + Duration.FromHours(5));
        return SlaClock.EvaluateTicket(ticket.History, sla, CalendarLookup.From([]), T0 + Duration.FromHours(6)).Statuses.ToDictionary(s => s.Metric, s => s.Elapsed);
    }

    [Fact]
    public void AHostsOwnReason_PausesExactlyTheMetricsItsRuleNames()
    {
        var elapsed = ElapsedAfterAHold(AwaitingParts);

        Assert.Equal(Duration.FromHours(3), elapsed[Metric.Resolution]); // 6 hours less the 3 held
        Assert.Equal(Duration.FromHours(6), elapsed[Metric.FirstResponse]);
    }

    [Fact]
    public void AReasonNoRuleNames_PausesNothing_AndTheStockReasonsNeedTheirOwnRules()
    {
        Assert.Equal(Duration.FromHours(6), ElapsedAfterAHold(new HoldReason("awaiting-parts-2"))[Metric.Resolution]);
        Assert.Equal(Duration.FromHours(6), ElapsedAfterAHold(HoldReason.WaitingForCustomer)[Metric.Resolution]);
    }

    [Fact]
    public void Reasons_AreEqualByTheirCodeOrdinally_AndTheStockOnesKeepTheirNames()
    {
        Assert.Equal(new HoldReason("WaitingForCustomer"), HoldReason.WaitingForCustomer);
        Assert.NotEqual(new HoldReason("waitingforcustomer"), HoldReason.WaitingForCustomer);
        Assert.Equal(["WaitingForCustomer", "WaitingForThirdParty"], HoldReason.Stock.Select(r => r.Code));
        Assert.Equal("awaiting-parts", AwaitingParts.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad\nline")]
    [InlineData("lone surrogate")]
    public void ABadCode_IsRefusedNamingTheParameter(string code)
    {
        code = code == "lone surrogate" ? "parts\ud800" : code; // xUnit's theory data cannot carry a lone surrogate

        Assert.Equal("code", Assert.ThrowsAny<ArgumentException>(() => new HoldReason(code)).ParamName);
    }

    [Fact]
    public void ACodeLongerThan128_IsRefused_AndTheDefaultReasonCannotHoldOrPause()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "x", AgreementKind.ServiceLevel, T0);

        Assert.Equal(128, new HoldReason(new string('r', 128)).Code.Length);
        Assert.ThrowsAny<ArgumentException>(() => new HoldReason(new string('r', 129)));
        Assert.ThrowsAny<ArgumentException>(() => sla.PauseOn(default, [Metric.Resolution], T0));
        Assert.Empty(sla.PauseRules);
    }

    [Fact]
    public void AnAgreement_TakesAtMost64Reasons_ButReplacesARulesMetricsAtTheLimit()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "many", AgreementKind.ServiceLevel, T0);
        for (var i = 0; i < ServiceLevelAgreement.MaxPauseRules; i++)
        {
            sla.PauseOn(new HoldReason($"reason-{i}"), [Metric.Resolution], T0);
        }

        var refused = Assert.Throws<DomainRuleViolationException>(() => sla.PauseOn(new HoldReason("one-more"), [Metric.Resolution], T0));
        sla.PauseOn(new HoldReason("reason-0"), [Metric.FirstResponse], T0);

        Assert.Equal(RuleCode.PauseRulesMustNumberAtMost64, refused.Rule);
        Assert.Equal(64, sla.PauseRules.Count);
        Assert.True(sla.IsPausedBy(new HoldReason("reason-0"), Metric.FirstResponse));
        Assert.False(sla.IsPausedBy(new HoldReason("reason-0"), Metric.Resolution));
        Assert.Equal(64, ServiceLevelAgreement.FromHistory(sla.History).PauseRules.Count);
    }
}
