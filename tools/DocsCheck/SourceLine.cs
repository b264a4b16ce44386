namespace DocsCheck;

/// <summary>One line of a Markdown file.</summary>
/// <param name="Number">Its 1-based line number in the file.</param>
/// <param name="Text">Its text, without the line ending.</param>
internal readonly record struct SourceLine(int Number, string Text);
