using System.Text;
using ClusterRegistry.Doctor.Sandbox;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Probe.Tests.Cri;

/// <summary>
/// STAND-IN for the render helper's NodeViewRenderer (branch <c>render</c>, not merged when this was written): the files
/// Talos v1.11 leaves on a node for a stack's machine patches, in Talos's own form (siderolabs/talos
/// internal/pkg/containers/cri/containerd/hosts.go and testdata/cri.toml: single-quoted go-toml v2 hosts.toml with a
/// <c>[host]</c> table and no server line, cri.toml auth under <c>io.containerd.cri.v1.images</c> with <c>${VAR}</c>
/// placeholders, /etc/hosts lines). Replace with the renderer's node view once it exists; the sandbox translation
/// (<see cref="Containerd16Config"/>) is the same either way.
/// </summary>
public static class HandWrittenNodeView
{
    public static IReadOnlyDictionary<string, string> For(Stack stack)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var cri = new StringBuilder("[plugins]\n  [plugins.'io.containerd.cri.v1.images']\n    [plugins.'io.containerd.cri.v1.images'.registry]\n      config_path = '/etc/cri/conf.d/hosts'\n");
        var hosts = new StringBuilder();
        foreach (var patch in stack.ResourcesOf<TalosMachinePatch>())
        {
            foreach (var (registry, mirror) in patch.Args.Mirrors.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                var dir = registry == "*" ? "_default" : registry.Contains(':') ? registry.Replace(":", "_") + "_" : registry;
                var sb = new StringBuilder("[host]\n");
                foreach (var endpoint in mirror.Endpoints)
                {
                    sb.Append($"  [host.'{endpoint}']\n    capabilities = ['pull', 'resolve']\n");
                }

                files[$"{NodeFilePaths.HostsDirectory}/{dir}/hosts.toml"] = sb.ToString();
            }

            foreach (var (host, config) in patch.Args.RegistryConfig.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                if (config.Auth is { } auth)
                {
                    var user = auth.UsernameVariable is { } uv ? "${" + uv + "}" : auth.Username;
                    cri.Append($"      [plugins.'io.containerd.cri.v1.images'.registry.configs.'{host}'.auth]\n");
                    cri.Append($"        username = '{user}'\n        password = '{auth.Password?.Placeholder}'\n        auth = ''\n        identitytoken = ''\n");
                }
            }

            foreach (var entry in patch.Args.ExtraHostEntries)
            {
                hosts.Append(entry.Ip).Append(' ').Append(string.Join(' ', entry.Aliases)).Append('\n');
            }
        }

        files[NodeFilePaths.CriToml] = cri.ToString();
        files[NodeFilePaths.EtcHosts] = hosts.ToString();
        return files;
    }
}
