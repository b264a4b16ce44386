using System.Globalization;
using System.Net;
using System.Text;

namespace ServiceDesk.Web.Dashboard;

/// <summary>The dashboard as one self-contained HTML page: inline styles, no scripts, no external links or images.</summary>
internal static class DashboardPage
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 24px; color: #1f2933; background: #f5f7fa; }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 0 0 10px; }
        .sub { color: #52606d; margin-bottom: 18px; }
        .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
        section { background: #fff; border-radius: 8px; padding: 14px 16px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
        section.wide { grid-column: 1 / span 2; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        th, td { padding: 4px 8px; border-bottom: 1px solid #e4e7eb; text-align: left; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        .big { font-size: 28px; font-weight: 600; margin-right: 6px; }
        .kpis { display: flex; gap: 28px; margin-bottom: 8px; }
        .bar { background: #e4e7eb; border-radius: 4px; height: 10px; width: 160px; display: inline-block; vertical-align: middle; }
        .bar span { display: block; height: 10px; border-radius: 4px; }
        .ok { background: #3f9142; } .warn { background: #de911d; } .bad { background: #cf1124; }
        td.hot { background: #fde8e8; font-weight: 600; } td.warm { background: #fff3c4; }
        .muted { color: #7b8794; }
        """;

    public static string Render(Dashboard d)
    {
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Service desk</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>Service desk</h1><div class=\"sub\">As of ").Append(E(d.Now.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture)))
            .Append(" (").Append(E(d.Now.Zone.Id)).Append(")</div>");
        html.Append("<div class=\"grid\">");
        Backlog(html, d);
        Breaches(html, d);
        Escalations(html, d);
        Month(html, d);
        html.Append("</div></body></html>");
        return html.ToString();
    }

    private static void Backlog(StringBuilder html, Dashboard d)
    {
        html.Append("<section class=\"wide\" id=\"backlog\"><h2>Open cases by how close they are to a broken promise</h2>");
        html.Append("<div class=\"kpis\"><div><span class=\"big\">").Append(N(d.OpenCases)).Append("</span>open tickets and complaints</div></div>");
        html.Append("<table><tr><th>Stage</th>");
        foreach (var due in d.DueBands)
        {
            html.Append("<th class=\"n\">").Append(E(due == Dashboard.NoDueTime ? "No due time" : $"Due {due}")).Append("</th>");
        }

        html.Append("<th class=\"n\">All</th></tr>");
        foreach (var stage in d.Stages)
        {
            var total = d.Backlog.Where(b => b.Key.Stage == stage).Sum(b => b.Value);
            html.Append("<tr><td>").Append(E(stage)).Append("</td>");
            foreach (var due in d.DueBands)
            {
                var count = d.Backlog.GetValueOrDefault((stage, due));
                var hot = count > 0 && (stage == Dashboard.StageNames[0] || due == Dashboard.DueBandNames[1]) ? " hot" : count > 0 && stage.StartsWith("Past", StringComparison.Ordinal) ? " warm" : string.Empty;
                html.Append("<td class=\"n").Append(hot).Append("\">").Append(count == 0 ? "<span class=\"muted\">–</span>" : N(count)).Append("</td>");
            }

            html.Append("<td class=\"n\">").Append(N(total)).Append("</td></tr>");
        }

        html.Append("</table><p class=\"muted\">A case counts once, by its most urgent running clock; \"on hold\" clocks are paused while the case waits for the customer or a third party, so they have no due time until they run again, unless the promise was already broken.</p></section>");
    }

    private static void Breaches(StringBuilder html, Dashboard d)
    {
        html.Append("<section id=\"breaches\"><h2>Promises broken today</h2><div class=\"kpis\"><div><span class=\"big\">")
            .Append(N(d.BreachesToday.Count)).Append("</span>since midnight</div>");
        var ola = d.InternalBreachesToday.GetValueOrDefault(ServiceQuality.Domain.Agreements.AgreementKind.OperationalLevel);
        var contract = d.InternalBreachesToday.GetValueOrDefault(ServiceQuality.Domain.Agreements.AgreementKind.UnderpinningContract);
        html.Append("<div><span class=\"big\">").Append(N(ola + contract)).Append("</span>internal targets missed (")
            .Append(N(ola)).Append(" between teams, ").Append(N(contract)).Append(" by contractors)</div></div>");
        if (d.BreachesToday.Count == 0)
        {
            html.Append("<p class=\"muted\">None so far today.</p></section>");
            return;
        }

        html.Append("<table><tr><th>Time</th><th>Case</th><th>Promise</th><th>With</th></tr>");
        foreach (var b in d.BreachesToday.Take(12))
        {
            html.Append("<tr><td>").Append(E(b.At.ToString("HH:mm", CultureInfo.InvariantCulture))).Append("</td><td>").Append(E(b.CaseId)).Append("</td><td>")
                .Append(E(b.Promise)).Append("</td><td>").Append(E(b.Owner ?? "–")).Append("</td></tr>");
        }

        html.Append("</table>");
        if (d.BreachesToday.Count > 12)
        {
            html.Append("<p class=\"muted\">and ").Append(N(d.BreachesToday.Count - 12)).Append(" more.</p>");
        }

        html.Append("</section>");
    }

    private static void Escalations(StringBuilder html, Dashboard d)
    {
        html.Append("<section id=\"escalations\"><h2>Escalations recorded</h2><div class=\"kpis\"><div><span class=\"big\">").Append(N(d.EscalationsToday))
            .Append("</span>today</div><div><span class=\"big\">").Append(N(d.EscalationsThisMonth)).Append("</span>this month</div></div>");
        if (d.Escalations.Count == 0)
        {
            html.Append("<p class=\"muted\">No case has been escalated this month.</p></section>");
            return;
        }

        html.Append("<table><tr><th>When</th><th>Case</th><th>Passed to</th><th>Why</th></tr>");
        foreach (var e in d.Escalations.Take(12))
        {
            html.Append("<tr><td>").Append(E(e.At.ToString("d MMM HH:mm", CultureInfo.InvariantCulture))).Append("</td><td>").Append(E(e.CaseId)).Append("</td><td>")
                .Append(E(e.Target)).Append("</td><td>").Append(E(Reason(e.Reason))).Append("</td></tr>");
        }

        html.Append("</table></section>");
    }

    private static void Month(StringBuilder html, Dashboard d)
    {
        html.Append("<section class=\"wide\" id=\"compliance\"><h2>Promises kept this month</h2>");
        if (d.Month.Count == 0)
        {
            html.Append("<p class=\"muted\">No promise has come due this month yet.</p></section>");
            return;
        }

        html.Append("<table><tr><th>Promise</th><th class=\"n\">Kept</th><th class=\"n\">Broken</th><th class=\"n\">Kept share</th><th></th></tr>");
        foreach (var c in d.Month)
        {
            var tone = c.Percent >= 95 ? "ok" : c.Percent >= 85 ? "warn" : "bad";
            html.Append("<tr><td>").Append(E(c.Promise)).Append("</td><td class=\"n\">").Append(N(c.Met)).Append("</td><td class=\"n\">").Append(N(c.Missed))
                .Append("</td><td class=\"n\">").Append(c.Percent.ToString("0.0", CultureInfo.InvariantCulture)).Append(" %</td><td><span class=\"bar\"><span class=\"")
                .Append(tone).Append("\" style=\"width:").Append(Math.Round(c.Percent).ToString(CultureInfo.InvariantCulture)).Append("%\"></span></span></td></tr>");
        }

        html.Append("</table></section>");
    }

    /// <summary>An escalation rule's reason code in words (time.75: three quarters of the promised time used).</summary>
    private static string Reason(string code) => code switch
    {
        "time.100" => "promised time ran out",
        _ when code.StartsWith("time.", StringComparison.Ordinal) && int.TryParse(code.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var percent) =>
            percent < 100 ? $"{percent}% of the promised time used" : $"{percent - 100}% past the promised time",
        "severity.major" => "major incident",
        "severity.critical" => "critical incident",
        "customer.key" => "key customer",
        "customer.vip" => "VIP customer",
        "repeat-complaints" or "complaints.repeat" => "repeated complaints",
        "claimed-loss" => "claimed loss over the limit",
        _ => code.Replace('-', ' ').Replace('.', ' '),
    };

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
