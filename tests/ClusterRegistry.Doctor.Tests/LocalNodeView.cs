namespace ClusterRegistry.Doctor.Tests;

/// <summary>
/// A hand-written node view of the `local` stack's node 127.0.0.1, as Talos v1.11 + Spegel 0.7.4 (prependExisting) leave
/// it (siderolabs/talos internal/pkg/containers/cri/containerd/hosts.go, spegel-org/spegel pkg/oci/containerd.go):
/// Spegel's files with the Talos endpoints prepended, Talos's original in _backup, the cri.toml auth part, /etc/hosts
/// with the Harbor ClusterIP alias.
/// </summary>
public static class LocalNodeView
{
    public const string Registry = "127.0.0.105";
    public const string HarborHost = "harbor.harbor.svc.cluster.local";
    public const string ClusterIp = "127.0.0.243";

    public static readonly string HarborHostsToml =
        "server = 'http://127.0.0.105'\n\n" +
        "[host.'http://127.0.0.1:30020']\ncapabilities = ['pull', 'resolve']\ndial_timeout = '200ms'\n\n" +
        "[host.'http://127.0.0.1:30021']\ncapabilities = ['pull', 'resolve']\ndial_timeout = '200ms'\n\n" +
        "[host.'http://harbor.harbor.svc.cluster.local']\ncapabilities = ['pull', 'resolve']\n";

    public static readonly string DockerHostsToml =
        "server = 'https://registry-1.docker.io'\n\n" +
        "[host.'http://127.0.0.1:30020']\ncapabilities = ['pull', 'resolve']\ndial_timeout = '200ms'\n\n" +
        "[host.'http://127.0.0.1:30021']\ncapabilities = ['pull', 'resolve']\ndial_timeout = '200ms'";

    public static readonly string TalosHarborHostsToml =
        "[host]\n  [host.'http://harbor.harbor.svc.cluster.local']\n    capabilities = ['pull', 'resolve']\n";

    public static readonly string CriToml =
        "[plugins]\n" +
        "  [plugins.'io.containerd.cri.v1.images']\n" +
        "    discard_unpacked_layers = false\n" +
        "    [plugins.'io.containerd.cri.v1.images'.registry]\n" +
        "      config_path = '/etc/cri/conf.d/hosts'\n" +
        "      [plugins.'io.containerd.cri.v1.images'.registry.configs]\n" +
        "        [plugins.'io.containerd.cri.v1.images'.registry.configs.'127.0.0.105']\n" +
        "          [plugins.'io.containerd.cri.v1.images'.registry.configs.'127.0.0.105'.auth]\n" +
        "            username = 'robot$cluster-pull'\n            password = '${HARBOR_ROBOT_PASSWORD}'\n            auth = ''\n            identitytoken = ''\n" +
        "        [plugins.'io.containerd.cri.v1.images'.registry.configs.'harbor.harbor.svc.cluster.local']\n" +
        "          [plugins.'io.containerd.cri.v1.images'.registry.configs.'harbor.harbor.svc.cluster.local'.auth]\n" +
        "            username = 'robot$cluster-pull'\n            password = '${HARBOR_ROBOT_PASSWORD}'\n            auth = ''\n            identitytoken = ''\n";

    public static readonly string EtcHosts = "127.0.0.1 localhost\n::1 localhost ip6-localhost\n127.0.0.243 harbor.harbor.svc.cluster.local\n";

    /// <summary>The node view: path relative to the node root → content.</summary>
    public static IReadOnlyDictionary<string, string> Files { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["etc/cri/conf.d/hosts/127.0.0.105/hosts.toml"] = HarborHostsToml,
        ["etc/cri/conf.d/hosts/docker.io/hosts.toml"] = DockerHostsToml,
        ["etc/cri/conf.d/hosts/_backup/127.0.0.105/hosts.toml"] = TalosHarborHostsToml,
        ["etc/cri/conf.d/cri.toml"] = CriToml,
        ["etc/hosts"] = EtcHosts,
    };

    /// <summary>Writes the view under <paramref name="root"/> as a node root, with an empty ingest folder.</summary>
    public static string WriteRoot(string root, IReadOnlyDictionary<string, string>? files = null)
    {
        foreach (var (path, content) in files ?? Files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        Directory.CreateDirectory(Path.Combine(root, "var/lib/containerd/io.containerd.content.v1.content/ingest"));
        return root;
    }
}
