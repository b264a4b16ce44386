namespace ServiceDesk.Web.Tests;

/// <summary>One host on one temporary SQLite file for the tests of a class (each test uses its own ids).</summary>
public sealed class SharedDesk : IDisposable
{
    internal DeskFactory Factory { get; } = new();

    public void Dispose()
    {
        Factory.Dispose();
        DeskFactory.DeleteFiles(Factory.File);
    }
}
