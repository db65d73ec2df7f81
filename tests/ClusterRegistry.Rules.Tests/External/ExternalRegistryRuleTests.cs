using ClusterRegistry.Harbor;
using ClusterRegistry.Registries;
using ClusterRegistry.Rules.Tests.RealStacks;
using ClusterRegistry.Talos;
using ClusterRegistry.Topology;

namespace ClusterRegistry.Rules.Tests.External;

/// <summary>
/// An <see cref="ExternalRegistry"/> is judged by the mirror, auth, scheme and fallback rules as an in-cluster Harbor is,
/// through the real model and the runtime snapshot builder (what <c>check</c> runs). Each case is a one-piece change to a
/// real shape: KokoiRuby/devsecops' plain-HTTP Harbor on another cluster, sergelogvinov/helm-charts' zot mirror behind an
/// ingress with a client certificate.
/// </summary>
public sealed class ExternalRegistryRuleTests
{
    private sealed class ShapeStack : Stack
    {
        public ShapeStack(Action build)
            : base("external-shape")
        {
            build();
        }
    }

    private static IReadOnlyList<Finding> Run(Action build, params string[] ids)
    {
        var stack = Stack.Build(() => new ShapeStack(build));
        return RuleEngine.Run(SnapshotBuilder.Build(stack)).Where(f => ids.Contains(f.Id)).ToList();
    }

    /// <summary>KokoiRuby/devsecops: a Harbor on its own cluster reached at its plain-HTTP ingress host, with admin auth.</summary>
    private static Action Devsecops(
        string url = "http://harbor.devsecops.example.com",
        string endpoint = "http://harbor.devsecops.example.com",
        bool auth = true,
        bool? anonymousPull = null,
        bool? skipFallback = null,
        Action<ExternalRegistryArgs>? registry = null,
        Action<TalosMachinePatchArgs>? patch = null) => () =>
    {
        var args = new ExternalRegistryArgs { Url = url, Kind = ExternalRegistryKind.Harbor, AnonymousPull = anonymousPull };
        registry?.Invoke(args);
        new ExternalRegistry("harbor", args);
        var patchArgs = new TalosMachinePatchArgs
        {
            TalosVersion = "v1.12",
            Nodes = { "192.168.10.21" },
            Mirrors = { ["harbor.devsecops.example.com"] = new TalosMirror { Endpoints = { endpoint }, SkipFallback = skipFallback } },
        };
        if (auth)
        {
            patchArgs.RegistryConfig["harbor.devsecops.example.com"] = new TalosRegistryConfig
            {
                Auth = new TalosRegistryAuth { Username = "admin", Password = Secret.FromEnvironment("HARBOR_PWD") },
            };
        }

        patch?.Invoke(patchArgs);
        new TalosMachinePatch("global", patchArgs);
    };

    [Fact]
    public void Http_endpoint_to_an_http_external_harbor_is_not_a_scheme_mismatch()
    {
        Assert.Empty(Run(Devsecops(), "CRG207", "CRG306", "CRG101"));
    }

    [Fact]
    public void CRG207_fires_for_https_to_an_external_registry_whose_url_is_http()
    {
        var f = Assert.Single(Run(Devsecops(endpoint: "https://harbor.devsecops.example.com"), "CRG207"));
        Assert.Contains("ExternalRegistry 'harbor'", f.Message);
        Assert.Contains("http://harbor.devsecops.example.com", f.Message);
        Assert.Equal("http://harbor.devsecops.example.com", f.Fix["replacement"]);
    }

    [Fact]
    public void CRG207_fires_for_http_to_an_external_registry_whose_url_is_https()
    {
        var f = Assert.Single(Run(Devsecops(url: "https://harbor.devsecops.example.com"), "CRG207"));
        Assert.Equal("https://harbor.devsecops.example.com", f.Fix["replacement"]);
    }

    [Fact]
    public void Admin_login_on_an_external_harbor_is_not_judged_as_a_robot()
    {
        Assert.Empty(Run(Devsecops(), "CRG208"));
    }

    [Fact]
    public void CRG208_near_miss_the_same_login_on_an_in_cluster_harbor_with_declared_robots_fires()
    {
        var findings = Run(() =>
        {
            var harbor = new HarborRegistry("harbor", new HarborArgs { Tls = false, ExternalUrl = "http://harbor.devsecops.example.com", ClusterIP = "10.43.0.50" });
            new RobotAccount("nodes", new RobotAccountArgs { Registry = harbor, Permissions = { RobotPermission.Pull("*") } });
            new TalosMachinePatch("global", new TalosMachinePatchArgs
            {
                TalosVersion = "v1.12",
                Nodes = { "192.168.10.21" },
                Mirrors = { ["harbor.devsecops.example.com"] = new TalosMirror { Endpoints = { "http://harbor.devsecops.example.com" } } },
                RegistryConfig =
                {
                    ["harbor.devsecops.example.com"] = new TalosRegistryConfig
                    {
                        Auth = new TalosRegistryAuth { Username = "admin", Password = Secret.FromEnvironment("HARBOR_PWD") },
                    },
                },
            });
        }, "CRG208");
        Assert.Single(findings);
    }

    [Fact]
    public void CRG204_silent_when_the_stack_does_not_say_whether_the_registry_needs_auth()
    {
        Assert.Empty(Run(Devsecops(auth: false), "CRG204", "CRG211"));
    }

    [Fact]
    public void CRG204_fires_for_an_external_harbor_with_a_private_project_and_no_auth()
    {
        var f = Assert.Single(Run(Devsecops(auth: false, registry: r => r.Projects.Add(new ExternalRegistryProject { Name = "library" })), "CRG204"));
        Assert.Contains("ExternalRegistry 'harbor'", f.Message);
        Assert.Contains("Harbor challenges anonymous pulls", f.Message);
        Assert.Equal("harbor.devsecops.example.com", f.Fix["key"]);
        Assert.False(f.Fix.ContainsKey("robot"));
    }

    [Fact]
    public void CRG204_for_a_zot_that_refuses_anonymous_pulls_says_401_not_harbor()
    {
        var f = Assert.Single(Run(Devsecops(auth: false, anonymousPull: false, registry: r => r.Kind = ExternalRegistryKind.Zot), "CRG204"));
        Assert.Contains("answers anonymous pulls with 401", f.Message);
        Assert.DoesNotContain("Harbor", f.Message);
    }

    [Fact]
    public void CRG204_near_miss_anonymous_pull_true_needs_no_auth()
    {
        Assert.Empty(Run(Devsecops(auth: false, anonymousPull: true), "CRG204"));
    }

    [Fact]
    public void CRG211_fires_when_the_fallback_to_an_http_external_registry_goes_to_https()
    {
        var f = Assert.Single(Run(Devsecops(anonymousPull: false), "CRG211"));
        Assert.Contains("https://harbor.devsecops.example.com", f.Message);
        Assert.Contains("ExternalRegistry 'harbor' (its Url is http)", f.Message);
    }

    [Fact]
    public void CRG211_near_miss_skip_fallback_true()
    {
        Assert.Empty(Run(Devsecops(anonymousPull: false, skipFallback: true), "CRG211"));
    }

    /// <summary>The schulzdevcloud-style shape: proxy-cache projects on a Harbor outside the cluster, mirrored with overridePath.</summary>
    private static Action ProxyCache(bool isPublic, string upstream = "quay.io", string mirrorKey = "quay.io", bool auth = false) => Devsecops(
        url: "https://registry.example.com",
        auth: false,
        registry: r => r.Projects.Add(new ExternalRegistryProject { Name = "quay", Public = isPublic, ProxyCacheUpstream = upstream }),
        patch: p =>
        {
            p.Mirrors.Clear();
            p.Mirrors[mirrorKey] = new TalosMirror { OverridePath = true, Endpoints = { "https://registry.example.com/v2/quay" } };
            if (auth)
            {
                p.RegistryConfig["registry.example.com"] = new TalosRegistryConfig
                {
                    Auth = new TalosRegistryAuth { Username = "robot$nodes", Password = Secret.FromEnvironment("HARBOR_ROBOT_NODES_SECRET") },
                };
            }
        });

    [Fact]
    public void Public_proxy_cache_project_on_an_external_harbor_is_clean()
    {
        Assert.Empty(Run(ProxyCache(isPublic: true), "CRG204", "CRG207", "CRG208", "CRG213", "CRG214", "CRG307", "CRG308"));
    }

    [Fact]
    public void CRG308_fires_for_a_private_proxy_cache_project_on_an_external_harbor_without_auth()
    {
        var f = Assert.Single(Run(ProxyCache(isPublic: false), "CRG308"));
        Assert.Contains("quay", f.Message);
        Assert.Empty(Run(ProxyCache(isPublic: false, auth: true), "CRG308", "CRG208"));
    }

    [Fact]
    public void CRG307_fires_when_the_external_project_proxies_another_registry()
    {
        Assert.Single(Run(ProxyCache(isPublic: true, upstream: "ghcr.io"), "CRG307"));
    }

    [Fact]
    public void Zot_mirror_paths_are_not_harbor_projects()
    {
        var findings = RuleEngine.Run(SnapshotBuilder.Build(RealStackCatalog.Build(typeof(SergelogvinovRegistryMirrorsStack))));
        Assert.Empty(findings);
    }

    [Fact]
    public void An_external_registry_does_not_take_an_in_cluster_harbors_unassigned_projects()
    {
        // A HarborProject without Registry belongs to the only in-cluster Harbor, also when an external registry is declared.
        var findings = Run(() =>
        {
            new HarborRegistry("harbor", new HarborArgs { Tls = false, LoadBalancerIP = "192.168.1.105", ClusterIP = "10.43.0.50" });
            new ExternalRegistry("vm", new ExternalRegistryArgs { Url = "https://harbor.example.com" });
            new HarborProject("library", new HarborProjectArgs { Public = true });
            new TalosMachinePatch("global", new TalosMachinePatchArgs
            {
                TalosVersion = "v1.12",
                Nodes = { "192.168.10.21" },
                Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { "http://192.168.1.105" } } },
            });
        }, "CRG204");
        Assert.Empty(findings);
    }

    [Fact]
    public void CRG403_counts_an_external_registry_as_a_mirrored_private_registry()
    {
        var f = Assert.Single(Run(Devsecops(), "CRG403"));
        Assert.Contains("ExternalRegistry 'harbor'", f.Message);
    }
}
