using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Tests.ServiceLevels;

/// <summary>
/// The same-day loss report (当日上报, <see cref="Metric.LossReport"/>): a case claiming a loss above the agreement's threshold
/// must reach the reporting level before the end of the local day it was received — met, missed at local midnight,
/// cancelled when the case ends unreported first, and measured for tickets and complaints alike.
/// </summary>
public sealed class LossReportTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 2, 0, 0);
    private static readonly LossReporting HeadOffice = new(Money.Yuan(10_000m), 3);
    private static readonly ICalendarLookup Calendars = CalendarLookup.Of("office", OfficeHours(Shanghai));
    private static readonly ServiceLevelAgreement Sla = CreateSla("office", HeadOffice);

    private static BusinessCalendar OfficeHours(DateTimeZone zone)
    {
        var builder = BusinessCalendar.CreateBuilder(zone);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.AddOpenHours(day, new LocalTime(9, 0), new LocalTime(18, 0));
        }

        return builder.Build();
    }

    private static ServiceLevelAgreement CreateSla(string? calendar, LossReporting? reporting)
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "losses", AgreementKind.ServiceLevel, T0);
        sla.SetCalendar(calendar, T0);
        sla.AddTarget(Metric.ComplaintResolution, null, null, Duration.FromDays(5), TimeBasis.CalendarTime, T0);
        sla.AddTarget(Metric.Resolution, null, null, Duration.FromDays(5), TimeBasis.CalendarTime, T0);
        sla.SetLossReporting(reporting, T0);
        sla.Publish(T0, T0);
        return sla;
    }

    /// <summary>An instant by its Shanghai wall-clock time in March 2025.</summary>
    private static Instant Local(int day, int hour, int minute = 0) => new LocalDateTime(2025, 3, day, hour, minute).InZoneStrictly(Shanghai).ToInstant();

    private static Complaint Received(Instant at, Money? loss) =>
        Complaint.Receive(new ComplaintId("K-1"), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.DamageOrLoss, Severity.Minor, at, loss);

    private static SlaStatus? Status(Complaint complaint, Instant now, ServiceLevelAgreement? sla = null) =>
        SlaClock.EvaluateComplaint(complaint.History, ServiceTier.Gold, sla ?? Sla, Calendars, now).Statuses
            .Where(s => s.Metric == Metric.LossReport).Cast<SlaStatus?>().SingleOrDefault();

    [Fact]
    public void ALossOf12000ReportedTheSameDay_IsMet()
    {
        var complaint = Received(Local(5, 10), Money.Yuan(12_000m));
        complaint.Escalate(3, "head office", "claimed-loss", Local(5, 10, 5));

        var status = Status(complaint, Local(6, 9))!.Value;

        Assert.Equal(
            (SlaState.Met, Local(5, 10), Local(5, 10, 5), Duration.FromMinutes(5), Duration.FromHours(14), TimeBasis.CalendarTime),
            (status.State, status.StartedAt!.Value, status.StoppedAt!.Value, status.Elapsed, status.Target, status.Basis));
        Assert.Null(status.BreachedAt);
    }

    [Fact]
    public void AnUnreportedLoss_RunsUntilLocalMidnight_ThenIsMissedThere_AndTheEvaluationWakesAtMidnight()
    {
        var complaint = Received(Local(5, 22), Money.Yuan(12_000m));

        var running = SlaClock.EvaluateComplaint(complaint.History, ServiceTier.Gold, Sla, Calendars, Local(5, 23));
        var status = running.Statuses.Single(s => s.Metric == Metric.LossReport);
        var missed = Status(complaint, Local(6, 0))!.Value;

        Assert.Equal((SlaState.Running, Local(6, 0)), (status.State, status.DueAt!.Value));
        Assert.Equal(Local(6, 0), running.NextChangeAt);
        Assert.Equal((SlaState.Missed, Local(6, 0), 1), (missed.State, missed.BreachedAt!.Value, missed.MissedCycles));
    }

    [Fact]
    public void AReportAtMidnightOrLater_OrBelowTheReportingLevel_DoesNotMeetIt()
    {
        var late = Received(Local(5, 15), Money.Yuan(12_000m));
        late.Escalate(3, "head office", "claimed-loss", Local(6, 0));
        var low = Received(Local(5, 15), Money.Yuan(12_000m));
        low.Escalate(2, "supervisor", "time.100", Local(5, 16));

        Assert.Equal((SlaState.Missed, Local(6, 0)), (Status(late, Local(7, 0))!.Value.State, Status(late, Local(7, 0))!.Value.BreachedAt!.Value));
        Assert.Equal(SlaState.Running, Status(low, Local(5, 17))!.Value.State);
        Assert.Equal(SlaState.Missed, Status(low, Local(6, 1))!.Value.State);
    }

    [Fact]
    public void AComplaintWithdrawnBeforeTheReport_IsCancelled_ButAfterMidnightItStaysMissed()
    {
        var early = Received(Local(5, 9), Money.Yuan(50_000m));
        early.Withdraw("settled on the phone", Local(5, 11));
        var late = Received(Local(5, 9), Money.Yuan(50_000m));
        late.Withdraw("settled", Local(6, 11));

        Assert.Equal(SlaState.Cancelled, Status(early, Local(6, 12))!.Value.State);
        Assert.Equal(SlaState.Missed, Status(late, Local(6, 12))!.Value.State);
    }

    [Theory]
    [InlineData(10_000, "CNY")] // not above the threshold
    [InlineData(99_999, "USD")] // another currency
    public void ALossNotAboveTheThresholdInItsCurrency_IsNotMeasured(decimal amount, string currency)
    {
        var complaint = Received(Local(5, 10), new Money(amount, currency));

        Assert.Null(Status(complaint, Local(5, 11)));
        Assert.Null(Status(Received(Local(5, 10), null), Local(5, 11)));
    }

    [Fact]
    public void AnAgreementWithoutTheRequirement_MeasuresNoLossReport()
    {
        var complaint = Received(Local(5, 10), Money.Yuan(12_000m));

        Assert.Null(Status(complaint, Local(5, 11), CreateSla("office", null)));
    }

    [Fact]
    public void ATicketWithAClaimedLoss_IsMeasuredAsAComplaintIs_AndCancellingItUnreportedCancelsTheReport()
    {
        var ticket = Ticket.Open(
            new TicketId("T-1"), new CustomerId("C-1"), TicketKind.FaultReport, Channel.Hotline, Priority.P2, new StaffId("S-1"), ServiceTier.Gold, Local(5, 20),
            Sla.Reference, claimedLoss: Money.Yuan(30_000m));
        var cancelled = Ticket.Open(
            new TicketId("T-2"), new CustomerId("C-1"), TicketKind.FaultReport, Channel.Hotline, Priority.P2, new StaffId("S-1"), ServiceTier.Gold, Local(5, 20),
            Sla.Reference, claimedLoss: Money.Yuan(30_000m));
        cancelled.Cancel("duplicate", Local(5, 21));

        var running = SlaClock.EvaluateTicket(ticket.History, Sla, Calendars, Local(5, 21)).Statuses.Single(s => s.Metric == Metric.LossReport);
        ticket.Escalate(3, "head office", "claimed-loss", Local(5, 23, 59));
        var met = SlaClock.EvaluateTicket(ticket.History, Sla, Calendars, Local(6, 8)).Statuses.Single(s => s.Metric == Metric.LossReport);
        var gone = SlaClock.EvaluateTicket(cancelled.History, Sla, Calendars, Local(6, 8)).Statuses.Single(s => s.Metric == Metric.LossReport);

        Assert.Equal((SlaState.Running, Local(6, 0)), (running.State, running.DueAt!.Value));
        Assert.Equal(SlaState.Met, met.State);
        Assert.Equal(SlaState.Cancelled, gone.State);
        Assert.Equal(Money.Yuan(30_000m), Ticket.FromHistory(ticket.History).ClaimedLoss);
    }

    [Fact]
    public void TheDayEndsAtTheStartOfTheNextLocalDate_EvenWhenMidnightIsSkippedByDaylightSaving()
    {
        // Cuba moved its clocks from 00:00 to 01:00 on Sunday 9 March 2025: that day starts at 01:00 local time.
        var havana = DateTimeZoneProviders.Tzdb["America/Havana"];
        var calendars = CalendarLookup.Of("office", OfficeHours(havana));
        var received = new LocalDateTime(2025, 3, 8, 15, 0).InZoneStrictly(havana).ToInstant();
        var complaint = Received(received, Money.Yuan(12_000m));

        var status = SlaClock.EvaluateComplaint(complaint.History, ServiceTier.Gold, Sla, calendars, received + Duration.FromHours(1)).Statuses
            .Single(s => s.Metric == Metric.LossReport);

        Assert.Equal(new LocalDateTime(2025, 3, 9, 1, 0), status.DueAt!.Value.InZone(havana).LocalDateTime);
        Assert.Equal(Duration.FromHours(9), status.Target); // 15:00 to the skipped midnight, which is 01:00
    }

    [Fact]
    public void TheRequirement_IsAnEditOfTheDraft_CarriedByRevise_AndNotATarget()
    {
        var draft = ServiceLevelAgreement.Draft(new AgreementId("SLA-2"), "v", AgreementKind.ServiceLevel, T0);
        draft.AddTarget(Metric.Resolution, null, null, Duration.FromHours(8), TimeBasis.BusinessTime, T0);
        draft.SetLossReporting(HeadOffice, T0);
        draft.Publish(T0, T0);

        var refused = Assert.Throws<DomainRuleViolationException>(() => draft.SetLossReporting(null, T0 + Duration.FromHours(1)));
        var next = draft.Revise(T0 + Duration.FromHours(1));
        var target = Assert.Throws<ArgumentException>(() => next.AddTarget(Metric.LossReport, null, null, Duration.FromHours(4), TimeBasis.CalendarTime, T0 + Duration.FromHours(1)));

        Assert.Equal(RuleCode.PublishedAgreementIsFrozen, refused.Rule);
        Assert.Equal(HeadOffice, next.LossReporting);
        Assert.Equal(HeadOffice, ServiceLevelAgreement.FromHistory(draft.History).LossReporting);
        Assert.Equal("target", target.ParamName);
    }

    [Fact]
    public void BadRequirementsAndLosses_AreRefusedNamingTheParameter()
    {
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => new LossReporting(Money.Yuan(1m), 0)).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => new LossReporting(Money.Yuan(-1m), 1)).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentException>(() => new LossReporting(default, 1)).ParamName);
        Assert.Equal("claimedLoss", Assert.Throws<ArgumentOutOfRangeException>(() => Ticket.Open(
            new TicketId("T-1"), new CustomerId("C-1"), TicketKind.FaultReport, Channel.Hotline, Priority.P2, new StaffId("S-1"), ServiceTier.Gold, T0,
            claimedLoss: Money.Yuan(-5m))).ParamName);
    }

    /// <summary>
    /// The law: a reported loss is met exactly when the report falls on the local date the case was received, in the
    /// calendar's zone, and an unreported one is missed exactly from the next local date on.
    /// </summary>
    [Property(MaxTest = 1000, Replay = PropertyRuns.Replay)]
    public Property MetExactlyWhenReportedOnTheLocalDateOfReceipt()
    {
        var minutes = Gen.Choose(0, 60 * 24 * 20);
        var cases = from received in minutes
                    from reportAfter in Gen.Choose(0, 60 * 24 * 3)
                    from reported in Gen.Elements(true, false)
                    from lookAfter in Gen.Choose(0, 60 * 24 * 3)
                    select (Received: T0 + Duration.FromMinutes(received), ReportAfter: Duration.FromMinutes(reportAfter), Reported: reported, LookAfter: Duration.FromMinutes(lookAfter));
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var complaint = Received(c.Received, Money.Yuan(20_000m));
            var reportAt = c.Received + c.ReportAfter;
            if (c.Reported)
            {
                complaint.Escalate(3, "head office", "claimed-loss", reportAt);
            }

            var now = (c.Reported ? reportAt : c.Received) + c.LookAfter;
            var status = Status(complaint, now)!.Value;
            var receivedDate = c.Received.InZone(Shanghai).Date;
            var expected = c.Reported
                ? (reportAt.InZone(Shanghai).Date == receivedDate ? SlaState.Met : SlaState.Missed)
                : (now.InZone(Shanghai).Date == receivedDate ? SlaState.Running : SlaState.Missed);
            return status.State == expected;
        });
    }
}
