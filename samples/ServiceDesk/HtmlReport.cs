using System.Globalization;
using System.Net;
using System.Text;

namespace ServiceDesk;

/// <summary>
/// One self-contained HTML page: every table of the text report, with captions and headers, and inline SVG charts with
/// accessible names, axes and the objectives drawn on them. Verdicts are coloured and always written out, so the page
/// reads the same in greyscale. No scripts, no external assets.
/// </summary>
internal static class HtmlReport
{
    private const string Green = "#1a7f37", Red = "#c62828", Amber = "#b26a00", Blue = "#3465a4", Grey = "#8a8a8a";

    public static string Render(Report report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(Encode(ReportView.Title)).Append(" – ").Append(Encode(report.Period.From)).Append(" to ").Append(Encode(report.Period.To)).Append("</title>\n<style>\n")
            .Append("body{font-family:system-ui,sans-serif;margin:1.5em auto;max-width:1260px;padding:0 .8em;color:#1d1d1d;line-height:1.4}\n")
            .Append("h2{margin-top:2.2em;border-bottom:2px solid #ddd;padding-bottom:.2em}\n")
            .Append("table{border-collapse:collapse;margin:.8em 0;font-size:.88em}caption{text-align:left;font-weight:600;padding:.3em 0}\n")
            .Append("th,td{padding:3px 6px;border-bottom:1px solid #ddd;text-align:right;vertical-align:top;white-space:nowrap}.wide{overflow-x:auto}th{background:#f3f3f3}.nw{white-space:nowrap}\n")
            .Append("td.t,th.t{text-align:left}th,td.t{white-space:normal}tbody th{font-weight:normal;text-align:left;background:none}\n")
            .Append(".met{color:").Append(Green).Append(";font-weight:600}.notmet{color:").Append(Red).Append(";font-weight:700}.nodata{color:#555}")
            .Append(".yellow{background:#fff3c4}.red{background:#ffd9d6}tr.notmet-row td,tr.notmet-row th{background:#fdeceb}\n")
            .Append(".legend span{display:inline-block;margin-right:1.5em}.swatch{display:inline-block;width:1em;height:1em;vertical-align:-2px;margin-right:.3em;border:1px solid #555}\n")
            .Append("svg{display:block;margin:.6em 0;max-width:100%;height:auto}svg text{font-family:system-ui,sans-serif}p.note{color:#444;max-width:70em}\n")
            .Append("</style>\n</head>\n<body>\n<header>\n<h1>").Append(Encode(ReportView.Title)).Append("</h1>\n");
        foreach (var line in ReportView.Headline(report))
        {
            html.Append("<p>").Append(Encode(line)).Append("</p>\n");
        }

        html.Append("<p class=\"legend\">Legend: ")
            .Append(CultureInfo.InvariantCulture, $"<span><span class=\"swatch\" style=\"background:{Green}\"></span>✓ Met</span>")
            .Append(CultureInfo.InvariantCulture, $"<span><span class=\"swatch\" style=\"background:{Red}\"></span>✗ Not met (also written out)</span>")
            .Append(CultureInfo.InvariantCulture, $"<span><span class=\"swatch\" style=\"background:{Amber}\"></span>Yellow card</span>")
            .Append("<span>– – dashed line: the objective or threshold</span></p>\n</header>\n<main>\n");

        foreach (var section in ReportView.Sections(report))
        {
            html.Append(CultureInfo.InvariantCulture, $"<section id=\"{section.Id}\">\n<h2>{Encode(section.Title)}</h2>\n");
            if (section.Note is { } note)
            {
                html.Append("<p class=\"note\">").Append(Encode(note)).Append("</p>\n");
            }

            html.Append(Chart(section.Id, report));
            Table(html, section);
            html.Append("</section>\n");
        }

        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static void Table(StringBuilder html, Section section)
    {
        if (section.Rows.Count == 0)
        {
            html.Append("<p>None.</p>\n");
            return;
        }

        html.Append("<div class=\"wide\"><table>\n<caption>").Append(Encode(section.Title)).Append("</caption>\n<thead><tr>");
        for (var i = 0; i < section.Headers.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\"{(section.IsText(i) ? " class=\"t\"" : string.Empty)}>{Encode(section.Headers[i])}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in section.Rows)
        {
            var rowClass = row.Mark switch { "Red card" => " class=\"red\"", "Yellow card" => " class=\"yellow\"", Labels.NotMet => " class=\"notmet-row\"", _ => string.Empty };
            html.Append("<tr").Append(rowClass).Append('>');
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                var classes = new List<string>();
                if (section.IsText(i))
                {
                    classes.Add("t");
                }

                var shown = cell switch
                {
                    Labels.Met => (Class: "met", Text: "✓ Met"),
                    Labels.NotMet => (Class: "notmet", Text: "✗ Not met"),
                    Labels.NoData => (Class: "nodata", Text: cell),
                    _ => (Class: (string?)null, Text: cell),
                };
                if (shown.Class is { } c)
                {
                    classes.Add(c);
                }

                var tag = i == 0 ? "th" : "td";
                var scope = i == 0 ? " scope=\"row\"" : string.Empty;
                html.Append('<').Append(tag).Append(scope).Append(classes.Count > 0 ? $" class=\"{string.Join(' ', classes)}\"" : string.Empty).Append('>')
                    .Append(Unbroken(shown.Text)).Append("</").Append(tag).Append('>');
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    /// <summary>
    /// A cell's text, encoded, with each word that holds a hyphen kept on one line (a case id, a staff id, an agreement, a
    /// date): a narrow column wraps between words, never at "K-" or "UC-". The text itself is unchanged.
    /// </summary>
    private static string Unbroken(string text) =>
        !text.Contains('-', StringComparison.Ordinal)
            ? Encode(text)
            : string.Join(' ', text.Split(' ').Select(word => word.Contains('-', StringComparison.Ordinal) ? $"<span class=\"nw\">{Encode(word)}</span>" : Encode(word)));

    private static string Chart(string section, Report r)
    {
        var slaObjective = Threshold(r.Kpis.FirstOrDefault(k => k.Kpi == Labels.Kpi(ServiceQuality.Domain.Agreements.Kpi.SlaCompliance))?.Objective);
        switch (section)
        {
            case "kpis":
                return HorizontalBars(
                    "chart-kpis", "Headline KPIs against their objectives",
                    "Each KPI's actual percentage as a bar, its objective as a dashed line; green when the objective is met, red when not.",
                    [.. r.Kpis.Select(k => new Bar(k.Kpi, (double)(k.ActualPercent ?? 0), $"{Labels.Percent(k.ActualPercent)} – {Verdict(k.Verdict)} (objective {k.Objective})",
                        ColourOf(k.Verdict), Threshold(k.Objective)))],
                    100, "Percent");
            case "compliance":
                var byMetric = r.Compliance.GroupBy(c => c.Metric)
                    .Select(g => (Metric: g.Key, Met: g.Sum(c => c.Met), Decided: g.Sum(c => c.Met + c.Missed)))
                    .Where(g => g.Decided > 0)
                    .Select(g =>
                    {
                        var percent = Math.Round(g.Met * 100m / g.Decided, 1);
                        var verdict = slaObjective is { } objective ? (percent >= objective ? Labels.Met : Labels.NotMet) : Labels.NoData;
                        return new Bar(g.Metric, (double)percent, $"{Labels.Percent(percent)} – {Verdict(verdict)}", ColourOf(verdict), slaObjective);
                    })
                    .ToList();
                return HorizontalBars(
                    "chart-compliance", "Compliance by metric, all priorities and tiers",
                    "Share of promises kept for each metric, with the SLA-compliance objective as a dashed line; the table below breaks each metric down by priority and tier.",
                    byMetric, 100, "Percent of promises kept");
            case "backlog":
                return HorizontalBars(
                    "chart-backlog", "Open cases by state",
                    "How many open cases are overdue, at risk at each warning stage, on track or awaiting closure.",
                    [.. r.Backlog.ByState.Select(b => new Bar(b.State.Split(" (")[0], b.Cases, Labels.Count(b.Cases),
                        b.State == Backlog.Overdue ? Red : b.State.StartsWith("At risk", StringComparison.Ordinal) ? Amber : b.State == Backlog.OnTrack ? Green : Grey, null))],
                    null, "Cases");
            case "escalations-recorded":
                return Columns(
                    "chart-escalations", "Escalations recorded per day",
                    "The number of escalations recorded on tickets and complaints on each day of the period, in the centre's time zone.",
                    [.. r.EscalationsPerDay.Select(d => (d.Date, (double)d.Count))], "Escalations");
            case "staff":
                return HorizontalBars(
                    "chart-staff", "Staff scores against the card thresholds",
                    $"Each member of staff's score, best first; dashed lines mark the yellow-card threshold ({Labels.Score(r.Staff.YellowBelow)}) and the red-card threshold ({Labels.Score(r.Staff.RedBelow)}).",
                    [.. r.Staff.Standings.Select(s => new Bar(s.Staff, (double)s.Score, $"{Labels.Score(s.Score)}{(s.Card == "none" ? string.Empty : " – " + s.Card)}",
                        s.Card == "Red card" ? Red : s.Card == "Yellow card" ? Amber : Blue, null))],
                    100, "Score", [(r.Staff.YellowBelow, Amber, $"yellow card below {Labels.Score(r.Staff.YellowBelow)}"), (r.Staff.RedBelow, Red, $"red card below {Labels.Score(r.Staff.RedBelow)}")], rowHeight: 16);
            default:
                return string.Empty;
        }
    }

    private sealed record Bar(string Label, double Value, string Text, string Colour, decimal? Target);

    /// <summary>A horizontal bar chart with an x axis, tick labels, and per-bar or chart-wide dashed target lines.</summary>
    private static string HorizontalBars(
        string id, string title, string description, IReadOnlyList<Bar> bars, double? max, string axis, IReadOnlyList<(decimal At, string Colour, string Label)>? lines = null, int rowHeight = 24)
    {
        if (bars.Count == 0)
        {
            return string.Empty;
        }

        const int labelWidth = 250, plotWidth = 560, textWidth = 300;
        // Each dashed line's label gets a row of its own above the plot, so labels of nearby lines never overlap.
        var top = 10 + ((lines?.Count ?? 0) * 14);
        var scale = max ?? NiceMax(bars.Max(b => b.Value));
        var height = top + (bars.Count * rowHeight) + 50;
        double X(double value) => labelWidth + (Math.Min(value, scale) / scale * plotWidth);
        var svg = Open(id, title, description, labelWidth + plotWidth + textWidth, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = top + (i * rowHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + (rowHeight * 0.65):0.#}\" text-anchor=\"end\" font-size=\"12\">{Encode(bar.Label)}</text>")
               .Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{Math.Max(1, X(bar.Value) - labelWidth):0.#}\" height=\"{rowHeight - 6}\" fill=\"{bar.Colour}\"><title>{Encode(bar.Label)}: {Encode(bar.Text)}</title></rect>")
               .Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + plotWidth + 8}\" y=\"{y + (rowHeight * 0.65):0.#}\" font-size=\"12\">{Encode(bar.Text)}</text>");
            if (bar.Target is { } target)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X((double)target):0.#}\" x2=\"{X((double)target):0.#}\" y1=\"{y}\" y2=\"{y + rowHeight}\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>");
            }
        }

        var axisY = top + (bars.Count * rowHeight) + 4;
        foreach (var ((at, colour, label), row) in (lines ?? []).Select((line, row) => (line, row)))
        {
            var labelY = 10 + (row * 14);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X((double)at):0.#}\" x2=\"{X((double)at):0.#}\" y1=\"{labelY + 2}\" y2=\"{axisY}\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>")
               .Append(CultureInfo.InvariantCulture, $"<text x=\"{X((double)at) - 4:0.#}\" y=\"{labelY}\" text-anchor=\"end\" font-size=\"11\" fill=\"{colour}\">{Encode(label)}</text>");
        }

        Axis(svg, labelWidth, plotWidth, axisY, scale, axis);
        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>A column chart over days with a y axis of counts and the first day of each week labelled on the x axis.</summary>
    private static string Columns(string id, string title, string description, IReadOnlyList<(string Day, double Value)> days, string axis)
    {
        if (days.Count == 0)
        {
            return string.Empty;
        }

        const int left = 60, plotHeight = 220, top = 20, width = 1000;
        var scale = NiceMax(days.Max(d => d.Value));
        var step = (double)(width - left - 20) / days.Count;
        var svg = Open(id, title, description, width, top + plotHeight + 60);
        for (var tick = 0; tick <= 4; tick++)
        {
            var value = scale * tick / 4;
            var y = top + plotHeight - (value / scale * plotHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - 20}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/>")
               .Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\">{Labels.Number(value)}</text>");
        }

        for (var i = 0; i < days.Count; i++)
        {
            var (day, value) = days[i];
            var h = value / scale * plotHeight;
            var x = left + (i * step);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + 1:0.#}\" y=\"{top + plotHeight - h:0.#}\" width=\"{Math.Max(1, step - 2):0.#}\" height=\"{h:0.#}\" fill=\"{Blue}\"><title>{day}: {Labels.Number(value)}</title></rect>");
            if (i % 7 == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 1:0.#}\" y=\"{top + plotHeight + 16}\" font-size=\"11\">{day}</text>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - 20}\" y1=\"{top + plotHeight}\" y2=\"{top + plotHeight}\" stroke=\"#000\"/>")
           .Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{left}\" y1=\"{top}\" y2=\"{top + plotHeight}\" stroke=\"#000\"/>")
           .Append(CultureInfo.InvariantCulture, $"<text x=\"{left + ((width - left) / 2)}\" y=\"{top + plotHeight + 40}\" text-anchor=\"middle\" font-size=\"12\">Day (local date)</text>")
           .Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{top + (plotHeight / 2)}\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 14 {top + (plotHeight / 2)})\">{Encode(axis)}</text>");
        return svg.Append("</svg>\n").ToString();
    }

    private static StringBuilder Open(string id, string title, string description, int width, int height) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">")
        .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Encode(title)}</title><desc id=\"{id}-desc\">{Encode(description)}</desc>");

    private static void Axis(StringBuilder svg, int left, int width, int y, double scale, string label)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{left + width}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#000\"/>");
        for (var tick = 0; tick <= 4; tick++)
        {
            var value = scale * tick / 4;
            var x = left + (value / scale * width);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{y}\" y2=\"{y + 5}\" stroke=\"#000\"/>")
               .Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y + 18}\" text-anchor=\"middle\" font-size=\"11\">{Labels.Number(value)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + (width / 2)}\" y=\"{y + 36}\" text-anchor=\"middle\" font-size=\"12\">{Encode(label)}</text>");
    }

    /// <summary>A round axis maximum at or above <paramref name="value"/>: 1, 2, 2.5 or 5 times a power of ten, times four ticks.</summary>
    private static double NiceMax(double value)
    {
        if (value <= 0)
        {
            return 4;
        }

        var raw = value / 4;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * power).First(s => s >= raw);
        return Math.Max(4, step * 4);
    }

    private static decimal? Threshold(string? objective) =>
        objective is not null && objective.Split(' ') is [_, _, var number, "%"] && decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var t) ? t : null;

    private static string ColourOf(string verdict) => verdict switch { Labels.Met => Green, Labels.NotMet => Red, _ => Grey };

    private static string Verdict(string verdict) => verdict switch { Labels.Met => "✓ Met", Labels.NotMet => "✗ Not met", _ => verdict };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
