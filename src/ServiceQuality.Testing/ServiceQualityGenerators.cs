using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Testing;

/// <summary>FsCheck generators for integrators' property tests: calendars, customers, agreements, ticket and complaint histories, all valid.</summary>
public static class ServiceQualityGenerators
{
    private static readonly string[] Zones = ["Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Santiago", "UTC"];
    private static readonly Instant From = Instant.FromUtc(2020, 1, 1, 0, 0);

    /// <summary>
    /// Calendars in zones with unusual daylight saving, with split, overnight and whole-day weekly hours (never overlapping),
    /// and holidays in 2020–2030.
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<BusinessCalendar> Calendars() =>
        from zone in Gen.Elements(Zones)
        from count in Gen.Choose(1, 8)
        from candidates in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, (7 * 96) - 1), Gen.Choose(1, 96)), count)
        from holidayCount in Gen.Choose(0, 20)
        from holidays in Gen.ArrayOf(Gen.Choose(0, 3650), holidayCount)
        select BuildCalendar(zone, candidates, holidays);

    /// <summary>Registered customers with a tier, a credit grade and a trust score.</summary>
    /// <returns>The generator.</returns>
    public static Gen<Customer> Customers() =>
        from id in Gen.Choose(0, 1_000_000)
        from tier in Gen.Elements(ServiceTier.Ordinary, ServiceTier.ClassA, ServiceTier.Gold, ServiceTier.Vip, ServiceTier.Key)
        from grade in Gen.Elements(Enum.GetValues<CreditGrade>())
        from trust in Gen.Choose(0, 100)
        select NewCustomer(id, tier, grade, trust);

    /// <summary>Published agreements with first-response and resolution targets, some per priority, and random pauses and reopen behaviour.</summary>
    /// <returns>The generator; the agreements run around the clock (name a calendar with <see cref="AgreementBuilder"/> for business time).</returns>
    public static Gen<ServiceLevelAgreement> Agreements() =>
        from response in Gen.Choose(5, 600)
        from resolution in Gen.Choose(60, 10_000)
        from urgent in Gen.Choose(1, 4)
        from pauses in Gen.Elements(true, false)
        from reopen in Gen.Elements(ReopenBehaviour.ContinueClock, ReopenBehaviour.NewCycle)
        select BuildAgreement(response, resolution, urgent, pauses, reopen);

    /// <summary>
    /// Tickets under <paramref name="agreement"/> whose histories are random sequences of commands the ticket accepts (holds,
    /// referrals, priority changes, reopens, cancellations, escalations), each opened while the agreement is in force: in
    /// the year from 2020-01-01 or from the agreement's <see cref="ServiceLevelAgreement.EffectiveFrom"/> if later, and
    /// before its <see cref="ServiceLevelAgreement.EffectiveUntil"/>.
    /// </summary>
    /// <param name="agreement">The agreement version the tickets are opened under; published.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentException">The agreement is not published, or not in force in the year the tickets would open.</exception>
    public static Gen<Ticket> Tickets(ServiceLevelAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (agreement.EffectiveFrom is not { } effective)
        {
            throw new ArgumentException($"Agreement {agreement.Reference} is not published; tickets open under published versions only.", nameof(agreement));
        }

        var first = effective > From ? effective : From;
        var minutes = (long)Duration.FromDays(365).TotalMinutes;
        if (agreement.EffectiveUntil is { } until)
        {
            minutes = Math.Min(minutes, (long)Math.Ceiling((until - first).TotalMinutes) - 1);
        }

        if (minutes < 0 || first > Instant.FromUtc(2199, 1, 1, 0, 0))
        {
            throw new ArgumentException($"Agreement {agreement.Reference} is not in force in a year tickets can be generated in.", nameof(agreement));
        }

        return from opened in Gen.Choose(0, (int)minutes)
               from priority in Gen.Elements(Priority.P1, Priority.P2, Priority.P3, Priority.P4)
               from steps in Gen.ListOf(Gen.Zip(Gen.Choose(0, 1000), Gen.Frequency((3, Gen.Choose(1, 60)), (1, Gen.Choose(61, 600)))))
               select BuildTicket(agreement, first + Duration.FromMinutes(opened), priority, steps);
    }

    /// <summary>Complaints whose histories are random sequences of commands the complaint accepts (verdicts, callbacks, escalations, compensation, waivers, withdrawals).</summary>
    /// <returns>The generator.</returns>
    public static Gen<Complaint> Complaints() =>
        from received in Gen.Choose(0, 60 * 24 * 365)
        from severity in Gen.Elements(Severity.Minor, Severity.Major, Severity.Critical)
        from steps in Gen.ListOf(Gen.Zip(Gen.Choose(0, 1000), Gen.Choose(1, 600)))
        select BuildComplaint(From + Duration.FromMinutes(received), severity, steps);

    private static Complaint BuildComplaint(Instant received, Severity severity, List<(int Pick, int Gap)> steps)
    {
        var staff = new StaffId("generated-investigator");
        var complaint = Complaint.Receive(new ComplaintId("K-generated"), new CustomerId("C-generated"), Channel.Hotline, ComplaintCategory.Delay, severity, received);
        var now = received;
        foreach (var (pick, gap) in steps)
        {
            now += Duration.FromMinutes(gap);
            var commands = new List<Action>();
            if (complaint.CanRegister()) { commands.Add(() => complaint.Register(now)); }
            if (complaint.CanAssignInvestigation()) { commands.Add(() => complaint.AssignInvestigation(new DepartmentId("d"), staff, now + Duration.FromDays(3), now)); }
            if (complaint.CanRespond()) { commands.Add(() => complaint.Respond("reply", "remedy", now)); }
            if (complaint.CanResolve()) { commands.Add(() => complaint.Resolve(now)); }
            if (complaint.CanRecordVerdict()) { commands.Add(() => complaint.RecordVerdict((VerdictOutcome)(pick % 3), "finding", staff, now)); }
            if (complaint.CanRecordCallback()) { commands.Add(() => complaint.RecordCallback(pick % 4 != 0, now)); }
            if (complaint.CanClose()) { commands.Add(() => complaint.Close(now)); }
            if (complaint.CanEscalate() && complaint.Escalation.Level < 4) { commands.Add(() => complaint.Escalate(complaint.Escalation.Level + 1, "supervisor", "generated", now)); }
            if (complaint.CanRecordCompensation()) { commands.Add(() => complaint.RecordCompensation(Money.Yuan(1 + (pick % 500)), now)); }
            if (complaint.CanWithdraw() && pick % 29 == 0) { commands.Add(() => complaint.Withdraw("generated", now)); }
            if (commands.Count > 0)
            {
                commands[pick % commands.Count]();
            }
        }

        return complaint;
    }

    private static BusinessCalendar BuildCalendar(string zone, (int Start, int Length)[] candidates, int[] holidays)
    {
        const int week = 7 * 96;
        var kept = new List<(int Start, int Length)>();
        foreach (var c in candidates)
        {
            if (!kept.Any(k => new[] { -week, 0, week }.Any(shift => k.Start < c.Start + shift + c.Length && c.Start + shift < k.Start + k.Length)))
            {
                kept.Add(c);
            }
        }

        var builder = BusinessCalendar.CreateBuilder(DateTimeZoneProviders.Tzdb[zone]);
        foreach (var (start, length) in kept)
        {
            // Quarter-hour slots: the day and time the interval starts, and where it ends (past midnight when it wraps).
            builder.AddOpenHours((IsoDayOfWeek)((start / 96) + 1), LocalTime.FromMinutesSinceMidnight(start % 96 * 15), LocalTime.FromMinutesSinceMidnight((start + length) % 96 * 15));
        }

        foreach (var day in holidays.Distinct())
        {
            builder.AddHoliday(new LocalDate(2020, 1, 1).PlusDays(day));
        }

        return builder.Build();
    }

    private static Customer NewCustomer(int id, ServiceTier tier, CreditGrade grade, int trust)
    {
        var customer = Customer.Register(new CustomerId($"C-{id}"), $"Customer {id}", ContactDetails.None, tier, new LocalDate(2019, 1, 1), From);
        customer.ChangeCreditGrade(grade, From);
        customer.UpdateTrustScore(trust, "generated", From);
        return customer;
    }

    private static ServiceLevelAgreement BuildAgreement(int response, int resolution, int urgentDivisor, bool pauses, ReopenBehaviour reopen)
    {
        var builder = new AgreementBuilder()
            .WithTarget(Metric.FirstResponse, Duration.FromMinutes(response), TimeBasis.CalendarTime)
            .WithTarget(Metric.Resolution, Duration.FromMinutes(resolution), TimeBasis.CalendarTime)
            .WithTarget(Metric.Resolution, Duration.FromMinutes(Math.Max(1, resolution / urgentDivisor)), TimeBasis.CalendarTime, Priority.P1)
            .Reopening(reopen);
        return pauses ? builder.PausedBy(HoldReason.WaitingForCustomer, Metric.Resolution).Build() : builder.Build();
    }

    private static Ticket BuildTicket(ServiceLevelAgreement agreement, Instant opened, Priority priority, List<(int Pick, int Gap)> steps)
    {
        var staff = new StaffId("generated-agent");
        var ticket = Ticket.Open(new TicketId("T-generated"), new CustomerId("C-generated"), TicketKind.RepairRequest, Channel.Hotline, priority, staff, ServiceTier.Ordinary, opened, agreement.Reference);
        var now = opened;
        foreach (var (pick, gap) in steps)
        {
            now += Duration.FromMinutes(gap);
            var commands = new List<Action>();
            if (ticket.CanAssign()) { commands.Add(() => ticket.Assign(staff, null, now)); }
            if (ticket.CanStartWork()) { commands.Add(() => ticket.StartWork(now)); }
            if (ticket.CanRecordResponse()) { commands.Add(() => ticket.RecordResponse(staff, pick % 5 != 0, now)); }
            if (ticket.CanHold()) { commands.Add(() => ticket.Hold(HoldReason.Stock[pick % 2], now)); }
            if (ticket.CanResume()) { commands.Add(() => ticket.Resume(now)); }
            if (ticket.CanReferToThirdParty()) { commands.Add(() => ticket.ReferToThirdParty("vendor", now)); }
            if (ticket.CanRecordThirdPartyReturn()) { commands.Add(() => ticket.RecordThirdPartyReturn("done", now)); }
            if (ticket.CanChangePriority()) { commands.Add(() => ticket.ChangePriority(ticket.Priority == Priority.P1 ? Priority.P3 : Priority.P1, now)); }
            if (ticket.CanResolve()) { commands.Add(() => ticket.Resolve(staff, now)); }
            if (ticket.CanReopen()) { commands.Add(() => ticket.Reopen("generated", now)); }
            if (ticket.CanClose() && pick % 7 == 0) { commands.Add(() => ticket.Close(now)); }
            if (ticket.CanCancel() && pick % 23 == 0) { commands.Add(() => ticket.Cancel("generated", now)); }
            if (ticket.CanEscalate() && ticket.Escalation.Level < 4 && pick % 11 == 0) { commands.Add(() => ticket.Escalate(ticket.Escalation.Level + 1, "team-lead", "generated", now)); }
            if (commands.Count > 0)
            {
                commands[pick % commands.Count]();
            }
        }

        return ticket;
    }
}
