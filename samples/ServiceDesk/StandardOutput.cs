using System.Runtime.InteropServices;

namespace ServiceDesk;

/// <summary>
/// The process's standard output as a stream that reports every failure. .NET's console stream drops writes to a
/// closed pipe silently, and a <see cref="FileStream"/> over descriptor 1 writes at its own offset (overwriting what
/// standard error wrote to the same file), so on Unix the descriptor is written with <c>write(2)</c> directly: a
/// closed descriptor, a broken pipe or a full disk throws <see cref="IOException"/>.
/// </summary>
internal sealed class StandardOutput : Stream
{
    private const int Descriptor = 1;
    private const int Interrupted = 4;
    private readonly bool _open;

    private StandardOutput(bool open) => _open = open;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>
    /// The standard output; called before any file is opened, so that a closed descriptor 1 is known as closed rather
    /// than mistaken for the next file opened.
    /// </summary>
    public static Stream Open() =>
        OperatingSystem.IsWindows() ? Console.OpenStandardOutput() : new StandardOutput(FileSystemEntry.IsOpen(Descriptor));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!_open)
        {
            throw new IOException("standard output is closed");
        }

        while (!buffer.IsEmpty)
        {
            var written = WriteDescriptor(Descriptor, ref MemoryMarshal.GetReference(buffer), buffer.Length);
            if (written < 0)
            {
                var error = Marshal.GetLastPInvokeError();
                if (error == Interrupted)
                {
                    continue;
                }

                throw new IOException(Marshal.GetPInvokeErrorMessage(error), error);
            }

            buffer = buffer[(int)written..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nint WriteDescriptor(int descriptor, ref byte buffer, nint count);
}
