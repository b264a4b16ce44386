using System.Globalization;

namespace ServiceDesk.Tests;

/// <summary>
/// Every hand-written bad file of the JSON package's corpus (one per family of bad input), given to the sample: status 2,
/// one message with the file, line (event logs) and JSON path of the problem, and nothing written.
/// </summary>
public sealed class CorpusTests : IDisposable
{
    private const string Corpus = "tests/ServiceQuality.Json.Tests/Corpus";
    private readonly Scratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    public static TheoryData<string, string, int> Files()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var line in File.ReadAllLines(SampleRun.Repository($"{Corpus}/corpus.txt")).Where(l => l.Length > 0 && l[0] != '#'))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            data.Add(parts[0], parts[2], parts[3] == "-" ? 0 : int.Parse(parts[3], CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Run_OnABadFileOfTheCorpus_ExitsWith2AtItsLocationAndWritesNothing(string file, string path, int line)
    {
        var input = SampleRun.Repository($"{Corpus}/{file}");
        var isLog = file.EndsWith(".jsonl", StringComparison.Ordinal);

        string[] size = isLog ? [] : ["--smoke"];
        var run = SampleRun.Of([isLog ? "--events" : "--definitions", input, .. size, "--out", _scratch["report.json"], "--html", _scratch["report.html"]]);

        run.AssertRefused(isLog ? $"{input}:{line}: {path}: " : $"{input}: {path}: ");
        Assert.Empty(_scratch.Entries);
    }
}
