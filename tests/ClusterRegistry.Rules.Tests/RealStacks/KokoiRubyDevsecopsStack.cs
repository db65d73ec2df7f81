using ClusterRegistry;
using ClusterRegistry.Registries;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Rules.Tests.RealStacks;

/// <summary>
/// Transcribed from https://github.com/KokoiRuby/devsecops at commit 9e7a417d189e2d40f29ed9561308d15513bd15a5:
/// iac/helm_harbor/http-k3s-registries.yaml.tpl (the nodes' mirror and auth for Harbor) and http-values.yaml.tpl (commit
/// 1d6701e801d882c7ad34ed18d9da15c6e3e14b52: externalURL http://harbor.${prefix}.${domain}, ingress with TLS off). Harbor
/// runs on a cluster of its own, installed by Terraform; the nodes that pull from it reach it at its plain-HTTP ingress
/// host, so for them it is an <see cref="ExternalRegistry"/> of kind Harbor. The repository's k3s registries.yaml has the
/// same mirror/config shape as Talos's machine.registries; ${prefix}.${domain} is "devsecops.example.com" here, and the
/// nodes and Talos version are data.
/// </summary>
/// <remarks>
/// Expected findings: CRG403 only, argued from upstream facts.
/// <list type="bullet">
/// <item>CRG403 (info): the Harbor host is a Talos mirror key and no PullLatencyProbe measures it; nothing in the
/// repository measures pulls either.</item>
/// <item>Scheme (CRG207/CRG101): the endpoint is http, the scheme of the externalURL clients use (http-values.yaml.tpl).</item>
/// <item>Username (CRG208): "admin" is Harbor's admin user, not a robot; robots of a Harbor outside the stack are not
/// declared in it, so the rule has nothing to compare with (for an in-cluster Harbor whose robots the stack declares, it
/// fires).</item>
/// <item>Fallback (CRG211): the stack does not say whether the Harbor answers anonymous pulls (AnonymousPull unset), so
/// the rule does not claim the fallback pull fails.</item>
/// <item>CRG209: the password is a variable (${harbor_pwd}), not a literal.</item>
/// </list>
/// </remarks>
public sealed class KokoiRubyDevsecopsStack : Stack
{
    /// <summary>The rule IDs that <c>check</c> and the analyzer must both report for this stack (sorted, comma-separated).</summary>
    public const string ExpectedIds = "CRG403";

    public KokoiRubyDevsecopsStack() : base("real-kokoiruby-devsecops")
    {
        new ExternalRegistry("harbor", new ExternalRegistryArgs
        {
            Url = "http://harbor.devsecops.example.com",
            Kind = ExternalRegistryKind.Harbor,
        });

        new TalosMachinePatch("global", new TalosMachinePatchArgs
        {
            TalosVersion = "v1.12",
            Nodes = { "192.168.10.21", "192.168.10.22" },
            Mirrors =
            {
                ["harbor.devsecops.example.com"] = new TalosMirror { Endpoints = { "http://harbor.devsecops.example.com" } },
            },
            RegistryConfig =
            {
                ["harbor.devsecops.example.com"] = new TalosRegistryConfig
                {
                    Auth = new TalosRegistryAuth { Username = "admin", Password = Secret.FromEnvironment("HARBOR_PWD") },
                },
            },
        });
    }
}
