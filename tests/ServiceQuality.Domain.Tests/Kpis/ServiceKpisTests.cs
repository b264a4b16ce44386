using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Kpis;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;

namespace ServiceQuality.Domain.Tests.Kpis;

public sealed class ServiceKpisTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);
    private static readonly StaffId Owner = new("owner");

    private static Ticket Resolved(string id, StaffId by, bool transfer = false, bool reopen = false, bool close = false)
    {
        var t = Ticket.Open(new TicketId(id), new CustomerId("C"), TicketKind.Inquiry, Channel.Phone, Priority.P3, Owner, ServiceTier.Ordinary, T0);
        t.Assign(Owner, null, T0);
        t.StartWork(T0);
        if (transfer)
        {
            t.Transfer(new StaffId("other"), null, T0);
        }

        t.Resolve(by, T0);
        if (reopen)
        {
            t.Reopen("again", T0);
            t.Resolve(by, T0);
        }

        if (close)
        {
            t.Close(T0);
        }

        return t;
    }

    private static VisitRecord Visit(string id, SatisfactionRating? rating, bool cancel = false)
    {
        var v = VisitRecord.Plan(new VisitId(id), new CustomerId("C"), VisitSubject.None, VisitKind.PhoneCallback, T0, 3, T0);
        if (rating is { } r)
        {
            v.Complete(r, null, null, Owner, T0);
        }
        else if (cancel)
        {
            v.Cancel("moved", T0);
        }

        return v;
    }

    [Fact]
    public void SatisfactionRate_CountsFoursAndFivesOverRatingsGiven()
    {
        Assert.Equal(new Ratio(2, 4), ServiceKpis.SatisfactionRate([SatisfactionRating.VerySatisfied, SatisfactionRating.Satisfied, SatisfactionRating.Neutral, SatisfactionRating.VeryDissatisfied]));
        Assert.Equal(new Ratio(1, 2), ServiceKpis.SatisfactionRate([Visit("a", SatisfactionRating.Satisfied), Visit("b", SatisfactionRating.Dissatisfied), Visit("c", null)]));
        Assert.Equal(Ratio.Empty, ServiceKpis.SatisfactionRate(Array.Empty<SatisfactionRating>()));
    }

    [Fact]
    public void Rates_WithNullInput_NameTheParameter()
    {
        Assert.Equal("tickets", Assert.Throws<ArgumentNullException>(() => ServiceKpis.ClosingRate(null!)).ParamName);
        Assert.Equal("statuses", Assert.Throws<ArgumentNullException>(() => ServiceKpis.SlaCompliance(null!)).ParamName);
    }

    [Fact]
    public void CallbackRate_IsCompletedOverRequiredExcludingCancelled() =>
        Assert.Equal(new Ratio(1, 2), ServiceKpis.CallbackRate([Visit("a", SatisfactionRating.Satisfied), Visit("b", null), Visit("c", null, cancel: true)]));

    [Fact]
    public void ClosingRateAndFirstContactResolution_FollowTheirDefinitions()
    {
        var tickets = new[]
        {
            Resolved("1", Owner, close: true),
            Resolved("2", Owner),
            Resolved("3", new StaffId("other"), transfer: true, close: true),
            Resolved("4", Owner, reopen: true),
            Resolved("5", new StaffId("colleague")),
        };

        Assert.Equal(new Ratio(2, 5), ServiceKpis.ClosingRate(tickets));
        Assert.Equal(new Ratio(2, 5), ServiceKpis.FirstContactResolution(tickets));
        Assert.Equal(new Ratio(3, 120), ServiceKpis.ComplaintRate(3, 120));
    }

    [Fact]
    public void RateChange_ReportsPercentagePointsAndRelativePercent()
    {
        var change = RateChange.Between(new Ratio(90, 100), new Ratio(95, 100));

        Assert.Equal(5m, change.PercentagePoints);
        Assert.Equal(Math.Round(500m / 90m, 10), Math.Round(change.RelativePercent!.Value, 10));
        Assert.Null(RateChange.Between(Ratio.Empty, new Ratio(1, 2)).PercentagePoints);
        Assert.Null(RateChange.Between(new Ratio(0, 10), new Ratio(1, 10)).RelativePercent);
    }

    [Fact]
    public void CheckObjectives_ReportsMetNotMetAndNoDataWithTheFigures()
    {
        var at = T0;
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "pm", AgreementKind.ServiceLevel, at);
        sla.AddKpiObjective(Kpi.SatisfactionRate, Comparison.AtLeast, 95m, at);
        sla.AddKpiObjective(Kpi.ComplaintRate, Comparison.AtMost, 1m, at);
        sla.AddKpiObjective(Kpi.ClosingRate, Comparison.AtLeast, 85m, at);

        var results = ServiceKpis.CheckObjectives(sla, new Dictionary<Kpi, Ratio>
        {
            [Kpi.SatisfactionRate] = new Ratio(95, 100),
            [Kpi.ComplaintRate] = new Ratio(3, 200),
        });

        Assert.Equal([KpiVerdict.Met, KpiVerdict.NotMet, KpiVerdict.NoData], results.Select(r => r.Verdict));
        Assert.Equal("ComplaintRate AtMost 1 %: 3/200 (1.50 %) NotMet", results[1].ToString());
    }

    [Fact]
    public void Ratio_ComparesRatesExactlyAndAddsCounts()
    {
        Assert.True(new Ratio(1, 3) < new Ratio(34, 100));
        Assert.Equal(0, new Ratio(2, 4).CompareTo(new Ratio(1, 2)));
        Assert.NotEqual(new Ratio(2, 4), new Ratio(1, 2));
        Assert.Equal(new Ratio(3, 6), new Ratio(1, 2) + new Ratio(2, 4));
        Assert.Equal("45/50 (90.00 %)", new Ratio(45, 50).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ratio(-1, 2));
    }

    [Fact]
    public void Money_NeverMixesCurrencies()
    {
        Assert.Equal(Money.Yuan(15m), Money.Yuan(10m) + Money.Yuan(5m));
        Assert.Equal("right", Assert.Throws<ArgumentException>(() => Money.Yuan(1m) + new Money(1m, "USD")).ParamName);
        Assert.Equal("currency", Assert.Throws<ArgumentException>(() => new Money(1m, "usd")).ParamName);
        Assert.Equal("CNY 10000.00", Money.Yuan(10_000m).ToString());
    }
}
