using System.Globalization;
using System.Text;

namespace ClusterRegistry.Rendering;

/// <summary>
/// The one way this repository writes its outputs so that readers never see half of one and a failure leaves nothing
/// behind: a single file (check, compile, diff, import and probe reports) through a temporary file in the same folder
/// and a rename (<see cref="Write(string, byte[])"/>); a folder of files (synth's <see cref="FileTreeWriter"/>, doctor's
/// sandbox node) through a temporary folder beside it that is swapped into place (<see cref="WriteFolder"/>).
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> as UTF-8 without BOM.</summary>
    public static void Write(string path, string content) => Write(path, new UTF8Encoding(false).GetBytes(content));

    /// <summary>Writes <paramref name="content"/>; a folder at <paramref name="path"/> is refused, not replaced.</summary>
    /// <exception cref="IOException">The file could not be written (nothing was changed).</exception>
    public static void Write(string path, byte[] content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(content);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new IOException($"{full} is a folder, not a file");
        }

        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Environment.ProcessId + ".tmp");
        try
        {
            File.WriteAllBytes(temp, content);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>
    /// Writes the folder <paramref name="path"/> as a whole: <paramref name="fill"/> writes everything into a fresh,
    /// empty temporary folder beside it (<c>.NAME.tmp-PID-GUID</c>, so on the same file system) whose path it is given,
    /// and only then is the temporary folder moved into place; an existing folder at <paramref name="path"/> is moved
    /// aside first (<c>.NAME.old-PID-GUID</c>) and deleted after the swap, or moved back when the swap fails. On any
    /// failure the temporary folder is removed and <paramref name="path"/> is left as it was.
    /// With a <paramref name="marker"/>, the marker file is written first, so that what a killed run leaves behind is
    /// recognisably this writer's. Leftovers of runs whose process is gone are removed before writing: those holding the
    /// marker, and empty ones (killed before anything was written); a live process's folders are left alone.
    /// Deciding whether an existing <paramref name="path"/> may be replaced is the caller's.
    /// </summary>
    /// <exception cref="IOException"><paramref name="path"/> is a file, or the folder could not be written (nothing was changed).</exception>
    public static void WriteFolder(string path, Action<string> fill, FolderMarker? marker = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(fill);
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var parent = Path.GetDirectoryName(target) ?? throw new ArgumentException($"{path} is a root folder; name a folder under it", nameof(path));
        var name = Path.GetFileName(target);
        if (File.Exists(target))
        {
            throw new IOException($"{target} is a file, not a folder");
        }

        Directory.CreateDirectory(parent);
        RemoveStaleTemporaries(parent, name, marker);
        var temp = Path.Combine(parent, TemporaryName(name, "tmp"));
        string? old = null;
        try
        {
            Directory.CreateDirectory(temp);
            if (marker is not null)
            {
                File.WriteAllText(Path.Combine(temp, marker.FileName), marker.Text, new UTF8Encoding(false));
            }

            fill(temp);
            if (Directory.Exists(target))
            {
                old = Path.Combine(parent, TemporaryName(name, "old"));
                Directory.Move(target, old);
            }

            Directory.Move(temp, target);
        }
        catch
        {
            TryDelete(temp);
            if (old is not null && !Directory.Exists(target))
            {
                Directory.Move(old, target);
                old = null;
            }

            throw;
        }

        if (old is not null)
        {
            TryDelete(old);
        }
    }

    private static string TemporaryName(string name, string kind) =>
        string.Create(CultureInfo.InvariantCulture, $".{name}.{kind}-{Environment.ProcessId}-{Guid.NewGuid():N}");

    // ".NAME.tmp-PID-GUID" / ".NAME.old-PID-GUID" of a process that no longer runs, holding the marker (or nothing: killed
    // before the marker was written). A live process's folder is another writer at work and is left alone; a look-alike
    // without the marker is not ours to delete.
    private static void RemoveStaleTemporaries(string parent, string name, FolderMarker? marker)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateDirectories(parent, $".{name}.tmp-*").Concat(Directory.EnumerateDirectories(parent, $".{name}.old-*")).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var dir in candidates)
        {
            var rest = Path.GetFileName(dir)[(name.Length + 6)..]; // after ".NAME.tmp-" / ".NAME.old-"
            var dash = rest.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || IsRunning(pid))
            {
                continue;
            }

            try
            {
                if ((marker is not null && File.Exists(Path.Combine(dir, marker.FileName))) || !Directory.EnumerateFileSystemEntries(dir).Any())
                {
                    TryDelete(dir);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture));
        }

        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>
/// The file <see cref="AtomicFile.WriteFolder"/> writes first into a folder, marking it (and what a killed run leaves
/// behind) as that writer's.
/// </summary>
public sealed record FolderMarker(string FileName, string Text);
