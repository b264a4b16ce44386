using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;

namespace ServiceQuality.Domain.Tests.Common;

/// <summary>docs/lifecycles.md shows each aggregate's transition table as generated from its <c>Transitions</c>, so it cannot drift.</summary>
public sealed partial class LifecycleDocsTests
{
    private static readonly (string Name, string Table)[] Expected =
    [
        (nameof(Ticket), Render(Ticket.Transitions)),
        (nameof(Complaint), Render(Complaint.Transitions)),
        (nameof(VisitRecord), Render(VisitRecord.Transitions)),
        (nameof(ServiceLevelAgreement), Render(ServiceLevelAgreement.Transitions)),
        (nameof(Customer), Render(Customer.Transitions)),
    ];

    /// <summary>
    /// One markdown table: a row per state in declaration order, with the commands it accepts (→ the state each leads to,
    /// when it changes) or "none (final)".
    /// </summary>
    internal static string Render<TState, TCommand>(IReadOnlyList<Transition<TState, TCommand>> transitions)
        where TState : struct, Enum
        where TCommand : struct, Enum
    {
        var text = new StringBuilder("| State | Accepts (→ next state) |\n|---|---|\n");
        foreach (var state in Enum.GetValues<TState>())
        {
            var commands = transitions
                .Where(t => t.From.Equals(state))
                .Select(t => t.To.Equals(state) ? $"`{t.Command}`" : $"`{t.Command}` → {t.To}")
                .ToList();
            text.Append(CultureInfo.InvariantCulture, $"| {state} | {(commands.Count == 0 ? "none (final)" : string.Join(", ", commands))} |\n");
        }

        return text.ToString();
    }

    [GeneratedRegex(@"<!-- generated from (\w+)\.Transitions -->\n(.*?)<!-- end -->", RegexOptions.Singleline)]
    private static partial Regex GeneratedBlock();

    private static string Page()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", "lifecycles.md");
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate).ReplaceLineEndings("\n");
            }
        }

        throw new FileNotFoundException($"No docs/lifecycles.md above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void LifecyclesPage_GeneratedBlocks_AreExactlyTheAggregatesTables()
    {
        var blocks = GeneratedBlock().Matches(Page()).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToArray();

        var generated = string.Concat(Expected.Select(e => $"<!-- generated from {e.Name}.Transitions -->\n{e.Table}<!-- end -->\n\n"));
        Assert.True(Expected.SequenceEqual(blocks), $"docs/lifecycles.md is out of date; its generated blocks are, in this order:\n\n{generated}");
    }

    [Fact]
    public void Render_TicketTable_ShowsEachStateWithItsCommandsAndFinalStates()
    {
        var table = Render(Ticket.Transitions);

        Assert.Contains("| New | `Assign` → Assigned, `RecordResponse`,", table, StringComparison.Ordinal);
        Assert.Contains("| Closed | none (final) |", table, StringComparison.Ordinal);
    }
}
