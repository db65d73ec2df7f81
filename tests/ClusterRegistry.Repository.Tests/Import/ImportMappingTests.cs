using ClusterRegistry.Harbor;
using ClusterRegistry.Repository.Import;
using ClusterRegistry.Repository.Tests.Support;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Repository.Tests.Import;

/// <summary>
/// The model fields of real clusters, imported: proxy-cache projects from Terraform, the Talos registry form the repository
/// wrote, Harbor behind a Gateway, the values escape hatch and valuesFrom kept outside the repository. Each test compiles
/// the generated C# and builds the stack, so what is asserted is what the SDK really got.
/// </summary>
public sealed class ImportMappingTests
{
    private static (ImportResult Result, Stack Stack) Import(TempRepository repo)
    {
        var result = StackImporter.Import(repo.Scan(), new ImportOptions { ClassName = "ImportedStack", StackName = "imported" });
        return (result, RoundTripTests.StackOf(result.Code, result.ClassName));
    }

    [Fact]
    public void Terraform_proxy_cache_projects_become_ProxyCache_with_the_upstream_of_their_registry_endpoint()
    {
        // goharbor/terraform-provider-harbor: harbor_registry { provider_name, endpoint_url }, harbor_project { registry_id }.
        using var repo = new TempRepository().Write("terraform/harbor.tf", """
            resource "harbor_registry" "docker" {
              provider_name = "docker-hub"
              name          = "docker-hub"
              endpoint_url  = "https://hub.docker.com"
            }
            resource "harbor_registry" "internal" {
              provider_name = "docker-registry"
              name          = "internal"
              endpoint_url  = "https://registry.example.org:5000"
            }
            resource "harbor_project" "dockerhub" {
              name        = "proxy-docker.io"
              public      = true
              registry_id = harbor_registry.docker.registry_id
            }
            resource "harbor_project" "internal" {
              name        = "proxy-internal"
              public      = true
              registry_id = harbor_registry.internal.registry_id
            }
            resource "harbor_project" "elsewhere" {
              name        = "proxy-elsewhere"
              registry_id = var.registry_id
            }
            resource "harbor_project" "apps" {
              name = "apps"
            }
            """);
        var (result, stack) = Import(repo);
        var projects = stack.ResourcesOf<HarborProject>().ToDictionary(p => p.Name);
        Assert.Equal("docker.io", projects["proxy-docker.io"].Args.ProxyCache!.Upstream);
        Assert.Equal("https://hub.docker.com", projects["proxy-docker.io"].Args.ProxyCache!.EffectiveEndpointUrl);
        Assert.Equal("docker-hub", projects["proxy-docker.io"].Args.ProxyCache!.EffectiveProviderName);
        Assert.Equal("registry.example.org:5000", projects["proxy-internal"].Args.ProxyCache!.Upstream);
        Assert.Equal("https://registry.example.org:5000", projects["proxy-internal"].Args.ProxyCache!.EffectiveEndpointUrl);
        Assert.Null(projects["apps"].Args.ProxyCache);
        // registry_id from a variable: which upstream it proxies is not in the repository; one line says so.
        Assert.Null(projects["proxy-elsewhere"].Args.ProxyCache);
        Assert.Single(result.NotImported, l => l.Contains("proxy-elsewhere", StringComparison.Ordinal) && l.Contains("ProxyCache", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("v1.11.3", "legacy", TalosConfigForm.Auto)]
    [InlineData("v1.13.0", "legacy", TalosConfigForm.Legacy)]
    [InlineData("v1.13.0", "documents", TalosConfigForm.Documents)]
    public void Talos_registry_config_keeps_the_form_the_repository_wrote(string version, string form, TalosConfigForm expected)
    {
        using var repo = new TempRepository()
            .Write("talos/talconfig.yaml", $"""
                clusterName: home
                talosVersion: {version}
                nodes:
                  - hostname: cp1
                    ipAddress: 10.0.0.1
                patches:
                  - "@./patches/registries.yaml"
                """)
            .Write("talos/patches/registries.yaml", form == "legacy" ? Snippets.DockerHubThroughHarborProxy : """
                apiVersion: v1alpha1
                kind: RegistryMirrorConfig
                name: docker.io
                endpoints:
                  - url: https://harbor.example.com/v2/proxy-docker.io
                    overridePath: true
                """);
        var (_, stack) = Import(repo);
        var patch = Assert.Single(stack.ResourcesOf<TalosMachinePatch>());
        Assert.Equal(expected, patch.Args.RegistryConfigForm);

        // Synth writes it back in that form.
        using var rendered = new TempRepository();
        foreach (var (path, content) in Rendering.Synthesizer.Synthesize(stack, Rendering.SynthTarget.GitOps))
        {
            rendered.Write(path, content);
        }

        var back = Assert.Single(rendered.Scan().Snapshot.TalosPatches, p => p.Mirrors.Count > 0);
        Assert.Equal(form == "legacy", back.RendersLegacyRegistryFields.Value);
    }

    [Fact]
    public void Harbor_behind_a_gateway_imports_route_parents_and_never_carries_a_credential_value()
    {
        using var repo = new TempRepository()
            .Write("harbor/repo.yaml", """
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: HelmRepository
                metadata:
                  name: harbor
                spec:
                  url: https://helm.goharbor.io
                """)
            .Write("harbor/helmrelease.yaml", """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata:
                  name: harbor
                  namespace: registry
                spec:
                  chart:
                    spec:
                      chart: harbor
                      version: 1.19.1
                      sourceRef:
                        kind: HelmRepository
                        name: harbor
                  values:
                    expose:
                      type: route
                      tls:
                        enabled: false
                      route:
                        parentRefs:
                          - name: envoy-external
                            namespace: network
                            sectionName: https
                        hosts:
                          - registry.example.com
                    externalURL: https://registry.example.com
                    harborAdminPassword: ${HARBOR_ADMIN_PASSWORD}
                    secretKey: not16charsinclear
                    core:
                      replicas: 2
                    nginx: null
                """);
        var (result, stack) = Import(repo);
        var harbor = Assert.Single(stack.ResourcesOf<HarborRegistry>());
        Assert.Equal(HarborExpose.Route, harbor.Args.Expose);
        Assert.False(harbor.Args.Tls);
        Assert.Equal("https://registry.example.com", harbor.Args.ExternalUrl);
        var parent = Assert.Single(harbor.Args.RouteParents);
        Assert.Equal(("envoy-external", "network", "https"), (parent.Name, parent.Namespace, parent.SectionName));
        Assert.Equal(2L, Convert.ToInt64(((HelmValues)harbor.Args.Values["core"]!)["replicas"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("AdminPassword = Secret.FromEnvironment(\"HARBOR_ADMIN_PASSWORD\"),", result.Code);

        // secretKey is a credential in clear: left out of the code, one line; the null (delete a default) is one line too.
        Assert.DoesNotContain("not16charsinclear", result.Code);
        Assert.Single(result.NotImported, l => l.Contains("'secretKey' holds a credential", StringComparison.Ordinal));
        Assert.Single(result.NotImported, l => l.Contains("'nginx' is null", StringComparison.Ordinal));
        Assert.True(harbor.Args.Trivy); // the chart's default, which the release did not override
    }

    [Fact]
    public void Spegel_valuesFrom_outside_the_repository_stays_a_ValuesFrom_reference_and_readable_layers_are_merged()
    {
        using var repo = new TempRepository()
            .Write("spegel/oci.yaml", Snippets.SpegelOci)
            .Write("spegel/values.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: spegel-values
                  namespace: kube-system
                data:
                  values.yaml: |
                    spegel:
                      logLevel: DEBUG
                      prependExisting: false
                """)
            .Write("spegel/helmrelease.yaml", Snippets.SpegelRelease("""
                  valuesFrom:
                    - kind: ConfigMap
                      name: spegel-values
                    - kind: Secret
                      name: spegel-secret-values
                      valuesKey: extra.yaml
                  values:
                    spegel:
                      prependExisting: true
                      mirroredRegistries: [https://docker.io]
                    resources:
                      limits:
                        memory: 120Mi
                """));
        var (result, stack) = Import(repo);
        var spegel = Assert.Single(stack.ResourcesOf<SpegelRelease>());
        Assert.True(spegel.Args.PrependExisting); // spec.values wins over valuesFrom, as in helm-controller
        Assert.Equal("DEBUG", spegel.Args.LogLevel);
        Assert.Equal(["https://docker.io"], spegel.Args.MirroredRegistries);
        Assert.Equal("120Mi", ((HelmValues)((HelmValues)spegel.Args.Values["resources"]!)["limits"]!)["memory"]);
        var from = Assert.Single(spegel.Args.ValuesFrom);
        Assert.Equal(("Secret", "spegel-secret-values", "extra.yaml"), (from.Kind, from.Name, from.ValuesKey));
        Assert.Contains("valuesFrom in the repository merged in", result.Code);
    }
}
