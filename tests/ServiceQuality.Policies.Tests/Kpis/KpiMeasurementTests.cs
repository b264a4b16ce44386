using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Kpis;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Policies.Kpis;
using ServiceQuality.Testing;

namespace ServiceQuality.Policies.Tests.Kpis;

/// <summary>KPI measurement in one pass: the rates of <see cref="ServiceKpis"/>, whatever the order, and shards merge.</summary>
public sealed class KpiMeasurementTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);
    private static readonly ServiceLevelAgreement Agreement = Sla();
    private static readonly ICalendarLookup Calendars = CalendarLookup.Of("desk", ReferenceCalendars.ChinaServiceCentre2025);

    private static ServiceLevelAgreement Sla()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "desk", AgreementKind.ServiceLevel, T0);
        sla.SetCalendar("desk", T0);
        sla.AddTarget(Metric.FirstResponse, null, null, Duration.FromHours(2), TimeBasis.BusinessTime, T0);
        sla.AddTarget(Metric.Resolution, null, null, Duration.FromHours(8), TimeBasis.BusinessTime, T0);
        sla.AddTarget(Metric.ComplaintAcknowledgement, null, null, Duration.FromHours(4), TimeBasis.BusinessTime, T0);
        sla.Publish(T0, T0);
        return sla;
    }

    private static Gen<VisitRecord> Visits() =>
        from kind in Gen.Choose(0, 3)
        from complaint in Gen.Elements(true, false)
        from rating in Gen.Choose(1, 5)
        select Visit(kind, complaint, (SatisfactionRating)rating);

    private static VisitRecord Visit(int outcome, bool afterComplaint, SatisfactionRating rating)
    {
        var visit = Builders.Visit(subject: afterComplaint ? VisitSubject.ForComplaint(new ComplaintId("K-1")) : VisitSubject.ForTicket(new TicketId("T-1")), at: T0);
        switch (outcome)
        {
            case 0:
                visit.RecordAttempt(AttemptOutcome.Reached, T0 + Duration.FromHours(1));
                visit.Complete(rating, null, null, new StaffId("caller"), T0 + Duration.FromHours(2));
                break;
            case 1:
                visit.MarkMissed(T0 + Duration.FromDays(2));
                break;
            case 2:
                visit.Cancel("not needed", T0 + Duration.FromHours(1));
                break;
        }

        return visit;
    }

    private static Gen<(List<Ticket> Tickets, List<Complaint> Complaints, List<VisitRecord> Visits, int Split)> Periods() =>
        from tickets in Gen.ListOf(ServiceQualityGenerators.Tickets(Agreement))
        from complaints in Gen.ListOf(ServiceQualityGenerators.Complaints())
        from visits in Gen.ListOf(Visits())
        from split in Gen.Choose(0, 100)
        select (tickets.ToList(), complaints.ToList(), visits.ToList(), split);

    private static void AddAll(KpiMeasurement measurement, IEnumerable<Ticket> tickets, IEnumerable<Complaint> complaints, IEnumerable<VisitRecord> visits, IEnumerable<SlaStatus> statuses)
    {
        foreach (var ticket in tickets)
        {
            measurement.AddTicket(ticket);
        }

        foreach (var complaint in complaints)
        {
            measurement.AddComplaint(complaint);
        }

        foreach (var visit in visits)
        {
            measurement.AddVisit(visit);
        }

        measurement.AddStatuses(statuses);
    }

    /// <summary>The law: every rate is the one <see cref="ServiceKpis"/> computes over all the cases at once.</summary>
    [Property(MaxTest = 60, Replay = PropertyRuns.Replay)]
    public Property Actuals_AreTheRatesOfServiceKpis() =>
        Prop.ForAll(Periods().ToArbitrary(), period =>
        {
            var statuses = period.Tickets.SelectMany(t => SlaClock.EvaluateTicket(t.History, Agreement, Calendars, t.LastEventAt + Duration.FromDays(30)).Statuses).ToList();
            var measurement = new KpiMeasurement();
            AddAll(measurement, period.Tickets, period.Complaints, period.Visits, statuses);

            var actuals = measurement.Actuals();

            Assert.Equal(ServiceKpis.ClosingRate(period.Tickets), actuals[Kpi.ClosingRate]);
            Assert.Equal(ServiceKpis.FirstContactResolution(period.Tickets), actuals[Kpi.FirstContactResolutionRate]);
            Assert.Equal(ServiceKpis.ComplaintRate(period.Complaints.Count, period.Tickets.Count), actuals[Kpi.ComplaintRate]);
            Assert.Equal(ServiceKpis.SatisfactionRate(period.Visits), actuals[Kpi.SatisfactionRate]);
            Assert.Equal(ServiceKpis.CallbackRate(period.Visits.Where(v => v.Subject.Complaint is not null)), actuals[Kpi.CallbackRate]);
            Assert.Equal(ServiceKpis.SlaCompliance(statuses), actuals[Kpi.SlaCompliance]);
            Assert.Equal(Enum.GetValues<Kpi>(), actuals.Keys);
        });

    /// <summary>The merge law: measuring two shards and adding one to the other equals measuring everything, in any order.</summary>
    [Property(MaxTest = 60, Replay = PropertyRuns.Replay)]
    public Property Add_OfShards_EqualsOneMeasurementInAnyOrder() =>
        Prop.ForAll(Periods().ToArbitrary(), period =>
        {
            var statuses = period.Tickets.SelectMany(t => SlaClock.EvaluateTicket(t.History, Agreement, Calendars, t.LastEventAt).Statuses).ToList();
            int Cut(int count) => count * period.Split / 100;
            var whole = new KpiMeasurement();
            AddAll(whole, period.Tickets, period.Complaints, period.Visits, statuses);
            var (first, second) = (new KpiMeasurement(), new KpiMeasurement());
            AddAll(first, period.Tickets.Take(Cut(period.Tickets.Count)), period.Complaints.Skip(Cut(period.Complaints.Count)), period.Visits.Take(Cut(period.Visits.Count)), statuses.Skip(Cut(statuses.Count)));
            AddAll(second, period.Tickets.Skip(Cut(period.Tickets.Count)).Reverse(), period.Complaints.Take(Cut(period.Complaints.Count)), period.Visits.Skip(Cut(period.Visits.Count)), statuses.Take(Cut(statuses.Count)));

            second.Add(first);

            Assert.Equal(whole.Actuals(), second.Actuals());
            Assert.Equal(whole.Actuals(), whole.Actuals());
        });

    [Fact]
    public void Actual_WithNothingCounted_IsNoData_AndRefusesAnUndefinedKpi()
    {
        var measurement = new KpiMeasurement();

        Assert.All(Enum.GetValues<Kpi>(), kpi => Assert.Equal(Ratio.Empty, measurement.Actual(kpi)));
        Assert.Equal(KpiVerdict.NoData, ServiceKpis.Check(new KpiObjective(Kpi.ClosingRate, Comparison.AtLeast, 90m), measurement.Actual(Kpi.ClosingRate)).Verdict);
        Assert.Throws<ArgumentOutOfRangeException>(() => measurement.Actual((Kpi)99));
        Assert.Throws<ArgumentNullException>(() => measurement.AddTicket(null!));
        Assert.Throws<ArgumentNullException>(() => measurement.Add(null!));
    }

    [Fact]
    public void AddVisit_CountsOnlyComplaintCallbacksTowardsTheCallbackRate_AndRatingsOfEveryVisit()
    {
        var measurement = new KpiMeasurement();
        measurement.AddVisit(Visit(0, afterComplaint: true, SatisfactionRating.Satisfied));
        measurement.AddVisit(Visit(1, afterComplaint: true, SatisfactionRating.Satisfied));
        measurement.AddVisit(Visit(2, afterComplaint: true, SatisfactionRating.Satisfied));
        measurement.AddVisit(Visit(0, afterComplaint: false, SatisfactionRating.Dissatisfied));

        Assert.Equal(new Ratio(1, 2), measurement.Actual(Kpi.CallbackRate));
        Assert.Equal(new Ratio(1, 2), measurement.Actual(Kpi.SatisfactionRate));
    }
}
