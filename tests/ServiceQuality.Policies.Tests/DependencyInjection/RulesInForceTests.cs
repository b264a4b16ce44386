using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Policies.DependencyInjection;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Policies.Scoring;

namespace ServiceQuality.Policies.Tests.DependencyInjection;

/// <summary>A registered rule that sends every open complaint to level 3, tying with the stock claimed-loss rule.</summary>
public sealed class EveryComplaintToLevel3 : IEscalationRule
{
    public string Description => "every complaint → level 3 (registered)";

    public EscalationProposal? Propose(EscalationContext context) =>
        context.Complaint is { IsFinal: false } ? new EscalationProposal(3, "registered", Description) : null;
}

/// <summary>A registered scoring rule: a commendation is worth 20 points of conduct.</summary>
public sealed class GenerousCommendations : IScoringRule
{
    public FactKind Kind => FactKind.Commendation;

    public string Description => "commendation +20 (registered)";

    public bool TryScore(in ScoreFact fact, out ScoreEntry entry) =>
        ScoringRules.Points(FactKind.Commendation, ScoringRules.ConductSection, 20m, "registered").TryScore(fact, out entry);
}

public sealed class RulesInForceTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);

    private static readonly IEscalationRule Configured = EscalationRules.FromDelegate(
        "every complaint → level 3 (configured)", c => c.Complaint is { IsFinal: false } ? new EscalationProposal(3, "configured", "configured") : null);

    [Fact]
    public void Escalation_CombinesPracticeDefaultsThenTheOptionsRulesThenTheRegisteredOnes()
    {
        var options = new ServiceQualityOptions { ClaimedLossThreshold = Money.Yuan(5_000m) };
        options.EscalationRules.Add(Configured);
        var registered = new EveryComplaintToLevel3();
        var practice = EscalationRules.PracticeDefaults(Money.Yuan(5_000m));

        var rules = RulesInForce.Escalation(options, [registered]);

        Assert.Equal([.. practice.Select(r => r.Description), Configured.Description, registered.Description], rules.Select(r => r.Description));
        Assert.Same(Configured, rules[^2]);
        Assert.Same(registered, rules[^1]);
    }

    [Fact]
    public void Escalation_WithoutTheStockRules_KeepsTheOptionsRulesThenTheRegisteredOnes()
    {
        var options = new ServiceQualityOptions { UseDefaultEscalationRules = false };
        options.EscalationRules.Add(Configured);
        var registered = new EveryComplaintToLevel3();

        Assert.Equal([Configured, registered], RulesInForce.Escalation(options, [registered]));
        Assert.Empty(RulesInForce.Escalation(new ServiceQualityOptions { UseDefaultEscalationRules = false }, []));
    }

    [Fact]
    public void Escalation_IsACopy_SoLaterChangesToTheOptionsDoNotReachIt()
    {
        var options = new ServiceQualityOptions { UseDefaultEscalationRules = false };
        var rules = RulesInForce.Escalation(options, []);

        options.EscalationRules.Add(Configured);

        Assert.Empty(rules);
    }

    [Fact]
    public void Scoring_CombinesTheStockRulesThenTheOptionsRulesThenTheRegisteredOnes()
    {
        var configured = ScoringRules.Points(FactKind.Commendation, ScoringRules.ConductSection, 1m, "configured");
        var registered = new GenerousCommendations();
        var options = new ServiceQualityOptions();
        options.ScoringRules.Add(configured);

        Assert.Equal([.. ScoringRules.Default().Select(r => r.Description), configured.Description, registered.Description], RulesInForce.Scoring(options, [registered]).Select(r => r.Description));
        options.UseDefaultScoringRules = false;
        Assert.Equal([configured, registered], RulesInForce.Scoring(options, [registered]));
    }

    [Fact]
    public void RegisteredPolicy_OnATie_TakesTheRuleThatComesFirst_StockThenConfiguredThenRegistered()
    {
        // All three ask for level 3; the stock policy keeps the first of the highest proposals, so the order decides the reason.
        var complaint = Complaint.Receive(new ComplaintId("K"), new CustomerId("C"), Channel.Online, ComplaintCategory.DamageOrLoss, Severity.Minor, T0, claimedLoss: Money.Yuan(20_000m));
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "complaints", AgreementKind.ServiceLevel, T0);
        sla.AddTarget(Metric.ComplaintResolution, null, null, Duration.FromDays(3), TimeBasis.CalendarTime, T0);
        sla.Publish(T0, T0);
        string ReasonWith(bool stock, bool configured)
        {
            var services = new ServiceCollection();
            services.AddServiceQuality(o =>
            {
                o.UseDefaultEscalationRules = stock;
                if (configured)
                {
                    o.EscalationRules.Add(Configured);
                }
            }).AddEscalationRule<EveryComplaintToLevel3>();
            using var provider = services.BuildServiceProvider();
            return provider.GetRequiredService<CaseAssessor>().AssessComplaint(complaint, ServiceTier.Ordinary, sla, T0).Escalation.ReasonCode ?? "none";
        }

        Assert.Equal("claimed-loss", ReasonWith(stock: true, configured: true));
        Assert.Equal("configured", ReasonWith(stock: false, configured: true));
        Assert.Equal("registered", ReasonWith(stock: false, configured: false));
    }
}
