namespace DocsCheck;

/// <summary>Where things are: the repository, the snippets project and the generated files under artifacts/docs/.</summary>
internal sealed class Workspace
{
    public Workspace(string root)
    {
        Root = Path.GetFullPath(root);
        SnippetsProject = Path.Combine(Root, "tools", "DocsCheck", "Snippets", "Snippets.csproj");
        Artifacts = Path.Combine(Root, "artifacts", "docs");
        PagesFolder = Path.Combine(Artifacts, "pages");
        TraversalProject = Path.Combine(Artifacts, "pages.proj");
    }

    /// <summary>The repository root (the folder holding ServiceQuality.sln); pages run with it as working directory.</summary>
    public string Root { get; }

    /// <summary>The project each page's program is built with.</summary>
    public string SnippetsProject { get; }

    /// <summary>artifacts/docs/: everything the check generates (ignored by git).</summary>
    public string Artifacts { get; }

    /// <summary>The generated programs, one <c>&lt;page&gt;.cs</c> per page.</summary>
    public string PagesFolder { get; }

    /// <summary>The generated project that builds every page in one MSBuild invocation.</summary>
    public string TraversalProject { get; }

    /// <summary>Finds the repository root at or above a folder.</summary>
    public static Workspace? Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ServiceQuality.sln")))
            {
                return new Workspace(folder.FullName);
            }
        }

        return null;
    }

    public string ProgramSource(MarkdownPage page) => Path.Combine(PagesFolder, page.ProgramName + ".cs");

    public string ProgramAssembly(MarkdownPage page) => Path.Combine(Artifacts, "bin", page.ProgramName, page.ProgramName + ".dll");

    /// <summary>A path as problems name it: from the repository root, with '/' separators, when it lies inside it.</summary>
    public string Relative(string path)
    {
        var relative = Path.GetRelativePath(Root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }
}
