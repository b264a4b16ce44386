using ServiceQuality.Domain.Customers;

namespace ServiceDesk.Tests;

public sealed class InputTests : IDisposable
{
    private readonly Scratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("--events")]
    [InlineData("--definitions")]
    public void Run_WhenAnInputIsMissing_ExitsWith2NamingIt(string option)
    {
        var run = SampleRun.Of(option, _scratch["absent.json"], "--out", _scratch["report.txt"]);

        run.AssertRefused($"{_scratch["absent.json"]}: cannot be read: no such file");
        Assert.Empty(_scratch.Entries);
    }

    [Theory]
    [InlineData("--events")]
    [InlineData("--definitions")]
    public void Run_WhenAnInputIsADirectory_ExitsWith2(string option)
    {
        SampleRun.Of(option, _scratch.Root, "--out", _scratch["report.txt"]).AssertRefused("is a directory");
        Assert.Empty(_scratch.Entries);
    }

    [Fact]
    public void Run_WhenTheLogRecomputesCasesAgreements_MeasuresThemForTheRecomputedTier()
    {
        var log = File.ReadAllText(SampleRun.Repository("samples/ServiceDesk/data/events.jsonl")).TrimEnd('\n') + "\n" + string.Join('\n',
            """{"at":"2025-02-08T01:00:00Z","type":"TicketAgreementsReselected","ticket":"T-2","tier":"gold","agreement":"PM-2025","reason":"tier corrected"}""",
            """{"at":"2025-02-08T02:00:00Z","type":"ComplaintReceived","complaint":"K-9","customer":"C-1","channel":"Online","category":"Delay","severity":"Major","agreement":"PM-2025","tier":"gold"}""",
            """{"at":"2025-02-08T03:00:00Z","type":"ComplaintAgreementsReselected","complaint":"K-9","tier":"key","agreement":"PM-2025","reason":"a key account after all"}""") + "\n";
        File.WriteAllText(_scratch["events.jsonl"], log);

        var run = SampleRun.Of("--events", _scratch["events.jsonl"], "--format", "json", "--cases");

        Assert.True(run.Status == 0, run.Stderr);
        var rows = System.Text.Json.Nodes.JsonNode.Parse(run.Stdout)!["cases"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!["tier"]!.GetValue<string>());
        Assert.Equal((Labels.Tier(ServiceTier.Gold), Labels.Tier(ServiceTier.Key)), (rows["T-2"], rows["K-9"]));
    }

    [Fact]
    public void Run_WhenALoggedCaseNamesNoAgreementAndBeganBeforeTheDefaultTookEffect_ExitsWith2NamingIt()
    {
        var log = string.Join('\n',
            """{"at":"2024-10-01T01:00:00Z","type":"CustomerRegistered","customer":"C-9","name":"Early","tier":"gold","since":"2020-01-01"}""",
            """{"at":"2024-10-02T01:00:00Z","type":"TicketOpened","ticket":"T-9","customer":"C-9","kind":"Inquiry","channel":"Hotline","priority":"P3","staff":"wang"}""") + "\n";
        File.WriteAllText(_scratch["events.jsonl"], log);

        var run = SampleRun.Of("--events", _scratch["events.jsonl"], "--out", _scratch["report.txt"]);

        run.AssertRefused("ticket 'T-9' names no agreement");
        Assert.Equal(["events.jsonl"], _scratch.Entries);
    }

    [Fact]
    public void Run_WhenTheEventLogHasABadLine_ReportsItsFileAndLine()
    {
        var log = SampleRun.Repository("samples/ServiceDesk/data/bad-events.jsonl");

        var run = SampleRun.Of("--events", log, "--out", _scratch["report.txt"]);

        run.AssertRefused($"{log}:2: $.ticket: unknown ticket 'T-404'");
        Assert.Empty(_scratch.Entries);
    }

    [Fact]
    public void Run_WhenTheDefinitionsAreBad_ReportsEveryProblemWithItsJsonPath()
    {
        var definitions = SampleRun.Repository("samples/ServiceDesk/data/bad-definitions.json");

        var run = SampleRun.Of("--definitions", definitions, "--out", _scratch["report.txt"]);

        Assert.Equal(2, run.Status);
        Assert.All(run.Messages, line => Assert.StartsWith($"{definitions}: $.", line, StringComparison.Ordinal));
        Assert.Contains(run.Messages, line => line.Contains("$.agreements[0].targets[0].duration", StringComparison.Ordinal));
        Assert.Empty(_scratch.Entries);
    }

    [Fact]
    public void Run_WhenAnEventLogLineHoldsALineBreak_EchoesItEscaped()
    {
        var log = _scratch["events\n.jsonl"];
        File.WriteAllText(log, "{\"at\":\"2025-01-17T01:00:00Z\",\"type\":\"Ticket\\nteleported\",\"ticket\":\"T-1\"}\n");

        var run = SampleRun.Of("--events", log);

        run.AssertRefused(@"events\u000A.jsonl:1: $.type: unknown event type 'Ticket\u000Ateleported'");
        Assert.Equal(run.Message + Environment.NewLine, run.Stderr);
    }

    [Fact]
    public void Run_WhenTheEventLogsInstantsLieOutsideTheSupportedRange_ExitsWith2()
    {
        var log = _scratch["old.jsonl"];
        File.WriteAllLines(log,
        [
            "{\"at\":\"1800-01-10T01:00:00Z\",\"type\":\"CustomerRegistered\",\"customer\":\"C-1\",\"name\":\"Zhang Wei\",\"tier\":\"gold\",\"since\":\"1800-01-01\"}",
            "{\"at\":\"1800-01-13T01:00:00Z\",\"type\":\"TicketOpened\",\"ticket\":\"T-1\",\"customer\":\"C-1\",\"kind\":\"RepairRequest\",\"channel\":\"Hotline\",\"priority\":\"P2\",\"staff\":\"wang\"}",
        ]);

        SampleRun.Of("--events", log).AssertRefused("old.jsonl:1: $.at: '1800-01-10T01:00:00Z' is outside what the library supports");
    }
}
