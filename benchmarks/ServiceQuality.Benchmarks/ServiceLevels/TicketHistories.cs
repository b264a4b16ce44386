using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Testing;

namespace ServiceQuality.Benchmarks.ServiceLevels;

/// <summary>Deterministic ticket histories for the SLA benchmarks: holds, referrals, reopens and priority changes, on the 2025 reference calendar.</summary>
public static class TicketHistories
{
    public static readonly BusinessCalendar Calendar = ReferenceCalendars.ChinaServiceCentre2025;
    public static readonly ICalendarLookup Calendars = CalendarLookup.Of("china-2025", Calendar);
    public static readonly ServiceLevelAgreement Agreement = CreateAgreement();

    /// <summary>An OLA of the field team: resolution within 8 business hours of the time the team holds the case.</summary>
    public static readonly ServiceLevelAgreement FieldOla = CreateFieldOla();

    private static readonly StaffId Agent = new("agent");
    private static readonly Instant Start = Instant.FromUtc(2025, 1, 2, 1, 0);

    private static ServiceLevelAgreement CreateAgreement()
    {
        var at = Instant.FromUtc(2024, 12, 1, 0, 0);
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SLA-PM-2025"), "Property management 2025", AgreementKind.ServiceLevel, at);
        sla.SetCalendar("china-2025", at);
        sla.AddTarget(Metric.FirstResponse, null, null, Duration.FromHours(2), TimeBasis.BusinessTime, at);
        sla.AddTarget(Metric.FirstResponse, Priority.P1, null, Duration.FromMinutes(30), TimeBasis.CalendarTime, at);
        sla.AddTarget(Metric.NextResponse, null, null, Duration.FromHours(8), TimeBasis.BusinessTime, at);
        sla.AddTarget(Metric.Resolution, null, null, Duration.FromHours(16), TimeBasis.BusinessTime, at);
        sla.AddTarget(Metric.Resolution, Priority.P1, null, Duration.FromHours(4), TimeBasis.CalendarTime, at);
        sla.AddTarget(Metric.Resolution, null, ServiceTier.Key, Duration.FromHours(8), TimeBasis.BusinessTime, at);
        sla.PauseOn(HoldReason.WaitingForCustomer, [Metric.Resolution, Metric.NextResponse], at);
        sla.PauseOn(HoldReason.WaitingForThirdParty, [Metric.Resolution], at);
        sla.Publish(at, at);
        return sla;
    }

    private static ServiceLevelAgreement CreateFieldOla()
    {
        var at = Instant.FromUtc(2024, 12, 1, 0, 0);
        var ola = ServiceLevelAgreement.Draft(new AgreementId("OLA-field"), "Field team", AgreementKind.OperationalLevel, at);
        ola.SetCalendar("china-2025", at);
        ola.SetTeam(new DepartmentId("field"), at);
        ola.AddTarget(Metric.Resolution, null, null, Duration.FromHours(8), TimeBasis.BusinessTime, at);
        ola.PauseOn(HoldReason.WaitingForCustomer, [Metric.Resolution], at);
        ola.Publish(at, at);
        return ola;
    }

    /// <summary>The history of one typical ticket: ten events and three metrics with targets.</summary>
    public static IReadOnlyList<TicketEvent> Typical() => Typical(withOla: false);

    /// <summary>
    /// The typical ticket opened under the SLA and the field team's OLA, and assigned to that team: ten events, three SLA
    /// metrics and the OLA's resolution clock.
    /// </summary>
    public static IReadOnlyList<TicketEvent> TypicalWithOla() => Typical(withOla: true);

    private static IReadOnlyList<TicketEvent> Typical(bool withOla)
    {
        var t = Ticket.Open(
            new TicketId("T-typical"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P3, Agent, ServiceTier.Gold, Start, Agreement.Reference,
            otherAgreements: withOla ? [FieldOla.Reference] : null);
        t.Assign(Agent, withOla ? new DepartmentId("field") : null, Start + Duration.FromMinutes(10));
        t.RecordResponse(Agent, true, Start + Duration.FromMinutes(40));
        t.StartWork(Start + Duration.FromHours(1));
        t.Hold(HoldReason.WaitingForCustomer, Start + Duration.FromHours(2));
        t.Resume(Start + Duration.FromHours(20));
        t.ChangePriority(Priority.P2, Start + Duration.FromHours(21));
        t.RecordResponse(Agent, true, Start + Duration.FromHours(22));
        t.Resolve(Agent, Start + Duration.FromHours(26));
        t.Reopen("not fixed", Start + Duration.FromHours(30));
        return t.History;
    }

    /// <summary><paramref name="count"/> varied histories, generated from a seed, each with its evaluation instant.</summary>
    public static (IReadOnlyList<TicketEvent> History, Instant Now)[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var result = new (IReadOnlyList<TicketEvent>, Instant)[count];
        var tiers = new[] { ServiceTier.Ordinary, ServiceTier.Gold, ServiceTier.Vip, ServiceTier.Key };
        for (var i = 0; i < count; i++)
        {
            var now = Start + Duration.FromMinutes(random.Next(0, 300 * 24 * 60));
            var t = Ticket.Open(new TicketId("T-" + i), new CustomerId("C-" + (i % 5000)), (TicketKind)random.Next(6), (Channel)random.Next(7),
                (Priority)random.Next(1, 5), Agent, tiers[random.Next(tiers.Length)], now, Agreement.Reference, requiresOnSiteVisit: random.Next(4) == 0);
            now += Duration.FromMinutes(random.Next(1, 120));
            t.Assign(Agent, null, now);
            var steps = random.Next(2, 12);
            for (var s = 0; s < steps; s++)
            {
                now += Duration.FromMinutes(random.Next(1, 600));
                Step(t, random.Next(8), now);
            }

            result[i] = (t.History, now + Duration.FromMinutes(random.Next(0, 3000)));
        }

        return result;
    }

    private static void Step(Ticket t, int choice, Instant now)
    {
        switch (choice)
        {
            case 0 when t.CanRecordResponse(): t.RecordResponse(Agent, true, now); break;
            case 1 when t.CanStartWork(): t.StartWork(now); break;
            case 2 when t.CanHold(): t.Hold(HoldReason.Stock[(int)(now.ToUnixTimeTicks() % 2)], now); break;
            case 2 when t.CanResume(): t.Resume(now); break;
            case 3 when t.CanReferToThirdParty(): t.ReferToThirdParty("vendor", now); break;
            case 3 when t.CanRecordThirdPartyReturn(): t.RecordThirdPartyReturn("done", now); break;
            case 4 when t.CanChangePriority() && t.Priority != Priority.P1: t.ChangePriority(Priority.P1, now); break;
            case 5 when t.CanResolve(): t.Resolve(Agent, now); break;
            case 6 when t.CanReopen(): t.Reopen("again", now); break;
            case 7 when t.CanClose(): t.Close(now); break;
            default:
                if (t.CanRecordResponse())
                {
                    t.RecordResponse(Agent, false, now);
                }

                break;
        }
    }
}
