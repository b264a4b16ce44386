using System.Runtime.InteropServices;

namespace ServiceDesk;

/// <summary>What a path names, following symbolic links.</summary>
internal enum EntryKind
{
    Missing,
    RegularFile,
    Directory,

    /// <summary>A device, pipe or socket: written in place, never replaced (<c>/dev/full</c>, <c>/dev/null</c>, a FIFO).</summary>
    Special,
}

/// <summary>
/// The kind and identity of a file system entry. .NET reports devices and pipes as ordinary files, so on Linux the
/// entry is asked of the kernel (<c>statx</c>); elsewhere only files and directories are told apart.
/// </summary>
internal readonly record struct FileSystemEntry(EntryKind Kind, ulong Device, ulong Inode)
{
    private const int AtCurrentDirectory = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint TypeModeAndInode = 0x1 | 0x2 | 0x100;
    private const int StatxSize = 256;

    /// <summary>Whether both entries exist and are known to be the same one (hard links and symbolic links included).</summary>
    public bool IsSameAs(FileSystemEntry other) =>
        Kind != EntryKind.Missing && other.Kind != EntryKind.Missing && Inode != 0 && Device == other.Device && Inode == other.Inode;

    public static FileSystemEntry Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[StatxSize];
            try
            {
                return Statx(AtCurrentDirectory, Terminated(path), 0, TypeModeAndInode, buffer) == 0 ? Read(buffer) : new FileSystemEntry(EntryKind.Missing, 0, 0);
            }
            catch (EntryPointNotFoundException)
            {
                // A C library without statx: the portable answer below.
            }
        }

        return Directory.Exists(path) ? new FileSystemEntry(EntryKind.Directory, 0, 0)
            : File.Exists(path) ? new FileSystemEntry(EntryKind.RegularFile, 0, 0)
            : new FileSystemEntry(EntryKind.Missing, 0, 0);
    }

    /// <summary>Whether the process's file descriptor <paramref name="descriptor"/> is open (true where that cannot be asked).</summary>
    public static bool IsOpen(int descriptor)
    {
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }

        try
        {
            return Statx(descriptor, [0], AtEmptyPath, TypeModeAndInode, new byte[StatxSize]) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return true;
        }
    }

    /// <summary>The path as the C library takes it: UTF-8, ending with a zero byte.</summary>
    private static byte[] Terminated(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

    private static FileSystemEntry Read(ReadOnlySpan<byte> statx)
    {
        // struct statx, in the machine's byte order: stx_mode (u16) at 28, stx_ino (u64) at 32, stx_dev_major and stx_dev_minor (u32) at 136 and 140.
        var mode = MemoryMarshal.Read<ushort>(statx[28..]);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => EntryKind.RegularFile,
            0x4000 => EntryKind.Directory,
            _ => EntryKind.Special,
        };
        var device = ((ulong)MemoryMarshal.Read<uint>(statx[136..]) << 32) | MemoryMarshal.Read<uint>(statx[140..]);
        return new FileSystemEntry(kind, device, MemoryMarshal.Read<ulong>(statx[32..]));
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, [Out] byte[] buffer);
}
