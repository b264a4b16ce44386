namespace ServiceQuality.Json.Tests.Files;

/// <summary>Files of the repository the tests check against (the shipped examples, the docs), found above the test output.</summary>
internal static class RepositoryFiles
{
    public static string ReadAllText(params string[] parts) => File.ReadAllText(Find(Path.Combine(parts)));

    public static string[] ReadAllLines(params string[] parts) => File.ReadAllLines(Find(Path.Combine(parts)));

    public static byte[] ReadAllBytes(params string[] parts) => File.ReadAllBytes(Find(Path.Combine(parts)));

    /// <summary>A shipped example of the sample's data folder.</summary>
    public static string SampleData(string name) => ReadAllText("samples", "ServiceDesk", "data", name);

    private static string Find(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"No {relative} above {AppContext.BaseDirectory}.");
    }
}
