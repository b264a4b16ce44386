using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Agreements.Events;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Customers.Events;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Domain.Visits.Events;
using ServiceQuality.Json.Tests.TestSupport;

namespace ServiceQuality.Json.Tests.Events;

/// <summary>
/// The format of one event of each aggregate, written out by hand: a change to the format shows here in review, and
/// stored events of format version 1 keep reading as they did.
/// </summary>
public sealed class EventFormatTests
{
    private static readonly Instant At = Instant.FromUtc(2025, 1, 13, 1, 0);

    public static TheoryData<string, object> Pinned => new()
    {
        {
            """{"type":"TicketOpened","v":1,"ticketId":"T-1","occurredAt":"2025-01-13T01:00:00Z","customer":"C-1","kind":"RepairRequest","channel":"Hotline","priority":"P2","firstContactOwner":"wang","customerTier":"gold","agreement":{"id":"PM-2025","version":1},"requiresOnSiteVisit":true}""",
            new TicketOpened(new TicketId("T-1"), At, new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P2, new StaffId("wang"), ServiceTier.Gold, new AgreementReference(new AgreementId("PM-2025"), 1), true)
        },
        {
            """{"type":"TicketOpened","v":1,"ticketId":"T-2","occurredAt":"2025-01-13T01:00:00Z","customer":"C-1","kind":"FaultReport","channel":"Phone","priority":"P1","firstContactOwner":"wang","customerTier":"key","agreement":null,"requiresOnSiteVisit":false,"claimedLoss":{"amount":12000,"currency":"CNY"}}""",
            new TicketOpened(new TicketId("T-2"), At, new CustomerId("C-1"), TicketKind.FaultReport, Channel.Phone, Priority.P1, new StaffId("wang"), ServiceTier.Key, null, false)
            {
                ClaimedLoss = Money.Yuan(12000m),
            }
        },
        {
            """{"type":"LossReportingSet","v":1,"agreementId":"PM-2025","occurredAt":"2025-01-13T01:00:00Z","lossReporting":{"threshold":{"amount":10000,"currency":"CNY"},"level":3}}""",
            new LossReportingSet(new AgreementId("PM-2025"), At, new LossReporting(Money.Yuan(10000m), 3))
        },
        {
            """{"type":"CalendarSourceSet","v":1,"agreementId":"PM-2025","occurredAt":"2025-01-13T01:00:00Z","source":{"hours":"Customer","zone":"Case"}}""",
            new CalendarSourceSet(new AgreementId("PM-2025"), At, new CalendarSource(CalendarScope.Customer, CalendarScope.Case))
        },
        {
            """{"type":"LossReportingSet","v":1,"agreementId":"PM-2025","occurredAt":"2025-01-13T01:00:00Z","lossReporting":null}""",
            new LossReportingSet(new AgreementId("PM-2025"), At, null)
        },
        {
            """{"type":"TicketAssigned","v":1,"ticketId":"T-1","occurredAt":"2025-01-13T01:00:00.000000001Z","assignee":"li","department":null}""",
            new TicketAssigned(new TicketId("T-1"), At + Duration.Epsilon, new StaffId("li"), null)
        },
        {
            """{"type":"CustomerRegistered","v":1,"customerId":"C-1","occurredAt":"2025-01-13T01:00:00.5Z","displayName":"Zhang Wei","contact":{"phone":"13812345678","email":null,"address":null},"tier":{"code":"platinum","rank":7},"customerSince":"2020-05-01"}""",
            new CustomerRegistered(new CustomerId("C-1"), At + Duration.FromMilliseconds(500), "Zhang Wei", new ContactDetails("13812345678", null, null), new ServiceTier("platinum", 7), new LocalDate(2020, 5, 1))
        },
        {
            """{"type":"CareFlagsChanged","v":1,"customerId":"C-1","occurredAt":"2025-01-13T01:00:00Z","flags":["HardshipHousehold","RedList"]}""",
            new CareFlagsChanged(new CustomerId("C-1"), At, CareFlags.RedList | CareFlags.HardshipHousehold)
        },
        {
            """{"type":"SpendRecorded","v":1,"customerId":"C-1","occurredAt":"2025-01-13T01:00:00Z","year":2025,"amount":{"amount":12000.50,"currency":"CNY"}}""",
            new SpendRecorded(new CustomerId("C-1"), At, 2025, Money.Yuan(12000.50m))
        },
        {
            """{"type":"ComplaintReceived","v":1,"complaintId":"K-1","occurredAt":"2025-01-13T01:00:00Z","customer":"C-1","channel":"Letter","category":"Delay","severity":"Major","claimedLoss":{"amount":199.90,"currency":"CNY"},"againstStaff":null,"againstDepartment":"repairs","relatedTicket":"T-1","callbackRequired":true}""",
            new ComplaintReceived(new ComplaintId("K-1"), At, new CustomerId("C-1"), Channel.Letter, ComplaintCategory.Delay, Severity.Major, Money.Yuan(199.90m), null, new DepartmentId("repairs"), new TicketId("T-1"), true)
        },
        {
            """{"type":"ComplaintReceived","v":1,"complaintId":"K-2","occurredAt":"2025-01-13T01:00:00Z","customer":"C-1","channel":"Hotline","category":"Delay","severity":"Minor","claimedLoss":null,"againstStaff":null,"againstDepartment":null,"relatedTicket":null,"callbackRequired":false,"customerTier":"key","agreement":{"id":"PM-2025","version":2}}""",
            new ComplaintReceived(new ComplaintId("K-2"), At, new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.Delay, Severity.Minor, null, null, null, null, false)
            {
                CustomerTier = ServiceTier.Key,
                Agreement = new AgreementReference(new AgreementId("PM-2025"), 2),
            }
        },
        {
            """{"type":"VisitCompleted","v":1,"visitId":"V-1","occurredAt":"2025-01-13T01:00:00Z","overall":"Satisfied","dimensions":{"reception":"VerySatisfied","repair":"Neutral"},"comment":null,"performedBy":"agent"}""",
            new VisitCompleted(
                new VisitId("V-1"), At, SatisfactionRating.Satisfied,
                new SortedDictionary<string, SatisfactionRating>(StringComparer.Ordinal) { ["repair"] = SatisfactionRating.Neutral, ["reception"] = SatisfactionRating.VerySatisfied },
                null, new StaffId("agent"))
        },
        {
            """{"type":"VisitPlanned","v":1,"visitId":"V-1","occurredAt":"2025-01-13T01:00:00Z","customer":"C-1","subject":{"ticket":"T-1","complaint":null},"kind":"PhoneCallback","due":"2025-01-15T01:00:00Z","maxAttempts":3}""",
            new VisitPlanned(new VisitId("V-1"), At, new CustomerId("C-1"), VisitSubject.ForTicket(new TicketId("T-1")), VisitKind.PhoneCallback, At + Duration.FromDays(2), 3)
        },
        {
            """{"type":"VisitPlanned","v":1,"visitId":"V-1","occurredAt":"2025-01-13T01:00:00Z","customer":"C-1","subject":{"ticket":null,"complaint":"K-1"},"kind":"PhoneCallback","due":"2025-01-15T01:00:00Z","maxAttempts":3,"retryInterval":"2:00:00"}""",
            new VisitPlanned(new VisitId("V-1"), At, new CustomerId("C-1"), VisitSubject.ForComplaint(new ComplaintId("K-1")), VisitKind.PhoneCallback, At + Duration.FromDays(2), 3)
            {
                RetryInterval = Duration.FromHours(2),
            }
        },
        {
            """{"type":"VisitAttemptRecorded","v":1,"visitId":"V-1","occurredAt":"2025-01-13T01:00:00Z","outcome":"WrongNumber"}""",
            new VisitAttemptRecorded(new VisitId("V-1"), At, AttemptOutcome.WrongNumber)
        },
        {
            """{"type":"AgreementDrafted","v":1,"agreementId":"PM-2025","occurredAt":"2025-01-13T01:00:00Z","version":2,"name":"Residents","kind":"ServiceLevel","calendarName":"desk","targets":[{"metric":"Resolution","priority":"P1","tier":null,"target":"4:00:00","basis":"CalendarTime"},{"metric":"FirstResponse","priority":null,"tier":"key","target":"36:30:00.25","basis":"BusinessTime"}],"pauses":[{"reason":"WaitingForCustomer","metrics":["Resolution"]}],"warningStages":[50,75.5],"reopen":"NewCycle","applicability":{"tiers":["key"],"kinds":[],"channels":["Hotline"],"priorities":[],"categories":[]},"objectives":[{"kpi":"SlaCompliance","comparison":"AtLeast","thresholdPercent":90}]}""",
            new AgreementDrafted(
                new AgreementId("PM-2025"), At, 2, "Residents", AgreementKind.ServiceLevel, "desk",
                [
                    new ServiceTarget(Metric.Resolution, Priority.P1, null, Duration.FromHours(4), TimeBasis.CalendarTime),
                    new ServiceTarget(Metric.FirstResponse, null, ServiceTier.Key, Duration.FromHours(36) + Duration.FromMinutes(30) + Duration.FromMilliseconds(250), TimeBasis.BusinessTime),
                ],
                [new PauseRule(HoldReason.WaitingForCustomer, [Metric.Resolution])], [50m, 75.5m], ReopenBehaviour.NewCycle,
                new Applicability([ServiceTier.Key], [], [Channel.Hotline], [], []), [new KpiObjective(Kpi.SlaCompliance, Comparison.AtLeast, 90m)])
        },
        {
            """{"type":"AgreementDrafted","v":1,"agreementId":"PM-2025","occurredAt":"2025-01-13T01:00:00Z","version":1,"name":"Losses","kind":"ServiceLevel","calendarName":null,"targets":[],"pauses":[],"warningStages":[],"reopen":"ContinueClock","applicability":{"tiers":[],"kinds":[],"channels":[],"priorities":[],"categories":[]},"objectives":[],"lossReporting":{"threshold":{"amount":5000.5,"currency":"USD"},"level":2},"calendarSource":{"hours":"Team","zone":"Agreement"}}""",
            new AgreementDrafted(new AgreementId("PM-2025"), At, 1, "Losses", AgreementKind.ServiceLevel, null, [], [], [], ReopenBehaviour.ContinueClock, Applicability.Any, [])
            {
                LossReporting = new LossReporting(new Money(5000.5m, "USD"), 2),
                CalendarSource = new CalendarSource(CalendarScope.Team, CalendarScope.Agreement),
            }
        },
    };

    [Theory]
    [InlineData("""{"type":"LossReportingSet","v":1,"agreementId":"A","occurredAt":"2025-01-13T01:00:00Z","lossReporting":{"threshold":{"amount":10,"currency":"CNY"},"level":0}}""", "LossReportingSet.lossReporting")]
    [InlineData("""{"type":"LossReportingSet","v":1,"agreementId":"A","occurredAt":"2025-01-13T01:00:00Z","lossReporting":{"threshold":{"amount":-1,"currency":"CNY"},"level":3}}""", "LossReportingSet.lossReporting")]
    [InlineData("""{"type":"LossReportingSet","v":1,"agreementId":"A","occurredAt":"2025-01-13T01:00:00Z","lossReporting":{"level":3}}""", "threshold")]
    [InlineData("""{"type":"TicketOpened","v":1,"ticketId":"T-2","occurredAt":"2025-01-13T01:00:00Z","customer":"C-1","kind":"FaultReport","channel":"Phone","priority":"P1","firstContactOwner":"wang","customerTier":"key","agreement":null,"requiresOnSiteVisit":false,"claimedLoss":{"amount":1,"currency":"CNY"},"claimedLoss":null}""", "claimedLoss")]
    public void Read_OfABadLossField_IsAJsonExceptionNamingIt(string json, string where)
    {
        var type = json.Contains("TicketOpened", StringComparison.Ordinal) ? typeof(TicketEvent) : typeof(AgreementEvent);

        var error = Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize(json, type, JsonText.Options));

        Assert.Contains(where, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pinned))]
    public void Write_OfAnEvent_GivesThePinnedText(string json, object @event) =>
        Assert.Equal(json, JsonText.Write(@event));

    [Theory]
    [MemberData(nameof(Pinned))]
    public void Read_OfThePinnedText_GivesTheEvent(string json, object @event) =>
        Structural.AssertEqual(@event, System.Text.Json.JsonSerializer.Deserialize(json, @event.GetType(), JsonText.Options));

    [Fact]
    public void Write_OfRatings_OrdersTheDimensionsOrdinallyWhateverTheDictionarysOrder()
    {
        var ratings = new Dictionary<string, SatisfactionRating> { ["repair"] = SatisfactionRating.Neutral, ["Reception"] = SatisfactionRating.Satisfied, ["reception"] = SatisfactionRating.VerySatisfied };

        var json = JsonText.Write<VisitEvent>(new VisitCompleted(new VisitId("V-1"), At, SatisfactionRating.Satisfied, ratings, "ok", new StaffId("agent")));

        Assert.Contains("""{"Reception":"Satisfied","reception":"VerySatisfied","repair":"Neutral"}""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AsTheAggregatesEventType_GivesTheEventOfTheNamedType()
    {
        var json = """{"occurredAt":"2025-01-13T01:00:00Z","ticketId":"T-1","v":1,"type":"TicketWorkStarted"}""";

        Assert.Equal(new TicketWorkStarted(new TicketId("T-1"), At), JsonText.Read<TicketEvent>(json));
    }
}
