using ClusterRegistry.Harbor;
using ClusterRegistry.Rendering.Flux;
using ClusterRegistry.Rendering.Talos;
using ClusterRegistry.Rendering.Yaml;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rendering.GitOps;

/// <summary>
/// Renders a stack as the seed's GitOps tree (flux-cluster-template layout):
/// <code>
/// kubernetes/apps/&lt;ns&gt;/kustomization.yaml            resources: namespace.yaml (when created), &lt;app&gt;/ks.yaml
/// kubernetes/apps/&lt;ns&gt;/namespace.yaml                (Harbor's namespace; Spegel's outside kube-system, privileged PSA)
/// kubernetes/apps/&lt;ns&gt;/&lt;app&gt;/ks.yaml                 Flux Kustomization → ./app
/// kubernetes/apps/&lt;ns&gt;/&lt;app&gt;/app/kustomization.yaml
/// kubernetes/apps/&lt;ns&gt;/&lt;app&gt;/app/helmrelease.yaml
/// kubernetes/apps/&lt;ns&gt;/&lt;app&gt;/app/ocirepository.yaml | helmrepository.yaml  (OCIRepository + chartRef for a ChartSource)
/// kubernetes/apps/harbor/harbor/app/secret.yaml         admin password, ${VAR} filled from cluster-secrets
/// kubernetes/cluster-secrets.variables.txt              variables Flux substitutes (names only)
/// talos/patches/global/&lt;patch&gt;.yaml                   (talos/patches/nodes/ when a patch covers only some nodes)
/// talos/talenv.variables.txt                            variables the Talos patches reference (names only)
/// </code>
/// Pure and deterministic: same stack, same bytes.
/// </summary>
public static class GitOpsRenderer
{
    public static RenderedTree Render(Stack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var tree = new RenderedTree();
        var namespaces = new SortedDictionary<string, NamespaceFolder>(StringComparer.Ordinal);
        var fluxVariables = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var spegel in stack.ResourcesOf<SpegelRelease>())
        {
            var ns = spegel.Args.Namespace;
            var folder = Folder(namespaces, ns);
            if (ns != "kube-system")
            {
                var labels = new YamlMap { { "pod-security.kubernetes.io/enforce", "privileged" } };
                foreach (var (k, v) in spegel.Args.NamespaceLabels.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    labels[k] = v;
                }

                folder.Namespace = FluxObjects.Namespace(ns, labels);
            }

            var app = $"kubernetes/apps/{ns}/{spegel.Name}";
            folder.Apps.Add(spegel.Name);
            tree.Add($"{app}/ks.yaml", YamlWriter.Write(FluxObjects.FluxKustomization(spegel.Name, ns, $"./{app}/app", substituteClusterSecrets: false)));
            var spegelSource = ReleaseChartSource.For(spegel);
            tree.Add($"{app}/app/kustomization.yaml", YamlWriter.Write(FluxObjects.Kustomization(["./" + spegelSource.FileName, "./helmrelease.yaml"])));
            tree.Add($"{app}/app/{spegelSource.FileName}", YamlWriter.Write(spegelSource.Source));
            tree.Add($"{app}/app/helmrelease.yaml", YamlWriter.Write(FluxObjects.HelmRelease(spegel.Name, ns, spegelSource.ChartSpec, SpegelValues.Build(spegel), SpegelValues.PostRenderers(spegel), spegel.Args.ValuesFrom)));
        }

        foreach (var harbor in stack.ResourcesOf<HarborRegistry>())
        {
            var ns = harbor.Args.Namespace;
            var folder = Folder(namespaces, ns);
            folder.Namespace ??= ns is "kube-system" or "default" ? null : FluxObjects.Namespace(ns, null);
            var app = $"kubernetes/apps/{ns}/{harbor.Name}";
            folder.Apps.Add(harbor.Name);
            var harborSource = ReleaseChartSource.For(harbor);
            var resources = new List<string> { "./" + harborSource.FileName, "./helmrelease.yaml" };
            if (harbor.Args.AdminPassword is { } admin)
            {
                resources.Insert(0, "./secret.yaml");
                tree.Add($"{app}/app/secret.yaml", YamlWriter.Write(FluxObjects.SubstitutedSecret(HarborValues.AdminSecretName(harbor), ns, [(HarborValues.AdminSecretKey, admin)])));
                fluxVariables.Add(admin.Variable);
            }

            tree.Add($"{app}/ks.yaml", YamlWriter.Write(FluxObjects.FluxKustomization(harbor.Name, ns, $"./{app}/app", substituteClusterSecrets: harbor.Args.AdminPassword is not null)));
            tree.Add($"{app}/app/kustomization.yaml", YamlWriter.Write(FluxObjects.Kustomization(resources)));
            tree.Add($"{app}/app/{harborSource.FileName}", YamlWriter.Write(harborSource.Source));
            tree.Add($"{app}/app/helmrelease.yaml", YamlWriter.Write(FluxObjects.HelmRelease(
                harbor.Name, ns, harborSource.ChartSpec, HarborValues.Build(harbor), HarborValues.PostRenderers(harbor))));
        }

        foreach (var (ns, folder) in namespaces)
        {
            var resources = new List<string>();
            if (folder.Namespace is not null)
            {
                tree.Add($"kubernetes/apps/{ns}/namespace.yaml", YamlWriter.Write(folder.Namespace));
                resources.Add("./namespace.yaml");
            }

            resources.AddRange(folder.Apps.Select(a => $"./{a}/ks.yaml"));
            tree.Add($"kubernetes/apps/{ns}/kustomization.yaml", YamlWriter.Write(FluxObjects.Kustomization(resources)));
        }

        if (fluxVariables.Count > 0)
        {
            tree.Add("kubernetes/cluster-secrets.variables.txt", string.Concat(fluxVariables.Select(v => v + "\n")));
        }

        var patches = stack.ResourcesOf<TalosMachinePatch>().ToList();
        var allNodes = patches.SelectMany(p => p.Args.Nodes).ToHashSet(StringComparer.Ordinal);
        var talosVariables = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var patch in patches)
        {
            var scope = allNodes.SetEquals(patch.Args.Nodes) ? "global" : "nodes";
            tree.Add($"talos/patches/{scope}/{patch.Name}.yaml", TalosPatchRenderer.Render(patch));
            talosVariables.UnionWith(TalosPatchRenderer.ReferencedVariables(patch));
        }

        if (talosVariables.Count > 0)
        {
            tree.Add("talos/talenv.variables.txt", string.Concat(talosVariables.Select(v => v + "\n")));
        }

        return tree;
    }

    private static NamespaceFolder Folder(SortedDictionary<string, NamespaceFolder> folders, string ns)
    {
        if (!folders.TryGetValue(ns, out var f))
        {
            folders[ns] = f = new NamespaceFolder();
        }

        return f;
    }

    private sealed class NamespaceFolder
    {
        public YamlMap? Namespace { get; set; }

        public SortedSet<string> Apps { get; } = new(StringComparer.Ordinal);
    }
}
