using Tomlyn;
using Tomlyn.Model;

namespace ClusterRegistry.Doctor.Tests;

/// <summary>
/// The faults of issue 6, applied to a node root the way they happen on a real node. Each names the finding it must give.
/// </summary>
public static class NodeFaults
{
    public sealed record Fault(string Name, string ExpectedId, Action<string> Apply)
    {
        public override string ToString() => Name;
    }

    private static string Hosts(string root, params string[] parts) => Path.Combine([root, "etc/cri/conf.d/hosts", .. parts]);

    public static IReadOnlyList<Fault> All(string registryDir, string criPlugin) =>
    [
        new("delete a hosts dir", "CRG501", root => Directory.Delete(Hosts(root, "docker.io"), recursive: true)),
        new("add _default", "CRG502", root =>
        {
            Directory.CreateDirectory(Hosts(root, "_default"));
            File.WriteAllText(Hosts(root, "_default", "hosts.toml"), "[host.'http://127.0.0.1:30020']\ncapabilities = ['pull', 'resolve']\ndial_timeout = '200ms'\n");
        }),
        new("reorder endpoints", "CRG503", root =>
        {
            var path = Hosts(root, registryDir, "hosts.toml");
            var text = File.ReadAllText(path);
            // Move the in-cluster endpoint in front of Spegel's: the table order is what containerd tries.
            var marker = text.IndexOf("[host.'http://harbor.harbor.svc.cluster.local']", StringComparison.Ordinal);
            var first = text.IndexOf("[host.", StringComparison.Ordinal);
            var harbor = text[marker..].TrimEnd('\n') + "\n\n";
            var rest = text[first..marker];
            File.WriteAllText(path, text[..first] + harbor + rest);
        }),
        new("drop auth", "CRG504", root =>
        {
            // Remove the endpoint host's auth table, whichever plugin layout the file uses (2.x node view or 1.6 sandbox).
            var path = Path.Combine(root, "etc/cri/conf.d/cri.toml");
            var model = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(path))!;
            var removed = false;
            foreach (var (_, plugin) in (TomlTable)model["plugins"])
            {
                if (plugin is TomlTable p && p.TryGetValue("registry", out var r) && r is TomlTable reg && reg.TryGetValue("configs", out var c) && c is TomlTable configs)
                {
                    removed |= configs.Remove("harbor.harbor.svc.cluster.local");
                }
            }

            Assert.True(removed, "the node had no auth for harbor.harbor.svc.cluster.local to drop");
            File.WriteAllText(path, TomlSerializer.Serialize(model));
        }),
        new("wrong /etc/hosts", "CRG505", root =>
        {
            var path = Path.Combine(root, "etc/hosts");
            // Point the Harbor Service name at another address: a re-created Service, a stale entry.
            var lines = File.ReadAllLines(path).Select(l => l.Contains("harbor.harbor.svc.cluster.local", StringComparison.Ordinal)
                ? "127.0.0.244 " + l.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[1]
                : l);
            File.WriteAllText(path, string.Join("\n", lines) + "\n");
        }),
        new("plant an old ingest", "CRG506", root =>
        {
            var dir = Path.Combine(root, "var/lib/containerd/io.containerd.content.v1.content/ingest", "4f1c2d8e0a5b");
            Directory.CreateDirectory(dir);
            var old = DateTime.UtcNow.AddMinutes(-10);
            foreach (var f in new[] { "data", "ref", "startedat", "updatedat" })
            {
                File.WriteAllText(Path.Combine(dir, f), f == "ref" ? "default/1/layer-sha256:4f1c" : "x");
                File.SetLastWriteTimeUtc(Path.Combine(dir, f), old);
            }

            Directory.SetLastWriteTimeUtc(dir, old);
        }),
        new("discard_unpacked_layers = true", "CRG507", root =>
        {
            var path = Path.Combine(root, "etc/cri/conf.d/cri.toml");
            var text = File.ReadAllText(path);
            File.WriteAllText(path, text.Contains("discard_unpacked_layers = false", StringComparison.Ordinal)
                ? text.Replace("discard_unpacked_layers = false", "discard_unpacked_layers = true", StringComparison.Ordinal)
                : text + $"\n[plugins.\"{criPlugin}\"{(criPlugin == "io.containerd.grpc.v1.cri" ? ".containerd" : "")}]\n  discard_unpacked_layers = true\n");
        }),
        new("move a dir into _backup", "CRG508", root =>
        {
            var backup = Hosts(root, "_backup", registryDir);
            if (Directory.Exists(backup))
            {
                Directory.Delete(backup, recursive: true);
            }

            Directory.CreateDirectory(Hosts(root, "_backup"));
            Directory.Move(Hosts(root, registryDir), backup);
        }),
    ];
}
