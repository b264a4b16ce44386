using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Testing;

namespace ServiceQuality.Domain.Tests.ServiceLevels;

/// <summary>
/// Deadlines in business days and start rules, worked by hand on the 2025 reference calendar (Asia/Shanghai, weekdays
/// 09:00–12:00 and 13:30–18:00; National Day closed 1–8 October, Sunday 28 September and Saturday 11 October are working days).
/// </summary>
public sealed class SlaClockDeadlineExampleTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly BusinessCalendar China = ReferenceCalendars.ChinaServiceCentre2025;
    private static readonly StaffId Agent = new("agent");

    /// <summary>"The same day if reported before 16:00, otherwise by 12:00 the next working day."</summary>
    private static readonly BusinessDayDeadline SameDayElseNoon =
        BusinessDayDeadline.EndOfBusinessDay(0).WithCutOff(new LocalTime(16, 0), BusinessDayDeadline.OnBusinessDayAt(0, new LocalTime(12, 0)));

    private static Instant Local(int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(2025, month, day, hour, minute).InZoneStrictly(Shanghai).ToInstant();

    private static ServiceLevelAgreement Agreement(params ServiceTarget[] targets)
    {
        var at = Instant.FromUtc(2024, 1, 1, 0, 0);
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "deadlines", AgreementKind.ServiceLevel, at);
        sla.SetCalendar("china", at);
        foreach (var target in targets)
        {
            sla.AddTarget(target, at);
        }

        sla.PauseOn(HoldReason.WaitingForCustomer, [Metric.FirstResponse, Metric.Resolution], at);
        sla.Publish(at, at);
        return sla;
    }

    private static Ticket Open(ServiceLevelAgreement sla, Instant at, Priority priority = Priority.P3) =>
        Ticket.Open(new TicketId("T-1"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, priority, Agent, ServiceTier.Gold, at, sla.Reference);

    private static SlaStatus Status(Ticket ticket, ServiceLevelAgreement sla, Metric metric, Instant now) =>
        SlaClock.EvaluateTicket(ticket.History, sla, CalendarLookup.Of("china", China), now).Statuses.Single(s => s.Metric == metric);

    private static ServiceLevelAgreement SameDayFirstResponse() =>
        Agreement(new ServiceTarget(Metric.FirstResponse, null, null, SameDayElseNoon, TargetStart.Opening));

    [Theory]
    [InlineData(9, 30, 10, 0, 9, 30, 18, 0, 390)] // before the cut-off: the close of the same day, 2 h + 4.5 h
    [InlineData(9, 30, 16, 30, 10, 9, 12, 0, 270)] // after it, the eve of National Day: 12:00 on Thursday 9 October, 1.5 h + 3 h
    [InlineData(10, 10, 17, 0, 10, 11, 12, 0, 240)] // Friday after the cut-off: the make-up Saturday 11 October, 1 h + 3 h
    [InlineData(10, 4, 10, 0, 10, 9, 18, 0, 450)] // on the holiday: the first working day after it, to its close
    [InlineData(9, 28, 15, 0, 9, 28, 18, 0, 180)] // on the make-up Sunday before the cut-off: that day's close
    [InlineData(9, 30, 19, 0, 10, 9, 12, 0, 180)] // after the close and the cut-off: 12:00 the next working day
    public void FirstResponse_SameDayBeforeFourElseNoonNextWorkingDay_IsDueAsPromisedAroundNationalDay(
        int month, int day, int hour, int minute, int dueMonth, int dueDay, int dueHour, int dueMinute, int targetMinutes)
    {
        var sla = SameDayFirstResponse();
        var opened = Local(month, day, hour, minute);
        var ticket = Open(sla, opened);

        var status = Status(ticket, sla, Metric.FirstResponse, opened);

        Assert.Equal(
            (SlaState.Running, Local(dueMonth, dueDay, dueHour, dueMinute), Duration.FromMinutes(targetMinutes), TimeBasis.BusinessTime),
            (status.State, status.DueAt!.Value, status.Target, status.Basis));
        Assert.Equal(Local(dueMonth, dueDay, dueHour, dueMinute), SameDayElseNoon.DueFrom(opened, China));
    }

    [Fact]
    public void FirstResponse_ReportedAfterTheCutOffBeforeNationalDay_IsMetAt1159AndMissedAtNoonWithExactStages()
    {
        // 4.5 h target from Tue 30 Sep 16:30; 50 % (2 h 15 min) is 1.5 h that evening and 45 min on Thu 9 Oct: 09:45.
        var sla = SameDayFirstResponse();
        var answered = Open(sla, Local(9, 30, 16, 30));
        answered.RecordResponse(Agent, true, Local(10, 9, 11, 59));
        var silent = Open(sla, Local(9, 30, 16, 30));

        var met = Status(answered, sla, Metric.FirstResponse, Local(10, 9, 13));
        var missed = Status(silent, sla, Metric.FirstResponse, Local(10, 9, 12, 1));

        Assert.Equal(SlaState.Met, met.State);
        Assert.Equal((SlaState.Missed, Local(10, 9, 12)), (missed.State, missed.BreachedAt!.Value));
        Assert.Equal([Local(10, 9, 9, 45), Local(10, 9, 10, 52) + Duration.FromSeconds(30)], missed.Stages.Select(s => s.At));
    }

    [Fact]
    public void FirstResponse_PausedForAnHourOfBusinessTime_MovesTheDeadlineByThatHour()
    {
        // Due Thu 9 Oct 12:00; on hold 09:00-10:00 (business time): due one business hour later, past the lunch break, 14:30.
        var sla = SameDayFirstResponse();
        var ticket = Open(sla, Local(9, 30, 16, 30));
        ticket.Assign(Agent, null, Local(9, 30, 16, 35));
        ticket.StartWork(Local(9, 30, 16, 40));
        ticket.Hold(HoldReason.WaitingForCustomer, Local(10, 9, 9));
        ticket.Resume(Local(10, 9, 10));

        var status = Status(ticket, sla, Metric.FirstResponse, Local(10, 9, 10, 30));

        Assert.Equal((SlaState.Running, Local(10, 9, 14, 30), Duration.FromMinutes(270), Duration.FromMinutes(120)), (status.State, status.DueAt!.Value, status.Target, status.Elapsed));
    }

    [Fact]
    public void FirstResponse_PausedOnlyInClosedHours_KeepsTheDeadline()
    {
        var sla = SameDayFirstResponse();
        var ticket = Open(sla, Local(9, 30, 16, 30));
        ticket.Assign(Agent, null, Local(9, 30, 16, 35));
        ticket.StartWork(Local(9, 30, 16, 40));
        ticket.Hold(HoldReason.WaitingForCustomer, Local(10, 2, 10));
        ticket.Resume(Local(10, 5, 10));

        Assert.Equal(Local(10, 9, 12), Status(ticket, sla, Metric.FirstResponse, Local(10, 9, 9)).DueAt);
    }

    [Fact]
    public void FirstResponse_DeadlineBeforeTheDayOpens_IsDueAtThatInstantNotAtThePreviousClose()
    {
        // "By 08:30 the next working day", opened Thu 9 Oct 17:00: the only business time before it is 17:00-18:00.
        var sla = Agreement(new ServiceTarget(Metric.FirstResponse, null, null, BusinessDayDeadline.OnBusinessDayAt(1, new LocalTime(8, 30)), TargetStart.Opening));
        var ticket = Open(sla, Local(10, 9, 17));
        var early = Open(sla, Local(10, 9, 17));
        early.RecordResponse(Agent, true, Local(10, 10, 8));

        var running = Status(ticket, sla, Metric.FirstResponse, Local(10, 9, 20));
        var missed = Status(ticket, sla, Metric.FirstResponse, Local(10, 10, 8, 30));

        Assert.Equal((SlaState.Running, Local(10, 10, 8, 30), Duration.FromHours(1)), (running.State, running.DueAt!.Value, running.Target));
        Assert.Equal((SlaState.Missed, Local(10, 10, 8, 30)), (missed.State, missed.BreachedAt!.Value));
        Assert.Equal(SlaState.Met, Status(early, sla, Metric.FirstResponse, Local(10, 10, 9)).State);
    }

    [Fact]
    public void Resolution_WithinThreeBusinessDays_CountsDaysNotTwentyFourHourBlocks()
    {
        // Opened Tue 30 Sep 10:15: three business days later at the same time is Sat 11 Oct 10:15 (Oct 9, 10, 11); ServiceNow's
        // "3 days" of 24 business hours each would be 72 business hours, almost ten working days.
        var sla = Agreement(new ServiceTarget(Metric.Resolution, null, null, BusinessDayDeadline.WithinBusinessDays(3), TargetStart.Opening));
        var ticket = Open(sla, Local(9, 30, 10, 15));

        var status = Status(ticket, sla, Metric.Resolution, Local(9, 30, 11));

        Assert.Equal(Local(10, 11, 10, 15), status.DueAt);
        Assert.Equal(Duration.FromMinutes((3 * 450) + 0), status.Target);
    }

    [Fact]
    public void Resolution_P3RaisedToP1WithRetroactiveStart_ReportsTheBreachInThePast()
    {
        // P3: 16 business hours from opening; P1: 4 business hours, retroactive. Opened Mon 13 Oct 09:00 as P3, raised to P1
        // on Tue 14 Oct 09:00 with 7.5 h elapsed: P1's 4 h ran out on Monday at 14:30 (09:00-12:00, 13:30-14:30).
        var sla = Agreement(
            new ServiceTarget(Metric.Resolution, Priority.P3, null, Duration.FromHours(16), TimeBasis.BusinessTime),
            new ServiceTarget(Metric.Resolution, Priority.P1, null, Duration.FromHours(4), TimeBasis.BusinessTime) { Start = TargetStart.Retroactive });
        var ticket = Open(sla, Local(10, 13, 9));
        ticket.ChangePriority(Priority.P1, Local(10, 14, 9));

        var status = Status(ticket, sla, Metric.Resolution, Local(10, 14, 10));

        Assert.Equal(
            (SlaState.Missed, Local(10, 13, 14, 30), Duration.FromHours(4), Duration.FromMinutes(510), Local(10, 13, 9)),
            (status.State, status.BreachedAt!.Value, status.Target, status.Elapsed, status.StartedAt!.Value));
        Assert.Equal(2, status.StageCount);
        Assert.True(status.GetStage(1).At < Local(10, 14, 9));
    }

    [Fact]
    public void Resolution_P3RaisedToP1StartingWhenItApplies_CountsFromTheRaise()
    {
        var sla = Agreement(
            new ServiceTarget(Metric.Resolution, Priority.P3, null, Duration.FromHours(16), TimeBasis.BusinessTime),
            new ServiceTarget(Metric.Resolution, Priority.P1, null, Duration.FromHours(4), TimeBasis.BusinessTime) { Start = TargetStart.WhenApplies });
        var ticket = Open(sla, Local(10, 13, 9));
        ticket.ChangePriority(Priority.P1, Local(10, 14, 9));

        var status = Status(ticket, sla, Metric.Resolution, Local(10, 14, 10));

        Assert.Equal(
            (SlaState.Running, Local(10, 14, 14, 30), Duration.FromHours(1), Local(10, 14, 9)),
            (status.State, status.DueAt!.Value, status.Elapsed, status.StartedAt!.Value));
    }

    [Fact]
    public void Resolution_P1SameDayDeadlineStartingWhenItApplies_IsDueAtTheCloseOfTheDayOfTheRaise()
    {
        var sla = Agreement(
            new ServiceTarget(Metric.Resolution, null, null, Duration.FromHours(16), TimeBasis.BusinessTime),
            new ServiceTarget(Metric.Resolution, Priority.P1, null, BusinessDayDeadline.EndOfBusinessDay(0), TargetStart.WhenApplies));
        var ticket = Open(sla, Local(10, 13, 9));
        ticket.ChangePriority(Priority.P1, Local(10, 14, 16));

        var status = Status(ticket, sla, Metric.Resolution, Local(10, 14, 16, 30));

        Assert.Equal((SlaState.Running, Local(10, 14, 18), Duration.FromHours(2), Duration.FromMinutes(30)), (status.State, status.DueAt!.Value, status.Target, status.Elapsed));
    }

    [Fact]
    public void Resolution_RetroactiveAndOpeningCells_DifferWhenTheEarlierCellWasAlreadyMissed()
    {
        // P3 (1 h) ran out at 10:00; P1 (30 min) at 09:30. Raised at 11:00: a cell starting at the opening keeps the deadline
        // missed under P3 (10:00); a retroactive one reports its own, earlier breach (09:30).
        ServiceLevelAgreement With(TargetStart start) => Agreement(
            new ServiceTarget(Metric.Resolution, Priority.P3, null, Duration.FromHours(1), TimeBasis.BusinessTime),
            new ServiceTarget(Metric.Resolution, Priority.P1, null, Duration.FromMinutes(30), TimeBasis.BusinessTime) { Start = start });
        SlaStatus Raised(ServiceLevelAgreement sla)
        {
            var ticket = Open(sla, Local(10, 13, 9));
            ticket.ChangePriority(Priority.P1, Local(10, 13, 11));
            return Status(ticket, sla, Metric.Resolution, Local(10, 13, 11, 30));
        }

        Assert.Equal(Local(10, 13, 10), Raised(With(TargetStart.Opening)).BreachedAt);
        Assert.Equal(Local(10, 13, 9, 30), Raised(With(TargetStart.Retroactive)).BreachedAt);
    }

    [Fact]
    public void FirstResponse_DeadlineBeyondTheSupportedRange_IsAStatusNotACrash()
    {
        // Opened on the last supported date after the cut-off: the next business day is in 2200.
        var sla = Agreement(new ServiceTarget(Metric.FirstResponse, null, null, BusinessDayDeadline.EndOfBusinessDay(0).WithCutOff(new LocalTime(16, 0)), TargetStart.Opening));
        var opened = new LocalDateTime(2199, 12, 31, 17, 0).InZoneStrictly(Shanghai).ToInstant();
        var ticket = Open(sla, opened);

        var status = Status(ticket, sla, Metric.FirstResponse, opened + Duration.FromMinutes(5));

        Assert.Equal((SlaState.Running, true, (Instant?)null), (status.State, status.IsDueBeyondSupportedRange, status.DueAt));
    }

    [Fact]
    public void Resolution_ManyBusinessDaysNearTheEndOfTheRange_IsDueBeyondTheSupportedRange()
    {
        var sla = Agreement(new ServiceTarget(Metric.Resolution, null, null, BusinessDayDeadline.EndOfBusinessDay(BusinessDayDeadline.MaxBusinessDays), TargetStart.Opening));
        var opened = new LocalDateTime(2190, 3, 4, 10, 0).InZoneStrictly(Shanghai).ToInstant();

        var evaluation = SlaClock.EvaluateTicket(Open(sla, opened).History, sla, CalendarLookup.Of("china", China), opened + Duration.FromDays(1));

        var status = Assert.Single(evaluation.Statuses);
        Assert.Equal((SlaState.Running, true, 0), (status.State, status.IsDueBeyondSupportedRange, status.StageCount));
        Assert.Null(evaluation.NextChangeAt);
    }
}
