using System.Runtime.InteropServices;

namespace ClusterRegistry.Doctor.Nodes;

/// <summary>What a path is, without following a link at its last component.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
}

/// <summary>
/// <c>lstat</c> for doctor: the file type and size of a path without following a link at its end, and whether it could
/// be looked at all (permission denied is not "missing"). .NET exposes neither the file type (a FIFO or a device looks
/// like a file) nor the errno, so on Linux this asks the kernel through <c>statx(2)</c>, whose buffer layout is the same
/// on every architecture; elsewhere it falls back to <see cref="FileSystemInfo"/>, which cannot tell a FIFO from a file.
/// </summary>
public readonly record struct FileStatus(FileKind Kind, long Size, int Errno)
{
    public const int EACCES = 13;
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;

    private static bool statxMissing = !OperatingSystem.IsLinux();

    /// <summary>Reads the status of <paramref name="path"/>; a link at its end is reported, not followed.</summary>
    public static FileStatus Of(string path)
    {
        if (!Volatile.Read(ref statxMissing))
        {
            try
            {
                return Statx(path);
            }
            catch (EntryPointNotFoundException)
            {
                Volatile.Write(ref statxMissing, true);
            }
            catch (DllNotFoundException)
            {
                Volatile.Write(ref statxMissing, true);
            }
        }

        return Portable(path);
    }

    private static FileStatus Statx(string path)
    {
        var buffer = default(StatxBuffer);
        if (statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxSize, ref buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return new FileStatus(FileKind.Missing, 0, errno is ENOENT or ENOTDIR ? 0 : errno);
        }

        var kind = (buffer.Mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.CharacterDevice,
        };
        return new FileStatus(kind, (long)buffer.Size, 0);
    }

    private static FileStatus Portable(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return new FileStatus(FileKind.SymbolicLink, 0, 0);
        }

        if (Directory.Exists(path))
        {
            return new FileStatus(FileKind.Directory, 0, 0);
        }

        return info.Exists ? new FileStatus(FileKind.Regular, info.Length, 0) : new FileStatus(FileKind.Missing, 0, 0);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string pathname, int flags, uint mask, ref StatxBuffer buffer);

    /// <summary><c>struct statx</c> (linux/stat.h): 256 bytes, the same layout on every architecture.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(40)]
        public ulong Size;
    }
}
