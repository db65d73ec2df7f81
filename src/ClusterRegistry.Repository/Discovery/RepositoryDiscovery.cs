namespace ClusterRegistry.Repository.Discovery;

/// <summary>
/// Walks a repository without ever leaving it: symlinks are resolved and refused when their target is outside the root,
/// symlinked directories are not descended (their target is read where it lives, and loops are impossible), files over
/// <see cref="RepositoryOptions.MaxFileBytes"/> are refused. Each refusal is one <see cref="RepositoryNotice"/>.
/// </summary>
public sealed class RepositoryDiscovery
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal)
    {
        ".git", ".github", ".terraform", "node_modules", ".venv", ".direnv",
    };

    private static readonly string[] Extensions = [".yaml", ".yml", ".tf", ".j2", ".tpl"];

    private readonly RepositoryOptions options;
    private readonly List<RepositoryNotice> notices;

    public RepositoryDiscovery(string root, RepositoryOptions options, List<RepositoryNotice> notices)
    {
        this.options = options;
        this.notices = notices;
        Root = RealPath(Path.GetFullPath(root));
    }

    /// <summary>The resolved root folder (no trailing separator).</summary>
    public string Root { get; }

    /// <summary>Every candidate file (YAML, Terraform, templates), in ordinal path order.</summary>
    public List<RepositoryFile> Walk()
    {
        var files = new List<RepositoryFile>();
        Walk(new DirectoryInfo(Root), "", 0, files);
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    /// <summary>
    /// A file named by another file (a talhelper <c>@./patch.yaml</c>, a kustomize generator's <c>files:</c> entry),
    /// relative to <paramref name="from"/>'s folder. Null (with a notice naming <paramref name="from"/> and
    /// <paramref name="line"/>) when it does not exist, leaves the repository or is too large.
    /// </summary>
    public RepositoryFile? Resolve(RepositoryFile from, string reference, int line)
    {
        var relative = reference.Replace('\\', '/');
        var candidate = Path.GetFullPath(Path.Combine(Root, from.Folder, relative));
        if (!IsInside(candidate))
        {
            notices.Add(new RepositoryNotice(NoticeKind.Refused, from.RelativePath, line, $"'{reference}' points outside the repository; not read"));
            return null;
        }

        var info = new FileInfo(candidate);
        if (info.LinkTarget is not null)
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !IsInside(RealPath(target.FullName)))
            {
                notices.Add(new RepositoryNotice(NoticeKind.Refused, from.RelativePath, line, $"'{reference}' is a symlink that leaves the repository; not read"));
                return null;
            }

            info = new FileInfo(RealPath(target.FullName));
        }
        else if (File.Exists(candidate) && !IsInside(RealPath(candidate)))
        {
            // A symlinked folder on the way out of the root.
            notices.Add(new RepositoryNotice(NoticeKind.Refused, from.RelativePath, line, $"'{reference}' resolves outside the repository; not read"));
            return null;
        }

        if (!info.Exists)
        {
            notices.Add(new RepositoryNotice(NoticeKind.Error, from.RelativePath, line, $"'{reference}' does not exist in the repository"));
            return null;
        }

        if (info.Length == 0)
        {
            notices.Add(new RepositoryNotice(NoticeKind.Skipped, from.RelativePath, line, $"'{reference}': {NotRegular}"));
            return null;
        }

        if (info.Length > options.MaxFileBytes)
        {
            notices.Add(new RepositoryNotice(NoticeKind.Refused, from.RelativePath, line, $"'{reference}' is {info.Length} bytes, over the {options.MaxFileBytes}-byte limit; not read"));
            return null;
        }

        var rel = Path.GetRelativePath(Root, candidate).Replace('\\', '/');
        return new RepositoryFile(rel, info.FullName, info.Length);
    }

    /// <summary>A sibling file that may or may not exist (talenv.yaml next to talconfig.yaml): null without a notice when absent.</summary>
    public RepositoryFile? ResolveQuiet(RepositoryFile from, string name)
    {
        var candidate = Path.GetFullPath(Path.Combine(Root, from.Folder, name));
        if (!File.Exists(candidate) && new FileInfo(candidate).LinkTarget is null)
        {
            return null;
        }

        return Resolve(from, name, 0);
    }

    /// <summary>Reads a file found by <see cref="Walk()"/> or <see cref="Resolve"/>, never more than the size limit.</summary>
    private const string NotRegular = "0 bytes (empty, or a FIFO or device file): never opened, not read";

    public string? ReadText(RepositoryFile file)
    {
        if (file.Length == 0)
        {
            return ""; // never open what may be a FIFO or a device
        }

        try
        {
            using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
            var buffer = new byte[Math.Min(options.MaxFileBytes + 1, Math.Max(stream.Length, 0) + 1)];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
            {
                read += n;
            }

            if (read > options.MaxFileBytes)
            {
                notices.Add(new RepositoryNotice(NoticeKind.Refused, file.RelativePath, 0, $"over the {options.MaxFileBytes}-byte limit; not read"));
                return null;
            }

            return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            notices.Add(new RepositoryNotice(NoticeKind.Error, file.RelativePath, 0, "cannot be read: " + e.GetType().Name));
            return null;
        }
    }

    private void Walk(DirectoryInfo dir, string relative, int depth, List<RepositoryFile> files)
    {
        if (depth > options.MaxDepth)
        {
            notices.Add(new RepositoryNotice(NoticeKind.Refused, relative, 0, $"nested deeper than {options.MaxDepth} folders; not read"));
            return;
        }

        FileSystemInfo[] entries;
        try
        {
            entries = dir.GetFileSystemInfos();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            notices.Add(new RepositoryNotice(NoticeKind.Error, relative.Length == 0 ? "." : relative, 0, "folder cannot be listed: " + e.GetType().Name));
            return;
        }

        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            if (files.Count >= options.MaxFiles)
            {
                notices.Add(new RepositoryNotice(NoticeKind.Refused, relative.Length == 0 ? "." : relative, 0, $"more than {options.MaxFiles} candidate files; the rest is not read"));
                return;
            }

            var rel = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            var isDirectory = (entry.Attributes & FileAttributes.Directory) != 0;

            // ReparsePoint comes with the directory listing; readlink only for entries that are links.
            if ((entry.Attributes & FileAttributes.ReparsePoint) != 0 && entry.LinkTarget is not null)
            {
                if (isDirectory)
                {
                    if (SkippedDirectories.Contains(entry.Name))
                    {
                        continue;
                    }

                    // Never descend a symlinked folder: no way out, no loops. Its target is read where it lives.
                    var dirTarget = entry.ResolveLinkTarget(returnFinalTarget: true);
                    var outside = dirTarget is null || !IsInside(RealPath(dirTarget.FullName));
                    notices.Add(new RepositoryNotice(outside ? NoticeKind.Refused : NoticeKind.Skipped, rel, 0,
                        outside ? "symlinked folder leads outside the repository; not followed" : "symlinked folder not followed (its target is read where it lives)"));
                    continue;
                }

                if (!IsCandidate(entry.Name))
                {
                    continue;
                }

                var target = entry.ResolveLinkTarget(returnFinalTarget: true);
                var real = target is null ? null : RealPath(target.FullName);
                if (real is null || !IsInside(real))
                {
                    notices.Add(new RepositoryNotice(NoticeKind.Refused, rel, 0, "symlink leads outside the repository; not followed"));
                    continue;
                }

                var info = new FileInfo(real);
                if (!info.Exists)
                {
                    notices.Add(new RepositoryNotice(NoticeKind.Skipped, rel, 0, "dangling symlink"));
                    continue;
                }

                Add(files, rel, info);
                continue;
            }

            if (isDirectory)
            {
                if (!SkippedDirectories.Contains(entry.Name))
                {
                    Walk((DirectoryInfo)entry, rel, depth + 1, files);
                }

                continue;
            }

            if (IsCandidate(entry.Name))
            {
                Add(files, rel, (FileInfo)entry);
            }
        }
    }

    private void Add(List<RepositoryFile> files, string rel, FileInfo info)
    {
        if (info.Length == 0)
        {
            // FIFOs and devices report no size (stat's st_size); opening a FIFO would block the walk for ever. An empty
            // regular file holds nothing to read either, so neither is ever opened.
            notices.Add(new RepositoryNotice(NoticeKind.Skipped, rel, 0, NotRegular));
            return;
        }

        if (info.Length > options.MaxFileBytes)
        {
            notices.Add(new RepositoryNotice(NoticeKind.Refused, rel, 0, $"{info.Length} bytes, over the {options.MaxFileBytes}-byte limit; not read"));
            return;
        }

        files.Add(new RepositoryFile(rel, info.FullName, info.Length));
    }

    private static bool IsCandidate(string name)
    {
        foreach (var ext in Extensions)
        {
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsInside(string fullPath)
    {
        var root = Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(root, StringComparison.Ordinal) || fullPath == Root;
    }

    /// <summary>The path with every symlinked component resolved (as <c>realpath</c>); a missing tail is kept as written.</summary>
    internal static string RealPath(string path)
    {
        try
        {
            return RealPathUnchecked(path, 0);
        }
        catch (IOException)
        {
            // A symlink loop or an unreadable link: a path no root contains, so the caller refuses it.
            return "\0unresolvable";
        }
    }

    private static string RealPathUnchecked(string path, int hops)
    {
        if (hops > 40)
        {
            throw new IOException("too many levels of symbolic links");
        }

        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null)
                {
                    return Path.Combine([next, .. parts[(i + 1)..]]);
                }

                next = RealPathUnchecked(target.FullName, hops + 1);
            }

            current = next;
        }

        return current;
    }
}
