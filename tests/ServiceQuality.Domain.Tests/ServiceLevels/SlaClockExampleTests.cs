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

/// <summary>Worked examples, computed by hand.</summary>
public sealed class SlaClockExampleTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly StaffId Agent = new("agent");

    /// <summary>Monday to Friday 09:00-17:00 in <paramref name="zone"/>.</summary>
    private static BusinessCalendar NineToFive(DateTimeZone zone)
    {
        var builder = BusinessCalendar.CreateBuilder(zone);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.AddOpenHours(day, new LocalTime(9, 0), new LocalTime(17, 0));
        }

        return builder.Build();
    }

    private static Instant Local(DateTimeZone zone, int year, int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(zone).ToInstant();

    private static ServiceLevelAgreement Agreement(Action<ServiceLevelAgreement> configure)
    {
        var at = Instant.FromUtc(2024, 1, 1, 0, 0);
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "example", AgreementKind.ServiceLevel, at);
        sla.SetCalendar("hours", at);
        configure(sla);
        sla.Publish(at, at);
        return sla;
    }

    private static Ticket Open(ServiceLevelAgreement sla, Instant at, Priority priority = Priority.P2) =>
        Ticket.Open(new TicketId("T-1"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, priority, Agent, ServiceTier.Gold, at, sla.Reference);

    private static SlaStatus Status(Ticket ticket, ServiceLevelAgreement sla, BusinessCalendar calendar, Metric metric, Instant now) =>
        SlaClock.EvaluateTicket(ticket.History, sla, CalendarLookup.Of("hours", calendar), now).Statuses.Single(s => s.Metric == metric);

    [Fact]
    public void FirstResponse_OpenedFridayAt1630WithOneHour_IsDueMondayAt0930()
    {
        var hours = NineToFive(Shanghai);
        var sla = Agreement(a => a.AddTarget(Metric.FirstResponse, Priority.P2, null, Duration.FromHours(1), TimeBasis.BusinessTime, a.LastEventAt));
        var ticket = Open(sla, Local(Shanghai, 2025, 3, 7, 16, 30));

        var status = Status(ticket, sla, hours, Metric.FirstResponse, Local(Shanghai, 2025, 3, 8, 12));

        Assert.Equal((SlaState.Running, Duration.FromMinutes(30)), (status.State, status.Elapsed));
        Assert.Equal(Local(Shanghai, 2025, 3, 10, 9, 30), status.DueAt);
        // 50 % (30 min) was reached at Fri 17:00; the next change is 75 % (45 min) at Mon 09:15.
        Assert.Equal([new StageReached(50m, Local(Shanghai, 2025, 3, 7, 17))], status.Stages);
        Assert.Equal(Local(Shanghai, 2025, 3, 10, 9, 15), SlaClock.EvaluateTicket(ticket.History, sla, CalendarLookup.Of("hours", hours), Local(Shanghai, 2025, 3, 8, 12)).NextChangeAt);
    }

    [Fact]
    public void Resolution_WithAHoldAcrossTheWeekend_CountsOnlyWorkingTimeOffHold()
    {
        // 8 business hours, paused while waiting for the customer: Fri 10:00-15:00 (5 h) + Mon 11:00-14:00 (3 h) = 8 h exactly.
        var hours = NineToFive(Shanghai);
        var sla = Agreement(a =>
        {
            a.AddTarget(Metric.Resolution, null, null, Duration.FromHours(8), TimeBasis.BusinessTime, a.LastEventAt);
            a.PauseOn(HoldReason.WaitingForCustomer, [Metric.Resolution], a.LastEventAt);
        });
        var ticket = Open(sla, Local(Shanghai, 2025, 3, 7, 10));
        ticket.Assign(Agent, null, Local(Shanghai, 2025, 3, 7, 10, 5));
        ticket.StartWork(Local(Shanghai, 2025, 3, 7, 10, 10));
        ticket.Hold(HoldReason.WaitingForCustomer, Local(Shanghai, 2025, 3, 7, 15));
        ticket.Resume(Local(Shanghai, 2025, 3, 10, 11));
        ticket.Resolve(Agent, Local(Shanghai, 2025, 3, 10, 14));

        var status = Status(ticket, sla, hours, Metric.Resolution, Local(Shanghai, 2025, 3, 11, 9));

        Assert.Equal((SlaState.Met, Duration.FromHours(8), Duration.Zero), (status.State, status.Elapsed, status.Remaining));
        Assert.Null(status.BreachedAt);
        Assert.Equal([new StageReached(50m, Local(Shanghai, 2025, 3, 7, 14)), new StageReached(75m, Local(Shanghai, 2025, 3, 10, 12))], status.Stages);
    }

    [Fact]
    public void Resolution_ResolvedWhileOnHold_StopsAtThatInstantWithoutCountingTheHold()
    {
        var hours = NineToFive(Shanghai);
        var sla = Agreement(a =>
        {
            a.AddTarget(Metric.Resolution, null, null, Duration.FromHours(4), TimeBasis.BusinessTime, a.LastEventAt);
            a.PauseOn(HoldReason.WaitingForCustomer, [Metric.Resolution], a.LastEventAt);
        });
        var ticket = Open(sla, Local(Shanghai, 2025, 3, 10, 9));
        ticket.Assign(Agent, null, Local(Shanghai, 2025, 3, 10, 9, 30));
        ticket.StartWork(Local(Shanghai, 2025, 3, 10, 9, 45));
        ticket.Hold(HoldReason.WaitingForCustomer, Local(Shanghai, 2025, 3, 10, 10));
        ticket.Resolve(Agent, Local(Shanghai, 2025, 3, 11, 15));

        var status = Status(ticket, sla, hours, Metric.Resolution, Local(Shanghai, 2025, 3, 12, 9));

        Assert.Equal((SlaState.Met, Duration.FromHours(1)), (status.State, status.Elapsed));
        Assert.Equal(Local(Shanghai, 2025, 3, 11, 15), status.StoppedAt);
    }

    [Fact]
    public void Resolution_ReopenedUnderContinue_KeepsElapsedAndMisses()
    {
        // 1 h target: 09:00-11:00 (2 h, breached at 10:00), reopened next day, resolved 30 min later: 2.5 h in one cycle.
        var (ticket, sla, hours) = ReopenedTicket(ReopenBehaviour.ContinueClock);

        var status = Status(ticket, sla, hours, Metric.Resolution, Local(Shanghai, 2025, 3, 12, 9));

        Assert.Equal((SlaState.Missed, Duration.FromMinutes(150), 1, 1), (status.State, status.Elapsed, status.Cycle, status.MissedCycles));
        Assert.Equal(Local(Shanghai, 2025, 3, 10, 10), status.BreachedAt);
    }

    [Fact]
    public void Resolution_ReopenedUnderNewCycle_StartsAFreshClockAndKeepsTheFirstOutcome()
    {
        var (ticket, sla, hours) = ReopenedTicket(ReopenBehaviour.NewCycle);

        var status = Status(ticket, sla, hours, Metric.Resolution, Local(Shanghai, 2025, 3, 12, 9));

        Assert.Equal((SlaState.Met, Duration.FromMinutes(30), 2, 1), (status.State, status.Elapsed, status.Cycle, status.MissedCycles));
        Assert.Equal(Local(Shanghai, 2025, 3, 11, 9), status.StartedAt);
    }

    private static (Ticket, ServiceLevelAgreement, BusinessCalendar) ReopenedTicket(ReopenBehaviour behaviour)
    {
        var hours = NineToFive(Shanghai);
        var sla = Agreement(a =>
        {
            a.AddTarget(Metric.Resolution, null, null, Duration.FromHours(1), TimeBasis.BusinessTime, a.LastEventAt);
            a.SetReopenBehaviour(behaviour, a.LastEventAt);
        });
        var ticket = Open(sla, Local(Shanghai, 2025, 3, 10, 9));
        ticket.Assign(Agent, null, Local(Shanghai, 2025, 3, 10, 9, 5));
        ticket.StartWork(Local(Shanghai, 2025, 3, 10, 9, 10));
        ticket.Resolve(Agent, Local(Shanghai, 2025, 3, 10, 11));
        ticket.Reopen("leak again", Local(Shanghai, 2025, 3, 11, 9));
        ticket.Resolve(Agent, Local(Shanghai, 2025, 3, 11, 9, 30));
        return (ticket, sla, hours);
    }

    [Fact]
    public void Resolution_PriorityRaisedMidFlight_KeepsElapsedAndUsesTheNewTarget()
    {
        // P3 has 8 h and P1 2 h; raised to P1 at 10:00 with 1 h elapsed, so the deadline is 11:00.
        var hours = NineToFive(Shanghai);
        var sla = Agreement(a =>
        {
            a.AddTarget(Metric.Resolution, Priority.P3, null, Duration.FromHours(8), TimeBasis.BusinessTime, a.LastEventAt);
            a.AddTarget(Metric.Resolution, Priority.P1, null, Duration.FromHours(2), TimeBasis.BusinessTime, a.LastEventAt);
        });
        var ticket = Open(sla, Local(Shanghai, 2025, 3, 10, 9), Priority.P3);
        ticket.ChangePriority(Priority.P1, Local(Shanghai, 2025, 3, 10, 10));

        var running = Status(ticket, sla, hours, Metric.Resolution, Local(Shanghai, 2025, 3, 10, 10, 30));
        var missed = Status(ticket, sla, hours, Metric.Resolution, Local(Shanghai, 2025, 3, 10, 11, 30));

        Assert.Equal((SlaState.Running, Duration.FromHours(2), Duration.FromMinutes(90), Local(Shanghai, 2025, 3, 10, 11)), (running.State, running.Target, running.Elapsed, running.DueAt!.Value));
        Assert.Equal((SlaState.Missed, Local(Shanghai, 2025, 3, 10, 11), Duration.FromMinutes(-30)), (missed.State, missed.BreachedAt!.Value, missed.Remaining));
    }

    [Fact]
    public void Resolution_AcrossSpringFestival_UsesTheMakeUpWorkingDays()
    {
        // 16 business hours from Fri Jan 24 17:00: Fri 1 h, Sun Jan 26 (make-up day) 7.5 h, Mon Jan 27 7.5 h: due Mon 18:00.
        // Half of it (8 h) is reached on the Sunday at 17:30: 1 h + 09:00-12:00 + 13:30-17:30.
        var china = ReferenceCalendars.ChinaServiceCentre2025;
        var sla = Agreement(a => a.AddTarget(Metric.Resolution, null, null, Duration.FromHours(16), TimeBasis.BusinessTime, a.LastEventAt));
        var ticket = Open(sla, Local(Shanghai, 2025, 1, 24, 17));

        var status = Status(ticket, sla, china, Metric.Resolution, Local(Shanghai, 2025, 1, 25, 12));

        Assert.Equal(Local(Shanghai, 2025, 1, 27, 18), status.DueAt);
        Assert.Equal(Duration.FromHours(1), status.Elapsed);
        Assert.Equal(new StageReached(50m, Local(Shanghai, 2025, 1, 26, 17, 30)), Status(ticket, sla, china, Metric.Resolution, Local(Shanghai, 2025, 1, 27, 9)).GetStage(0));
    }

    [Fact]
    public void FirstResponse_AcrossNewYorkSpringForward_CountsRealTime()
    {
        // Calendar time: 24 h from Sat Mar 8 12:00 EST is Sun Mar 9 13:00 EDT. Business time: 2 h from Fri Mar 7 16:00 EST is
        // Fri 16:00-17:00 and Mon Mar 10 09:00-10:00 EDT.
        var hours = NineToFive(NewYork);
        var calendarTime = Agreement(a => a.AddTarget(Metric.FirstResponse, null, null, Duration.FromHours(24), TimeBasis.CalendarTime, a.LastEventAt));
        var businessTime = Agreement(a => a.AddTarget(Metric.FirstResponse, null, null, Duration.FromHours(2), TimeBasis.BusinessTime, a.LastEventAt));

        var saturday = Open(calendarTime, Local(NewYork, 2025, 3, 8, 12));
        var friday = Open(businessTime, Local(NewYork, 2025, 3, 7, 16));

        Assert.Equal(Local(NewYork, 2025, 3, 9, 13), Status(saturday, calendarTime, hours, Metric.FirstResponse, Local(NewYork, 2025, 3, 9, 1)).DueAt);
        Assert.Equal(Local(NewYork, 2025, 3, 10, 10), Status(friday, businessTime, hours, Metric.FirstResponse, Local(NewYork, 2025, 3, 8, 1)).DueAt);
    }

    [Fact]
    public void CallbackAfterClosing_ForAComplaintNeedingOne_RunsFromResolutionToTheCallback()
    {
        var at = Local(Shanghai, 2025, 3, 10, 9);
        var sla = Agreement(a =>
        {
            a.AddTarget(Metric.ComplaintAcknowledgement, null, null, Duration.FromHours(2), TimeBasis.BusinessTime, a.LastEventAt);
            a.AddTarget(Metric.ComplaintResolution, null, null, Duration.FromDays(3), TimeBasis.CalendarTime, a.LastEventAt);
            a.AddTarget(Metric.CallbackAfterClosing, null, null, Duration.FromHours(24), TimeBasis.CalendarTime, a.LastEventAt);
        });
        var complaint = Complaint.Receive(new ComplaintId("K-1"), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.Delay, Severity.Major, at);
        complaint.Register(at + Duration.FromHours(3));
        complaint.AssignInvestigation(new DepartmentId("d"), Agent, at + Duration.FromDays(2), at + Duration.FromHours(4));
        complaint.Respond("sorry", "repair", at + Duration.FromHours(5));
        complaint.Resolve(at + Duration.FromHours(6));
        complaint.RecordCallback(satisfied: true, at + Duration.FromHours(26));

        var statuses = SlaClock.EvaluateComplaint(complaint.History, ServiceTier.Gold, sla, CalendarLookup.Of("hours", NineToFive(Shanghai)), at + Duration.FromDays(5)).Statuses;

        // The investigation deadline set on the case is measured beside the agreement's metrics (met: responded after 1 h of 44 h).
        Assert.Equal([Metric.ComplaintAcknowledgement, Metric.ComplaintResolution, Metric.CallbackAfterClosing, Metric.InvestigationDeadline], statuses.Select(s => s.Metric));
        Assert.Equal((SlaState.Met, Duration.FromHours(1), Duration.FromHours(44)), (statuses[3].State, statuses[3].Elapsed, statuses[3].Target));
        Assert.Equal((SlaState.Missed, Duration.FromHours(3)), (statuses[0].State, statuses[0].Elapsed));
        Assert.Equal((SlaState.Met, Duration.FromHours(6)), (statuses[1].State, statuses[1].Elapsed));
        Assert.Equal((SlaState.Met, Duration.FromHours(20), at + Duration.FromHours(6)), (statuses[2].State, statuses[2].Elapsed, statuses[2].StartedAt!.Value));
    }

    [Fact]
    public void Cancellation_MakesEveryOpenClockCancelledNotMissed()
    {
        var hours = NineToFive(Shanghai);
        var sla = Agreement(a =>
        {
            a.AddTarget(Metric.FirstResponse, null, null, Duration.FromMinutes(30), TimeBasis.BusinessTime, a.LastEventAt);
            a.AddTarget(Metric.Resolution, null, null, Duration.FromHours(8), TimeBasis.BusinessTime, a.LastEventAt);
        });
        var ticket = Open(sla, Local(Shanghai, 2025, 3, 10, 9));
        ticket.Cancel("duplicate of T-0", Local(Shanghai, 2025, 3, 10, 12));

        var evaluation = SlaClock.EvaluateTicket(ticket.History, sla, CalendarLookup.Of("hours", hours), Local(Shanghai, 2025, 3, 11, 9));

        Assert.All(evaluation.Statuses, s => Assert.Equal(SlaState.Cancelled, s.State));
        Assert.Null(evaluation.NextChangeAt);
    }

    [Fact]
    public void Evaluate_WithAnotherAgreementVersion_IsRefused()
    {
        var sla = Agreement(a => a.AddTarget(Metric.Resolution, null, null, Duration.FromHours(8), TimeBasis.BusinessTime, a.LastEventAt));
        var ticket = Open(sla, Local(Shanghai, 2025, 3, 10, 9));
        var v2 = sla.Revise(Local(Shanghai, 2025, 3, 10, 10));
        v2.Publish(Local(Shanghai, 2025, 3, 10, 10), Local(Shanghai, 2025, 3, 10, 10));

        var exception = Assert.Throws<ArgumentException>(() => SlaClock.EvaluateTicket(ticket.History, v2, CalendarLookup.Of("hours", NineToFive(Shanghai)), Local(Shanghai, 2025, 3, 10, 11)));
        Assert.Equal("agreement", exception.ParamName);
    }

    [Fact]
    public void Evaluate_IntoASpan_WritesTheSameStatusesWithoutAllocatingThem()
    {
        var hours = NineToFive(Shanghai);
        var sla = Agreement(a => a.AddTarget(Metric.Resolution, null, null, Duration.FromHours(8), TimeBasis.BusinessTime, a.LastEventAt));
        var ticket = Open(sla, Local(Shanghai, 2025, 3, 10, 9));
        Span<SlaStatus> destination = new SlaStatus[SlaClock.MaxStatusesPerCase];

        var summary = SlaClock.EvaluateTicket(ticket.History, sla, CalendarLookup.Of("hours", hours), Local(Shanghai, 2025, 3, 10, 12), destination);
        var evaluation = SlaClock.EvaluateTicket(ticket.History, sla, CalendarLookup.Of("hours", hours), Local(Shanghai, 2025, 3, 10, 12));

        Assert.Equal(evaluation.Statuses, destination[..summary.Count].ToArray());
        Assert.Equal(evaluation.NextChangeAt, summary.NextChangeAt);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(
            () => SlaClock.EvaluateTicket(ticket.History, sla, CalendarLookup.Of("hours", hours), Local(Shanghai, 2025, 3, 10, 12), new SlaStatus[1])).ParamName);
    }
}
