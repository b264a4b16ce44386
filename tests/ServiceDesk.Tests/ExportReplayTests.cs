using System.Text.Json.Nodes;

namespace ServiceDesk.Tests;

public sealed class ExportReplayTests : IDisposable
{
    private readonly Scratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData(false, "2025")]
    [InlineData(false, "7")]
    [InlineData(true, "2025")]
    public void Run_WhenTheExportedLogIsReplayed_GivesTheSameReport(bool withDefinitions, string seed)
    {
        string[] definitions = withDefinitions ? ["--definitions", SampleRun.Repository("samples/ServiceDesk/data/definitions.json")] : [];

        var simulated = SampleRun.Of(["--smoke", "--seed", seed, "--format", "json", "--out", _scratch["simulated.json"], "--export-events", _scratch["events.jsonl"], .. definitions]);
        var replayed = SampleRun.Of(["--events", _scratch["events.jsonl"], "--format", "json", "--out", _scratch["replayed.json"], .. definitions]);

        Assert.True(simulated.Status == 0, simulated.Stderr);
        Assert.True(replayed.Status == 0, replayed.Stderr);
        Assert.Equal(Content(_scratch["simulated.json"]), Content(_scratch["replayed.json"]));
    }

    [Fact]
    public void Run_WhenTheLogIsExportedFromAReplay_WritesTheSameLog()
    {
        SampleRun.Of("--smoke", "--format", "json", "--out", _scratch["report.json"], "--export-events", _scratch["first.jsonl"]);

        var run = SampleRun.Of("--events", _scratch["first.jsonl"], "--format", "json", "--out", _scratch["report2.json"], "--export-events", _scratch["second.jsonl"]);

        Assert.True(run.Status == 0, run.Stderr);
        Assert.Equal(File.ReadAllText(_scratch["first.jsonl"]), File.ReadAllText(_scratch["second.jsonl"]));
    }

    [Fact]
    public void Run_WhenALogNamesAnAgreementById_ReplaysEachCaseUnderTheVersionInForceAtItsStart()
    {
        // data/events.jsonl names PM-2025 for a ticket of 13 January and one of 24 January; version 2 is in force from 15 January.
        var run = SampleRun.Of(
            "--definitions", SampleRun.Repository("samples/ServiceDesk/data/definitions.json"), "--events", SampleRun.Repository("samples/ServiceDesk/data/events.jsonl"), "--format", "json");

        Assert.True(run.Status == 0, run.Stderr);
        var versions = JsonNode.Parse(run.Stdout)!["agreements"]!.AsArray().ToDictionary(a => a!["agreement"]!.GetValue<string>(), a => a!["tickets"]!.GetValue<int>());
        Assert.Equal((1, 1, 0, 2, 2), (versions["PM-2025 v1"], versions["PM-2025 v2"], versions["PM-2025-KEY v1"], versions["OLA-repairs v1"], versions["UC-LIFTS v1"]));
    }

    /// <summary>The report, which holds no measurement, as its text (checked to hold cases).</summary>
    private static string Content(string report)
    {
        var text = File.ReadAllText(report);
        Assert.True(JsonNode.Parse(text)!["totals"]!["tickets"]!.GetValue<int>() > 0);
        return text;
    }
}
