namespace ServiceDesk.Tests;

public sealed class OutputTests : IDisposable
{
    private readonly Scratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("--out")]
    [InlineData("--html")]
    [InlineData("--export-events")]
    public void Run_WhenTheOutputDirectoryDoesNotExist_ExitsWith2BeforeSimulating(string option)
    {
        var run = SampleRun.Of("--smoke", option, _scratch["missing/report.txt"]);

        run.AssertRefused("does not exist");
        Assert.Single(run.Messages);
        Assert.Empty(_scratch.Entries);
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--html")]
    [InlineData("--export-events")]
    public void Run_WhenTheOutputIsADirectory_ExitsWith2(string option)
    {
        Directory.CreateDirectory(_scratch["folder"]);

        SampleRun.Of("--smoke", option, _scratch["folder"]).AssertRefused("is a directory");
        SampleRun.Of("--smoke", option, _scratch.Root + "/").AssertRefused("is a directory");
        Assert.Equal(["folder"], _scratch.Entries);
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--html")]
    [InlineData("--export-events")]
    public void Run_WhenTheDiskIsFull_ExitsWith2AndLeavesNothing(string option)
    {
        if (!File.Exists("/dev/full"))
        {
            return; // Only Linux has a full disk at hand.
        }

        var others = new[] { "--out", "--html", "--export-events" }.Where(o => o != option).SelectMany(o => new[] { o, _scratch[o.TrimStart('-')] });
        var run = SampleRun.Of(["--smoke", option, "/dev/full", .. others]);

        run.AssertRefused("disk is full");
        Assert.Empty(_scratch.Entries);
    }

    [Fact]
    public void Run_WhenOutFails_WritesNoHtml()
    {
        if (!File.Exists("/dev/full"))
        {
            return;
        }

        var run = SampleRun.Of("--smoke", "--html", _scratch["report.html"], "--out", "/dev/full");

        run.AssertRefused("--out /dev/full");
        Assert.Empty(_scratch.Entries);
    }

    [Fact]
    public void Run_WhenTheRunFailsAfterPreparingOutputs_LeavesNoTemporaryFilesAndKeepsExistingOnes()
    {
        File.WriteAllText(_scratch["report.txt"], "the earlier report");

        // The outputs are prepared before the simulation, which is refused afterwards (--at before the first case).
        var run = SampleRun.Of("--smoke", "--at", "2025-01-02T00:00:00Z", "--out", _scratch["report.txt"], "--html", _scratch["report.html"], "--export-events", _scratch["events.jsonl"]);

        run.AssertRefused("before the first case");
        Assert.Equal(["report.txt"], _scratch.Entries);
        Assert.Equal("the earlier report", File.ReadAllText(_scratch["report.txt"]));
    }

    [Fact]
    public void Run_WhenStandardOutputFails_ExitsWith2AndCommitsNoFile()
    {
        var run = SampleRun.With(new BrokenStream(), "--smoke", "--html", _scratch["report.html"], "--export-events", _scratch["events.jsonl"]);

        run.AssertRefused("standard output: cannot be written");
        Assert.Empty(_scratch.Entries);
    }

    public static TheoryData<Exception> StderrFailures() => new()
    {
        new UnauthorizedAccessException("Access to the path is denied."), // a closed standard error (EBADF)
        new IOException("No space left on device"),
        new IOException("Broken pipe"),
    };

    [Theory]
    [MemberData(nameof(StderrFailures))]
    public void Run_WhenStandardErrorCannotBeWritten_StillWritesItsReportAndTellsByItsStatus(Exception failure)
    {
        var done = SampleRun.WithFailingStderr(failure, "--smoke", "--timings", "--out", _scratch["report.txt"]);
        var refused = SampleRun.WithFailingStderr(failure, "--smoke", "--at", "2025-01-02T00:00:00Z", "--out", _scratch["refused.txt"]);

        Assert.Equal(0, done.Status);
        Assert.StartsWith("ServiceDesk monthly service report", File.ReadAllText(_scratch["report.txt"]), StringComparison.Ordinal);
        Assert.Equal(2, refused.Status);
        Assert.Equal(["report.txt"], _scratch.Entries);
    }

    [Fact]
    public void Run_WhenStandardOutputIsClosed_ExitsWith2()
    {
        var closed = new MemoryStream();
        closed.Dispose();

        SampleRun.With(closed, "--smoke").AssertRefused("standard output: cannot be written");
        SampleRun.With(closed, "--help").AssertRefused("standard output: cannot be written");
    }

    [Fact]
    public void Run_WhenItSucceeds_ReplacesTheOutputsAndLeavesNoTemporaryFiles()
    {
        File.WriteAllText(_scratch["report.json"], "the earlier report");

        var run = SampleRun.Of("--smoke", "--format", "json", "--out", _scratch["report.json"], "--html", _scratch["report.html"], "--export-events", _scratch["events.jsonl"]);

        Assert.True(run.Status == 0, run.Stderr);
        Assert.Equal(["events.jsonl", "report.html", "report.json"], _scratch.Entries);
        Assert.StartsWith("{", File.ReadAllText(_scratch["report.json"]), StringComparison.Ordinal);
        Assert.Contains("<svg", File.ReadAllText(_scratch["report.html"]), StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--html")]
    [InlineData("--export-events")]
    public void Run_WhenAnOutputNamesTheEventLog_ExitsWith2AndKeepsTheLog(string option)
    {
        var log = _scratch["events.jsonl"];
        File.Copy(SampleRun.Repository("samples/ServiceDesk/data/events.jsonl"), log);
        var before = File.ReadAllText(log);

        SampleRun.Of("--events", log, option, log).AssertRefused("names the same file as --events");
        SampleRun.Of("--events", log, option, Path.Combine(_scratch.Root, ".", "events.jsonl")).AssertRefused("names the same file as --events");
        Assert.Equal(before, File.ReadAllText(log));
        Assert.Equal(["events.jsonl"], _scratch.Entries);
    }

    [Fact]
    public void Run_WhenOutNamesTheDefinitionsThroughALink_ExitsWith2()
    {
        var definitions = _scratch["definitions.json"];
        File.Copy(SampleRun.Repository("samples/ServiceDesk/data/definitions.json"), definitions);
        File.CreateSymbolicLink(_scratch["link.json"], definitions);

        SampleRun.Of("--smoke", "--definitions", definitions, "--out", _scratch["link.json"]).AssertRefused("names the same file as --definitions");
    }

    [Theory]
    [InlineData("--out", "--html")]
    [InlineData("--out", "--export-events")]
    [InlineData("--html", "--export-events")]
    public void Run_WhenTwoOutputsNameTheSameFile_ExitsWith2(string first, string second)
    {
        SampleRun.Of("--smoke", first, _scratch["same"], second, _scratch["same"]).AssertRefused($"{second} {_scratch["same"]} names the same file as {first}");
        Assert.Empty(_scratch.Entries);
    }

    [Fact]
    public void Run_WhenAPathHoldsControlCharacters_EchoesThemEscapedOnOneLine()
    {
        var path = _scratch["bad\ndirectory\r\u001b[31m/report.txt"];

        var run = SampleRun.Of("--smoke", "--out", path);

        run.AssertRefused(@"bad\u000Adirectory\u000D\u001B[31m/report.txt");
        Assert.Equal(run.Message + Environment.NewLine, run.Stderr);
    }
}
