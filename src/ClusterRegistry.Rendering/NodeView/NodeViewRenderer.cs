using ClusterRegistry.Rendering.Spegel;
using ClusterRegistry.Rendering.Talos;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rendering.NodeView;

/// <summary>
/// Predicts, per node, the files Talos and then Spegel leave on it (research/talos.md §3, spegel-containerd.md §3):
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

    /// <summary>The view of every node named by the stack's Talos patches.</summary>
    public static NodeView Render(Stack stack, NodeViewOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var nodes = stack.ResourcesOf<TalosMachinePatch>().SelectMany(p => p.Args.Nodes).Distinct(StringComparer.Ordinal);
        return new NodeView(nodes.ToDictionary(n => n, n => RenderNode(stack, n, options), StringComparer.Ordinal));
    }

    /// <summary>The files on one node (paths relative to its root).</summary>
    public static RenderedTree RenderNode(Stack stack, string nodeIp, NodeViewOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(nodeIp);
        options ??= new NodeViewOptions();
        var secretText = options.SecretText ?? (s => s.Placeholder);
        var patches = stack.ResourcesOf<TalosMachinePatch>().Where(p => p.Args.Nodes.Contains(nodeIp)).ToList();
        var version = patches.Count == 0 ? TalosVersion.V1_11 : patches.Max(p => p.Version);
        var tree = new RenderedTree();

        // 1. Talos.
        var registries = TalosRegistriesBuilder.Build(patches, secretText);
        var hosts = new VirtualDirectory();
        foreach (var (dir, files) in TalosHostsGenerator.Generate(registries))
        {
            foreach (var (name, content) in files)
            {
                hosts.Files[dir + "/" + name] = content;
            }
        }

        // 2. Spegel, after Talos.
        foreach (var spegel in stack.ResourcesOf<SpegelRelease>())
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
                SpegelMirrorWriter.AddMirrorConfiguration(hosts, input);
            }
            else
            {
                // containerd on Talos does not read this folder; Spegel still writes it.
                var own = new VirtualDirectory();
                SpegelMirrorWriter.AddMirrorConfiguration(own, input);
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
            tree.Set(TalosCriConfig.RegistryPartPath.TrimStart('/'), registryPart);
            parts.Add(new(TalosCriConfig.RegistryPartPath, registryPart));
            var customization = CustomizationPart(patches, customizations);
            if (customization is not null)
            {
                tree.Set(TalosFile.CriCustomizationPath.TrimStart('/'), customization);
                parts.Add(new(TalosFile.CriCustomizationPath, customization));
            }
        }

        tree.Set(TalosCriConfig.MergedPath.TrimStart('/'), TalosCriConfig.Merge(parts));

        // 4. /etc/hosts.
        var entries = patches.SelectMany(p => p.Args.ExtraHostEntries).Select(e => (e.Ip, (IReadOnlyList<string>)e.Aliases));
        string? hostname = null;
        options.Hostnames?.TryGetValue(nodeIp, out hostname);
        tree.Set("etc/hosts", EtcHostsRenderer.Render(nodeIp, hostname, entries));

        // 5. Other machine.files that Talos writes verbatim (create/overwrite); appends depend on the node's file.
        foreach (var file in patches.SelectMany(p => p.Args.Files))
        {
            if (file.Path != TalosFile.CriCustomizationPath && file.Op != TalosFileOp.Append && file.Path.StartsWith('/'))
            {
                tree.Set(file.Path.TrimStart('/'), file.Content);
            }
        }

        return tree;
    }

    /// <summary>The legacy <c>20-customization.part</c>: the CRI customisations, joined, plus a machine.files entry at that path.</summary>
    private static string? CustomizationPart(List<TalosMachinePatch> patches, List<TalosCriCustomization> customizations)
    {
        var pieces = customizations.Select(c => c.Content).ToList();
        pieces.AddRange(patches.SelectMany(p => p.Args.Files).Where(f => f.Path == TalosFile.CriCustomizationPath).Select(f => f.Content));
        return pieces.Count == 0 ? null : string.Concat(pieces.Select(p => p.EndsWith('\n') ? p : p + "\n"));
    }
}
