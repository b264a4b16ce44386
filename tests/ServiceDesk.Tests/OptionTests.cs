namespace ServiceDesk.Tests;

public sealed class OptionTests
{
    [Theory]
    [InlineData("--seed", "-1")]
    [InlineData("--seed", "2147483648")]
    [InlineData("--seed", "seven")]
    [InlineData("--days", "0")]
    [InlineData("--days", "367")]
    [InlineData("--days", "99999999999999999999")]
    [InlineData("--customers", "0")]
    [InlineData("--customers", "100001")]
    [InlineData("--customers", "+5")]
    [InlineData("--format", "xml")]
    [InlineData("--at", "yesterday")]
    [InlineData("--at", "-9998-01-01T00:00:00+18:00")]
    public void Run_WhenAnOptionValueIsBad_ExitsWith2NamingTheOption(string option, string value)
    {
        var run = SampleRun.Of(option, value);

        run.AssertRefused(option);
        Assert.Single(run.Messages);
        Assert.Contains(value, run.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1800-01-01T00:00:00Z")]
    [InlineData("2200-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    public void Run_WhenAtIsOutsideTheCalendarsSupportedRange_ExitsWith2BeforeSimulating(string at)
    {
        var run = SampleRun.Of("--smoke", "--at", at);

        run.AssertRefused("supported range");
        Assert.Single(run.Messages);
        Assert.DoesNotContain("day 1/", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WhenAtIsBeforeTheFirstCase_ExitsWith2()
    {
        SampleRun.Of("--smoke", "--at", "2025-01-01T00:00:00Z").AssertRefused("before the first case");
    }

    [Fact]
    public void Run_WhenCustomersTimesDaysIsTooLarge_ExitsWith2()
    {
        SampleRun.Of("--customers", "100000", "--days", "31").AssertRefused("customer-days");
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--html")]
    [InlineData("--events")]
    [InlineData("--definitions")]
    [InlineData("--export-events")]
    [InlineData("--seed")]
    [InlineData("--at")]
    public void Run_WhenAnOptionHasNoValue_ExitsWith2(string option)
    {
        SampleRun.Of("--smoke", option).AssertRefused($"{option} needs a value");
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--html")]
    [InlineData("--events")]
    [InlineData("--definitions")]
    [InlineData("--export-events")]
    public void Run_WhenAFileOptionIsEmpty_ExitsWith2(string option)
    {
        SampleRun.Of("--smoke", option, string.Empty).AssertRefused($"{option} needs a file name");
    }

    [Fact]
    public void Run_WhenAnOptionIsUnknown_ExitsWith2()
    {
        SampleRun.Of("--colour", "red").AssertRefused("--colour");
    }

    [Fact]
    public void Run_WhenHelpIsAsked_PrintsTheUsageWithEveryOptionAndExitsWith0()
    {
        var run = SampleRun.Of("--help");

        Assert.Equal(0, run.Status);
        foreach (var option in new[] { "--seed", "--days", "--customers", "--format", "--out", "--definitions", "--events", "--export-events", "--at", "--html", "--timings", "--smoke" })
        {
            Assert.Contains(option, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Run_WhenTheLargestAllowedValuesAreGiven_AcceptsThem()
    {
        // Parsing only: --help stops the run before it simulates.
        Assert.Equal(0, SampleRun.Of("--seed", "2147483647", "--days", "10", "--customers", "100000", "--help").Status);
        Assert.Equal(0, SampleRun.Of("--seed", "0", "--days", "366", "--customers", "2732", "--help").Status);
    }

    [Theory]
    [InlineData("--smoke", "--days", "5", "--days")]
    [InlineData("--customers", "50", "--smoke", "--customers")]
    [InlineData("--events", "log.jsonl", "--seed", "--seed")]
    [InlineData("--smoke", "--events", "log.jsonl", "--smoke")]
    [InlineData("--format", "text", "--cases", "--cases")]
    [InlineData("--seed", "1", "--seed", "--seed")]
    public void Run_WhenOptionsConflict_ExitsWith2NamingThem(string a, string b, string c, string named)
    {
        string[] args = c == "--seed" && a == "--events" ? [a, b, c, "7"] : a == "--seed" ? [a, b, c, "2"] : [a, b, c];

        SampleRun.Of(args).AssertRefused(named);
    }

    [Fact]
    public void Run_WhenHelpIsAsked_AlignsEveryDescriptionInOneColumn()
    {
        var lines = SampleRun.Of("--help").Stdout.Split('\n').Where(l => l.StartsWith("  --", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(lines);
        var column = lines[0].IndexOf("random seed", StringComparison.Ordinal);
        Assert.All(lines, line => Assert.True(line.Length > column && line[column - 1] == ' ' && line[column - 2] == ' ' && line[column] != ' ', line));
    }
}
