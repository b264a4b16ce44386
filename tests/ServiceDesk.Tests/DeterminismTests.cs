namespace ServiceDesk.Tests;

public sealed class DeterminismTests : IDisposable
{
    private readonly Scratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Run_WhenRunTwiceWithTheSameSeed_PrintsTheSameBytes()
    {
        var first = SampleRun.Of("--smoke", "--seed", "11");
        var second = SampleRun.Of("--smoke", "--seed", "11");

        Assert.True(first.Status == 0, first.Stderr);
        Assert.NotEmpty(first.Stdout);
        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Fact]
    public void Run_WhenTheSeedDiffers_PrintsADifferentReport()
    {
        // Guards the test above against a report that ignores its input.
        Assert.NotEqual(SampleRun.Of("--smoke", "--seed", "11").Stdout, SampleRun.Of("--smoke", "--seed", "12").Stdout);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("json")]
    public void Run_WhenRunTwice_WritesByteIdenticalFilesInEveryFormat(string format)
    {
        foreach (var run in new[] { "a", "b" })
        {
            var result = SampleRun.Of("--smoke", "--format", format, "--out", _scratch[$"{run}.report"], "--html", _scratch[$"{run}.html"]);
            Assert.True(result.Status == 0, result.Stderr);
        }

        Assert.Equal(File.ReadAllBytes(_scratch["a.report"]), File.ReadAllBytes(_scratch["b.report"]));
        Assert.Equal(File.ReadAllBytes(_scratch["a.html"]), File.ReadAllBytes(_scratch["b.html"]));
    }

    [Fact]
    public void Run_WithTimings_PrintsTheThroughputOnStandardErrorOnly()
    {
        var plain = SampleRun.Of("--smoke");
        var timed = SampleRun.Of("--smoke", "--timings");

        Assert.Equal(plain.Stdout, timed.Stdout);
        Assert.Contains("cases/s", timed.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("cases/s", plain.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("per second", plain.Stdout, StringComparison.Ordinal);
    }
}
