using ClusterRegistry.Rendering.GitOps;
using ClusterRegistry.Rendering.Tests.Support;

namespace ClusterRegistry.Rendering.Tests.GitOps;

/// <summary>
/// The homelab GitOps tree says what the seed runbook says: every key and value of the seed's YAML snippets appears in
/// the rendered file it names (semantic subset, parsed with YamlDotNet), plus what the seed lacks.
/// </summary>
public sealed class SeedConformanceTests
{
    private static readonly Lazy<RenderedTree> Tree = new(() => GitOpsRenderer.Render(Homelab.Build()));

    private static Dictionary<object, object?> Rendered(string path) =>
        YamlDoc.Load(Tree.Value.TryGetValue(path, out var text) ? text : throw new Xunit.Sdk.XunitException($"not rendered: {path}"));

    [Fact]
    public void Seed_snippets_are_found_with_the_files_they_belong_to()
    {
        var files = SeedSnippets.Load().Select(s => s.File).ToList();
        Assert.Equal(
            [null, "kubernetes/apps/kube-system/spegel/app/helmrelease.yaml", "talos/patches/global/machine-network.yaml", "talos/talenv.sops.yaml"],
            files);
    }

    public static IEnumerable<object[]> RenderedSnippets() =>
        SeedSnippets.Load().Where(s => s.File is not null && s.File != "talos/talenv.sops.yaml").Select(s => new object[] { s.File! });

    [Theory]
    [MemberData(nameof(RenderedSnippets))]
    public void Every_seed_key_and_value_is_in_the_rendered_file(string file)
    {
        var seed = YamlDoc.Load(SeedSnippets.Load().Single(s => s.File == file).Yaml);
        Assert.NotEmpty(seed);
        var problems = new List<string>();
        Subset(seed, Rendered(file), "", problems);
        Assert.True(problems.Count == 0, $"{file}:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void Subset_comparison_is_not_vacuous()
    {
        var problems = new List<string>();
        Subset(YamlDoc.Load("a: {b: [x, y], c: 1}"), YamlDoc.Load("a: {b: [x], c: 2, d: 3}"), "", problems);
        Assert.Equal([".a.b: 2 items in the seed, 1 rendered", ".a.c: seed 1, rendered 2"], problems);
    }

    [Fact]
    public void Talenv_variables_of_the_seed_are_the_rendered_secret_variable_names()
    {
        var seed = YamlDoc.Load(SeedSnippets.Load().Single(s => s.File == "talos/talenv.sops.yaml").Yaml);
        var names = Tree.Value["talos/talenv.variables.txt"].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(seed.Keys.Cast<string>().Order(StringComparer.Ordinal), names);
        Assert.Equal("HARBOR_ROBOT_PASSWORD\nHARBOR_ROBOT_USERNAME\n", Tree.Value["talos/talenv.variables.txt"]);
        Assert.Equal("HARBOR_ADMIN_PASSWORD\n", Tree.Value["kubernetes/cluster-secrets.variables.txt"]);

        // The seed's username value is the pull robot's Harbor login name.
        var robot = Homelab.Build().ResourcesOf<ClusterRegistry.Harbor.RobotAccount>().Single();
        Assert.Equal(seed.Str("HARBOR_ROBOT_USERNAME"), robot.FullName);
    }

    [Fact]
    public void The_seed_pod_image_is_pulled_through_a_mirrored_and_talos_mapped_registry()
    {
        var pod = YamlDoc.Load(SeedSnippets.Load().Single(s => s.File is null).Yaml);
        var image = pod.Get("spec").Map().Get("containers").List()[0].Map().Str("image")!;
        var host = image.Split('/')[0];
        var talos = Rendered("talos/patches/global/machine-network.yaml");
        Assert.Contains(host, talos.Get("machine").Map().Get("registries").Map().Get("mirrors").Map().Keys.Cast<string>());
        var spegel = Rendered("kubernetes/apps/kube-system/spegel/app/helmrelease.yaml");
        Assert.Contains("http://" + host, spegel.Get("spec").Map().Get("values").Map().Get("spegel").Map().Get("mirroredRegistries").List().Cast<string>());
    }

    [Fact]
    public void Spegel_release_adds_the_talos_customisation_the_seed_lacks()
    {
        var release = Rendered("kubernetes/apps/kube-system/spegel/app/helmrelease.yaml");
        Assert.Equal(("helm.toolkit.fluxcd.io/v2", "HelmRelease"), (release.Str("apiVersion"), release.Str("kind")));
        Assert.Equal(("spegel", "kube-system"), (release.Get("metadata").Map().Str("name"), release.Get("metadata").Map().Str("namespace")));
        var spec = release.Get("spec").Map();
        Assert.Equal(("OCIRepository", "spegel"), (spec.Get("chartRef").Map().Str("kind"), spec.Get("chartRef").Map().Str("name")));
        var values = spec.Get("values").Map();
        Assert.Equal("/etc/cri/conf.d/hosts", values.Get("spegel").Map().Str("containerdRegistryConfigPath"));
        Assert.True(values.Get("spegel").Map().Bool("prependExisting"));
        // Chart 0.7.4 mirrors through hostPort 30020 then nodePort 30021.
        var registry = values.Get("service").Map().Get("registry").Map();
        Assert.Equal(("30020", "30021"), (registry.Str("hostPort"), registry.Str("nodePort")));
    }

    [Fact]
    public void Talos_patch_adds_discard_unpacked_layers_false_and_auth_for_the_fallback()
    {
        var machine = Rendered("talos/patches/global/machine-network.yaml").Get("machine").Map();
        var file = Assert.Single(machine.Get("files").List()).Map();
        Assert.Equal("/etc/cri/conf.d/20-customization.part", file.Str("path"));
        Assert.Equal("create", file.Str("op"));
        Assert.Equal("[plugins.\"io.containerd.cri.v1.images\"]\n  discard_unpacked_layers = false\n", file.Str("content"));
        var fallback = machine.Get("registries").Map().Get("config").Map().Get("192.168.1.105").Map().Get("auth").Map();
        Assert.Equal(("${HARBOR_ROBOT_USERNAME}", "${HARBOR_ROBOT_PASSWORD}"), (fallback.Str("username"), fallback.Str("password")));
    }

    [Fact]
    public void Spegel_flux_source_and_kustomizations_point_at_the_release()
    {
        var oci = Rendered("kubernetes/apps/kube-system/spegel/app/ocirepository.yaml");
        Assert.Equal(("source.toolkit.fluxcd.io/v1", "OCIRepository", "spegel", "kube-system"),
            (oci.Str("apiVersion"), oci.Str("kind"), oci.Get("metadata").Map().Str("name"), oci.Get("metadata").Map().Str("namespace")));
        Assert.Equal("oci://ghcr.io/spegel-org/helm-charts/spegel", oci.Get("spec").Map().Str("url"));
        Assert.Equal("0.7.4", oci.Get("spec").Map().Get("ref").Map().Str("tag"));

        var app = Rendered("kubernetes/apps/kube-system/spegel/app/kustomization.yaml");
        Assert.Equal(["./ocirepository.yaml", "./helmrelease.yaml"], app.Get("resources").List().Cast<string>());
        var ks = Rendered("kubernetes/apps/kube-system/spegel/ks.yaml");
        Assert.Equal(("kustomize.toolkit.fluxcd.io/v1", "Kustomization"), (ks.Str("apiVersion"), ks.Str("kind")));
        Assert.Equal("./kubernetes/apps/kube-system/spegel/app", ks.Get("spec").Map().Str("path"));
        Assert.Equal("kube-system", ks.Get("spec").Map().Str("targetNamespace"));
        var ns = Rendered("kubernetes/apps/kube-system/kustomization.yaml");
        Assert.Equal(["./spegel/ks.yaml"], ns.Get("resources").List().Cast<string>());
        Assert.False(Tree.Value.ContainsKey("kubernetes/apps/kube-system/namespace.yaml"));
    }

    [Fact]
    public void Harbor_release_matches_the_seed_addresses_and_its_sources()
    {
        var release = Rendered("kubernetes/apps/harbor/harbor/app/helmrelease.yaml");
        var spec = release.Get("spec").Map();
        var chart = spec.Get("chart").Map().Get("spec").Map();
        Assert.Equal(("harbor", "1.17.1", "HelmRepository", "harbor"),
            (chart.Str("chart"), chart.Str("version"), chart.Get("sourceRef").Map().Str("kind"), chart.Get("sourceRef").Map().Str("name")));
        var values = spec.Get("values").Map();
        var expose = values.Get("expose").Map();
        // Seed "Key IPs": LoadBalancer 192.168.1.105:80 (plain HTTP), auth realm reachable from the host network.
        Assert.Equal("loadBalancer", expose.Str("type"));
        Assert.Equal("192.168.1.105", expose.Get("loadBalancer").Map().Str("IP"));
        Assert.Equal("harbor", expose.Get("loadBalancer").Map().Str("name"));
        Assert.False(expose.Get("tls").Map().Bool("enabled"));
        Assert.Equal("http://192.168.1.105", values.Str("externalURL"));
        // ClusterIP 10.43.216.243 pinned on the Service the host entries point at.
        var patch = spec.Get("postRenderers").List()[0].Map().Get("kustomize").Map().Get("patches").List()[0].Map();
        Assert.Equal(("Service", "harbor"), (patch.Get("target").Map().Str("kind"), patch.Get("target").Map().Str("name")));
        Assert.Equal("/spec/clusterIP", YamlDoc.Deserialize(patch.Str("patch")!)[0].Map().Str("path"));
        Assert.Equal("10.43.216.243", YamlDoc.Deserialize(patch.Str("patch")!)[0].Map().Str("value"));
        // The admin password only by reference.
        Assert.Equal("harbor-admin", values.Str("existingSecretAdminPassword"));

        var repo = Rendered("kubernetes/apps/harbor/harbor/app/helmrepository.yaml");
        Assert.Equal(("HelmRepository", "https://helm.goharbor.io"), (repo.Str("kind"), repo.Get("spec").Map().Str("url")));
        var secret = Rendered("kubernetes/apps/harbor/harbor/app/secret.yaml");
        Assert.Equal("${HARBOR_ADMIN_PASSWORD}", secret.Get("stringData").Map().Str("HARBOR_ADMIN_PASSWORD"));
        var app = Rendered("kubernetes/apps/harbor/harbor/app/kustomization.yaml");
        Assert.Equal(["./secret.yaml", "./helmrepository.yaml", "./helmrelease.yaml"], app.Get("resources").List().Cast<string>());
        var ks = Rendered("kubernetes/apps/harbor/harbor/ks.yaml").Get("spec").Map();
        Assert.Equal("./kubernetes/apps/harbor/harbor/app", ks.Str("path"));
        Assert.Equal("cluster-secrets", ks.Get("postBuild").Map().Get("substituteFrom").List()[0].Map().Str("name"));
        Assert.Equal(["./namespace.yaml", "./harbor/ks.yaml"], Rendered("kubernetes/apps/harbor/kustomization.yaml").Get("resources").List().Cast<string>());
        Assert.Equal("harbor", Rendered("kubernetes/apps/harbor/namespace.yaml").Get("metadata").Map().Str("name"));
    }

    [Fact]
    public void The_tree_is_exactly_the_expected_file_set()
    {
        Assert.Equal(
        [
            "kubernetes/apps/harbor/harbor/app/helmrelease.yaml",
            "kubernetes/apps/harbor/harbor/app/helmrepository.yaml",
            "kubernetes/apps/harbor/harbor/app/kustomization.yaml",
            "kubernetes/apps/harbor/harbor/app/secret.yaml",
            "kubernetes/apps/harbor/harbor/ks.yaml",
            "kubernetes/apps/harbor/kustomization.yaml",
            "kubernetes/apps/harbor/namespace.yaml",
            "kubernetes/apps/kube-system/kustomization.yaml",
            "kubernetes/apps/kube-system/spegel/app/helmrelease.yaml",
            "kubernetes/apps/kube-system/spegel/app/kustomization.yaml",
            "kubernetes/apps/kube-system/spegel/app/ocirepository.yaml",
            "kubernetes/apps/kube-system/spegel/ks.yaml",
            "kubernetes/cluster-secrets.variables.txt",
            "talos/patches/global/machine-network.yaml",
            "talos/talenv.variables.txt",
        ], Tree.Value.Keys);
    }

    /// <summary>Maps: every seed key, recursively. Lists: same length, item by item. Scalars: equal text.</summary>
    private static void Subset(object? seed, object? rendered, string path, List<string> problems)
    {
        switch (seed)
        {
            case Dictionary<object, object?> map:
                if (rendered is not Dictionary<object, object?> r)
                {
                    problems.Add($"{path}: seed has a map, rendered {Describe(rendered)}");
                    return;
                }

                foreach (var (key, value) in map)
                {
                    if (!r.TryGetValue(key, out var rv))
                    {
                        problems.Add($"{path}.{key}: missing");
                    }
                    else
                    {
                        Subset(value, rv, $"{path}.{key}", problems);
                    }
                }

                break;
            case List<object?> list:
                if (rendered is not List<object?> rl)
                {
                    problems.Add($"{path}: seed has a list, rendered {Describe(rendered)}");
                }
                else if (rl.Count != list.Count)
                {
                    problems.Add($"{path}: {list.Count} items in the seed, {rl.Count} rendered");
                }
                else
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        Subset(list[i], rl[i], $"{path}[{i}]", problems);
                    }
                }

                break;
            default:
                if (!Equals(seed, rendered))
                {
                    problems.Add($"{path}: seed {seed}, rendered {Describe(rendered)}");
                }

                break;
        }
    }

    private static string Describe(object? o) => o switch
    {
        null => "nothing",
        Dictionary<object, object?> => "a map",
        List<object?> => "a list",
        _ => o.ToString()!,
    };
}
