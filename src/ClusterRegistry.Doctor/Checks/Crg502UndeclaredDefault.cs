using ClusterRegistry.Doctor.Containerd;
using ClusterRegistry.Doctor.Nodes;

namespace ClusterRegistry.Doctor.Checks;

/// <summary>CRG502: <c>hosts/_default</c> exists and the stack does not declare it: Spegel is intercepting every registry.</summary>
public sealed class Crg502UndeclaredDefault : INodeCheck
{
    public string Id => "CRG502";

    public string Title => "undeclared _default: Spegel intercepts every registry";

    public IEnumerable<NodeFinding> Run(DoctorContext context)
    {
        if (!context.Actual.HostsFiles.TryGetValue(HostDirectoryName.Default, out var actual) || context.Expected.HostsFiles.ContainsKey(HostDirectoryName.Default))
        {
            yield break;
        }

        var endpoints = actual.File is { } f && f.Hosts.Count > 0 ? " (endpoints: " + string.Join(", ", f.Hosts.Select(h => h.Url)) + ")" : "";
        yield return new NodeFinding(
            Id,
            "hosts/_default",
            $"{NodePaths.HostsDir}/_default exists{endpoints} and the stack declares no '*' mirror",
            "containerd uses _default for every registry without a directory of its own: Spegel is intercepting all registries. " +
            "Images its peers lack come back \"not found\", and a registry whose Talos directory went to _backup loses its in-cluster endpoint, http scheme and auth.",
            "List the registries explicitly in SpegelArgs.MirroredRegistries (with PrependExisting = true), then " +
            "`flux reconcile hr spegel -n kube-system` and `kubectl rollout restart ds/spegel -n kube-system`.");
    }
}
