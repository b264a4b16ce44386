using System.Text;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Json.Tests.Files;

/// <summary>
/// A log replayed against a catalogue gives each case the versions it opened under: those its lines name (as the writer
/// writes them), or, in an older log that names an agreement by id only, the version in force when the case opened and the
/// catalogue's choice beside it.
/// </summary>
public sealed class CatalogReplayTests
{
    private static readonly Instant Dec = Instant.FromUtc(2024, 12, 1, 0, 0);
    private static readonly Instant Mid = Instant.FromUtc(2025, 1, 15, 0, 0);
    private static readonly Dictionary<string, BusinessCalendar> NoCalendars = [];

    private static AgreementVersion Version(string id, int version, AgreementKind kind, Instant from, DepartmentId? team = null) =>
        new AgreementVersionBuilder(new AgreementId(id), version, id, kind)
            .AddTarget(Metric.Resolution, null, null, Duration.FromHours(4 * version), TimeBasis.CalendarTime)
            .SetTeam(team)
            .SetEffective(from)
            .Build();

    private static readonly AgreementCatalog Catalog = new(
    [
        Version("PM", 1, AgreementKind.ServiceLevel, Dec),
        Version("PM", 2, AgreementKind.ServiceLevel, Mid),
        Version("OLA-desk", 1, AgreementKind.OperationalLevel, Dec, new DepartmentId("desk")),
        Version("UC-lifts", 1, AgreementKind.UnderpinningContract, Dec),
    ]);

    private const string Customer = """{"at":"2025-01-01T00:00:00Z","type":"CustomerRegistered","customer":"C-1","name":"Zhang Wei","tier":"gold","since":"2020-05-01"}""";

    private static ReplayedCases Replay(params string[] lines) =>
        EventLogReplay.Replay(new StringReader(string.Join('\n', [Customer, .. lines])), "events.jsonl", Catalog, NoCalendars, null);

    private static AgreementReference Ref(string id, int version) => new(new AgreementId(id), version);

    [Fact]
    public void AnOlderLog_NamingTheAgreementById_GetsTheVersionInForceAtTheStart_AndTheCataloguesChoiceBesideIt()
    {
        var cases = Replay(
            """{"at":"2025-01-10T01:00:00Z","type":"TicketOpened","ticket":"T-1","customer":"C-1","kind":"RepairRequest","channel":"Hotline","priority":"P2","staff":"wang","agreement":"PM"}""",
            """{"at":"2025-01-20T01:00:00Z","type":"TicketOpened","ticket":"T-2","customer":"C-1","kind":"RepairRequest","channel":"Hotline","priority":"P2","staff":"wang","agreement":"PM"}""",
            """{"at":"2025-01-20T02:00:00Z","type":"ComplaintReceived","complaint":"K-1","customer":"C-1","channel":"Online","category":"Delay","severity":"Major","agreement":"PM"}""");

        var (january, later) = (cases.Tickets[new TicketId("T-1")], cases.Tickets[new TicketId("T-2")]);
        Assert.Equal(Ref("PM", 1), january.Agreement);
        Assert.Equal(Ref("PM", 2), later.Agreement);
        Assert.Equal([Ref("OLA-desk", 1), Ref("UC-lifts", 1)], later.OtherAgreements);
        Assert.Equal(Ref("PM", 2), cases.Complaints[new ComplaintId("K-1")].Agreement);
        Assert.Equal([Ref("OLA-desk", 1), Ref("UC-lifts", 1)], cases.Complaints[new ComplaintId("K-1")].OtherAgreements);
    }

    [Fact]
    public void ALogNamingItsVersions_KeepsThem_WhateverIsInForce()
    {
        var cases = Replay(
            """{"at":"2025-01-20T01:00:00Z","type":"TicketOpened","ticket":"T-1","customer":"C-1","kind":"RepairRequest","channel":"Hotline","priority":"P2","staff":"wang","agreement":"PM","agreementVersion":1,"otherAgreements":[{"id":"OLA-desk","version":1}]}""",
            """{"at":"2025-01-20T01:00:00Z","type":"TicketOpened","ticket":"T-2","customer":"C-1","kind":"RepairRequest","channel":"Hotline","priority":"P2","staff":"wang","agreement":"PM","agreementVersion":2}""");

        var (named, plain) = (cases.Tickets[new TicketId("T-1")], cases.Tickets[new TicketId("T-2")]);
        Assert.Equal(Ref("PM", 1), named.Agreement);
        Assert.Equal([Ref("OLA-desk", 1)], named.OtherAgreements);
        Assert.Equal(Ref("PM", 2), plain.Agreement);
        Assert.Empty(plain.OtherAgreements);
    }

    [Fact]
    public void WhatTheWriterWrites_ReplaysToTheSameRecordedAgreements()
    {
        var ticket = Ticket.Open(
            new TicketId("T-1"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P2, new StaffId("wang"), ServiceTier.Gold,
            Instant.FromUtc(2025, 1, 20, 1, 0), Ref("PM", 1), otherAgreements: [Ref("OLA-desk", 1), Ref("UC-lifts", 1)]);
        var customer = Domain.Customers.Customer.Register(
            new CustomerId("C-1"), "Zhang Wei", new ContactDetails(null, null, null), ServiceTier.Gold, new LocalDate(2020, 5, 1), Instant.FromUtc(2025, 1, 1, 0, 0));
        using var bytes = new MemoryStream();
        using (var writer = new EventLogWriter(bytes, leaveOpen: true))
        {
            writer.Write(customer.History[0]);
            writer.Write(ticket.History[0]);
        }

        var text = Encoding.UTF8.GetString(bytes.ToArray());
        var replayed = EventLogReplay.Replay(new StringReader(text), "written.jsonl", Catalog, NoCalendars, null).Tickets[new TicketId("T-1")];

        Assert.Contains("\"agreementVersion\":1", text, StringComparison.Ordinal);
        Assert.Equal(ticket.History[0], replayed.History[0]);
    }

    [Theory]
    [InlineData("\"agreement\":\"PM\",\"agreementVersion\":3", "$.agreementVersion", ProblemCode.UnknownReference)]
    [InlineData("\"agreementVersion\":1", "$.agreementVersion", ProblemCode.Conflict)]
    [InlineData("\"agreement\":\"PM\",\"agreementVersion\":1,\"otherAgreements\":[{\"id\":\"OLA-desk\",\"version\":2}]", "$.otherAgreements[0]", ProblemCode.UnknownReference)]
    [InlineData("\"agreement\":\"PM\",\"agreementVersion\":1,\"otherAgreements\":[{\"id\":\"OLA-desk\",\"version\":1},{\"id\":\"OLA-desk\",\"version\":1}]", "$.otherAgreements[1]", ProblemCode.DuplicateId)]
    [InlineData("\"agreement\":\"NOPE\"", "$.agreement", ProblemCode.UnknownReference)]
    public void ABadAgreementReference_StopsTheReplayAtItsLine(string agreement, string path, string code)
    {
        var line = $$"""{"at":"2025-01-20T01:00:00Z","type":"TicketOpened","ticket":"T-1","customer":"C-1","kind":"RepairRequest","channel":"Hotline","priority":"P2","staff":"wang",{{agreement}}}""";

        var failure = Assert.Throws<EventLogException>(() => Replay(line));

        Assert.Equal((2, path, code), (failure.Line, failure.Path, failure.Code));
    }

    [Theory]
    [InlineData("\"agreement\":\"PM\",\"agreementVersion\":2", "$.agreementVersion")]
    [InlineData("\"agreement\":\"OLA-desk\",\"agreementVersion\":1,\"otherAgreements\":[{\"id\":\"PM\",\"version\":2}]", "$.otherAgreements[0]")]
    public void AVersionNotInForceWhenTheCaseOpened_IsRefusedAtItsLine_AsTheClockWouldRefuseIt(string agreement, string path)
    {
        // PM v2 takes effect on 15 January; this ticket opens on the 10th.
        var line = $$"""{"at":"2025-01-10T01:00:00Z","type":"TicketOpened","ticket":"T-1","customer":"C-1","kind":"RepairRequest","channel":"Hotline","priority":"P2","staff":"wang",{{agreement}}}""";

        var failure = Assert.Throws<EventLogException>(() => Replay(line));

        Assert.Equal((2, path, ProblemCode.Conflict), (failure.Line, failure.Path, failure.Code));
    }

    [Fact]
    public void ARecomputeNamingAVersionNotInForceAtTheCasesStart_IsRefusedAtItsLine()
    {
        var failure = Assert.Throws<EventLogException>(() => Replay(
            """{"at":"2025-01-10T01:00:00Z","type":"TicketOpened","ticket":"T-1","customer":"C-1","kind":"RepairRequest","channel":"Hotline","priority":"P2","staff":"wang","agreement":"PM"}""",
            """{"at":"2025-01-20T01:00:00Z","type":"TicketAgreementsReselected","ticket":"T-1","tier":"key","agreement":"PM","agreementVersion":2,"reason":"new terms"}"""));

        Assert.Equal((3, "$.agreementVersion", ProblemCode.Conflict), (failure.Line, failure.Path, failure.Code));
    }

    [Fact]
    public void AnOlderLog_WithACaseBeforeAnyVersionIsInForce_IsRefusedAtItsLine()
    {
        var line = """{"at":"2024-11-20T01:00:00Z","type":"TicketOpened","ticket":"T-1","customer":"C-1","kind":"RepairRequest","channel":"Hotline","priority":"P2","staff":"wang","agreement":"PM"}""";

        var failure = Assert.Throws<EventLogException>(() => EventLogReplay.Replay(
            new MemoryStream(Encoding.UTF8.GetBytes("""{"at":"2024-11-01T00:00:00Z","type":"CustomerRegistered","customer":"C-1","name":"Zhang Wei","tier":"gold","since":"2020-05-01"}""" + "\n" + line)),
            "events.jsonl", Catalog, NoCalendars, null));

        Assert.Equal((2, "$.agreement", ProblemCode.UnknownReference), (failure.Line, failure.Path, failure.Code));
        Assert.Contains("in force", failure.Message, StringComparison.Ordinal);
    }
}
