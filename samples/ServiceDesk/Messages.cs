using System.Globalization;
using System.Text;

namespace ServiceDesk;

/// <summary>What the sample prints on standard error: every line escaped, so no input can forge a line of its own.</summary>
internal static class Messages
{
    /// <summary>
    /// Escapes control characters (C0, DEL, C1), the Unicode line and paragraph separators and lone surrogates as
    /// <c>\uXXXX</c>: a path or value holding a line break is shown on the one line of its message.
    /// </summary>
    public static string Escape(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
            }
            else if (NeedsEscape(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>Writes one message line, escaped; a standard error that cannot be written (full, closed, a broken pipe) is given up on.</summary>
    public static void Say(TextWriter stderr, string line)
    {
        try
        {
            stderr.WriteLine(Escape(line));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nowhere is left to report to (a closed standard error fails with EBADF, which .NET reports as an
            // UnauthorizedAccessException); the exit status still tells.
        }
    }

    /// <summary>Rewrites the progress line in place (a carriage return, then the escaped text).</summary>
    public static void Progress(TextWriter stderr, string text)
    {
        try
        {
            stderr.Write($"\r{Escape(text)}    ");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // As for Say.
        }
    }

    // Surrogates are checked in pairs by Escape; here any surrogate sends the text through the slow path.
    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' || char.IsSurrogate(c);
}
