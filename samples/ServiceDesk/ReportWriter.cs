using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ServiceDesk;

/// <summary>Renders a <see cref="Report"/> as text (aligned columns), markdown (tables) or JSON (the report's shape).</summary>
internal static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Writes the report to <paramref name="destination"/> as UTF-8, streaming JSON rather than building it in memory.</summary>
    public static void Write(Report report, string format, Stream destination)
    {
        if (format == "json")
        {
            JsonSerializer.Serialize(destination, report, Json);
            destination.Write("\n"u8);
            return;
        }

        using var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        writer.WriteLine(Render(report, markdown: format == "markdown"));
    }

    private static string Render(Report r, bool markdown)
    {
        var text = new StringBuilder();
        void Heading(string title) => text.AppendLine().AppendLine(markdown ? "## " + title : title.ToUpperInvariant()).AppendLine();
        void Table(string[] header, IEnumerable<object?[]> rows)
        {
            var cells = rows.Select(row => row.Select(Format).ToArray()).ToList();
            var widths = header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
            string Line(IReadOnlyList<string> values) => markdown
                ? "| " + string.Join(" | ", values) + " |"
                : string.Join("  ", values.Select((v, i) => v.PadRight(widths[i])));
            text.AppendLine(Line(header));
            text.AppendLine(markdown ? "|" + string.Join("|", header.Select(_ => "---")) + "|" : string.Join("  ", widths.Select(w => new string('-', w))));
            cells.ForEach(c => text.AppendLine(Line(c)));
        }

        text.AppendLine(markdown ? "# ServiceDesk report" : "SERVICEDESK REPORT");
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{r.Period}").AppendLine(CultureInfo.InvariantCulture, $"{r.Customers:N0} customers, {r.Tickets:N0} tickets, {r.Complaints:N0} complaints, {r.Visits:N0} callbacks and visits.");
        Heading("Tier distribution");
        Table(["tier", "customers"], r.Tiers.Select(t => new object?[] { t.Tier, t.Customers }));
        Heading("SLA compliance by metric, tier and priority");
        Table(["metric", "tier", "priority", "met", "missed", "running", "cancelled", "compliance %", "p90 elapsed h"],
            r.Compliance.Select(c => new object?[] { c.Metric, c.Tier, c.Priority, c.Met, c.Missed, c.Running, c.Cancelled, c.CompliancePercent, c.ElapsedP90Hours }));
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Breaches (missed clocks): {r.Breaches:N0}");
        Heading("Escalations recorded on tickets and complaints, by level and reason");
        Table(["level", "reason", "escalations"], r.EscalationsRecorded.Select(e => new object?[] { e.Level, e.Reason, e.Cases }));
        Heading("Escalations due at the evaluation instant, by level and reason");
        text.AppendLine("The policy's decision for each case from the level it has reached (time rules, severity, key customers, repeats, claimed loss).").AppendLine();
        Table(["level", "reason", "cases"], r.Escalations.Select(e => new object?[] { e.Level, e.Reason, e.Cases }));
        Heading("Top 5 staff");
        Table(["staff", "score", "rank", "card", "stars", "complaint-free"], r.TopStaff.Select(Row));
        Heading("Bottom 5 staff");
        Table(["staff", "score", "rank", "card", "stars", "complaint-free"], r.BottomStaff.Select(Row));
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Complaint-free titles: {r.ComplaintFreeStaff} staff");
        Heading("KPIs against the agreement's objectives");
        Table(["kpi", "objective", "actual", "%", "verdict"], r.Kpis.Select(k => new object?[] { k.Kpi, $"{k.Comparison} {k.ThresholdPercent} %", $"{k.Numerator}/{k.Denominator}", k.ActualPercent, k.Verdict }));
        return text.ToString();
    }

    private static object?[] Row(StandingRow s) => [s.Staff, s.Total, s.Rank, s.Card, new string('*', s.Stars), s.ComplaintFree ? "yes" : "no"];

    private static string Format(object? value) => value switch
    {
        null => "-",
        decimal d => d.ToString("0.##", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
