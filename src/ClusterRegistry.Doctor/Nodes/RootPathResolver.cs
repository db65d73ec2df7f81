namespace ClusterRegistry.Doctor.Nodes;

/// <summary>
/// Resolves a node path (<c>/etc/cri/conf.d/hosts/docker.io/hosts.toml</c>) under a node root the way the node would see
/// it, like a chroot: one component at a time, each link read (never followed by the kernel) and resolved again from the
/// root — an absolute target from the root itself, a relative one from the link's folder. Nothing outside the root is
/// ever opened: a link whose target climbs above the root with <c>..</c>, or an absolute link whose target does not exist
/// under the root (it names a file of the machine running doctor, like <c>/etc/shadow</c> or <c>/dev/zero</c>), is
/// refused with a <see cref="NodeInspectionException"/> naming the link; more than 40 links on one path is a loop.
/// </summary>
public sealed class RootPathResolver(string root)
{
    /// <summary>As Linux (<c>MAXSYMLINKS</c>): more links than this on one path is a loop.</summary>
    public const int MaxLinks = 40;

    /// <summary>The root, absolute, without a trailing separator.</summary>
    public string Root { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    /// <summary>The path on this machine for <paramref name="nodePath"/> as written, before links (for messages).</summary>
    public string Shown(string nodePath) => Path.Combine(Root, nodePath.TrimStart('/'));

    /// <summary>
    /// Resolves <paramref name="nodePath"/>; the result's <see cref="FileStatus.Kind"/> is never a link.
    /// <see cref="FileKind.Missing"/> when a component does not exist (or is not a folder).
    /// </summary>
    /// <exception cref="NodeInspectionException">A link leads out of the root, a loop, or permission denied.</exception>
    public (string Path, FileStatus Status) Resolve(string nodePath)
    {
        var pending = new Stack<string>();
        Push(pending, nodePath);
        var current = Root;
        var links = 0;
        (string Link, string Target, int Until)? absolute = null;
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (name is "" or ".")
            {
                continue;
            }

            if (name == "..")
            {
                if (current == Root)
                {
                    // Only a link can bring ".." here: node paths are absolute and never climb.
                    throw new NodeInspectionException($"{Shown(nodePath)} leads out of the node root through a link with '..'; doctor does not follow links out of --root");
                }

                current = Path.GetDirectoryName(current)!;
                continue;
            }

            var next = current + "/" + name;
            var status = FileStatus.Of(next);
            if (status.Errno == FileStatus.EACCES)
            {
                throw new NodeInspectionException($"cannot read {next}: permission denied (run doctor as a user that can read the whole node root)");
            }

            if (status.Errno != 0)
            {
                throw new NodeInspectionException($"cannot read {next}: error {status.Errno} from the file system");
            }

            switch (status.Kind)
            {
                case FileKind.Missing:
                    if (absolute is { } a && pending.Count >= a.Until)
                    {
                        throw new NodeInspectionException(
                            $"{a.Link} is a symbolic link to '{a.Target}', outside the node root ({Root}{a.Target} does not exist); doctor does not follow links out of --root");
                    }

                    return (next, status);
                case FileKind.SymbolicLink:
                    if (++links > MaxLinks)
                    {
                        throw new NodeInspectionException($"{Shown(nodePath)}: symbolic link loop (more than {MaxLinks} links, last at {next})");
                    }

                    var target = new FileInfo(next).LinkTarget ?? "";
                    if (Path.IsPathRooted(target))
                    {
                        absolute = (next, target, pending.Count); // until the target's own components are used up
                        current = Root;
                    }
                    else if (EscapesRoot(current, target))
                    {
                        throw new NodeInspectionException($"{next} is a symbolic link to '{target}', outside the node root; doctor does not follow links out of --root");
                    }

                    Push(pending, target);
                    continue;
                default:
                    if (pending.Count > 0 && status.Kind != FileKind.Directory)
                    {
                        return (next, new FileStatus(FileKind.Missing, 0, 0)); // a file where a folder was expected
                    }

                    current = next;
                    if (pending.Count == 0)
                    {
                        return (next, status);
                    }

                    continue;
            }
        }

        return (current, FileStatus.Of(current));
    }

    private static void Push(Stack<string> pending, string path)
    {
        var parts = path.Split('/');
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }

    private bool EscapesRoot(string current, string target)
    {
        var depth = current.Length == Root.Length ? 0 : current[(Root.Length + 1)..].Split('/').Length;
        foreach (var part in target.Split('/'))
        {
            depth += part switch { "" or "." => 0, ".." => -1, _ => 1 };
            if (depth < 0)
            {
                return true;
            }
        }

        return false;
    }
}
