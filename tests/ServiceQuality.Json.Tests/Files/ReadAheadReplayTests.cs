using System.Globalization;
using System.Text;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Json.Tests.Files;

/// <summary>
/// A replay that reads ahead (a second thread splits and parses the lines while the caller's applies them) builds the
/// same cases and refuses the same first bad line, at the same line, as the replay that does both on one thread: across
/// the reading thread's batches, with long lines carried from one batch to the next, blank lines, CRLF and a byte order mark.
/// </summary>
public sealed class ReadAheadReplayTests
{
    private static readonly Dictionary<string, BusinessCalendar> NoCalendars = [];

    private static readonly Dictionary<string, AgreementVersion> Agreements = new() { ["PM"] = Version(1) };

    private static readonly AgreementCatalog Catalog = new([Version(1)]);

    private static AgreementVersion Version(int version) =>
        new AgreementVersionBuilder(new AgreementId("PM"), version, "pm", AgreementKind.ServiceLevel)
            .AddTarget(Metric.Resolution, null, null, Duration.FromHours(16), TimeBasis.CalendarTime)
            .SetEffective(Instant.FromUtc(2024, 12, 1, 0, 0))
            .Build();

    /// <summary>
    /// A log of <paramref name="tickets"/> ticket lifecycles after 50 customers, about 130 bytes a line (so a few thousand
    /// tickets span many 64 KiB batches), every 97th ticket reopened on a line padded with <paramref name="padding"/>
    /// spaces, blank lines now and then.
    /// </summary>
    private static string Log(int tickets, int padding = 0, string newline = "\n")
    {
        var text = new StringBuilder();
        var start = Instant.FromUtc(2025, 1, 13, 0, 0);
        void Line(Instant at, string rest) =>
            text.Append(CultureInfo.InvariantCulture, $$"""{"at":"{{at.ToString("uuuu-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture)}}",{{rest}}}""").Append(newline);

        for (var c = 0; c < 50; c++)
        {
            Line(start - Duration.FromDays(30), $"\"type\":\"CustomerRegistered\",\"customer\":\"C-{c}\",\"name\":\"Household {c}\",\"tier\":\"{(c % 3 == 0 ? "gold" : "ordinary")}\",\"since\":\"2020-01-01\"");
        }

        for (var t = 0; t < tickets; t++)
        {
            var at = start + Duration.FromMinutes(t);
            Line(at, $"\"type\":\"TicketOpened\",\"ticket\":\"T-{t}\",\"customer\":\"C-{t % 50}\",\"kind\":\"RepairRequest\",\"channel\":\"Hotline\",\"priority\":\"P{1 + (t % 4)}\",\"staff\":\"staff-{t % 7}\",\"agreement\":\"PM\"");
            Line(at + Duration.FromMinutes(5), $"\"type\":\"TicketAssigned\",\"ticket\":\"T-{t}\",\"staff\":\"staff-{t % 7}\",\"department\":\"repairs\"");
            if (t % 11 == 0)
            {
                text.Append(newline);
            }

            Line(at + Duration.FromMinutes(20), $"\"type\":\"TicketWorkStarted\",\"ticket\":\"T-{t}\"");
            Line(at + Duration.FromMinutes(90), $"\"type\":\"TicketResolved\",\"ticket\":\"T-{t}\",\"staff\":\"staff-{t % 7}\"");
            if (t % 97 == 0)
            {
                Line(at + Duration.FromMinutes(100), $"\"type\":\"TicketReopened\",\"ticket\":\"T-{t}\",\"reason\":\"not fixed\"{new string(' ', padding)}");
            }
        }

        return text.ToString();
    }

    private static ReplayedCases Replay(byte[] log, bool readAhead) =>
        EventLogReplay.Replay(new MemoryStream(log, writable: false), "events.jsonl", Agreements, NoCalendars, null, readAhead);

    private static void AssertSameCases(ReplayedCases expected, ReplayedCases actual)
    {
        Assert.Equal(expected.Events, actual.Events);
        Assert.Equal(expected.Customers.Count, actual.Customers.Count);
        Assert.Equal(expected.Tickets.Count, actual.Tickets.Count);
        foreach (var (id, ticket) in expected.Tickets)
        {
            Assert.Equal(ticket.History, actual.Tickets[id].History);
        }

        foreach (var (id, customer) in expected.Customers)
        {
            Assert.Equal(customer.History, actual.Customers[id].History);
        }
    }

    [Theory]
    [InlineData(0, 0, "\n")]
    [InlineData(1, 0, "\n")]
    [InlineData(3000, 0, "\n")]
    [InlineData(3000, 0, "\r\n")]
    [InlineData(400, 150_000, "\n")]
    public void Replay_ReadingAhead_BuildsWhatTheOneThreadReplayBuilds(int tickets, int padding, string newline)
    {
        var log = Encoding.UTF8.GetBytes(Log(tickets, padding, newline));

        var (oneThread, readingAhead) = (Replay(log, readAhead: false), Replay(log, readAhead: true));

        Assert.Equal(50 + (4 * tickets) + ((tickets + 96) / 97), readingAhead.Events);
        AssertSameCases(oneThread, readingAhead);
    }

    [Fact]
    public void Replay_ReadingAhead_TakesAByteOrderMarkAndALastLineWithoutNewline()
    {
        var log = Encoding.UTF8.GetBytes("\uFEFF" + Log(30).TrimEnd('\n'));

        AssertSameCases(Replay(log, readAhead: false), Replay(log, readAhead: true));
    }

    [Fact]
    public void Replay_ReadingAhead_UnderACatalogue_BuildsWhatTheOneThreadReplayBuilds()
    {
        var log = Encoding.UTF8.GetBytes(Log(2000));

        var oneThread = EventLogReplay.Replay(new MemoryStream(log), "events.jsonl", Catalog, NoCalendars, null);
        var readingAhead = EventLogReplay.Replay(new MemoryStream(log), "events.jsonl", Catalog, NoCalendars, null, readAhead: true);

        AssertSameCases(oneThread, readingAhead);
        Assert.Equal(oneThread.Tickets[new TicketId("T-1999")].Agreement, readingAhead.Tickets[new TicketId("T-1999")].Agreement);
    }

    /// <summary>
    /// A bad line far into the log (past many batches) is refused at its line with its code and path, whether the reading
    /// thread finds it (malformed JSON, an unknown type, a line over the limit) or the applying thread does (a broken rule, an
    /// unknown case); a bad line after it is never reached.
    /// </summary>
    [Theory]
    [InlineData("{not json", ProblemCode.MalformedJson, "$")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"TicketTeleported","ticket":"T-1"}""", ProblemCode.UnknownName, "$.type")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"TicketClosed","ticket":"T-99999"}""", ProblemCode.UnknownReference, "$.ticket")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"TicketWorkStarted","ticket":"T-1"}""", nameof(RuleCode.TransitionMustBeAllowed), "$")]
    [InlineData("LONG", ProblemCode.OutOfRange, "$")]
    public void Replay_ReadingAhead_RefusesTheFirstBadLineWhereTheOneThreadReplayDoes(string bad, string code, string path)
    {
        if (bad == "LONG")
        {
            bad = $$"""{"at":"2025-01-15T05:00:00Z","type":"TicketReopened","ticket":"T-1","reason":"{{new string('x', EventLogReplay.MaxLineBytes)}}"}""";
        }

        var good = Log(2000);
        var log = Encoding.UTF8.GetBytes(good + bad + "\n{still not json\n");
        var expectedLine = good.Count(c => c == '\n') + 1;

        var oneThread = Assert.Throws<EventLogException>(() => Replay(log, readAhead: false));
        var readingAhead = Assert.Throws<EventLogException>(() => Replay(log, readAhead: true));

        Assert.Equal((expectedLine, code, path), (readingAhead.Line, readingAhead.Code, readingAhead.Path));
        Assert.Equal(oneThread.Message, readingAhead.Message);
    }

    [Theory]
    [MemberData(nameof(CorpusTests.Corpus), MemberType = typeof(CorpusTests))]
    public void Replay_ReadingAhead_RefusesEachBadLogOfTheCorpusAlike(string file, string code, string path, int line)
    {
        if (!file.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            return;
        }

        var bytes = RepositoryFiles.ReadAllBytes("tests", "ServiceQuality.Json.Tests", "Corpus", file);

        var failure = Assert.Throws<EventLogException>(() => EventLogReplay.Replay(new MemoryStream(bytes), file, new Dictionary<string, AgreementVersion>(), NoCalendars, null, readAhead: true));

        Assert.Equal((code, path, line), (failure.Code, failure.Path, failure.Line));
    }

    [Fact]
    public void Replay_ReadingAhead_AStreamThatFails_ThrowsItsErrorAfterTheLinesBeforeIt()
    {
        var log = Encoding.UTF8.GetBytes(Log(2000));

        var failure = Assert.Throws<IOException>(() => EventLogReplay.Replay(new FailingStream(log, failAt: 200_000), "events.jsonl", Agreements, NoCalendars, null, readAhead: true));

        Assert.Equal("the disk went away", failure.Message);
    }

    /// <summary>A stream of <c>bytes</c> whose reads fail once <c>failAt</c> bytes have been read.</summary>
    private sealed class FailingStream(byte[] bytes, int failAt) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= failAt)
            {
                throw new IOException("the disk went away");
            }

            return base.Read(buffer, offset, count);
        }
    }
}
