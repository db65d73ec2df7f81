namespace ClusterRegistry.Repository.Tests.Support;

/// <summary>Small, valid building blocks of a GitOps repository (shapes as the Flux CRDs and Talos docs define them).</summary>
public static class Snippets
{
    public const string SpegelOci = """
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: OCIRepository
        metadata:
          name: spegel
        spec:
          interval: 15m
          ref:
            tag: 0.7.4
          url: oci://ghcr.io/spegel-org/helm-charts/spegel
        """;

    public static string SpegelRelease(string values) => """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: spegel
          namespace: kube-system
        spec:
          interval: 1h
          chartRef:
            kind: OCIRepository
            name: spegel
        """ + "\n" + values;

    public const string TalconfigWithMirrors = """
        clusterName: home
        talosVersion: ${talosVersion}
        nodes:
          - hostname: cp1
            ipAddress: 10.0.0.1
            controlPlane: true
        patches:
          - "@./patches/registries.yaml"
        """;

    public const string DockerHubThroughHarborProxy = """
        machine:
          registries:
            mirrors:
              docker.io:
                endpoints:
                  - https://harbor.example.com/v2/proxy-docker.io
                overridePath: true
        """;
}
