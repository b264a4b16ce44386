using System.Globalization;
using System.Net;
using System.Text;

namespace ServiceDesk;

/// <summary>One standalone HTML page with inline SVG charts: no scripts, no external assets.</summary>
internal static class HtmlReport
{
    public static string Render(Report report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ServiceDesk report</title><style>")
            .Append("body{font-family:sans-serif;margin:2em;color:#222}h2{margin-top:2em}table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right}th:first-child,td:first-child{text-align:left}")
            .Append("</style></head><body><h1>ServiceDesk report</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p>{Encode(report.Period)}<br>{report.Customers:N0} customers, {report.Tickets:N0} tickets, {report.Complaints:N0} complaints, {report.Visits:N0} callbacks and visits.</p>");

        html.Append("<h2>SLA compliance by tier and priority</h2>");
        var byTierPriority = report.Compliance
            .GroupBy(c => $"{c.Tier} {c.Priority}")
            .Select(g => (Label: g.Key, Met: g.Sum(c => c.Met), Decided: g.Sum(c => c.Met + c.Missed)))
            .Where(g => g.Decided > 0)
            .Select(g => (g.Label, Value: g.Met * 100d / g.Decided))
            .ToList();
        html.Append(Bars(byTierPriority, 100d, "%"));

        html.Append("<h2>Escalations recorded on tickets and complaints, by level and reason</h2>");
        html.Append(Bars([.. report.EscalationsRecorded.Select(e => ($"level {e.Level}: {e.Reason}", (double)e.Cases))], null, string.Empty));
        html.Append("<h2>Escalations due at the evaluation instant, by level and reason</h2>");
        html.Append(Bars([.. report.Escalations.Select(e => ($"level {e.Level}: {e.Reason}", (double)e.Cases))], null, string.Empty));

        html.Append("<h2>Escalations over time (recorded on tickets and complaints, per day)</h2>");
        html.Append(Bars([.. report.EscalationsPerDay.Select(d => (d.Date, (double)d.Count))], null, string.Empty));

        html.Append("<h2>Staff score distribution</h2>");
        html.Append(Bars([.. report.ScoreDistribution.Select((count, bucket) => ($"{bucket * 10}-{(bucket * 10) + 9}", (double)count))], null, string.Empty));

        html.Append("<h2>KPIs against the agreement's objectives</h2><table><tr><th>KPI</th><th>objective</th><th>actual</th><th>verdict</th></tr>");
        foreach (var k in report.Kpis)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(k.Kpi)}</td><td>{Encode(k.Comparison)} {k.ThresholdPercent} %</td><td>{k.Numerator}/{k.Denominator} ({k.ActualPercent:0.##} %)</td><td>{Encode(k.Verdict)}</td></tr>");
        }

        return html.Append("</table></body></html>").ToString();
    }

    /// <summary>A horizontal bar chart as inline SVG.</summary>
    private static string Bars(List<(string Label, double Value)> bars, double? max, string unit)
    {
        const int rowHeight = 22, labelWidth = 220, barWidth = 420;
        var top = max ?? Math.Max(1d, bars.Count == 0 ? 1d : bars.Max(b => b.Value));
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg width=\"{labelWidth + barWidth + 80}\" height=\"{(bars.Count * rowHeight) + 10}\" role=\"img\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = (i * rowHeight) + 5;
            var width = Math.Max(1d, value / top * barWidth);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\" font-size=\"12\">{Encode(label)}</text>")
               .Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{width:0.#}\" height=\"{rowHeight - 6}\" fill=\"#3b7dd8\"/>")
               .Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 4:0.#}\" y=\"{y + 15}\" font-size=\"12\">{value:0.#}{unit}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
