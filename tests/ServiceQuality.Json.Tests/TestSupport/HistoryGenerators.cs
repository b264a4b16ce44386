using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Testing;

namespace ServiceQuality.Json.Tests.TestSupport;

/// <summary>
/// Valid histories of every aggregate, driven through the aggregates' own commands with every kind of event and value the
/// format must carry: texts that need escaping, ids at their length limit, custom tiers, money of any scale, instants
/// to the nanosecond from year -9998 to 9999. The stock generators of ServiceQuality.Testing are drawn from too.
/// </summary>
public static class HistoryGenerators
{
    private static readonly string[] Texts =
        ["generated", "含中文的原因", "emoji 😀 and é", "quote \" and backslash \\", "line\nbreak\tand tab", "</script>&'+", " padded "];

    private static readonly string[] IdTexts = ["T-1", "客户-001", "with space", "😀", "a+b/c", new string('x', 128)];

    private static readonly ServiceTier[] Tiers =
        [.. ServiceTier.WellKnown, new ServiceTier("platinum", 7), new ServiceTier("gold", 9), new ServiceTier("大客户", 0)];

    /// <summary>Amounts of any scale and size, for claims (never added up).</summary>
    private static readonly decimal[] Amounts = [0.01m, 12.50m, 12000.500m, 79228162514264337593543950335m, 0.0000000000000000000000000001m, 3.14159265358979323846264338m];

    /// <summary>Amounts that are added up (spend, compensation), small enough never to overflow.</summary>
    private static readonly decimal[] Increments = [0.01m, 1m, 12.50m, 12000.500m, 3.14159265358979323846264338m];

    /// <summary>Tickets from the stock generator under stock agreements, and tickets with transfers, on-site arrivals and custom tiers.</summary>
    public static Gen<Ticket> Tickets() =>
        Gen.OneOf(
            ServiceQualityGenerators.Agreements().SelectMany(ServiceQualityGenerators.Tickets),
            from start in Instants()
            from id in Gen.Elements(IdTexts)
            from tier in Gen.Elements(Tiers)
            from agreement in Gen.Elements<AgreementReference?>(null, new AgreementReference(new AgreementId("PM-2025"), 3))
            from onSite in Gen.Elements(true, false)
            from steps in Steps()
            select BuildTicket(id, tier, agreement, onSite, start, steps));

    /// <summary>Customers with tier changes, grades, trust scores, managers, care flags, spend and contact changes.</summary>
    public static Gen<Customer> Customers() =>
        Gen.OneOf(
            ServiceQualityGenerators.Customers(),
            from start in Instants()
            from id in Gen.Elements(IdTexts)
            from name in Gen.Elements(Texts)
            from tier in Gen.Elements(Tiers)
            from steps in Steps()
            select BuildCustomer(id, name, tier, start, steps));

    /// <summary>Complaints from the stock generator, and complaints with every optional field, severity changes, waivers and merges.</summary>
    public static Gen<Complaint> Complaints()
    {
        var rich = from start in Instants()
                   from id in Gen.Elements(IdTexts)
                   from loss in Gen.Elements(Amounts.Select(a => (decimal?)a).Prepend(null).ToArray())
                   from optional in Gen.Choose(0, 63)
                   from steps in Steps()
                   select BuildComplaint(id, loss, optional, start, steps);
        return Gen.OneOf(ServiceQualityGenerators.Complaints(), rich.Select(c => c.Primary), rich.Select(c => c.LastDuplicate ?? c.Primary));
    }

    /// <summary>Visits planned for a ticket, a complaint or nothing, attempted, then completed with ratings, missed, cancelled or left planned.</summary>
    public static Gen<VisitRecord> Visits() =>
        from start in Instants()
        from id in Gen.Elements(IdTexts)
        from subject in Gen.Elements(VisitSubject.None, VisitSubject.ForTicket(new TicketId("T-9")), VisitSubject.ForComplaint(new ComplaintId("K-9")))
        from maxAttempts in Gen.Choose(1, 4)
        from attempts in Gen.Choose(0, 4)
        from end in Gen.Choose(0, 3)
        from ratings in Gen.Choose(0, 3)
        from steps in Steps()
        select BuildVisit(id, subject, maxAttempts, attempts, end, ratings, start, steps);

    /// <summary>Agreement versions edited with every kind of term, published or not, retired or not, and revisions of them.</summary>
    public static Gen<ServiceLevelAgreement> Agreements() =>
        from start in Instants()
        from id in Gen.Elements(IdTexts)
        from name in Gen.Elements(Texts)
        from kind in Gen.Elements(Enum.GetValues<AgreementKind>())
        from steps in Steps()
        from end in Gen.Choose(0, 3)
        select BuildAgreement(id, name, kind, start, steps, end);

    /// <summary>Instants to the nanosecond: mostly in 2020-2030, sometimes near the ends of NodaTime's range or in years before 1.</summary>
    private static Gen<Instant> Instants() =>
        Gen.Frequency(
            (8, Gen.Choose(0, 3650).SelectMany(day => Gen.Choose(0, 86_399).SelectMany(second => Gen.Choose(0, 999_999_999).Select(nanos =>
                Instant.FromUtc(2020, 1, 1, 0, 0) + Duration.FromDays(day) + Duration.FromSeconds(second) + Duration.FromNanoseconds(nanos))))),
            (1, Gen.Elements(Instant.MinValue, Instant.FromUtc(0, 6, 1, 12, 0), Instant.FromUtc(1, 1, 1, 0, 0), Instant.FromUtc(9999, 1, 1, 0, 0) + Duration.FromNanoseconds(1))));

    /// <summary>Steps of a history: which command (a number the builder takes modulo its choices) and how long after the previous one, 0 to a day, to the nanosecond.</summary>
    private static Gen<(int Pick, Duration Gap)[]> Steps() =>
        Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 10_000), Gen.Frequency((1, Gen.Constant(0L)), (6, Gen.Choose(1, 86_400).Select(s => (long)s * 1_000_000_000L)), (1, Gen.Choose(1, 999_999_999).Select(n => (long)n))))
            .Select(s => (s.Item1, Duration.FromNanoseconds(s.Item2))));

    /// <summary>Hold reasons: the stock ones and hosts' own, with non-ASCII and the longest codes.</summary>
    private static readonly HoldReason[] HoldReasons = [HoldReason.WaitingForCustomer, HoldReason.WaitingForThirdParty, new("awaiting-parts"), new("等待业主"), new(new string('r', 128))];

    private static string Text(int pick) => Texts[pick % Texts.Length];

    private static Ticket BuildTicket(string id, ServiceTier tier, AgreementReference? agreement, bool onSite, Instant start, (int Pick, Duration Gap)[] steps)
    {
        var staff = new[] { new StaffId("agent"), new StaffId("技术员"), new StaffId(new string('s', 128)) };
        var claimedLoss = (steps.Length % 3) switch { 0 => (Money?)null, 1 => Money.Yuan(12_345.67m), _ => new Money(0.000001m, "USD") };
        AgreementReference[] others = steps.Length % 4 == 2 ? [new(new AgreementId("OLA-field"), 2), new(new AgreementId("UC-1"), 1)] : [];
        var ticket = Ticket.Open(new TicketId(id), new CustomerId("C-1"), TicketKind.FaultReport, Channel.Online, Priority.P3, staff[0], tier, start, agreement, onSite, claimedLoss, others);
        var now = start;
        foreach (var (pick, gap) in steps)
        {
            now += gap;
            var someone = staff[pick % staff.Length];
            var department = pick % 3 == 0 ? (DepartmentId?)null : new DepartmentId("dept-" + (pick % 4));
            var commands = new List<Action>();
            if (ticket.CanAssign()) { commands.Add(() => ticket.Assign(someone, department, now)); }
            if (ticket.CanTransfer() && ticket.Assignee != someone) { commands.Add(() => ticket.Transfer(someone, department, now)); }
            if (ticket.CanStartWork()) { commands.Add(() => ticket.StartWork(now)); }
            if (ticket.CanRecordResponse()) { commands.Add(() => ticket.RecordResponse(someone, pick % 3 != 0, now)); }
            if (ticket.CanHold()) { commands.Add(() => ticket.Hold(HoldReasons[pick % HoldReasons.Length], now)); }
            if (ticket.CanResume()) { commands.Add(() => ticket.Resume(now)); }
            if (ticket.CanReferToThirdParty()) { commands.Add(() => ticket.ReferToThirdParty(Text(pick), now)); }
            if (ticket.CanRecordThirdPartyReturn()) { commands.Add(() => ticket.RecordThirdPartyReturn(Text(pick + 1), now)); }
            if (ticket.CanRecordOnSiteArrival()) { commands.Add(() => ticket.RecordOnSiteArrival(someone, now)); }
            if (ticket.CanChangePriority()) { commands.Add(() => ticket.ChangePriority(ticket.Priority == Priority.P1 ? Priority.P4 : Priority.P1, now)); }
            if (ticket.CanResolve()) { commands.Add(() => ticket.Resolve(someone, now)); }
            if (ticket.CanReopen()) { commands.Add(() => ticket.Reopen(Text(pick), now)); }
            if (ticket.CanClose() && pick % 5 == 0) { commands.Add(() => ticket.Close(now)); }
            if (ticket.CanCancel() && pick % 17 == 0) { commands.Add(() => ticket.Cancel(Text(pick), now)); }
            if (ticket.CanEscalate() && pick % 4 == 0) { commands.Add(() => ticket.Escalate(ticket.Escalation.Level + 1 + (pick % 2), Text(pick), Text(pick + 2), now)); }
            if (ticket.CanReselectAgreements() && pick % 13 == 0)
            {
                AgreementReference[] again = pick % 2 == 0 ? [new(new AgreementId("OLA-desk"), 3)] : [];
                commands.Add(() => ticket.ReselectAgreements(pick % 3 == 0 ? ServiceTier.Key : ServiceTier.Vip, agreement, again, Text(pick + 3), now));
            }
            if (commands.Count > 0)
            {
                commands[pick % commands.Count]();
            }
        }

        return ticket;
    }

    private static Customer BuildCustomer(string id, string name, ServiceTier tier, Instant start, (int Pick, Duration Gap)[] steps)
    {
        var since = new LocalDate(2019, 3, 1);
        var customer = Customer.Register(new CustomerId(id), name, new ContactDetails("13812345678", null, "北京市朝阳区"), tier, since, start);
        var now = start;
        var effective = since;
        var currency = steps.Length % 2 == 0 ? "CNY" : "USD";
        foreach (var (pick, gap) in steps)
        {
            now += gap;
            switch (pick % 7)
            {
                case 0:
                    effective = effective.PlusDays(pick % 400);
                    customer.ChangeTier(Tiers[pick % Tiers.Length], effective, Text(pick), now);
                    break;
                case 1:
                    customer.ChangeCreditGrade((CreditGrade)(pick % 5), now);
                    break;
                case 2:
                    customer.UpdateTrustScore(pick % 101, Text(pick), now);
                    break;
                case 3:
                    customer.AssignAccountManager(pick % 3 == 0 ? null : new StaffId("manager-" + (pick % 5)), now);
                    break;
                case 4:
                    customer.SetCareFlags((CareFlags)(pick % 8), now);
                    break;
                case 5:
                    customer.RecordSpend(1900 + (pick % 300), new Money(Increments[pick % Increments.Length] + (pick % 100), currency), now);
                    break;
                default:
                    customer.ChangeContactDetails(pick % 4 == 0 ? ContactDetails.None : new ContactDetails(null, "z.wei+" + (pick % 9) + "@example.com", Text(pick)), now);
                    break;
            }
        }

        return customer;
    }

    /// <summary>A complaint, and the last duplicate merged into it (whose history ends with its merge), if any.</summary>
    private static (Complaint Primary, Complaint? LastDuplicate) BuildComplaint(string id, decimal? loss, int optional, Instant start, (int Pick, Duration Gap)[] steps)
    {
        Complaint? lastDuplicate = null;
        var staff = new StaffId("supervisor");
        var complaint = Complaint.Receive(
            new ComplaintId(id), new CustomerId("C-1"), Channel.Letter, ComplaintCategory.Privacy, Severity.Minor, start,
            claimedLoss: loss is { } amount ? Money.Yuan(amount) : null,
            againstStaff: (optional & 1) != 0 ? new StaffId("s-9") : null,
            againstDepartment: (optional & 2) != 0 ? new DepartmentId("repairs") : null,
            relatedTicket: (optional & 4) != 0 ? new TicketId("T-1") : null,
            callbackRequired: optional % 3 != 0,
            customerTier: (optional & 8) != 0 ? Tiers[optional % Tiers.Length] : null,
            agreement: (optional & 16) != 0 ? new AgreementReference(new AgreementId("PM-" + optional), 1 + (optional % 7)) : null,
            otherAgreements: (optional & 32) != 0 ? [new AgreementReference(new AgreementId("OLA-complaints"), 1)] : null);
        var now = start;
        var duplicates = 0;
        foreach (var (pick, gap) in steps)
        {
            now += gap;
            var commands = new List<Action>();
            if (complaint.CanRegister()) { commands.Add(() => complaint.Register(now)); }
            if (complaint.CanAssignInvestigation()) { commands.Add(() => complaint.AssignInvestigation(new DepartmentId("d-" + (pick % 3)), staff, now + Duration.FromHours(pick % 72), now)); }
            if (complaint.CanRespond()) { commands.Add(() => complaint.Respond(Text(pick), Text(pick + 1), now)); }
            if (complaint.CanResolve()) { commands.Add(() => complaint.Resolve(now)); }
            if (complaint.CanRecordVerdict()) { commands.Add(() => complaint.RecordVerdict((VerdictOutcome)(pick % 3), Text(pick), staff, now)); }
            if (complaint.CanRecordCallback()) { commands.Add(() => complaint.RecordCallback(pick % 3 != 0, now)); }
            if (complaint.CanWaiveCallback() && pick % 7 == 0) { commands.Add(() => complaint.WaiveCallback(Text(pick), now)); }
            if (complaint.CanClose()) { commands.Add(() => complaint.Close(now)); }
            if (complaint.CanEscalate()) { commands.Add(() => complaint.Escalate(complaint.Escalation.Level + 1 + (pick % 2), Text(pick), Text(pick + 2), now)); }
            if (complaint.CanReselectAgreements() && pick % 11 == 0)
            {
                AgreementReference[] again = pick % 2 == 0 ? [new(new AgreementId("OLA-care"), 2)] : [];
                commands.Add(() => complaint.ReselectAgreements(pick % 3 == 0 ? ServiceTier.Key : ServiceTier.Gold, pick % 4 == 0 ? null : new AgreementReference(new AgreementId("PM-2026"), 2), again, Text(pick + 5), now));
            }
            if (complaint.CanRecordCompensation()) { commands.Add(() => complaint.RecordCompensation(Money.Yuan(Increments[pick % Increments.Length] + 1), now)); }
            if (complaint.CanMerge()) { commands.Add(() => complaint.Merge(lastDuplicate = Duplicate(id, ++duplicates, now - gap), now)); }
            if (complaint.CanMerge()) { commands.Add(() => complaint.ChangeSeverity((Severity)(pick % 3), now)); }
            if (complaint.CanWithdraw() && pick % 19 == 0) { commands.Add(() => complaint.Withdraw(Text(pick), now)); }
            if (commands.Count > 0)
            {
                commands[pick % commands.Count]();
            }
        }

        return (complaint, lastDuplicate);
    }

    private static Complaint Duplicate(string primary, int number, Instant received) =>
        Complaint.Receive(new ComplaintId(primary.Length < 120 ? primary + "-dup-" + number : "dup-" + number), new CustomerId("C-1"), Channel.Email, ComplaintCategory.Privacy, Severity.Major, received);

    private static VisitRecord BuildVisit(string id, VisitSubject subject, int maxAttempts, int attempts, int end, int ratings, Instant start, (int Pick, Duration Gap)[] steps)
    {
        var visit = VisitRecord.Plan(
            new VisitId(id), new CustomerId("C-1"), subject, VisitKind.HomeSurvey, start + Duration.FromDays(2), maxAttempts, Duration.FromSeconds(steps.Length % 3 * 90), start);
        var now = start;
        var step = 0;
        Instant Next() => now += step < steps.Length ? steps[step++].Gap : Duration.FromMinutes(1);
        for (var i = 0; i < Math.Min(attempts, maxAttempts); i++)
        {
            var at = Next();
            if (visit.CanRecordAttempt(at))
            {
                visit.RecordAttempt((AttemptOutcome)((i + steps.Length) % 5), at);
            }
        }

        switch (end)
        {
            case 0 when visit.CanComplete():
                var dimensions = new[] { "reception", "维修", "call back", "😀" }.Take(ratings).Select((name, i) => (name, rating: (SatisfactionRating)(1 + ((i + steps.Length) % 5))));
                visit.Complete((SatisfactionRating)(1 + (steps.Length % 5)), dimensions.ToDictionary(d => d.name, d => d.rating), ratings % 2 == 0 ? null : Text(ratings), new StaffId("agent"), Next());
                break;
            case 0 or 1:
                visit.MarkMissed(Next());
                break;
            case 2:
                visit.Cancel(Text(steps.Length), Next());
                break;
            default:
                break;
        }

        return visit;
    }

    private static ServiceLevelAgreement BuildAgreement(string id, string name, AgreementKind kind, Instant start, (int Pick, Duration Gap)[] steps, int end)
    {
        var agreement = ServiceLevelAgreement.Draft(new AgreementId(id), name, kind, start);
        var now = start;
        foreach (var (pick, gap) in steps)
        {
            now += gap;
            Edit(agreement, pick, now);
        }

        now += Duration.FromMinutes(1);
        if (end == 0 || agreement.Targets.Count == 0)
        {
            return agreement;
        }

        var effective = now + Duration.FromDays(steps.Length % 30);
        agreement.Publish(effective, steps.Length % 4 == 1 && effective < Instant.FromUtc(9000, 1, 1, 0, 0) ? effective + Duration.FromDays(365) : null, now);
        if (end >= 2)
        {
            now += Duration.FromMinutes(1);
            agreement.Retire(now);
        }

        if (end == 3)
        {
            now += Duration.FromMinutes(1);
            var revision = agreement.Revise(now);
            foreach (var (step, gap) in steps.Take(3))
            {
                now += gap;
                Edit(revision, step, now);
            }

            return revision;
        }

        return agreement;
    }

    private static void Edit(ServiceLevelAgreement agreement, int pick, Instant now)
    {
        var metrics = Enum.GetValues<Metric>().Where(m => m is not (Metric.InvestigationDeadline or Metric.LossReport)).ToArray();
        switch (pick % 7)
        {
            case 0:
                agreement.SetCalendar(pick % 3 == 0 ? null : "calendar-" + Text(pick), now);
                break;
            case 1:
            case 2:
                var metric = metrics[pick % metrics.Length];
                var priority = pick % 5 == 0 ? (Priority?)null : (Priority)(1 + (pick % 4));
                var tier = pick % 4 == 0 ? (ServiceTier?)null : Tiers[pick % Tiers.Length];
                if (!agreement.Targets.Any(t => t.Metric == metric && t.Priority == priority && t.Tier == tier))
                {
                    if (pick % 3 == 1)
                    {
                        // A deadline in business days, of every shape, with a start rule.
                        var at = new LocalTime(pick % 24, pick % 60, pick % 7, pick % 1000);
                        var days = pick % 4;
                        var deadline = (pick / 3 % 4) switch
                        {
                            0 => BusinessDayDeadline.EndOfBusinessDay(days),
                            1 => BusinessDayDeadline.OnBusinessDayAt(days, at),
                            2 => BusinessDayDeadline.WithinBusinessDays(days + 1),
                            _ => BusinessDayDeadline.EndOfBusinessDay(days).WithCutOff(at, pick % 2 == 0 ? BusinessDayDeadline.OnBusinessDayAt(0, LocalTime.Noon) : null),
                        };
                        agreement.AddTarget(new ServiceTarget(metric, priority, tier, deadline, (TargetStart)(pick % 3)), now);
                    }
                    else
                    {
                        agreement.AddTarget(
                            new ServiceTarget(metric, priority, tier, Duration.FromMinutes(1 + (pick % 5000)) + Duration.FromNanoseconds(pick % 3 == 0 ? 0 : pick), (TimeBasis)(pick % 2))
                            {
                                Start = (TargetStart)(pick / 7 % 3),
                            },
                            now);
                    }
                }

                break;
            case 3:
                agreement.PauseOn(HoldReasons[pick % HoldReasons.Length], metrics.Where((_, i) => (pick >> i) % 2 == 1), now);
                break;
            case 4 when pick % 3 == 1:
                agreement.SetCalendarSource(new CalendarSource((CalendarScope)(pick % 4), (CalendarScope)((pick / 4) % 4)), now);
                break;
            case 4 when pick % 3 == 0:
                agreement.SetLossReporting(pick % 2 == 0 ? null : new LossReporting(new Money((pick % 100_000) / 7m, pick % 5 == 0 ? "USD" : "CNY"), 1 + (pick % 1000)), now);
                break;
            case 4:
                agreement.SetWarningStages([.. new[] { 50m, 75m, 90.5m, 33.333333333333m, 12.25m, 99.999999999999m }.Where((_, i) => (pick >> i) % 2 == 1)], now);
                break;
            case 5 when pick % 5 == 0 && agreement.Kind == AgreementKind.OperationalLevel:
                agreement.SetTeam(pick % 2 == 0 ? null : new DepartmentId("team-" + (pick % 3)), now);
                break;
            case 5:
                agreement.SetApplicability(
                    new Applicability([.. Tiers.Where((_, i) => (pick >> i) % 3 == 0)], [(TicketKind)(pick % 6)], pick % 2 == 0 ? [] : [Channel.Hotline, Channel.WalkIn], [Priority.P1], [(ComplaintCategory)(pick % 8)])
                    {
                        Customers = pick % 4 == 1 ? [new CustomerId("key-1"), new CustomerId("客户")] : [],
                        Severities = pick % 4 == 2 ? [Severity.Critical] : [],
                        Sites = pick % 4 == 3 ? ["estate-a", "园区"] : [],
                        Teams = pick % 8 == 3 ? [new DepartmentId("field")] : [],
                    },
                    now);
                break;
            default:
                if (pick % 2 == 0)
                {
                    agreement.SetReopenBehaviour((ReopenBehaviour)((pick / 2) % 2), now);
                }
                else
                {
                    agreement.AddKpiObjective((Kpi)(pick % 6), (Comparison)((pick / 7) % 2), (pick % 10001) / 100m, now);
                }

                break;
        }
    }
}
