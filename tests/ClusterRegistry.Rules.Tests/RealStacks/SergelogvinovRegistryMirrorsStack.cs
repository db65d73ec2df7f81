using ClusterRegistry;
using ClusterRegistry.Registries;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rules.Tests.RealStacks;

/// <summary>
/// Transcribed from https://github.com/sergelogvinov/helm-charts at commit 8c8aaf3e02026bb4a5da2d1c8f89b780401b331f (2026-08-14):
/// charts/registry-mirrors/README.md, "Talos machine config". A pull-through mirror (the chart runs zot,
/// image.repository ghcr.io/project-zot/zot in its values table; one path per upstream) that nodes reach only through its ingress host mirrors.example.com with a client
/// certificate: for the Talos nodes it is a registry outside their cluster, so it is an <see cref="ExternalRegistry"/> of kind
/// Zot. The README's node list and Talos version are not given; the nodes and v1.11 here are data.
/// </summary>
/// <remarks>
/// Expected findings: none, argued from upstream facts.
/// <list type="bullet">
/// <item>overridePath (CRG213/CRG214): each mirror has one endpoint https://mirrors.example.com/v2/&lt;upstream&gt; with
/// overridePath: true, so containerd uses the path as the API root (containerd docs/hosts.md override_path).</item>
/// <item>Projects and auth (CRG204/CRG307/CRG308): /v2/docker-io is a path of the mirror, not a Harbor project; the
/// registry is zot, not a Harbor, and the stack does not say whether it answers anonymous pulls (the client certificate is the
/// credential), so nothing is claimed about auth.</item>
/// <item>Scheme (CRG207): every endpoint is https, the scheme of the URL clients use.</item>
/// <item>CRG209: the client key is a variable, not a literal; the certificate is not a secret.</item>
/// </list>
/// </remarks>
public sealed class SergelogvinovRegistryMirrorsStack : Stack
{
    /// <summary>The rule IDs that <c>check</c> and the analyzer must both report for this stack (sorted, comma-separated).</summary>
    public const string ExpectedIds = "";

    /// <summary>Stand-in for the README's BASE64-crt (a certificate is public data; the key is a secret variable).</summary>
    public const string ClientCertificate = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUZXhhbXBsZS1taXJyb3JzLWNsaWVudDAKBggqhkjOPQQDAjAA\n-----END CERTIFICATE-----\n";

    public SergelogvinovRegistryMirrorsStack() : base("real-sergelogvinov-registry-mirrors")
    {
        new ExternalRegistry("mirrors", new ExternalRegistryArgs
        {
            Url = "https://mirrors.example.com",
            Kind = ExternalRegistryKind.Zot,
        });

        new TalosMachinePatch("global", new TalosMachinePatchArgs
        {
            TalosVersion = "v1.11",
            Nodes = { "192.168.1.11", "192.168.1.12" },
            Mirrors =
            {
                ["docker.io"] = new TalosMirror { OverridePath = true, Endpoints = { "https://mirrors.example.com/v2/docker-io" } },
                ["gcr.io"] = new TalosMirror { OverridePath = true, Endpoints = { "https://mirrors.example.com/v2/gcr-io" } },
                ["ghcr.io"] = new TalosMirror { OverridePath = true, Endpoints = { "https://mirrors.example.com/v2/ghcr-io" } },
                ["registry.k8s.io"] = new TalosMirror { OverridePath = true, Endpoints = { "https://mirrors.example.com/v2/registry-k8s-io" } },
            },
            RegistryConfig =
            {
                ["mirrors.example.com"] = new TalosRegistryConfig
                {
                    Tls = new TalosRegistryTls
                    {
                        ClientCertificate = ClientCertificate,
                        ClientKey = Secret.FromEnvironment("MIRRORS_CLIENT_KEY"),
                    },
                },
            },
        });
    }
}
