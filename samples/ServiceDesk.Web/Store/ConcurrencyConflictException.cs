namespace ServiceDesk.Web.Store;

/// <summary>A stream moved on after its writer read it: the append was refused and nothing of it was written.</summary>
internal sealed class ConcurrencyConflictException(string stream, int expectedVersion, int? actualVersion, Exception? inner = null)
    : Exception(actualVersion is { } actual
        ? $"{stream} is at version {actual}, not {expectedVersion}: read it again and retry."
        : $"{stream} moved on from version {expectedVersion} while this change was written: read it again and retry.", inner)
{
    public string Stream { get; } = stream;

    public int ExpectedVersion { get; } = expectedVersion;

    public int? ActualVersion { get; } = actualVersion;
}
