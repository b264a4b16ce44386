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
