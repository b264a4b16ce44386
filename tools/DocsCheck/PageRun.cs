using System.Text.RegularExpressions;

namespace DocsCheck;

/// <summary>
/// Runs a page's built program from the repository root and checks that it ends normally and prints exactly what
/// the page's output blocks show.
/// </summary>
internal static partial class PageRun
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs the page; returns its problems, empty when it ran as documented.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(Workspace workspace, MarkdownPage page)
    {
        var result = await ProcessResult.RunAsync("dotnet", [workspace.ProgramAssembly(page)], workspace.Root, Timeout).ConfigureAwait(false);
        if (result.ExitCode is null)
        {
            return [$"{page.RelativePath}:{FirstLine(page)}: the page did not finish within {Timeout.TotalSeconds} s"];
        }

        if (result.ExitCode != 0)
        {
            var frame = MarkdownFrame().Match(result.Error);
            var where = frame.Success
                ? $"{workspace.Relative(UnmapPath(workspace, frame.Groups["file"].Value))}:{frame.Groups["line"].Value}"
                : $"{page.RelativePath}:{FirstLine(page)}";
            const string Unhandled = "Unhandled exception. ";
            var exception = result.Error.ReplaceLineEndings("\n").Split('\n').FirstOrDefault(l => l.StartsWith(Unhandled, StringComparison.Ordinal));
            return
            [
                exception is null ? $"{where}: the page exited with status {result.ExitCode}" : $"{where}: the page threw {exception[Unhandled.Length..]}",
                .. Indent(result.Error),
            ];
        }

        return CompareOutput(page, Lines(result.Output));
    }

    private static List<string> CompareOutput(MarkdownPage page, List<string> actual)
    {
        var expected = page.ExpectedOutput.ToList();
        while (expected.Count > 0 && string.IsNullOrWhiteSpace(expected[^1].Text))
        {
            expected.RemoveAt(expected.Count - 1);
        }

        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            string? problem = null;
            if (i >= expected.Count)
            {
                problem = $"{page.RelativePath}:{page.EndOfOutputLine}: the page printed \"{actual[i]}\", which no ```text output block shows";
            }
            else if (i >= actual.Count)
            {
                problem = $"{page.RelativePath}:{expected[i].Number}: the output block shows \"{expected[i].Text.TrimEnd()}\", but the page printed nothing more";
            }
            else if (actual[i] != expected[i].Text.TrimEnd())
            {
                problem = $"{page.RelativePath}:{expected[i].Number}: the page printed \"{actual[i]}\" where its output block shows \"{expected[i].Text.TrimEnd()}\"";
            }

            if (problem is not null)
            {
                return [problem, "    the page printed:", .. actual.Select(line => "    | " + line)];
            }
        }

        return [];
    }

    private static List<string> Lines(string output)
    {
        var lines = output.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static int FirstLine(MarkdownPage page) => page.Code.Count > 0 && page.Code[0].Lines.Count > 0 ? page.Code[0].Lines[0].Number : 1;

    /// <summary>Deterministic CI builds map the repository root to "/_/" in debug information; map it back.</summary>
    private static string UnmapPath(Workspace workspace, string path) =>
        path.StartsWith("/_/", StringComparison.Ordinal) ? Path.Combine(workspace.Root, path[3..]) : path;

    private static IEnumerable<string> Indent(string text) =>
        text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => "    " + line);

    /// <summary>The first stack frame in a Markdown page: <c>in /path/docs/page.md:line 42</c>.</summary>
    [GeneratedRegex(@" in (?<file>.+?\.md):line (?<line>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownFrame();
}
