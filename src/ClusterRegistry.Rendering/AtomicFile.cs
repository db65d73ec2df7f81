using System.Text;

namespace ClusterRegistry.Rendering;

/// <summary>
/// The one way this repository writes a single output file (check, compile, diff and probe report): through a temporary
/// file in the same folder and a rename, so readers never see half a file and a failure leaves no temporary file behind.
/// Folders of files go through <see cref="FileTreeWriter"/>.
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
}
