namespace ServiceDesk;

/// <summary>Reports progress on the calling thread, in order (unlike <see cref="Progress{T}"/>, which posts to the thread pool).</summary>
internal sealed class SynchronousProgress(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}
