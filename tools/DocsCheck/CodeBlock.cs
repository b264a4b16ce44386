namespace DocsCheck;

/// <summary>The lines of one C# block of a page, each with its line number in the Markdown file.</summary>
/// <param name="Lines">The block's content lines, without the fences.</param>
internal sealed record CodeBlock(IReadOnlyList<SourceLine> Lines);
