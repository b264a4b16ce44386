namespace ServiceDesk;

/// <summary>
/// The files a run writes, all or none: each is written to a temporary file in its target's directory and moved into
/// place by <see cref="Commit"/>, once the whole run has succeeded; <see cref="Dispose"/> deletes whatever was not
/// committed, so a failed run leaves nothing and never replaces an existing file. A device or pipe (<c>/dev/null</c>,
/// <c>/dev/full</c>) cannot be replaced, so it is written in place, after the run and before the files are committed.
/// </summary>
internal sealed class OutputFiles : IDisposable
{
    private readonly List<Target> _targets = [];

    private OutputFiles()
    {
    }

    /// <summary>
    /// Checks every output before any work is done — its directory exists, it is not a directory, it is not an input or
    /// another output — and creates the temporary files, which proves the directories writable.
    /// </summary>
    /// <param name="outputs">The outputs as (option, path), the absent ones left out.</param>
    /// <param name="inputs">The input files as (option, path), which no output may name.</param>
    public static OutputFiles Prepare(IEnumerable<(string Option, string Path)> outputs, IEnumerable<(string Option, string Path)> inputs)
    {
        var files = new OutputFiles();
        try
        {
            var named = inputs.Select(input => (input.Option, input.Path, Full: FullPath(input.Option, input.Path))).Select(i => (i.Option, i.Path, i.Full, Entry: FileSystemEntry.Of(i.Full))).ToList();
            foreach (var (option, path) in outputs)
            {
                var full = FinalPath(option, path);
                var entry = FileSystemEntry.Of(full);
                foreach (var other in named)
                {
                    if (string.Equals(full, other.Full, StringComparison.Ordinal) || entry.IsSameAs(other.Entry))
                    {
                        throw new SampleException($"{option} {path} names the same file as {other.Option} {other.Path}; choose another file.");
                    }
                }

                files._targets.Add(entry.Kind switch
                {
                    EntryKind.Directory => throw new SampleException($"{option} {path} is a directory; name a file."),
                    EntryKind.Special => new Target(option, path, full, null, null),
                    _ => CreateTemporary(option, path, full),
                });
                named.Add((option, path, full, entry));
            }

            return files;
        }
        catch
        {
            files.Dispose();
            throw;
        }
    }

    /// <summary>Writes the output of <paramref name="option"/> (to its temporary file, or in place for a device).</summary>
    /// <exception cref="SampleException">It cannot be written (a full disk, a device refusing, the writer's own refusal).</exception>
    public void Write(string option, Action<Stream> write)
    {
        var target = _targets.Single(t => t.Option == option);
        try
        {
            if (target.Stream is { } temporary)
            {
                write(temporary);
                temporary.Flush(flushToDisk: true);
                temporary.Dispose();
            }
            else
            {
                using var device = new FileStream(target.FullPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
                using var buffered = new BufferedStream(device, 64 * 1024);
                write(buffered);
                buffered.Flush();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            throw new SampleException($"{option} {target.Path}: cannot be written: {Reason(e)}", e);
        }
    }

    /// <summary>Moves every temporary file into place, replacing what was there.</summary>
    public void Commit()
    {
        foreach (var target in _targets.Where(t => t.Temporary is not null))
        {
            try
            {
                File.Move(target.Temporary!, target.FullPath, overwrite: true);
                target.Temporary = null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new SampleException($"{target.Option} {target.Path}: cannot be written: {Reason(e)}", e);
            }
        }
    }

    /// <summary>Deletes the temporary files not committed.</summary>
    public void Dispose()
    {
        foreach (var target in _targets)
        {
            try
            {
                target.Stream?.Dispose();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A write that failed on a full disk left bytes in the stream's buffer, and closing it tries to write them
                // again; the handle is closed all the same, and the temporary file is deleted just below.
            }

            if (target.Temporary is { } temporary)
            {
                try
                {
                    File.Delete(temporary);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The run has failed already and says so; a leftover temporary file is named by its hidden name.
                }

                target.Temporary = null;
            }
        }
    }

    /// <summary>Why a file operation failed, without the exception's own path (which may be the temporary file's).</summary>
    public static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "a directory on the path does not exist",
        // On Unix an IOException's HResult is the errno: ENOSPC 28, EBADF 9, EPIPE 32.
        _ when e.HResult == 28 => "no space left on the device (the disk is full)",
        _ when e.HResult == 9 => "it is closed",
        _ when e.HResult == 32 => "the pipe is closed (broken pipe)",
        _ => e.Message,
    };

    private static Target CreateTemporary(string option, string path, string full)
    {
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new SampleException($"{option} {path}: the directory {directory} does not exist.");
        }

        // Hidden, in the target's own directory, so that the final move is a rename on one file system.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            return new Target(option, path, full, temporary, new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SampleException($"{option} {path}: cannot be written in {directory}: {Reason(e)}", e);
        }
    }

    private static string FullPath(string option, string path)
    {
        if (path.Length == 0)
        {
            throw new SampleException($"{option} needs a file name.");
        }

        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new SampleException($"{option} {path}: not a valid path.", e);
        }
    }

    /// <summary>The full path, through symbolic links: the file that is replaced is the one the link names, not the link.</summary>
    private static string FinalPath(string option, string path)
    {
        var full = FullPath(option, path);
        if (path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar))
        {
            throw new SampleException($"{option} {path} is a directory; name a file.");
        }

        try
        {
            return new FileInfo(full).LinkTarget is null ? full : File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SampleException($"{option} {path}: {Reason(e)}", e);
        }
    }

    private sealed class Target(string option, string path, string fullPath, string? temporary, FileStream? stream)
    {
        public string Option { get; } = option;

        public string Path { get; } = path;

        public string FullPath { get; } = fullPath;

        public string? Temporary { get; set; } = temporary;

        public FileStream? Stream { get; } = stream;
    }
}
