using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Json.Tests.Files;

public sealed class EventLogReplayTests
{
    private static readonly Dictionary<string, AgreementVersion> Agreements = new() { ["PM-2025"] = Agreement().Published };

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
        {"at":"2025-01-14T01:30:00Z","type":"TicketEscalated","ticket":"T-1","level":1,"target":"team-lead","reason":"time.75"}
        {"at":"2025-01-14T02:00:00Z","type":"TicketResolved","ticket":"T-1","staff":"li"}
        {"at":"2025-01-14T03:00:00Z","type":"ComplaintReceived","complaint":"K-1","customer":"C-1","channel":"Online","category":"Delay","severity":"Major","claimedLoss":{"amount":12000,"currency":"CNY"},"againstStaff":"li","ticket":"T-1"}
        {"at":"2025-01-14T03:10:00Z","type":"ComplaintEscalated","complaint":"K-1","level":2,"target":"supervisor","reason":"major"}
        {"at":"2025-01-14T04:00:00Z","type":"VisitPlanned","visit":"V-1","customer":"C-1","subjectComplaint":"K-1","kind":"PhoneCallback","due":"2025-01-16T04:00:00Z","maxAttempts":3}
        {"at":"2025-01-15T04:00:00Z","type":"VisitCompleted","visit":"V-1","rating":5,"staff":"agent"}
        """;

    /// <summary>The number of the line after <see cref="Good"/>'s last.</summary>
    private static readonly int NextLine = Good.Split('\n').Length + 1;

    private static ReplayedCases Replay(string log) => EventLogReplay.Replay(new StringReader(log), "events.jsonl", Agreements, new Dictionary<string, Domain.Calendars.BusinessCalendar>(), null);

    [Fact]
    public void Replay_DrivesTheAggregatesThroughTheirCommands()
    {
        var cases = Replay(Good);

        var ticket = cases.Tickets[new TicketId("T-1")];
        Assert.Equal((TicketStatus.Resolved, (StaffId?)new StaffId("li"), true), (ticket.Status, ticket.Assignee, ticket.OnSiteArrivedAt is not null));
        Assert.Equal(new AgreementReference(new AgreementId("PM-2025"), 1), ticket.Agreement);
        Assert.Equal(2, cases.Complaints[new ComplaintId("K-1")].Escalation.Level);
        Assert.Equal([new Escalation(1, "team-lead", "time.75", Instant.FromUtc(2025, 1, 14, 1, 30))], ticket.Escalation.Escalations);
        Assert.Equal(Domain.Visits.VisitStatus.Completed, cases.Visits[new VisitId("V-1")].Status);
        Assert.Equal(14, cases.Events);
    }

    [Fact]
    public void Replay_FromUtf8Bytes_BuildsWhatTheTextReplayBuilds()
    {
        using var bytes = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Good.Replace("\n", "\r\n", StringComparison.Ordinal)));

        var (text, utf8) = (Replay(Good), EventLogReplay.Replay(bytes, "events.jsonl", Agreements, new Dictionary<string, Domain.Calendars.BusinessCalendar>(), null));

        Assert.Equal(text.Events, utf8.Events);
        Assert.Equal(text.Tickets[new TicketId("T-1")].History, utf8.Tickets[new TicketId("T-1")].History);
        Assert.Equal(text.Complaints[new ComplaintId("K-1")].History.Count, utf8.Complaints[new ComplaintId("K-1")].History.Count);
    }

    [Theory]
    [InlineData("{not json", ProblemCode.MalformedJson, "$")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"TicketTeleported","ticket":"T-1"}""", ProblemCode.UnknownName, "$.type")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"TicketClosed"}""", ProblemCode.MissingProperty, "$.ticket")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"TicketClosed","ticket":"T-9"}""", ProblemCode.UnknownReference, "$.ticket")]
    [InlineData("""{"at":"yesterday","type":"TicketClosed","ticket":"T-1"}""", ProblemCode.InvalidFormat, "$.at")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"PriorityChanged","ticket":"T-1","priority":"Urgent"}""", ProblemCode.UnknownName, "$.priority")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"PriorityChanged","ticket":"T-1","priority":"P1, P2"}""", ProblemCode.UnknownName, "$.priority")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"PriorityChanged","ticket":"T-1","priority":"1"}""", ProblemCode.UnknownName, "$.priority")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"PriorityChanged","ticket":"T-1","priority":" P1"}""", ProblemCode.UnknownName, "$.priority")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"PriorityChanged","ticket":"T-1","priority":1}""", ProblemCode.WrongType, "$.priority")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"PriorityChanged","ticket":"T-1","priority":"P1","priority":"P2"}""", ProblemCode.DuplicateProperty, "$.priority")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"PriorityChanged","ticket":"T-1","priority":"P1","colour":"red"}""", ProblemCode.UnknownProperty, "$.colour")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"TicketReopened","ticket":"T-1","reason":"\ud800"}""", ProblemCode.InvalidText, "$.reason")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"TicketAssigned","ticket":"T-1","staff":"a\u0000b"}""", ProblemCode.InvalidText, "$.staff")]
    [InlineData("""{"at":"2250-01-15T05:00:00Z","type":"TicketClosed","ticket":"T-1"}""", ProblemCode.OutOfRange, "$.at")]
    [InlineData("""{"at":"1900-01-01T05:00:00+08:00","type":"TicketClosed","ticket":"T-1"}""", ProblemCode.OutOfRange, "$.at")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"SpendRecorded","customer":"C-1","year":2025,"amount":{"amount":1e40,"currency":"CNY"}}""", ProblemCode.OutOfRange, "$.amount.amount")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"SpendRecorded","customer":"C-1","year":99999999999,"amount":{"amount":1,"currency":"CNY"}}""", ProblemCode.OutOfRange, "$.year")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"VisitPlanned","visit":"V-2","customer":"C-1","subjectTicket":"T-404","kind":"PhoneCallback","due":"2025-01-16T04:00:00Z","maxAttempts":3}""", ProblemCode.UnknownReference, "$.subjectTicket")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"ComplaintReceived","complaint":"K-2","customer":"C-1","channel":"Online","category":"Delay","severity":"Major","ticket":"T-404"}""", ProblemCode.UnknownReference, "$.ticket")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"ComplaintReceived","complaint":"K-2","customer":"C-1","channel":"Online","category":"Delay","severity":"Major","agreement":"NONE"}""", ProblemCode.UnknownReference, "$.agreement")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"TicketClosed","ticket":"T-1"} [1]""", ProblemCode.MalformedJson, "$")]
    [InlineData("""[{"at":"2025-01-15T05:00:00Z"}]""", ProblemCode.WrongType, "$")]
    [InlineData("""{"at":"2025-01-12T05:00:00Z","type":"TicketClosed","ticket":"T-1"}""", nameof(RuleCode.CommandTimeMustNotPrecedeLastEvent), "$")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"TicketWorkStarted","ticket":"T-1"}""", nameof(RuleCode.TransitionMustBeAllowed), "$")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"ComplaintEscalated","complaint":"K-1","level":1,"target":"lead","reason":"again"}""", nameof(RuleCode.EscalationLevelMustIncrease), "$")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"TicketEscalated","ticket":"T-1","level":2,"target":"lead","reason":"late"}""", nameof(RuleCode.TransitionMustBeAllowed), "$")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"TicketEscalated","ticket":"T-1","level":0,"target":"lead","reason":"late"}""", ProblemCode.OutOfRange, "$.level")]
    public void Replay_ABadLine_FailsWithFileLineCodeAndPath(string line, string code, string path)
    {
        var failure = Assert.Throws<EventLogException>(() => Replay(Good + "\n" + line));

        Assert.Equal(("events.jsonl", NextLine, code, path), (failure.File, failure.Line, failure.Code, failure.Path));
        Assert.StartsWith($"events.jsonl:{NextLine}: ", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public void Replay_ALineOverTheLengthLimit_IsRefusedWithoutReadingFurther()
    {
        var huge = $$"""{"at":"2025-01-15T05:00:00Z","type":"TicketReopened","ticket":"T-1","reason":"{{new string('x', EventLogReplay.MaxLineBytes)}}"}""";
        using var bytes = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Good + "\n" + huge + "\n"));

        var failure = Assert.Throws<EventLogException>(() => EventLogReplay.Replay(bytes, "events.jsonl", Agreements, new Dictionary<string, Domain.Calendars.BusinessCalendar>(), null));

        Assert.Equal((NextLine, ProblemCode.OutOfRange, "$"), (failure.Line, failure.Code, failure.Path));
    }

    [Fact]
    public void Replay_NestingDeeperThanTheLimit_IsMalformed()
    {
        var deep = $$"""{"at":"2025-01-15T05:00:00Z","type":"TicketClosed","ticket":"T-1","x":{{new string('[', 10_000)}}{{new string(']', 10_000)}}}""";

        var failure = Assert.Throws<EventLogException>(() => Replay(Good + "\n" + deep));

        Assert.Equal((NextLine, ProblemCode.MalformedJson), (failure.Line, failure.Code));
    }

    [Fact]
    public void Replay_AnIdOverTheLimit_IsRefusedWhereItIsRead()
    {
        var line = $$"""{"at":"2025-01-15T05:00:00Z","type":"TicketAssigned","ticket":"T-1","staff":"{{new string('s', 129)}}"}""";

        var failure = Assert.Throws<EventLogException>(() => Replay(Good + "\n" + line));

        Assert.Equal((ProblemCode.OutOfRange, "$.staff"), (failure.Code, failure.Path));
    }

    [Fact]
    public void Replay_TheTierOfANewTicket_IsTheTierOnTheLocalDateOfTheAgreementsCalendar()
    {
        // The customer becomes key from 1 January 2025; a ticket opened at 07:00 in Shanghai on that day is 23:00 UTC on 31 December.
        var shanghai = NodaTime.DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        var calendar = Domain.Calendars.BusinessCalendar.CreateBuilder(shanghai).AddOpenHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(17, 0)).Build();
        var at = Instant.FromUtc(2024, 12, 1, 0, 0);
        var sla = ServiceLevelAgreement.Draft(new AgreementId("SH"), "sh", AgreementKind.ServiceLevel, at);
        sla.SetCalendar("shanghai", at);
        sla.AddTarget(Metric.Resolution, null, null, Duration.FromHours(16), TimeBasis.BusinessTime, at);
        sla.Publish(at, at);
        const string log = """
            {"at":"2024-12-01T00:00:00Z","type":"CustomerRegistered","customer":"C-1","name":"Zhang Wei","tier":"gold","since":"2020-05-01"}
            {"at":"2024-12-02T00:00:00Z","type":"TierChanged","customer":"C-1","tier":"key","effectiveFrom":"2025-01-01","reason":"annual review"}
            {"at":"2024-12-31T23:00:00Z","type":"TicketOpened","ticket":"T-1","customer":"C-1","kind":"RepairRequest","channel":"Hotline","priority":"P2","staff":"wang","agreement":"SH"}
            {"at":"2024-12-31T23:00:00Z","type":"TicketOpened","ticket":"T-2","customer":"C-1","kind":"RepairRequest","channel":"Hotline","priority":"P2","staff":"wang"}
            """;

        var cases = EventLogReplay.Replay(new StringReader(log), "tiers.jsonl", new Dictionary<string, AgreementVersion> { ["SH"] = sla.Published }, new Dictionary<string, Domain.Calendars.BusinessCalendar> { ["shanghai"] = calendar }, null);

        Assert.Equal(Domain.Customers.ServiceTier.Key, cases.Tickets[new TicketId("T-1")].CustomerTier);
        Assert.Equal(Domain.Customers.ServiceTier.Gold, cases.Tickets[new TicketId("T-2")].CustomerTier); // no agreement, no default: the UTC date
    }

    [Fact]
    public void Replay_ARecomputeOfATicketsAgreements_ReplacesItsTierAndAgreements_AndIsWrittenBackAsItWasRead()
    {
        var line = """{"at":"2025-01-16T05:00:00Z","type":"TicketAgreementsReselected","ticket":"T-1","tier":"key","agreement":"PM-2025","reason":"tier corrected"}""";

        var cases = Replay(Good + "\n" + line);
        var ticket = cases.Tickets[new TicketId("T-1")];
        var recompute = Assert.IsType<Domain.Tickets.Events.TicketAgreementsReselected>(ticket.History[^1]);

        Assert.Equal(Domain.Customers.ServiceTier.Key, ticket.CustomerTier);
        Assert.Equal((new AgreementReference(new AgreementId("PM-2025"), 1), "tier corrected"), (recompute.Agreement!.Value, recompute.Reason));
        var stream = new MemoryStream();
        using (var writer = new EventLogWriter(stream, leaveOpen: true))
        {
            writer.Write(recompute);
        }

        var written = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("\"type\":\"TicketAgreementsReselected\"", written, StringComparison.Ordinal);
        Assert.Contains("\"tier\":\"key\"", written, StringComparison.Ordinal);
        Assert.Contains("\"agreementVersion\":1", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_ARecomputeOfAComplaintsAgreements_ReplacesItsTierAndTheAgreementItIsEvaluatedUnder()
    {
        var received = """{"at":"2025-01-15T05:00:00Z","type":"ComplaintReceived","complaint":"K-2","customer":"C-1","channel":"Online","category":"Delay","severity":"Major","agreement":"PM-2025","tier":"gold"}""";
        var recompute = """{"at":"2025-01-16T05:00:00Z","type":"ComplaintAgreementsReselected","complaint":"K-2","tier":"key","agreement":"PM-2025","agreementVersion":1,"reason":"a key account after all"}""";

        var cases = Replay(Good + "\n" + received + "\n" + recompute);

        Assert.Equal(Domain.Customers.ServiceTier.Key, cases.Complaints[new ComplaintId("K-2")].CustomerTier);
        Assert.Equal(new AgreementReference(new AgreementId("PM-2025"), 1), cases.ComplaintAgreements[new ComplaintId("K-2")]);
        Assert.IsType<Domain.Complaints.Events.ComplaintAgreementsReselected>(cases.Complaints[new ComplaintId("K-2")].History[^1]);
    }

    [Fact]
    public void Replay_ACaseUnderOtherAgreementsAlone_IsReadAsTheWriterWritesIt()
    {
        var ticket = Domain.Tickets.Ticket.Open(
            new TicketId("T-7"), new CustomerId("C-1"), Domain.Tickets.TicketKind.Inquiry, Channel.Online, Priority.P3, new StaffId("wang"), Domain.Customers.ServiceTier.Gold,
            Instant.FromUtc(2025, 1, 15, 5, 0), agreement: null, otherAgreements: [new AgreementReference(new AgreementId("PM-2025"), 1)]);
        var stream = new MemoryStream();
        using (var writer = new EventLogWriter(stream, leaveOpen: true))
        {
            writer.Write(ticket.History[0]);
        }

        var cases = Replay(Good + "\n" + System.Text.Encoding.UTF8.GetString(stream.ToArray()).TrimEnd('\n'));

        Assert.Equal([new AgreementReference(new AgreementId("PM-2025"), 1)], cases.Tickets[new TicketId("T-7")].OtherAgreements);
        Assert.Null(cases.Tickets[new TicketId("T-7")].Agreement);
    }

    [Fact]
    public void Replay_ARecomputeWithoutATier_IsRefusedAtItsLine()
    {
        var line = """{"at":"2025-01-16T05:00:00Z","type":"TicketAgreementsReselected","ticket":"T-1","agreement":"PM-2025","reason":"no tier"}""";

        var failure = Assert.Throws<EventLogException>(() => Replay(Good + "\n" + line));

        Assert.Equal("$.tier", failure.Path);
    }

    [Fact]
    public void Replay_AComplaintNamingAnAgreement_IsRecordedUnderIt()
    {
        var line = """{"at":"2025-01-15T05:00:00Z","type":"ComplaintReceived","complaint":"K-2","customer":"C-1","channel":"Online","category":"Delay","severity":"Major","agreement":"PM-2025"}""";

        var cases = Replay(Good + "\n" + line);

        Assert.Equal(new AgreementReference(new AgreementId("PM-2025"), 1), cases.ComplaintAgreements[new ComplaintId("K-2")]);
        Assert.False(cases.ComplaintAgreements.ContainsKey(new ComplaintId("K-1")));
    }

    [Fact]
    public void Replay_ATicketClaimingALoss_KeepsTheLoss_AndANegativeOneIsRefusedAtItsLine()
    {
        const string Opened = """{"at":"2025-01-15T04:00:00Z","type":"TicketOpened","ticket":"T-9","customer":"C-1","kind":"FaultReport","channel":"Hotline","priority":"P1","staff":"wang","claimedLoss":{"amount":12000,"currency":"CNY"}}""";

        var cases = Replay(Good + "\n" + Opened);
        var refused = Assert.Throws<EventLogException>(() => Replay(Good + "\n" + Opened.Replace("12000", "-1", StringComparison.Ordinal)));

        Assert.Equal(Money.Yuan(12000m), cases.Tickets[new TicketId("T-9")].ClaimedLoss);
        Assert.Null(cases.Tickets[new TicketId("T-1")].ClaimedLoss);
        Assert.Equal(NextLine, refused.Line);
    }

    [Fact]
    public void Replay_AHoldForAHostsOwnReason_KeepsTheReason_AndABlankOneIsRefusedAtItsLine()
    {
        var custom = Good.Replace("\"reason\":\"WaitingForCustomer\"", "\"reason\":\"awaiting-parts\"", StringComparison.Ordinal);
        var blank = Good.Replace("\"reason\":\"WaitingForCustomer\"", "\"reason\":\"\"", StringComparison.Ordinal);

        var held = Replay(custom).Tickets[new TicketId("T-1")].History.OfType<Domain.Tickets.Events.TicketOnHold>().Single();
        var refused = Assert.Throws<EventLogException>(() => Replay(blank));

        Assert.Equal(new HoldReason("awaiting-parts"), held.Reason);
        Assert.Equal(8, refused.Line);
    }

    [Fact]
    public void Replay_AVisitPlannedWithARetryInterval_RefusesAnEarlierRetry()
    {
        const string Planned = """
            {"at":"2025-01-15T04:00:00Z","type":"VisitPlanned","visit":"V-2","customer":"C-1","kind":"PhoneCallback","due":"2025-01-16T04:00:00Z","maxAttempts":3,"retryInterval":"PT2H"}
            {"at":"2025-01-15T05:00:00Z","type":"VisitAttempt","visit":"V-2","outcome":"WrongNumber"}
            """;

        Assert.Equal(Duration.FromHours(2), Replay(Good + "\n" + Planned).Visits[new VisitId("V-2")].RetryInterval);
        Assert.Equal(Duration.Zero, Replay(Good).Visits[new VisitId("V-1")].RetryInterval);
        Assert.Equal(RuleCode.VisitRetryMustWaitInterval, Assert.Throws<EventLogException>(
            () => Replay(Good + "\n" + Planned + "\n" + """{"at":"2025-01-15T06:59:00Z","type":"VisitAttempt","visit":"V-2","outcome":"Reached"}""")).Rule);
    }

    [Fact]
    public void Replay_ACompletionAfterOnlyUnansweredAttempts_IsRefused() =>
        Assert.Equal(RuleCode.VisitCompletionRequiresReachedCustomer, Assert.Throws<EventLogException>(() => Replay(Good.Replace(
            """{"at":"2025-01-15T04:00:00Z","type":"VisitCompleted",""",
            """{"at":"2025-01-15T03:00:00Z","type":"VisitAttempt","visit":"V-1","outcome":"NoAnswer"}""" + "\n" + """{"at":"2025-01-15T04:00:00Z","type":"VisitCompleted",""",
            StringComparison.Ordinal))).Rule);

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
