using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Policies.Definitions;

namespace ServiceQuality.Policies.Tests.Definitions;

public sealed class EventLogReplayTests
{
    private static readonly Dictionary<string, ServiceLevelAgreement> Agreements = new() { ["PM-2025"] = Agreement() };

    private static ServiceLevelAgreement Agreement()
    {
        var at = Instant.FromUtc(2024, 12, 1, 0, 0);
        var sla = ServiceLevelAgreement.Draft(new AgreementId("PM-2025"), "pm", AgreementKind.ServiceLevel, at);
        sla.AddTarget(Metric.Resolution, null, null, Duration.FromHours(16), TimeBasis.BusinessTime, at);
        sla.Publish(at, at);
        return sla;
    }

    private const string Good = """
        {"at":"2025-01-10T01:00:00Z","type":"CustomerRegistered","customer":"C-1","name":"Zhang Wei","tier":"gold","since":"2020-05-01","phone":"13812345678"}
        {"at":"2025-01-13T01:00:00Z","type":"TicketOpened","ticket":"T-1","customer":"C-1","kind":"RepairRequest","channel":"Hotline","priority":"P2","staff":"wang","agreement":"PM-2025","onSite":true}

        {"at":"2025-01-13T01:10:00Z","type":"TicketAssigned","ticket":"T-1","staff":"li","department":"repairs"}
        {"at":"2025-01-13T01:20:00Z","type":"ResponseRecorded","ticket":"T-1","staff":"li","public":true}
        {"at":"2025-01-13T01:30:00Z","type":"TicketWorkStarted","ticket":"T-1"}
        {"at":"2025-01-13T02:30:00Z","type":"OnSiteArrived","ticket":"T-1","staff":"li"}
        {"at":"2025-01-13T03:00:00Z","type":"TicketOnHold","ticket":"T-1","reason":"WaitingForCustomer"}
        {"at":"2025-01-14T01:00:00Z","type":"TicketResumed","ticket":"T-1"}
        {"at":"2025-01-14T02:00:00Z","type":"TicketResolved","ticket":"T-1","staff":"li"}
        {"at":"2025-01-14T03:00:00Z","type":"ComplaintReceived","complaint":"K-1","customer":"C-1","channel":"Online","category":"Delay","severity":"Major","claimedLoss":{"amount":12000,"currency":"CNY"},"againstStaff":"li","ticket":"T-1"}
        {"at":"2025-01-14T03:10:00Z","type":"ComplaintEscalated","complaint":"K-1","level":2,"target":"supervisor","reason":"major"}
        {"at":"2025-01-14T04:00:00Z","type":"VisitPlanned","visit":"V-1","customer":"C-1","subjectComplaint":"K-1","kind":"PhoneCallback","due":"2025-01-16T04:00:00Z","maxAttempts":3}
        {"at":"2025-01-15T04:00:00Z","type":"VisitCompleted","visit":"V-1","rating":5,"staff":"agent"}
        """;

    private static ReplayedCases Replay(string log) => EventLogReplay.Replay(new StringReader(log), "events.jsonl", Agreements);

    [Fact]
    public void Replay_DrivesTheAggregatesThroughTheirCommands()
    {
        var cases = Replay(Good);

        var ticket = cases.Tickets[new TicketId("T-1")];
        Assert.Equal((TicketStatus.Resolved, (StaffId?)new StaffId("li"), true), (ticket.Status, ticket.Assignee, ticket.OnSiteArrivedAt is not null));
        Assert.Equal(new AgreementReference(new AgreementId("PM-2025"), 1), ticket.Agreement);
        Assert.Equal(2, cases.Complaints[new ComplaintId("K-1")].EscalationLevel);
        Assert.Equal(Domain.Visits.VisitStatus.Completed, cases.Visits[new VisitId("V-1")].Status);
        Assert.Equal(13, cases.Events);
    }

    [Theory]
    [InlineData("{not json", "events.jsonl:15: malformed JSON")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"TicketTeleported","ticket":"T-1"}""", "events.jsonl:15: unknown event type 'TicketTeleported'")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"TicketClosed"}""", "events.jsonl:15: missing field 'ticket'")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"TicketClosed","ticket":"T-9"}""", "events.jsonl:15: unknown ticket 'T-9'")]
    [InlineData("""{"at":"yesterday","type":"TicketClosed","ticket":"T-1"}""", "events.jsonl:15: field 'at' is not an ISO-8601 instant")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"PriorityChanged","ticket":"T-1","priority":"Urgent"}""", "events.jsonl:15: field 'priority' must be one of P1, P2, P3, P4")]
    [InlineData("""{"at":"2025-01-12T05:00:00Z","type":"TicketClosed","ticket":"T-1"}""", "events.jsonl:15: rule CommandTimeMustNotPrecedeLastEvent")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"TicketWorkStarted","ticket":"T-1"}""", "events.jsonl:15: rule TransitionMustBeAllowed")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"ComplaintEscalated","complaint":"K-1","level":1,"target":"lead","reason":"again"}""", "events.jsonl:15: rule EscalationLevelMustIncrease")]
    public void Replay_ABadLine_FailsWithFileLineAndTheProblem(string line, string expected)
    {
        var failure = Assert.Throws<EventLogException>(() => Replay(Good + "\n" + line));

        Assert.StartsWith(expected, failure.Message, StringComparison.Ordinal);
        Assert.Equal(("events.jsonl", 15), (failure.File, failure.Line));
    }

    [Fact]
    public void Replay_ARefusedEvent_CarriesTheRuleCode() =>
        Assert.Equal(RuleCode.TransitionMustBeAllowed, Assert.Throws<EventLogException>(
            () => Replay(Good + "\n" + """{"at":"2025-01-15T05:00:00Z","type":"TicketCancelled","ticket":"T-1","reason":"late"}""")).Rule);

    [Fact]
    public void Replay_InstantsWithAnOffset_AreTheSameInstantsAsInUtc()
    {
        // Every "…T01:10:00Z" written as "…T09:10:00+08:00": the same instants, so the same cases.
        var local = System.Text.RegularExpressions.Regex.Replace(Good, "T(\\d\\d):(\\d\\d):00Z", m =>
            $"T{int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 8:00}:{m.Groups[2].Value}:00+08:00");
        Assert.NotEqual(Good, local);

        var (utc, shifted) = (Replay(Good), Replay(local));

        Assert.Equal(utc.Tickets[new TicketId("T-1")].History, shifted.Tickets[new TicketId("T-1")].History);
        Assert.Equal(utc.Visits[new VisitId("V-1")].History.Select(e => (e.GetType(), e.OccurredAt)), shifted.Visits[new VisitId("V-1")].History.Select(e => (e.GetType(), e.OccurredAt)));
        Assert.Equal(utc.Visits[new VisitId("V-1")].Due, shifted.Visits[new VisitId("V-1")].Due);
    }
}
