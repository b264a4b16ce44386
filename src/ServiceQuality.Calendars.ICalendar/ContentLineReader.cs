using System.Globalization;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Calendars.ICalendar;

/// <summary>
/// Reads the structure of an iCalendar file with line numbers, which Ical.Net does not keep: unfolds lines, checks each
/// content line's syntax and that every BEGIN has its END, and collects the VEVENTs of each VCALENDAR. Problems are added
/// to the list with the line they are on; reading goes on after each one, so that every problem is reported at once.
/// </summary>
internal static class ContentLineReader
{
    public static List<EventBlock> Read(string text, ProblemList problems)
    {
        var events = new List<EventBlock>();
        var open = new Stack<(string Name, int Line)>();
        List<ContentLine>? eventLines = null;
        List<ContentLine>? eventProperties = null;
        var calendars = 0;

        foreach (var line in Unfold(text, problems))
        {
            if (line.Name == "BEGIN")
            {
                var component = line.Value.Trim().ToUpperInvariant();
                if (open.Count == 0 && component != "VCALENDAR")
                {
                    problems.Add(At(line.Line), ProblemCode.InvalidFormat, $"BEGIN:{component} outside a VCALENDAR; a file holds VCALENDAR components only.");
                }

                calendars += component == "VCALENDAR" && open.Count == 0 ? 1 : 0;
                if (component == "VEVENT" && open.Count == 1 && open.Peek().Name == "VCALENDAR")
                {
                    (eventLines, eventProperties) = ([], []);
                }
                else
                {
                    eventLines?.Add(line);
                }

                open.Push((component, line.Line));
                continue;
            }

            if (line.Name == "END")
            {
                var component = line.Value.Trim().ToUpperInvariant();
                if (open.Count == 0 || !open.Any(o => o.Name == component))
                {
                    problems.Add(At(line.Line), ProblemCode.InvalidFormat, $"END:{component} closes no open component.");
                    continue;
                }

                while (open.Peek().Name != component)
                {
                    var (unclosed, at) = open.Pop();
                    problems.Add(At(at), ProblemCode.InvalidFormat, $"BEGIN:{unclosed} is not closed before END:{component} on line {line.Line}.");
                }

                var (_, begin) = open.Pop();
                if (component == "VEVENT" && eventLines is not null && open.Count == 1)
                {
                    events.Add(new EventBlock(begin, eventProperties!, eventLines));
                    (eventLines, eventProperties) = (null, null);
                }
                else
                {
                    eventLines?.Add(line);
                }

                continue;
            }

            if (open.Count == 0)
            {
                problems.Add(At(line.Line), ProblemCode.InvalidFormat, $"{line.Name} outside a VCALENDAR.");
                continue;
            }

            eventLines?.Add(line);
            if (open.Count == 2 && eventProperties is not null)
            {
                eventProperties.Add(line);
            }
        }

        foreach (var (name, line) in open)
        {
            problems.Add(At(line), ProblemCode.InvalidFormat, $"BEGIN:{name} is never closed.");
        }

        if (calendars == 0 && problems.Count == 0)
        {
            problems.Add(At(1), ProblemCode.Empty, "the file holds no VCALENDAR: it is not an iCalendar file.");
        }

        return events;
    }

    /// <summary>The path of a problem on <paramref name="line"/>: <c>line 12</c>.</summary>
    public static string At(int line) => string.Create(CultureInfo.InvariantCulture, $"line {line}");

    /// <summary>
    /// The content lines of the text: a physical line starting with a space or a tab continues the one before it
    /// (RFC 5545 §3.1); blank lines are skipped. Lines that are not <c>NAME[;params]:value</c> are reported and skipped.
    /// </summary>
    private static IEnumerable<ContentLine> Unfold(string text, ProblemList problems)
    {
        var physical = 0;
        var start = 0;
        var current = new System.Text.StringBuilder();
        var currentLine = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOfAny(['\r', '\n'], start);
            var line = end < 0 ? text[start..] : text[start..end];
            physical++;
            start = end < 0 ? text.Length + 1 : end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);

            if (line.Length > 0 && line[0] is ' ' or '\t' && current.Length > 0)
            {
                current.Append(line, 1, line.Length - 1);
                continue;
            }

            if (current.Length > 0 && Parse(currentLine, current.ToString(), problems) is { } complete)
            {
                yield return complete;
            }

            current.Clear().Append(line);
            currentLine = physical;
            if (line.Length > 0 && line[0] is ' ' or '\t')
            {
                problems.Add(At(physical), ProblemCode.InvalidFormat, "a continuation line (starting with a space) follows no content line.");
                current.Clear();
            }
        }

        if (current.Length > 0 && Parse(currentLine, current.ToString(), problems) is { } last)
        {
            yield return last;
        }
    }

    private static ContentLine? Parse(int line, string text, ProblemList problems)
    {
        if (text.Trim().Length == 0)
        {
            return null;
        }

        var nameEnd = 0;
        while (nameEnd < text.Length && (char.IsAsciiLetterOrDigit(text[nameEnd]) || text[nameEnd] == '-'))
        {
            nameEnd++;
        }

        if (nameEnd == 0 || nameEnd == text.Length || text[nameEnd] is not (';' or ':'))
        {
            problems.Add(At(line), ProblemCode.InvalidFormat, $"'{Shorten(text)}' is not a content line NAME[;PARAMETER=…]:VALUE.");
            return null;
        }

        var quoted = false;
        for (var i = nameEnd; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == ':' && !quoted)
            {
                return new ContentLine(line, text[..nameEnd].ToUpperInvariant(), text[(i + 1)..], text);
            }
        }

        problems.Add(At(line), ProblemCode.InvalidFormat, quoted ? $"'{Shorten(text)}' has an unbalanced quote." : $"'{Shorten(text)}' has no ':' before its value.");
        return null;
    }

    /// <summary>At most 60 characters of a line, for a message.</summary>
    public static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
