using System.Diagnostics;
using DocsCheck;

// Usage: dotnet run --project tools/DocsCheck -c Release [-- page.md ...]
// With no arguments, checks README.md, every docs/*.md and the package READMEs (src/*/PACKAGE.md). Exit status 0 when every C# block compiled and every
// page ran as documented, 1 when there were problems (each printed as path:line: message), 2 on a usage error.
var stopwatch = Stopwatch.StartNew();
if (Workspace.Find(Environment.CurrentDirectory) is not { } workspace)
{
    await Console.Error.WriteLineAsync("docs check: run it inside the repository (no ServiceQuality.sln found above the current folder)").ConfigureAwait(false);
    return 2;
}

var paths = args.Length > 0
    ? args.Select(Path.GetFullPath).ToList()
    :
    [
        Path.Combine(workspace.Root, "README.md"),
        .. Directory.GetFiles(Path.Combine(workspace.Root, "docs"), "*.md").Order(StringComparer.Ordinal),
        .. Directory.GetFiles(Path.Combine(workspace.Root, "src"), "PACKAGE.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal),
    ];
var missing = paths.Where(p => !File.Exists(p)).ToList();
if (missing.Count > 0)
{
    await Console.Error.WriteLineAsync($"docs check: no such page: {string.Join(", ", missing)}").ConfigureAwait(false);
    return 2;
}

var problems = new List<string>();
var pages = new List<MarkdownPage>();
foreach (var path in paths)
{
    try
    {
        var page = MarkdownPage.Read(path, workspace.Relative(path));
        if (page.Code.Count > 0)
        {
            pages.Add(page);
        }
    }
    catch (FormatException e)
    {
        problems.Add(e.Message);
    }
}

// A program is rewritten only when its page changed, so that an unchanged page is not compiled again; an assembly
// of an earlier run is deleted, so that it cannot stand in for a page that no longer builds.
Directory.CreateDirectory(workspace.PagesFolder);
foreach (var stale in Directory.GetFiles(workspace.PagesFolder).Except(pages.Select(workspace.ProgramSource)))
{
    File.Delete(stale);
}

foreach (var page in pages)
{
    var program = PageProgram.Generate(page);
    var source = workspace.ProgramSource(page);
    if (!File.Exists(source) || await File.ReadAllTextAsync(source).ConfigureAwait(false) != program)
    {
        await File.WriteAllTextAsync(source, program).ConfigureAwait(false);
    }

    if (File.Exists(workspace.ProgramAssembly(page)))
    {
        File.Delete(workspace.ProgramAssembly(page));
    }
}

var buildStart = stopwatch.Elapsed;
if (pages.Count > 0)
{
    problems.AddRange(await PageBuild.RunAsync(workspace, pages).ConfigureAwait(false));
}

var buildTime = stopwatch.Elapsed - buildStart;
var runnable = pages.Where(page => File.Exists(workspace.ProgramAssembly(page))).ToList();
var runs = new IReadOnlyList<string>[runnable.Count];
await Parallel.ForAsync(0, runnable.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, _) =>
    runs[i] = await PageRun.RunAsync(workspace, runnable[i]).ConfigureAwait(false)).ConfigureAwait(false);
problems.AddRange(runs.SelectMany(run => run));

foreach (var problem in problems)
{
    Console.WriteLine(problem);
}

var blocks = pages.Sum(page => page.Code.Count);
var time = string.Create(
    System.Globalization.CultureInfo.InvariantCulture, $"{stopwatch.Elapsed.TotalSeconds:0.0} s, of which restore and build {buildTime.TotalSeconds:0.0} s");
Console.WriteLine(problems.Count == 0
    ? $"docs check: {blocks} C# blocks on {pages.Count} pages compiled and ran as documented ({time})"
    : $"docs check FAILED: {problems.Count(p => !p.StartsWith(' '))} problems in the C# blocks of {pages.Count} pages ({time})");
return problems.Count == 0 ? 0 : 1;
