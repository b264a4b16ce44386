using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Testing;

namespace ServiceQuality.Domain.Tests.ServiceLevels;

/// <summary>The SLA clock at the ends of the supported range and with targets of centuries.</summary>
public sealed class SlaClockEdgeTests
{
    private static readonly BusinessCalendar Reference = ReferenceCalendars.ChinaServiceCentre2025;
    private static readonly ICalendarLookup Calendars = CalendarLookup.Of("reference", Reference);
    private static readonly Instant Opened = Instant.FromUtc(2025, 6, 3, 2, 0);

    private static ServiceLevelAgreement Agreement(Duration target, TimeBasis basis, Metric metric = Metric.Resolution)
    {
        var at = Instant.FromUtc(2024, 1, 1, 0, 0);
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "edge", AgreementKind.ServiceLevel, at);
        sla.SetCalendar("reference", at);
        sla.AddTarget(metric, null, null, target, basis, at);
        // In force from the start of time: these cases open anywhere in the calendars' range.
        sla.Publish(Instant.MinValue, at);
        return sla;
    }

    private static Ticket Open(ServiceLevelAgreement sla, Instant at) =>
        Ticket.Open(new TicketId("T-1"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P2, new StaffId("agent"), ServiceTier.Gold, at, sla.Reference);

    private static SlaEvaluation Evaluate(ServiceLevelAgreement sla, Instant opened, Instant now) =>
        SlaClock.EvaluateTicket(Open(sla, opened).History, sla, Calendars, now);

    [Theory]
    [InlineData(106_751)]
    [InlineData(36_500)]
    [InlineData(16_777_215)]
    public void EvaluateTicket_WithATargetOfCenturiesInBusinessTime_IsRunningWithItsDeadlineBeyondTheSupportedRange(int days)
    {
        // P106751D used to throw IndexOutOfRangeException, and P36500D (the longest a definitions file allows) ArgumentOutOfRangeException.
        var sla = Agreement(Duration.FromDays(days), TimeBasis.BusinessTime);
        var now = Opened + Duration.FromDays(1);

        var evaluation = Evaluate(sla, Opened, now);
        var status = Assert.Single(evaluation.Statuses);

        Assert.Equal((SlaState.Running, null, true), (status.State, status.DueAt, status.IsDueBeyondSupportedRange));
        Assert.Equal(Reference.BusinessTimeBetween(Opened, now), status.Elapsed);
        Assert.Null(status.BreachedAt);
        Assert.Null(evaluation.NextChangeAt);
        Assert.EndsWith("due beyond the supported range, cycle 1", status.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateTicket_WithADeadlineBeyondTheRangeButAStageWithinIt_ReportsTheStageAsTheNextChange()
    {
        // 80,000 days of calendar time from 2025 end in 2244; the 50 % stage, 40,000 days on, falls in 2134.
        var sla = Agreement(Duration.FromDays(80_000), TimeBasis.CalendarTime);

        var evaluation = Evaluate(sla, Opened, Opened);

        Assert.True(Assert.Single(evaluation.Statuses).IsDueBeyondSupportedRange);
        Assert.Equal(Opened + Duration.FromDays(40_000), evaluation.NextChangeAt);
    }

    [Fact]
    public void EvaluateTicket_WithAReachableTargetOfCenturies_IsExact()
    {
        // Calendar time from 1900 to 2192, due in 2195: both the target and the elapsed time exceed 2^63 ns (about 106,752 days).
        var opened = Instant.FromUtc(1900, 1, 2, 0, 0);
        var target = Duration.FromDays(108_000);
        var now = opened + Duration.FromDays(107_000) + Duration.FromNanoseconds(1);
        var sla = Agreement(target, TimeBasis.CalendarTime);

        var status = Assert.Single(Evaluate(sla, opened, now).Statuses);

        Assert.Equal((SlaState.Running, now - opened, opened + target, false), (status.State, status.Elapsed, status.DueAt, status.IsDueBeyondSupportedRange));
        Assert.Equal([opened + (target / 2), opened + (target * 3 / 4)], status.Stages.Select(s => s.At));
    }

    [Fact]
    public void EvaluateTicket_WithATargetMissedLongAgo_ReportsTheExactBreach()
    {
        var opened = Instant.FromUtc(1900, 1, 2, 0, 0);
        var sla = Agreement(Duration.FromDays(106_751), TimeBasis.CalendarTime);
        var now = Instant.FromUtc(2199, 12, 30, 0, 0);

        var status = Assert.Single(Evaluate(sla, opened, now).Statuses);

        Assert.Equal((SlaState.Missed, opened + Duration.FromDays(106_751), now - opened), (status.State, status.BreachedAt, status.Elapsed));
    }

    [Fact]
    public void EvaluateTicket_WithACaseDatedBeforeTheSupportedRange_ThrowsNamingTheHistory()
    {
        var sla = Agreement(Duration.FromHours(8), TimeBasis.BusinessTime);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Evaluate(sla, Instant.FromUtc(1850, 1, 1, 0, 0), Opened));

        Assert.Equal("history", exception.ParamName);
    }

    [Fact]
    public void EvaluateTicket_AtAnInstantAfterTheSupportedRange_ThrowsNamingNow()
    {
        var sla = Agreement(Duration.FromHours(8), TimeBasis.BusinessTime);

        Assert.Equal("now", Assert.Throws<ArgumentOutOfRangeException>(() => Evaluate(sla, Opened, Instant.FromUtc(2250, 1, 1, 0, 0))).ParamName);
        Assert.Equal("now", Assert.Throws<ArgumentOutOfRangeException>(() => Evaluate(sla, Opened, Instant.MaxValue)).ParamName);
    }

    [Fact]
    public void EvaluateTicket_WithACalendarTimeTarget_UsesTheNarrowerOfTheTwoRanges()
    {
        // Local 2200-01-01 in Shanghai is 2199-12-31T16:00Z: inside the always-open range, outside the reference calendar's.
        var late = Instant.FromUtc(2199, 12, 31, 20, 0);
        var sla = Agreement(Duration.FromHours(8), TimeBasis.CalendarTime);

        Assert.Equal("now", Assert.Throws<ArgumentOutOfRangeException>(() => Evaluate(sla, Opened, late)).ParamName);
    }

    [Fact]
    public void EvaluateComplaint_WithAComplaintDatedBeforeTheSupportedRange_ThrowsNamingTheHistory()
    {
        var sla = Agreement(Duration.FromDays(5), TimeBasis.BusinessTime, Metric.ComplaintResolution);
        var complaint = Complaint.Receive(
            new ComplaintId("K-1"), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.DamageOrLoss, Severity.Minor, Instant.FromUtc(1899, 6, 1, 0, 0));

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => SlaClock.EvaluateComplaint(complaint.History, ServiceTier.Gold, sla, Calendars, Opened));

        Assert.Equal("history", exception.ParamName);
    }
}
