using System.Text;
using ClusterRegistry.Rendering.Toml;

namespace ClusterRegistry.Rendering.Spegel;

/// <summary>
/// Spegel's mirror configuration writer (<c>pkg/oci/containerd.go</c> <c>AddMirrorConfiguration</c> and
/// <c>CleanupMirrorConfiguration</c> at spegel-org/spegel v0.7.4), applied to a
/// <see cref="VirtualDirectory"/> standing for the containerd config path. Checked byte for byte against
/// golden/spegel-mirror.yaml.
/// </summary>
public static class SpegelMirrorWriter
{
    public const string BackupDir = "_backup";

    /// <summary>Backup (once), clear, then one <c>&lt;url.Host&gt;/hosts.toml</c> per mirrored registry.</summary>
    /// <param name="dir">The containerd config path.</param>
    /// <param name="input">Spegel's arguments.</param>
    /// <param name="memo">Optional results of the pure helpers, shared across the nodes of one rendering.</param>
    public static void AddMirrorConfiguration(VirtualDirectory dir, SpegelMirrorInput input, SpegelMirrorMemo? memo = null)
    {
        ArgumentNullException.ThrowIfNull(dir);
        ArgumentNullException.ThrowIfNull(input);
        Backup(dir);

        // Clear: everything except _backup.
        foreach (var key in dir.Files.Keys.Where(k => !InBackup(k)).ToList())
        {
            dir.Files.Remove(key);
        }

        dir.Directories.RemoveWhere(d => !InBackup(d) && d != BackupDir);

        var registries = input.MirroredRegistries.Count == 0 ? new[] { "_default" } : input.MirroredRegistries;
        var hostBlocks = HostBlocks(input);
        var backupExtras = input.PrependExisting ? BackupExtras(dir) : null;
        foreach (var registry in registries)
        {
            (string, string?) target;
            if (memo is null)
            {
                target = Target(registry);
            }
            else if (!memo.Targets.TryGetValue(registry, out target))
            {
                memo.Targets[registry] = target = Target(registry);
            }

            var (dirName, server) = target;
            var content = new StringBuilder(hostBlocks.Length + 256);
            if (server is not null)
            {
                content.Append("server = '").Append(server).Append("'\n\n");
            }

            content.Append(hostBlocks);
            if (input.PrependExisting)
            {
                var existing = ExistingHosts(dir, dirName, memo);
                if (existing.Length > 0)
                {
                    content.Append("\n\n").Append(existing);
                }

                if (backupExtras!.TryGetValue(dirName, out var extras))
                {
                    foreach (var (rel, text) in extras)
                    {
                        dir.Files[dirName + "/" + rel] = text;
                    }
                }
            }

            dir.Files[dirName + "/hosts.toml"] = content.ToString();
        }
    }

    /// <summary>Files of each <c>_backup/&lt;dir&gt;/</c> other than its hosts.toml (certificates), which prepending copies back.</summary>
    private static Dictionary<string, List<(string Rel, string Text)>> BackupExtras(VirtualDirectory dir)
    {
        var result = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        const string prefix = BackupDir + "/";
        foreach (var (path, text) in dir.Files)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var slash = path.IndexOf('/', prefix.Length);
            if (slash < 0)
            {
                continue;
            }

            var rel = path[(slash + 1)..];
            if (rel == "hosts.toml")
            {
                continue;
            }

            var name = path[prefix.Length..slash];
            if (!result.TryGetValue(name, out var list))
            {
                result[name] = list = new List<(string, string)>();
            }

            list.Add((rel, text));
        }

        return result;
    }

    /// <summary>Moves everything into <c>_backup</c> unless <c>_backup</c> already exists; <c>_backup</c> exists afterwards.</summary>
    public static void Backup(VirtualDirectory dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        if (!dir.DirectoryExists(BackupDir))
        {
            foreach (var (path, text) in dir.Files.ToList())
            {
                dir.Files.Remove(path);
                dir.Files[BackupDir + "/" + path] = text;
            }

            foreach (var d in dir.Directories.ToList())
            {
                dir.Directories.Remove(d);
                dir.Directories.Add(BackupDir + "/" + d);
            }
        }

        dir.Directories.Add(BackupDir);
    }

    /// <summary>The post-delete cleanup: remove everything but <c>_backup</c>, move its contents back, remove it.</summary>
    public static void CleanupMirrorConfiguration(VirtualDirectory dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        if (!dir.DirectoryExists(BackupDir))
        {
            return;
        }

        foreach (var key in dir.Files.Keys.Where(k => !InBackup(k)).ToList())
        {
            dir.Files.Remove(key);
        }

        dir.Directories.RemoveWhere(d => !InBackup(d) && d != BackupDir);
        var prefix = BackupDir + "/";
        foreach (var (path, text) in dir.Files.ToList())
        {
            dir.Files.Remove(path);
            dir.Files[path[prefix.Length..]] = text;
        }

        foreach (var d in dir.Directories.ToList())
        {
            dir.Directories.Remove(d);
            if (d != BackupDir)
            {
                dir.Directories.Add(d[prefix.Length..]);
            }
        }
    }

    /// <summary>The directory name (<c>url.Host</c>, <c>host:port</c> with the colon) and server line of a mirrored registry.</summary>
    public static (string Directory, string? Server) Target(string registry)
    {
        if (registry is "_default" or "*")
        {
            return ("_default", null);
        }

        if (!Uri.TryCreate(registry, UriKind.Absolute, out var u))
        {
            throw new ArgumentException($"mirrored registry '{registry}' is not a URL");
        }

        var host = Talos.TalosHostsGenerator.UrlHost(registry);
        var server = host == "docker.io" ? u.Scheme + "://registry-1.docker.io" : u.Scheme + "://" + host;
        return (host, server);
    }

    /// <summary>
    /// Spegel's <c>existingHosts</c>: the <c>[host.'…']</c> tables of <c>_backup/&lt;dir&gt;/hosts.toml</c>, in file order,
    /// each re-encoded with sorted keys (top-level keys such as <c>server</c> are dropped); "" when there are none.
    /// </summary>
    public static string ExistingHosts(VirtualDirectory dir, string dirName, SpegelMirrorMemo? memo = null)
    {
        ArgumentNullException.ThrowIfNull(dir);
        if (!dir.Files.TryGetValue(BackupDir + "/" + dirName + "/hosts.toml", out var text))
        {
            return "";
        }

        if (memo is null)
        {
            return ReencodeHostTables(text);
        }

        if (!memo.Reencoded.TryGetValue(text, out var result))
        {
            memo.Reencoded[text] = result = ReencodeHostTables(text);
        }

        return result;
    }

    /// <summary>Re-encodes the host tables of a hosts.toml text as Spegel does when prepending.</summary>
    public static string ReencodeHostTables(string hostsToml)
    {
        var parsed = TomlReader.Parse(hostsToml);
        if (!parsed.TryGet("host", out var h) || h is not TomlMap hosts)
        {
            return "";
        }

        var blocks = new List<string>();
        foreach (var name in Containerd.HostsTomlOrder.HostTableOrder(hostsToml))
        {
            if (hosts.TryGet(name, out var t) && t is TomlMap table)
            {
                blocks.Add(GoTomlEncoder.EncodeTableAt(table.SortedDeep(), ["host", name], indentTables: false).TrimEnd('\n'));
            }
        }

        return string.Join("\n\n", blocks);
    }

    private static string HostBlocks(SpegelMirrorInput input)
    {
        var capabilities = input.ResolveTags ? "['pull', 'resolve']" : "['pull']";
        string? authorization = null;
        if (input.BasicAuth is { } ba && (ba.Username.Length > 0 || ba.Password.Length > 0))
        {
            authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ba.Username + ":" + ba.Password));
        }

        var blocks = input.MirrorTargets.Select(target =>
        {
            var key = GoTomlEncoder.EncodeString(target);
            var b = $"[host.{key}]\ncapabilities = {capabilities}\ndial_timeout = '200ms'";
            if (authorization is not null)
            {
                b += $"\n[host.{key}.header]\nAuthorization = '{authorization}'";
            }

            return b;
        });
        return string.Join("\n\n", blocks);
    }

    private static bool InBackup(string path) => path.StartsWith(BackupDir + "/", StringComparison.Ordinal);
}
