using System.Globalization;
using System.Text.Json.Nodes;

namespace ServiceDesk.Tests;

/// <summary>
/// The evaluation instant is a cut: whatever was recorded after it (an escalation, a verdict, a callback, a trust update)
/// does not count. A log replayed with <c>--at</c> must report exactly what the same log, truncated at that instant, reports.
/// </summary>
public sealed class EvaluationCutTests : IDisposable
{
    private readonly Scratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("2025-01-14T12:00:00+08:00")]
    [InlineData("2025-01-15T18:30:00+08:00")]
    public void Report_AtAnInstant_IgnoresEverythingRecordedAfterIt(string at)
    {
        var simulated = SampleRun.Of("--smoke", "--format", "json", "--out", _scratch["simulated.json"], "--export-events", _scratch["all.jsonl"]);
        Assert.True(simulated.Status == 0, simulated.Stderr);
        var cut = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);
        var lines = File.ReadAllLines(_scratch["all.jsonl"]);
        var kept = lines.Where(line => DateTimeOffset.Parse(JsonNode.Parse(line)!["at"]!.GetValue<string>(), CultureInfo.InvariantCulture) <= cut).ToList();
        Assert.True(kept.Count < lines.Length, "the cut must fall inside the run");
        File.WriteAllLines(_scratch["cut.jsonl"], kept);

        var whole = Report(_scratch["all.jsonl"], at);
        var truncated = Report(_scratch["cut.jsonl"], at);

        foreach (var section in new[] { "totals", "kpis", "backlog", "breaches", "escalationsRecorded", "escalationsDue", "escalationsPerDay", "callbacks", "staff", "tiers" })
        {
            Assert.True(JsonNode.DeepEquals(truncated[section], whole[section]), $"{section} counts something recorded after {at}:\n{whole[section]}\nagainst\n{truncated[section]}");
        }

        Assert.True(whole["escalationsRecorded"]!.AsArray().Count > 0, "some escalations must fall before the cut");
        Assert.All(whole["escalationsPerDay"]!.AsArray(), day => Assert.True(string.CompareOrdinal(day!["date"]!.GetValue<string>(), cut.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) <= 0));
    }

    private JsonNode Report(string log, string at)
    {
        var path = _scratch[Guid.NewGuid().ToString("N") + ".json"];
        var run = SampleRun.Of("--events", log, "--at", at, "--format", "json", "--out", path);
        Assert.True(run.Status == 0, run.Stderr);
        return JsonNode.Parse(File.ReadAllText(path))!;
    }
}
