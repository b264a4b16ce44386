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
using ServiceQuality.Policies.Assessment;
using ServiceQuality.Policies.Escalation;
using ServiceQuality.Testing;

namespace ServiceQuality.Policies.Tests.Assessment;

/// <summary>
/// The scheduler law: a host that wakes a case only at <see cref="CaseAssessment.NextChangeAt"/> records exactly the
/// escalations of a host that re-assesses it every minute — with the stock rules on business and calendar time, a
/// custom policy that owns its timing, and notifications deferred to open hours.
/// </summary>
public sealed class SchedulerEquivalenceTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 6, 1, 0);
    private static readonly BusinessCalendar Desk = ReferenceCalendars.ChinaServiceCentre2025;
    private static readonly ICalendarLookup Calendars = CalendarLookup.Of("desk", Desk);
    private static readonly ServiceLevelAgreement Agreement = CreateAgreement();

    /// <summary>How long after the last command both hosts keep watching the case.</summary>
    private static readonly Duration Horizon = Duration.FromDays(2);

    private static ServiceLevelAgreement CreateAgreement()
    {
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA"), "desk", AgreementKind.ServiceLevel, T0);
        sla.SetCalendar("desk", T0);
        sla.AddTarget(Metric.FirstResponse, null, null, Duration.FromHours(2), TimeBasis.BusinessTime, T0);
        sla.AddTarget(Metric.FirstResponse, Priority.P1, null, Duration.FromMinutes(40), TimeBasis.CalendarTime, T0);
        sla.AddTarget(Metric.Resolution, null, null, Duration.FromHours(8), TimeBasis.BusinessTime, T0);
        sla.AddTarget(Metric.Resolution, Priority.P1, null, Duration.FromHours(4), TimeBasis.CalendarTime, T0);
        sla.AddTarget(Metric.ComplaintAcknowledgement, null, null, Duration.FromHours(4), TimeBasis.BusinessTime, T0);
        sla.AddTarget(Metric.ComplaintResolution, null, null, Duration.FromHours(16), TimeBasis.BusinessTime, T0);
        sla.SetWarningStages([50m], T0);
        sla.PauseOn(HoldReason.WaitingForCustomer, [Metric.Resolution], T0);
        sla.Publish(T0, T0);
        return sla;
    }

    /// <summary>Time rules at whole-minute shares (so both hosts meet them on a minute), severity, a custom timed policy, open-hours notification.</summary>
    private static IEscalationPolicy Policy() =>
        EscalationPolicies.DeferredToOpenHours(
            EscalationPolicies.Highest(
                EscalationPolicies.HighestOf(
                    EscalationLadder.Default,
                    EscalationRules.AtPercentOfTarget(75m, 1),
                    EscalationRules.AtPercentOfTarget(100m, 2),
                    EscalationRules.AtPercentOfTarget(150m, 3, Duration.FromMinutes(30)),
                    EscalationRules.OnSeverity(Severity.Critical, 2)),
                new OpenForADayGoesToTheDirector()),
            Desk);

    /// <summary>A host's own policy with its own clock: any case still open 26 calendar hours after it started goes to level 4.</summary>
    private sealed class OpenForADayGoesToTheDirector : IEscalationPolicy
    {
        private static readonly Duration After = Duration.FromHours(26);

        public string Description => "open 26 h → director";

        public EscalationDecision Decide(EscalationContext context) =>
            context.CurrentLevel < 4 && Started(context) is { } started && context.Now - started >= After
                ? new EscalationDecision(EscalationLadder.Default.Step(4), "open-26h", Description, context.Now)
                : EscalationDecision.None;

        public Instant? NextChangeAt(EscalationContext context) =>
            context.CurrentLevel < 4 && Started(context) is { } started && started + After > context.Now ? started + After : null;

        private static Instant? Started(EscalationContext context)
        {
            Instant? first = null;
            foreach (var status in context.Statuses)
            {
                if (status is { StartedAt: { } started, StoppedAt: null } && (first is null || started < first))
                {
                    first = started;
                }
            }

            return first;
        }
    }

    /// <summary>A case's script: commands picked by index among those the case accepts, each some minutes after the previous.</summary>
    private static Gen<(int Gap, int Pick)[]> Scripts =>
        Gen.Choose(0, 8).SelectMany(n => Gen.ArrayOf(Gen.Zip(Gen.Choose(1, 900), Gen.Choose(0, 1000)), n));

    [Property(MaxTest = 40, Replay = PropertyRuns.Replay)]
    public Property WakingAtNextChangeAt_RecordsTheEscalationsOfAMinuteByMinuteHost_ForTickets()
    {
        var cases = (from priority in Gen.Elements(Priority.P1, Priority.P2, Priority.P3) from opened in Gen.Choose(0, 6 * 24 * 60) from script in Scripts select (priority, opened, script)).ToArbitrary();
        return Prop.ForAll(cases, input =>
        {
            var (priority, opened, script) = input;
            var assessor = new CaseAssessor(Calendars, Policy());
            Ticket Open() => Ticket.Open(
                new TicketId("T-1"), new CustomerId("C-1"), TicketKind.FaultReport, Channel.Hotline, priority, new StaffId("s"), ServiceTier.Gold,
                T0 + Duration.FromMinutes(opened), Agreement.Reference);

            var scheduled = Open();
            var polled = Open();
            Run(scheduled, script, TicketCommand, t => assessor.AssessTicket(scheduled, Agreement, t), (d, t) => d.ApplyTo(scheduled, t), everyMinute: false);
            Run(polled, script, TicketCommand, t => assessor.AssessTicket(polled, Agreement, t), (d, t) => d.ApplyTo(polled, t), everyMinute: true);

            Assert.Equal(polled.Escalation.Escalations, scheduled.Escalation.Escalations);
            Assert.Equal(polled.History, scheduled.History);
        });
    }

    [Property(MaxTest = 40, Replay = PropertyRuns.Replay)]
    public Property WakingAtNextEscalationChangeAt_FromAnAllocationFreeEvaluation_RecordsTheEscalationsOfAMinuteByMinuteHost()
    {
        var cases = (from priority in Gen.Elements(Priority.P1, Priority.P2, Priority.P3) from opened in Gen.Choose(0, 6 * 24 * 60) from script in Scripts select (priority, opened, script)).ToArbitrary();
        return Prop.ForAll(cases, input =>
        {
            var (priority, opened, script) = input;
            var assessor = new CaseAssessor(Calendars, Policy());
            Ticket Open() => Ticket.Open(
                new TicketId("T-1"), new CustomerId("C-1"), TicketKind.FaultReport, Channel.Hotline, priority, new StaffId("s"), ServiceTier.Gold,
                T0 + Duration.FromMinutes(opened), Agreement.Reference);
            CaseAssessment Evaluated(Ticket ticket, Instant now)
            {
                var statuses = new SlaStatus[SlaClock.MaxStatusesPerCase];
                var summary = SlaClock.EvaluateTicket(ticket.History, Agreement, Calendars, now, statuses);
                return assessor.AssessEvaluated(ticket, new SlaEvaluation(statuses[..summary.Count], summary.NextChangeAt) { CalendarName = summary.CalendarName }, now);
            }

            var escalationOnly = Open();
            var polled = Open();
            Run(escalationOnly, script, TicketCommand, t => Evaluated(escalationOnly, t), (d, t) => d.ApplyTo(escalationOnly, t), everyMinute: false, a => a.NextEscalationChangeAt);
            Run(polled, script, TicketCommand, t => assessor.AssessTicket(polled, Agreement, t), (d, t) => d.ApplyTo(polled, t), everyMinute: true);

            Assert.Equal(polled.Escalation.Escalations, escalationOnly.Escalation.Escalations);
            Assert.Equal(polled.History, escalationOnly.History);
        });
    }

    [Property(MaxTest = 40, Replay = PropertyRuns.Replay)]
    public Property DecideEscalation_GivesTheDecisionAndNextEscalationChangeOfTheAssessment_AtEveryLookOfAHost()
    {
        var cases = (from priority in Gen.Elements(Priority.P1, Priority.P2, Priority.P3) from severity in Gen.Elements(Severity.Minor, Severity.Major, Severity.Critical)
                     from opened in Gen.Choose(0, 6 * 24 * 60) from script in Scripts select (priority, severity, opened, script)).ToArbitrary();
        return Prop.ForAll(cases, input =>
        {
            var (priority, severity, opened, script) = input;
            var assessor = new CaseAssessor(Calendars, Policy());
            var statuses = new SlaStatus[SlaClock.MaxStatusesPerCase];
            var looks = 0;
            var ticket = Ticket.Open(
                new TicketId("T-1"), new CustomerId("C-1"), TicketKind.FaultReport, Channel.Hotline, priority, new StaffId("s"), ServiceTier.Gold,
                T0 + Duration.FromMinutes(opened), Agreement.Reference);
            CaseAssessment LookAtTicket(Instant now)
            {
                var summary = SlaClock.EvaluateTicket(ticket.History, Agreement, Calendars, now, statuses);
                var assessment = assessor.AssessEvaluated(ticket, new SlaEvaluation(statuses[..summary.Count], summary.NextChangeAt) { CalendarName = summary.CalendarName }, now);
                var outlook = assessor.DecideEscalation(ticket, new ArraySegment<SlaStatus>(statuses, 0, summary.Count), summary.CalendarName, now);
                Assert.Equal(assessment.Escalation, outlook.Decision);
                Assert.Equal(assessment.NextEscalationChangeAt, outlook.NextChangeAt);
                looks++;
                return assessment;
            }

            var complaint = Complaint.Receive(new ComplaintId("K-1"), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.Delay, severity, T0 + Duration.FromMinutes(opened));
            IReadOnlyList<Instant> earlier = [T0 - Duration.FromDays(3), T0 - Duration.FromDays(1)];
            CaseAssessment LookAtComplaint(Instant now)
            {
                var summary = SlaClock.EvaluateComplaint(complaint.History, ServiceTier.Gold, Agreement, Calendars, now, statuses);
                var assessment = assessor.AssessEvaluated(
                    complaint, ServiceTier.Gold, new SlaEvaluation(statuses[..summary.Count], summary.NextChangeAt) { CalendarName = summary.CalendarName }, now, earlier);
                var outlook = assessor.DecideEscalation(complaint, ServiceTier.Gold, new ArraySegment<SlaStatus>(statuses, 0, summary.Count), summary.CalendarName, now, earlier);
                Assert.Equal(assessment.Escalation, outlook.Decision);
                Assert.Equal(assessment.NextEscalationChangeAt, outlook.NextChangeAt);
                looks++;
                return assessment;
            }

            Run(ticket, script, TicketCommand, LookAtTicket, (d, t) => d.ApplyTo(ticket, t), everyMinute: false, a => a.NextEscalationChangeAt);
            Run(complaint, script, ComplaintCommand, LookAtComplaint, (d, t) => d.ApplyTo(complaint, t), everyMinute: false, a => a.NextEscalationChangeAt);
            Assert.True(looks >= 2);
        });
    }

    [Fact]
    public void DecideEscalation_DecidesNothingForACaseThatAcceptsNoEscalation_AndRefusesNulls()
    {
        var assessor = new CaseAssessor(Calendars, Policy());
        var ticket = Ticket.Open(new TicketId("T-1"), new CustomerId("C-1"), TicketKind.FaultReport, Channel.Hotline, Priority.P1, new StaffId("s"), ServiceTier.Gold, T0, Agreement.Reference);
        var now = T0 + Duration.FromHours(7);
        var open = SlaClock.EvaluateTicket(ticket.History, Agreement, Calendars, now);
        Assert.True(assessor.DecideEscalation(ticket, open.Statuses, open.CalendarName, now).Decision.Fires);

        ticket.Cancel("duplicate", now);
        var cancelled = SlaClock.EvaluateTicket(ticket.History, Agreement, Calendars, now);
        Assert.Equal(new EscalationOutlook(EscalationDecision.None, null), assessor.DecideEscalation(ticket, cancelled.Statuses, cancelled.CalendarName, now));
        Assert.Equal(assessor.AssessEvaluated(ticket, cancelled, now).NextEscalationChangeAt, assessor.DecideEscalation(ticket, cancelled.Statuses, cancelled.CalendarName, now).NextChangeAt);
        Assert.Throws<ArgumentNullException>(() => assessor.DecideEscalation(null!, open.Statuses, null, now));
        Assert.Throws<ArgumentNullException>(() => assessor.DecideEscalation(ticket, null!, null, now));
        Assert.Throws<ArgumentNullException>(() => assessor.DecideEscalation(null!, ServiceTier.Gold, open.Statuses, null, now, null));
    }

    [Fact]
    public void AssessEvaluated_GivesTheAssessmentOfTheAssessorsOwnEvaluation()
    {
        var assessor = new CaseAssessor(Calendars, Policy());
        var ticket = Ticket.Open(new TicketId("T-1"), new CustomerId("C-1"), TicketKind.FaultReport, Channel.Hotline, Priority.P2, new StaffId("s"), ServiceTier.Gold, T0, Agreement.Reference);
        var complaint = Complaint.Receive(new ComplaintId("K-1"), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.Delay, Severity.Critical, T0);
        var now = T0 + Duration.FromHours(7);

        var own = assessor.AssessTicket(ticket, Agreement, now);
        var given = assessor.AssessEvaluated(ticket, SlaClock.EvaluateTicket(ticket.History, Agreement, Calendars, now), now);
        var ownComplaint = assessor.AssessComplaint(complaint, ServiceTier.Gold, Agreement, now);
        var givenComplaint = assessor.AssessEvaluated(complaint, ServiceTier.Gold, SlaClock.EvaluateComplaint(complaint.History, ServiceTier.Gold, Agreement, Calendars, now), now, null);

        Assert.Equal(own, given);
        Assert.Equal(ownComplaint, givenComplaint);
        Assert.True(own.Escalation.Fires && ownComplaint.Escalation.Fires);
        Assert.True(own.NextEscalationChangeAt >= own.NextChangeAt);
        Assert.Throws<ArgumentNullException>(() => assessor.AssessEvaluated(ticket, null!, now));
    }

    [Property(MaxTest = 30, Replay = PropertyRuns.Replay)]
    public Property WakingAtNextChangeAt_RecordsTheEscalationsOfAMinuteByMinuteHost_ForComplaints()
    {
        var cases = (from severity in Gen.Elements(Severity.Minor, Severity.Major, Severity.Critical) from received in Gen.Choose(0, 6 * 24 * 60) from script in Scripts select (severity, received, script)).ToArbitrary();
        return Prop.ForAll(cases, input =>
        {
            var (severity, received, script) = input;
            var assessor = new CaseAssessor(Calendars, Policy());
            Complaint Receive() => Complaint.Receive(
                new ComplaintId("K-1"), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.Delay, severity, T0 + Duration.FromMinutes(received));

            var scheduled = Receive();
            var polled = Receive();
            Run(scheduled, script, ComplaintCommand, t => assessor.AssessComplaint(scheduled, ServiceTier.Gold, Agreement, t), (d, t) => d.ApplyTo(scheduled, t), everyMinute: false);
            Run(polled, script, ComplaintCommand, t => assessor.AssessComplaint(polled, ServiceTier.Gold, Agreement, t), (d, t) => d.ApplyTo(polled, t), everyMinute: true);

            Assert.Equal(polled.Escalation.Escalations, scheduled.Escalation.Escalations);
            Assert.Equal(polled.History, scheduled.History);
        });
    }

    /// <summary>
    /// Plays <paramref name="script"/> on the case while a host watches it until <see cref="Horizon"/> after the last
    /// command: at every minute (<paramref name="everyMinute"/>), or only at each assessment's next-change instant. At an
    /// instant with a command, the command comes first and the assessment after it, for both hosts.
    /// </summary>
    private static void Run<TCase>(
        TCase @case, (int Gap, int Pick)[] script, Action<TCase, int, Instant> command, Func<Instant, CaseAssessment> assess, Func<EscalationDecision, Instant, bool> apply,
        bool everyMinute, Func<CaseAssessment, Instant?>? wakeAt = null)
        where TCase : class
    {
        wakeAt ??= assessment => assessment.NextChangeAt;
        var start = StartOf(@case);
        var commands = new List<(Instant At, int Pick)>();
        var at = start;
        foreach (var (gap, pick) in script)
        {
            at += Duration.FromMinutes(gap);
            commands.Add((at, pick));
        }

        var end = at + Horizon;
        var next = 0;
        Instant? wake = start;
        for (var now = start; now <= end; now = everyMinute ? now + Duration.FromMinutes(1) : Earliest(wake, next < commands.Count ? commands[next].At : null) ?? end + Duration.FromMinutes(1))
        {
            var acted = false;
            while (next < commands.Count && commands[next].At == now)
            {
                command(@case, commands[next++].Pick, now);
                acted = true;
            }

            if (everyMinute || acted || wake == now)
            {
                var assessment = assess(now);
                apply(assessment.Escalation, now);
                wake = wakeAt(assessment) is { } change && change > now ? change : null;
                if (assessment.Escalation.Fires)
                {
                    // A recorded decision changes the case: look again at once, as a host re-queues the case it just changed.
                    var after = assess(now);
                    Assert.False(after.Escalation.Fires);
                    wake = Earliest(wake, wakeAt(after) is { } again && again > now ? again : null);
                }
            }

            if (!everyMinute && wake is { } w && w <= now)
            {
                wake = null;
            }
        }
    }

    private static Instant StartOf<TCase>(TCase @case) => @case switch
    {
        Ticket t => t.OpenedAt,
        Complaint c => c.ReceivedAt,
        _ => throw new ArgumentException("not a case", nameof(@case)),
    };

    private static Instant? Earliest(Instant? a, Instant? b) => a is null ? b : b is null ? a : Instant.Min(a.Value, b.Value);

    private static void TicketCommand(Ticket ticket, int pick, Instant now)
    {
        var staff = new StaffId("s");
        var commands = new List<Action>();
        if (ticket.CanAssign()) { commands.Add(() => ticket.Assign(staff, null, now)); }
        if (ticket.CanStartWork()) { commands.Add(() => ticket.StartWork(now)); }
        if (ticket.CanRecordResponse()) { commands.Add(() => ticket.RecordResponse(staff, pick % 3 != 0, now)); }
        if (ticket.CanHold()) { commands.Add(() => ticket.Hold(HoldReason.WaitingForCustomer, now)); }
        if (ticket.CanResume()) { commands.Add(() => ticket.Resume(now)); }
        if (ticket.CanChangePriority()) { commands.Add(() => ticket.ChangePriority(ticket.Priority == Priority.P1 ? Priority.P3 : Priority.P1, now)); }
        if (ticket.CanResolve() && pick % 3 == 0) { commands.Add(() => ticket.Resolve(staff, now)); }
        if (ticket.CanReopen()) { commands.Add(() => ticket.Reopen("again", now)); }
        if (commands.Count > 0)
        {
            commands[pick % commands.Count]();
        }
    }

    private static void ComplaintCommand(Complaint complaint, int pick, Instant now)
    {
        var staff = new StaffId("i");
        var commands = new List<Action>();
        if (complaint.CanRegister()) { commands.Add(() => complaint.Register(now)); }
        if (complaint.CanAssignInvestigation()) { commands.Add(() => complaint.AssignInvestigation(new DepartmentId("d"), staff, now + Duration.FromDays(3), now)); }
        if (complaint.CanRespond()) { commands.Add(() => complaint.Respond("reply", "remedy", now)); }
        if (complaint.CanResolve() && pick % 2 == 0) { commands.Add(() => complaint.Resolve(now)); }
        if (complaint.CanChangeSeverity()) { commands.Add(() => complaint.ChangeSeverity(complaint.Severity == Severity.Critical ? Severity.Minor : Severity.Critical, now)); }
        if (commands.Count > 0)
        {
            commands[pick % commands.Count]();
        }
    }
}
