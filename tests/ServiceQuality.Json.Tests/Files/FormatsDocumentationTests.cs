using System.Text.RegularExpressions;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Policies.Trust;

namespace ServiceQuality.Json.Tests.Files;

/// <summary>The examples in docs/formats.md are what the loader accepts and means.</summary>
public sealed partial class FormatsDocumentationTests
{
    private static readonly string Formats = RepositoryFiles.ReadAllText("docs", "formats.md");

    [Fact]
    public void DefinitionsExample_LoadsWithEverySection()
    {
        var json = JsonBlocks().Single(block => block.Contains("\"calendars\"", StringComparison.Ordinal));

        var definitions = DefinitionsFile.Load(json);

        var agreement = definitions.Agreements["RES-2025"];
        Assert.Equal((ReopenBehaviour.NewCycle, "desk"), (agreement.Reopen, agreement.CalendarName));
        Assert.Equal(Duration.FromDays(1), agreement.TargetFor(Metric.ComplaintResolution, Priority.P3, ServiceTier.Key)!.Target);
        Assert.Equal([Channel.Hotline, Channel.Online, Channel.WalkIn], agreement.Applicability.Channels);
        Assert.Equal(new LossReporting(Money.Yuan(10000m), 2), agreement.LossReporting);
        var calendar = definitions.Calendars["desk"];
        Assert.False(calendar.IsOpen(Instant.FromUtc(2025, 10, 1, 3, 0))); // a holiday, 11:00 local
        Assert.True(calendar.IsOpen(Instant.FromUtc(2025, 9, 28, 3, 0))); // a Sunday made a working day
        var policies = definitions.Policies;
        Assert.Equal(2, policies.Ladder!.Top);
        Assert.Equal(2, policies.EscalationRules!.Count);
        Assert.Equal(Money.Yuan(200m), policies.FrontLineLimit);
        Assert.Equal(2, policies.ScoringRules!.Count);
        Assert.Equal([90m, 95m], policies.Standings!.StarsFrom);
        Assert.NotNull(policies.Tiers);
        Assert.NotNull(policies.Credits);
        Assert.NotNull(policies.Callbacks);
        var trust = Assert.IsType<TrustPolicy>(policies.Trust);
        Assert.Equal(["delete", "read", "write"], trust.Model.Permissions(["Admin"], ["Disk"], 50));
        Assert.Equal(["read", "write"], trust.Model.Permissions(["Admin"], ["Disk"], 49));
        Assert.Equal(TrustReasons.CriticalObject, trust.Decide("read", ["Admin"], ["Database"], 69).ReasonCode);
    }

    [Fact]
    public void EventLogExample_IsAnExcerptOfTheShippedLogInItsOrder()
    {
        var block = JsonBlocks().Single(b => b.Contains("\"CustomerRegistered\"", StringComparison.Ordinal));
        var shipped = RepositoryFiles.ReadAllLines("samples", "ServiceDesk", "data", "events.jsonl");

        var positions = block.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => Array.IndexOf(shipped, line)).ToList();

        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    private static IEnumerable<string> JsonBlocks() => JsonBlock().Matches(Formats).Select(m => m.Groups[1].Value);

    [GeneratedRegex("```json\\r?\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
