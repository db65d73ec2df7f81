using ClusterRegistry.Repository.Tests.Support;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Repository.Tests.Readers;

/// <summary>HelmRelease values as helm-controller merges them: valuesFrom in order, spec.values on top.</summary>
public sealed class FluxReaderTests
{
    [Fact]
    public void Values_from_a_kustomize_generated_configmap_file_are_read_with_their_own_file_and_line()
    {
        using var repo = new TempRepository()
            .Write("apps/spegel/app/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: kube-system
                resources: [./helmrelease.yaml, ./ocirepository.yaml]
                configMapGenerator:
                  - name: spegel-values
                    files:
                      - values.yaml=./helm/values.yaml
                """)
            .Write("apps/spegel/app/helm/values.yaml", """
                spegel:
                  mirroredRegistries:
                    - https://docker.io
                  prependExisting: false
                """)
            .Write("apps/spegel/app/ocirepository.yaml", Snippets.SpegelOci)
            .Write("apps/spegel/app/helmrelease.yaml", """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata:
                  name: spegel
                spec:
                  chartRef: {kind: OCIRepository, name: spegel}
                  valuesFrom:
                    - kind: ConfigMap
                      name: spegel-values
                  values:
                    spegel:
                      prependExisting: true
                """);
        var spegel = Assert.Single(repo.Scan().Snapshot.Spegels);
        Assert.Equal("kube-system", spegel.Namespace.Value);
        Assert.Equal("0.7.4", spegel.ChartVersion.Value);
        var entry = Assert.Single(spegel.MirroredRegistries);
        Assert.Equal("https://docker.io", entry.Value);
        var at = Assert.IsType<SourceFileLocation>(entry.Location);
        Assert.Equal(("apps/spegel/app/helm/values.yaml", 3), (at.Path, at.Line));
        Assert.True(spegel.PrependExisting.Value); // spec.values wins over valuesFrom
        Assert.Null(spegel.ContainerdRegistryConfigPath.Value); // chart default
    }

    [Fact]
    public void Values_from_an_object_not_in_the_repository_are_unknown_with_a_notice()
    {
        using var repo = new TempRepository()
            .Write("apps/ocirepository.yaml", Snippets.SpegelOci)
            .Write("apps/helmrelease.yaml", Snippets.SpegelRelease("""
                  valuesFrom:
                    - kind: ConfigMap
                      name: cluster-values
                      valuesKey: spegel.yaml
                """));
        var scan = repo.Scan();
        Assert.True(Assert.Single(scan.Snapshot.Spegels).MirroredRegistries.HasUnknownEntries);
        Assert.Contains(scan.Notices, n => n.Kind == NoticeKind.Unknown && n.Message.Contains("ConfigMap/cluster-values", StringComparison.Ordinal));
    }

    [Fact]
    public void Harbor_chart_defaults_and_an_ingress_with_https_external_url_mean_https_clients()
    {
        using var repo = new TempRepository()
            .Write("apps/harbor/helmrepository.yaml", """
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: HelmRepository
                metadata: {name: harbor, namespace: flux-system}
                spec: {url: https://helm.goharbor.io}
                """)
            .Write("apps/harbor/helmrelease.yaml", """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: harbor, namespace: registry}
                spec:
                  chart:
                    spec:
                      chart: harbor
                      version: 1.17.1
                      sourceRef: {kind: HelmRepository, name: harbor, namespace: flux-system}
                  values:
                    expose:
                      tls:
                        enabled: false
                    externalURL: https://harbor.example.com
                    harborAdminPassword: hunter2
                """);
        var harbor = Assert.Single(repo.Scan().Snapshot.Harbors);
        Assert.Equal(HarborExposeKind.Ingress, harbor.Expose.Value); // chart default expose.type: ingress
        Assert.True(harbor.Tls.Value); // TLS ends at the ingress: clients use https
        Assert.Equal("harbor.example.com", harbor.RegistryHost.Value);
        Assert.Equal("https://helm.goharbor.io", harbor.ChartRepository.Value);
        Assert.Equal(SecretKind.Plaintext, harbor.AdminPassword.Value!.Kind); // a password committed in clear
    }

    [Fact]
    public void Terraform_harbor_projects_and_robots_are_read_from_plain_hcl()
    {
        using var repo = new TempRepository().Write("terraform/harbor.tf", """
            resource "harbor_project" "cache" {
              name        = "proxy-docker.io"
              public      = true
              registry_id = harbor_registry.docker.registry_id
            }

            # a robot for the nodes
            resource "harbor_robot_account" "nodes" {
              name        = "nodes"
              level       = "system"
              duration    = -1
              secret      = var.robot_secret
              permissions {
                kind      = "project"
                namespace = "proxy-docker.io"
                access {
                  action   = "pull"
                  resource = "repository"
                }
              }
            }
            """);
        var s = repo.Scan().Snapshot;
        var project = Assert.Single(s.Projects);
        Assert.Equal("proxy-docker.io", project.EffectiveProjectName.Value);
        Assert.True(project.Public.Value);
        var robot = Assert.Single(s.Robots);
        Assert.Equal("robot$nodes", robot.FullName.Value);
        Assert.Equal(-1, robot.DurationDays.Value);
        Assert.Equal(true, Assert.Single(robot.Permissions).AllowsPull("proxy-docker.io"));
        var at = Assert.IsType<SourceFileLocation>(robot.Location);
        Assert.Equal(("terraform/harbor.tf", 8), (at.Path, at.Line));
        Assert.True(s.Robots.HasUnknownEntries); // robots made in Harbor's UI are not in the repository
    }
}
