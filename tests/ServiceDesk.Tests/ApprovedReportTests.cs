namespace ServiceDesk.Tests;

/// <summary>
/// The text report of <c>--smoke</c> for a fixed seed is pinned: any change to what the report says shows up here and is
/// approved deliberately, by running the tests with <c>SERVICEDESK_APPROVE=1</c> (which rewrites the approved file) and
/// reviewing the diff.
/// </summary>
public sealed class ApprovedReportTests
{
    [Theory]
    [InlineData("text", "smoke-seed-2025.txt")]
    [InlineData("markdown", "smoke-seed-2025.md")]
    public void Smoke_PrintsTheApprovedReport(string format, string approved)
    {
        var run = SampleRun.Of("--smoke", "--seed", "2025", "--format", format);
        Assert.True(run.Status == 0, run.Stderr);

        var path = SampleRun.Repository(Path.Combine("tests", "ServiceDesk.Tests", "Approved", approved));
        if (Environment.GetEnvironmentVariable("SERVICEDESK_APPROVE") == "1")
        {
            File.WriteAllText(path, run.Stdout);
        }

        var received = Path.Combine(Path.GetTempPath(), "servicedesk-received-" + approved);
        File.WriteAllText(received, run.Stdout);
        Assert.True(
            File.Exists(path) && File.ReadAllText(path).ReplaceLineEndings("\n") == run.Stdout.ReplaceLineEndings("\n"),
            $"The report differs from the approved {path}; compare it with {received} and, if the change is intended, run the tests with SERVICEDESK_APPROVE=1.");
    }
}
