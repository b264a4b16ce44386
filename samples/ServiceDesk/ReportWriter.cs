using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ServiceDesk;

/// <summary>Renders a <see cref="Report"/> as text (aligned columns), markdown (tables) or JSON (the report's shape), the same sections in each.</summary>
internal static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the report to <paramref name="destination"/> as UTF-8.</summary>
    public static void Write(Report report, string format, Stream destination)
    {
        if (format == "json")
        {
            JsonSerializer.Serialize(destination, report, Json);
            destination.Write("\n"u8);
            return;
        }

        using var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        writer.Write(Render(report, markdown: format == "markdown"));
    }

    public static string Render(Report r, bool markdown)
    {
        var text = new StringBuilder();
        text.Append(markdown ? "# " : string.Empty).AppendLine(ReportView.Title);
        if (!markdown)
        {
            text.AppendLine(new string('=', ReportView.Title.Length));
        }

        text.AppendLine();
        foreach (var line in ReportView.Headline(r))
        {
            text.AppendLine(markdown ? "- " + line : line);
        }

        foreach (var section in ReportView.Sections(r))
        {
            text.AppendLine().AppendLine(markdown ? "## " + section.Title : section.Title);
            if (!markdown)
            {
                text.AppendLine(new string('-', section.Title.Length));
            }

            if (section.Note is { } note)
            {
                text.AppendLine().AppendLine(note);
            }

            text.AppendLine();
            if (section.Rows.Count == 0)
            {
                text.AppendLine("None.");
            }
            else if (markdown)
            {
                Markdown(text, section);
            }
            else
            {
                Columns(text, section);
            }
        }

        return text.ToString();
    }

    private static void Columns(StringBuilder text, Section section)
    {
        var widths = section.Headers.Select((h, i) => Math.Max(h.Length, section.Rows.Max(r => r.Cells[i].Length))).ToArray();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((c, i) => section.IsText(i) ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
        text.AppendLine(Line(section.Headers));
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in section.Rows)
        {
            text.AppendLine(Line(row.Cells));
        }
    }

    private static void Markdown(StringBuilder text, Section section)
    {
        static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);
        text.AppendLine("| " + string.Join(" | ", section.Headers.Select(Cell)) + " |");
        text.AppendLine("|" + string.Join("|", section.Headers.Select((_, i) => section.IsText(i) ? "---" : "---:")) + "|");
        foreach (var row in section.Rows)
        {
            text.AppendLine("| " + string.Join(" | ", row.Cells.Select(Cell)) + " |");
        }
    }
}
