using System.Text;

namespace ServiceDesk.Tests;

/// <summary>One in-process run of the sample: its exit status, standard output and standard error.</summary>
internal sealed record SampleRun(int Status, string Stdout, string Stderr)
{
    /// <summary>The lines of standard error after the progress line (which ends in carriage returns and a line break).</summary>
    public IReadOnlyList<string> Messages =>
        [.. Stderr.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0 && !line.StartsWith('\r') && !line.StartsWith("day ", StringComparison.Ordinal))];

    /// <summary>The run's one message: the last line of standard error.</summary>
    public string Message => Messages.Count > 0 ? Messages[^1] : string.Empty;

    public static SampleRun Of(params string[] args) => With(new MemoryStream(), args);

    public static SampleRun With(Stream stdout, params string[] args)
    {
        var stderr = new StringWriter();
        var status = ServiceDeskApp.Run(args, stdout, stderr);
        return new SampleRun(status, stdout is MemoryStream { CanRead: true } memory ? Encoding.UTF8.GetString(memory.ToArray()) : string.Empty, stderr.ToString());
    }

    /// <summary>A run whose standard error refuses every write with <paramref name="failure"/>, as a closed or full one does.</summary>
    public static SampleRun WithFailingStderr(Exception failure, params string[] args)
    {
        var stdout = new MemoryStream();
        var status = ServiceDeskApp.Run(args, stdout, new FailingWriter(failure));
        return new SampleRun(status, Encoding.UTF8.GetString(stdout.ToArray()), string.Empty);
    }

    /// <summary>A file of the repository, found from the test's output directory upwards.</summary>
    public static string Repository(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ServiceQuality.sln")))
            {
                return Path.Combine(directory.FullName, relative);
            }
        }

        throw new InvalidOperationException("The repository root (ServiceQuality.sln) is not above the test's directory.");
    }

    /// <summary>Asserts a refusal: status 2, one message (after any progress) containing <paramref name="expected"/>, no stack trace.</summary>
    public void AssertRefused(string expected)
    {
        Assert.True(Status == 2, $"status {Status}, expected 2; stderr:\n{Stderr}");
        Assert.Contains(expected, Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Stderr, StringComparison.Ordinal);
    }
}

/// <summary>An empty directory of its own for a test, deleted afterwards.</summary>
internal sealed class Scratch : IDisposable
{
    public Scratch() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "servicedesk-tests-" + Guid.NewGuid().ToString("N"));

    public string this[string name] => Path.Combine(Root, name);

    /// <summary>Every entry of the directory, hidden ones (temporary files) included.</summary>
    public IReadOnlyList<string> Entries => [.. Directory.EnumerateFileSystemEntries(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>A standard output that cannot be written, like a closed descriptor or a pipe whose reader has gone.</summary>
internal sealed class BrokenStream : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => throw new IOException("Broken pipe");

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new IOException("Broken pipe");

    public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("Broken pipe");
}

/// <summary>A writer that refuses every write, as .NET's writer over a closed (EBADF, reported as UnauthorizedAccessException) or full standard error does.</summary>
internal sealed class FailingWriter(Exception failure) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => throw failure;

    public override void Write(string? value) => throw failure;

    public override void WriteLine(string? value) => throw failure;

    public override void Flush() => throw failure;
}
