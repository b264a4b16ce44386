namespace DocsCheck;

/// <summary>
/// The C# blocks of one Markdown page, in order, and the output its ```text output blocks show.
/// </summary>
/// <param name="FullPath">The page's absolute path.</param>
/// <param name="RelativePath">The page's path from the repository root, with '/' separators, as problems name it.</param>
/// <param name="Code">The C# blocks (```csharp, ```cs or ```c#), in page order.</param>
/// <param name="ExpectedOutput">Every line of every output block, in page order.</param>
/// <param name="EndOfOutputLine">The line after which output the page has no block for would appear.</param>
internal sealed record MarkdownPage(
    string FullPath,
    string RelativePath,
    IReadOnlyList<CodeBlock> Code,
    IReadOnlyList<SourceLine> ExpectedOutput,
    int EndOfOutputLine)
{
    private static readonly string[] CSharpLanguages = ["csharp", "cs", "c#"];

    /// <summary>The name of the program the page compiles to: its path without ".md", '/' read as '.'.</summary>
    public string ProgramName => RelativePath[..^".md".Length].Replace('/', '.');

    /// <summary>
    /// Reads the fenced blocks of a page. A ```text block is an output block when the fenced block before it is a
    /// C# block and only blank lines lie between them.
    /// </summary>
    /// <exception cref="FormatException">A fence is never closed.</exception>
    public static MarkdownPage Read(string fullPath, string relativePath)
    {
        var lines = File.ReadAllLines(fullPath);
        var code = new List<CodeBlock>();
        var expected = new List<SourceLine>();
        var endOfOutput = 0;
        var previousWasCode = false;
        var lastFenceEnd = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!Fence.TryOpen(lines[i], out var fence))
            {
                continue;
            }

            var content = new List<SourceLine>();
            var close = i + 1;
            while (close < lines.Length && !fence.Closes(lines[close]))
            {
                content.Add(new SourceLine(close + 1, fence.Unindent(lines[close])));
                close++;
            }

            if (close == lines.Length)
            {
                throw new FormatException($"{relativePath}:{i + 1}: the code fence opened here is never closed");
            }

            var onlyBlankLinesBetween = lines[lastFenceEnd..i].All(string.IsNullOrWhiteSpace);
            if (CSharpLanguages.Contains(fence.Language, StringComparer.OrdinalIgnoreCase))
            {
                code.Add(new CodeBlock(content));
                endOfOutput = close + 1;
                previousWasCode = true;
            }
            else
            {
                if (fence.Language == "text" && previousWasCode && onlyBlankLinesBetween)
                {
                    expected.AddRange(content);
                    endOfOutput = close + 1;
                }

                previousWasCode = false;
            }

            lastFenceEnd = close + 1;
            i = close;
        }

        return new MarkdownPage(fullPath, relativePath, code, expected, endOfOutput);
    }

    /// <summary>An opening code fence: its character, length, indentation and language.</summary>
    private readonly record struct Fence(char Character, int Length, int Indent, string Language)
    {
        public static bool TryOpen(string line, out Fence fence)
        {
            fence = default;
            var indent = line.Length - line.TrimStart(' ').Length;
            if (indent > 3 || indent == line.Length || line[indent] is not ('`' or '~'))
            {
                return false;
            }

            var character = line[indent];
            var length = 0;
            while (indent + length < line.Length && line[indent + length] == character)
            {
                length++;
            }

            var info = line[(indent + length)..].Trim();
            if (length < 3 || (character == '`' && info.Contains('`', StringComparison.Ordinal)))
            {
                return false;
            }

            var language = info.Split(' ', 2)[0];
            fence = new Fence(character, length, indent, language);
            return true;
        }

        public bool Closes(string line)
        {
            var trimmed = line.TrimStart(' ');
            if (line.Length - trimmed.Length > 3)
            {
                return false;
            }

            var run = trimmed.Length - trimmed.TrimStart(Character).Length;
            return run >= Length && string.IsNullOrWhiteSpace(trimmed[run..]);
        }

        /// <summary>Removes up to the fence's own indentation from a content line, as CommonMark does.</summary>
        public string Unindent(string line)
        {
            var spaces = 0;
            while (spaces < Indent && spaces < line.Length && line[spaces] == ' ')
            {
                spaces++;
            }

            return line[spaces..];
        }
    }
}
