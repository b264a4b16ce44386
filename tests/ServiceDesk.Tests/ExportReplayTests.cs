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

    /// <summary>The report, which holds no measurement, as its text (checked to hold cases).</summary>
    private static string Content(string report)
    {
        var text = File.ReadAllText(report);
        Assert.True(JsonNode.Parse(text)!["totals"]!["tickets"]!.GetValue<int>() > 0);
        return text;
    }
}
