using ClusterRegistry.Rendering.Spegel;
using ClusterRegistry.Rendering.Talos;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rendering.NodeView;

/// <summary>
/// Predicts, per node, the files Talos and then Spegel leave on it (siderolabs/talos
/// internal/pkg/containers/cri/containerd/hosts.go, spegel-org/spegel pkg/oci/containerd.go):
/// <list type="number">
/// <item>Talos (<c>syncHosts</c>, at boot and on every registry change) writes its hosts directories and deletes every
/// other directory under <c>/etc/cri/conf.d/hosts</c>, including Spegel's and <c>_backup</c>.</item>
/// <item>Spegel's init container runs afterwards (pod start): since Talos removed <c>_backup</c>, it moves Talos's fresh
/// directories into <c>_backup</c>, clears the rest and writes one directory per mirrored registry (its own targets, then
/// additionalMirrorTargets, then — with prependExisting — Talos's host tables, then the <c>server</c> line).</item>
/// </list>
/// So the steady state after a boot is Spegel's rewrite over Talos's output, which is what is rendered. If Talos
/// re-syncs later without the Spegel pod restarting, the node shows Talos's directories alone (doctor reports that).
/// </summary>
public static class NodeViewRenderer
{
    public const string HostsDir = "etc/cri/conf.d/hosts";

    /// <summary>
    /// The view of every node named by the stack's Talos patches. What Talos writes depends only on the set of patches
    /// a node gets, so it is computed once per distinct set; only Spegel's pass (its targets carry the node IP) and
    /// <c>/etc/hosts</c> (the node line) are per node.
    /// </summary>
    public static NodeView Render(Stack stack, NodeViewOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stack);
        options ??= new NodeViewOptions();
        var patchesOfNode = new Dictionary<string, List<TalosMachinePatch>>(StringComparer.Ordinal);
        foreach (var patch in stack.ResourcesOf<TalosMachinePatch>())
        {
            foreach (var node in patch.Args.Nodes)
            {
                if (!patchesOfNode.TryGetValue(node, out var list))
                {
                    patchesOfNode[node] = list = new List<TalosMachinePatch>();
                }

                if (list.Count == 0 || !ReferenceEquals(list[^1], patch))
                {
                    list.Add(patch);
                }
            }
        }

        var spegels = stack.ResourcesOf<SpegelRelease>().ToList();
        var stages = new Dictionary<string, TalosStage>(StringComparer.Ordinal);
        var memo = new SpegelMirrorMemo();
        var indexOf = new Dictionary<TalosMachinePatch, int>(ReferenceEqualityComparer.Instance);
        foreach (var patch in stack.ResourcesOf<TalosMachinePatch>())
        {
            indexOf[patch] = indexOf.Count;
        }

        var views = new Dictionary<string, RenderedTree>(StringComparer.Ordinal);
        foreach (var (node, patches) in patchesOfNode)
        {
            var key = string.Join(",", patches.Select(p => indexOf[p]));
            if (!stages.TryGetValue(key, out var stage))
            {
                stages[key] = stage = TalosStage.Compute(patches, options);
            }

            views[node] = RenderNode(stage, spegels, node, options, memo);
        }

        return new NodeView(views);
    }

    /// <summary>The files on one node (paths relative to its root).</summary>
    public static RenderedTree RenderNode(Stack stack, string nodeIp, NodeViewOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(nodeIp);
        options ??= new NodeViewOptions();
        var patches = stack.ResourcesOf<TalosMachinePatch>().Where(p => p.Args.Nodes.Contains(nodeIp)).ToList();
        return RenderNode(TalosStage.Compute(patches, options), stack.ResourcesOf<SpegelRelease>().ToList(), nodeIp, options, memo: null);
    }

    private static RenderedTree RenderNode(TalosStage stage, List<SpegelRelease> spegels, string nodeIp, NodeViewOptions options, SpegelMirrorMemo? memo)
    {
        var tree = new RenderedTree();

        // 1. Talos.
        var hosts = new VirtualDirectory();
        foreach (var (path, content) in stage.HostsFiles)
        {
            hosts.Files[path] = content;
        }

        // 2. Spegel, after Talos.
        foreach (var spegel in spegels)
        {
            var input = new SpegelMirrorInput
            {
                MirroredRegistries = spegel.Args.MirroredRegistries,
                MirrorTargets = spegel.MirrorTargetsFor(nodeIp).Concat(spegel.Args.AdditionalMirrorTargets).ToList(),
                ResolveTags = spegel.Args.ResolveTags,
                PrependExisting = spegel.Args.PrependExisting,
            };
            var path = spegel.EffectiveRegistryConfigPath.TrimEnd('/');
            if (path == "/" + HostsDir)
            {
                SpegelMirrorWriter.AddMirrorConfiguration(hosts, input, memo);
            }
            else
            {
                // containerd on Talos does not read this folder; Spegel still writes it.
                var own = new VirtualDirectory();
                SpegelMirrorWriter.AddMirrorConfiguration(own, input, memo);
                foreach (var (rel, content) in own.Files)
                {
                    tree.Set(path.TrimStart('/') + "/" + rel, content);
                }
            }
        }

        foreach (var (rel, content) in hosts.Files)
        {
            tree.Set(HostsDir + "/" + rel, content);
        }

        // 3. CRI parts and the merged cri.toml.
        foreach (var (path, content) in stage.CriFiles)
        {
            tree.Set(path, content);
        }

        // 4. /etc/hosts.
        string? hostname = null;
        options.Hostnames?.TryGetValue(nodeIp, out hostname);
        tree.Set("etc/hosts", string.IsNullOrEmpty(hostname) ? stage.EtcHostsWithoutNodeLine : EtcHostsRenderer.Render(nodeIp, hostname, stage.HostEntries));

        // 5. Other machine.files that Talos writes verbatim (create/overwrite); appends depend on the node's file.
        foreach (var (path, content) in stage.OtherFiles)
        {
            tree.Set(path, content);
        }

        return tree;
    }

    /// <summary>What Talos writes on a node, which depends only on the patches the node gets (in apply order).</summary>
    private sealed class TalosStage
    {
        public List<KeyValuePair<string, string>> HostsFiles { get; } = new();

        public List<KeyValuePair<string, string>> CriFiles { get; } = new();

        public List<(string Ip, IReadOnlyList<string> Aliases)> HostEntries { get; private init; } = new();

        public string EtcHostsWithoutNodeLine { get; private init; } = "";

        public List<KeyValuePair<string, string>> OtherFiles { get; } = new();

        public static TalosStage Compute(List<TalosMachinePatch> patches, NodeViewOptions options)
        {
            var secretText = options.SecretText ?? (s => s.Placeholder);
            var version = patches.Count == 0 ? TalosVersion.V1_11 : patches.Max(p => p.Version);
            var entries = patches.SelectMany(p => p.Args.ExtraHostEntries).Select(e => (e.Ip, (IReadOnlyList<string>)e.Aliases)).ToList();
            var stage = new TalosStage
            {
                HostEntries = entries,
                EtcHostsWithoutNodeLine = EtcHostsRenderer.Render("", null, entries),
            };

            var registries = TalosRegistriesBuilder.Build(patches, secretText);
            foreach (var (dir, files) in TalosHostsGenerator.Generate(registries))
            {
                foreach (var (name, content) in files)
                {
                    stage.HostsFiles.Add(new(dir + "/" + name, content));
                }
            }

            var plugin = version.UsesContainerd2 ? TalosCriConfig.ImagesPlugin : "io.containerd.grpc.v1.cri";
            var registryPart = TalosCriConfig.GenerateRegistryPart(registries, plugin);
            var parts = new List<TalosCriConfig.Part>();
            var customizations = patches.SelectMany(p => p.Args.CriCustomizations).ToList();
            if (version.UsesCriCustomizationDocument)
            {
                parts.Add(new("in-memory registries", registryPart));
                foreach (var c in customizations.OrderBy(c => c.Name, StringComparer.Ordinal))
                {
                    parts.Add(new($"in-memory customization \"{c.Name}\"", c.Content));
                }
            }
            else
            {
                stage.CriFiles.Add(new(TalosCriConfig.RegistryPartPath.TrimStart('/'), registryPart));
                parts.Add(new(TalosCriConfig.RegistryPartPath, registryPart));
                var customization = CustomizationPart(patches, customizations);
                if (customization is not null)
                {
                    stage.CriFiles.Add(new(TalosFile.CriCustomizationPath.TrimStart('/'), customization));
                    parts.Add(new(TalosFile.CriCustomizationPath, customization));
                }
            }

            stage.CriFiles.Add(new(TalosCriConfig.MergedPath.TrimStart('/'), TalosCriConfig.Merge(parts)));
            foreach (var file in patches.SelectMany(p => p.Args.Files))
            {
                if (file.Path != TalosFile.CriCustomizationPath && file.Op != TalosFileOp.Append && file.Path.StartsWith('/'))
                {
                    stage.OtherFiles.Add(new(file.Path.TrimStart('/'), file.Content));
                }
            }

            return stage;
        }
    }

    /// <summary>The legacy <c>20-customization.part</c>: the CRI customisations, joined, plus a machine.files entry at that path.</summary>
    private static string? CustomizationPart(List<TalosMachinePatch> patches, List<TalosCriCustomization> customizations)
    {
        var pieces = customizations.Select(c => c.Content).ToList();
        pieces.AddRange(patches.SelectMany(p => p.Args.Files).Where(f => f.Path == TalosFile.CriCustomizationPath).Select(f => f.Content));
        return pieces.Count == 0 ? null : string.Concat(pieces.Select(p => p.EndsWith('\n') ? p : p + "\n"));
    }
}
