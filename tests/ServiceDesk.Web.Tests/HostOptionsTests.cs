namespace ServiceDesk.Web.Tests;

/// <summary>The host's own command-line options, in particular the two measuring modes.</summary>
public sealed class HostOptionsTests
{
    [Fact]
    public void Parse_WhenAskedForTheMeasurements_ReadsTheirCountsAndLeavesTheRestToAspNetCore()
    {
        var options = HostOptions.Parse(["--scheduler-test", "100000", "--urls", "http://127.0.0.1:0"]);

        Assert.Equal(100_000, options.SchedulerTest);
        Assert.Null(options.LoadTest);
        Assert.Equal(["--urls", "http://127.0.0.1:0"], options.Rest);
        Assert.Equal(2_000, HostOptions.Parse(["--load-test", "2000"]).LoadTest);
    }

    [Theory]
    [InlineData("--scheduler-test", "0")]
    [InlineData("--scheduler-test", "many")]
    [InlineData("--load-test", "2000001")]
    public void Parse_WhenTheCountIsNotFromOneToAMillion_NamesTheOptionAndValue(string option, string value)
    {
        var e = Assert.Throws<StartupException>(() => HostOptions.Parse([option, value]));

        Assert.Contains($"{option} {value}", Assert.Single(e.Messages), StringComparison.Ordinal);
    }
}
