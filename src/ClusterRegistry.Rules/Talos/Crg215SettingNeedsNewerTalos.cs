using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Talos;

/// <summary>
/// CRG215: a registry setting the patch's Talos version does not have: <c>skipFallback</c> before v1.9 (siderolabs/talos
/// #9723), <c>overridePath</c> before v1.3 (#6577), the <c>RegistryMirrorConfig</c>/<c>RegistryAuthConfig</c> documents
/// before v1.12 (#12194), or a <c>RegistryAuthConfig</c> with more than one auth kind (Talos's validation accepts one).
/// An input-validation rule: the machine config would be rejected, so <c>synth</c> refuses the stack (exit 2).
/// </summary>
public sealed class Crg215SettingNeedsNewerTalos : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg215, "Talos version does not support this registry setting", RuleSeverity.Error, "Talos",
        "The patch uses a registry setting its Talos version does not accept: skipFallback needs Talos v1.9, overridePath v1.3, the RegistryMirrorConfig/RegistryAuthConfig documents v1.12, and a RegistryAuthConfig takes one auth kind only (username/password, auth or identityToken). Talos rejects the machine config, so the patch never applies and synth refuses the stack.",
        refusesInput: true);

    private static readonly TalosVersionValue V1_3 = new(1, 3);
    private static readonly TalosVersionValue V1_9 = new(1, 9);

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var p in s.TalosPatches)
        {
            if (!p.ParsedVersion.TryGet(out var v))
            {
                continue;
            }

            for (var i = 0; i < p.Mirrors.Count; i++)
            {
                var m = p.Mirrors[i];
                var path = Topo.Entry("Mirrors", m.Key, i);
                if (v < V1_9 && m.SkipFallback.TryGet(out var skip) && skip is not null)
                {
                    var text = skip.Value ? "true" : "false";
                    yield return Refuse(p, path + ".SkipFallback", text,
                        $"Talos {v} has no skipFallback (added in v1.9, siderolabs/talos#9723): it rejects the machine config as an unknown field; drop SkipFallback or target Talos v1.9 or later",
                        First(m.SkipFallback.Location, m.Location, p.Location));
                }

                if (v < V1_3 && m.OverridePath.TryGet(out var over) && over is not null)
                {
                    var text = over.Value ? "true" : "false";
                    yield return Refuse(p, path + ".OverridePath", text,
                        $"Talos {v} has no overridePath (added in v1.3, siderolabs/talos#6577): it rejects the machine config as an unknown field; drop OverridePath or target Talos v1.3 or later",
                        First(m.OverridePath.Location, m.Location, p.Location));
                }
            }

            if (v < TalosVersionValue.V1_12 && p.DocumentsFormChosen.Is(true))
            {
                yield return Refuse(p, "RegistryConfigForm", "Documents",
                    $"Talos {v} has no RegistryMirrorConfig/RegistryAuthConfig/RegistryTLSConfig documents (they arrived in v1.12, siderolabs/talos#12194): it rejects the unknown kinds; use the machine.registries form (RegistryConfigForm Legacy or Auto) or target Talos v1.12 or later",
                    First(p.DocumentsFormChosen.Location, p.Location));
            }

            // The other documents a repository may carry: each kind is absent from the published machine-config schema of the
            // versions before it (siderolabs/talos website/content/v1.11/schemas/config.schema.json has none of them,
            // v1.12's has StaticHostConfig, v1.14's adds EtcFileConfig and CRICustomizationConfig), and Talos rejects a kind it
            // does not know.
            foreach (var use in p.DocumentKinds)
            {
                if (DocumentKindSince(use.Key) is not { } since || v >= since.Version)
                {
                    continue;
                }

                yield return Refuse(p, use.Key, use.Key,
                    $"Talos {v} has no {use.Key} document (it arrived in {since.Version}): it rejects the unknown kind, so the patch never applies; write it as {since.LegacyForm} or target Talos {since.Version} or later",
                    First(use.Value, p.Location));
            }

            // RegistryAuthConfig documents: rendered from v1.12 unless the patch keeps the legacy form. A configuration read from
            // a repository says which form it is written in: its machine.registries auth is no RegistryAuthConfig document.
            var documents = p.DocumentsFormChosen.Is(true)
                || (v >= TalosVersionValue.V1_12 && p.LegacyRegistryFormChosen.Is(false) && p.RendersLegacyRegistryFields.Is(false));
            if (!documents)
            {
                continue;
            }

            for (var i = 0; i < p.RegistryConfigs.Count; i++)
            {
                var rc = p.RegistryConfigs[i];
                if (!rc.Auth.TryGet(out var auth) || auth is null || Kinds(auth) is not { Count: > 1 } kinds)
                {
                    continue;
                }

                var path = Topo.Entry("RegistryConfig", rc.Key, i) + ".Auth";
                yield return Refuse(p, path, string.Join("+", kinds),
                    $"a RegistryAuthConfig takes one auth kind, but this auth sets {string.Join(", ", kinds)}: Talos {v} rejects the document (\"only one of auth, username/password or identityToken authentication can be specified\"); keep one",
                    First(auth.Location, rc.Auth.Location, rc.Location, p.Location));
            }
        }
    }

    /// <summary>The auth kinds an auth sets (username/password, auth, identityToken), or null when one is unknown.</summary>
    private static List<string>? Kinds(AuthInfo a)
    {
        if (!a.Username.IsKnown || !a.Password.IsKnown || !a.AuthString.IsKnown || !a.IdentityToken.IsKnown)
        {
            return null;
        }

        var kinds = new List<string>();
        if (a.Username.Value is not null || a.UsernameRobot is not null || a.Password.Value is not null)
        {
            kinds.Add("username/password");
        }

        if (a.AuthString.Value is not null)
        {
            kinds.Add("auth");
        }

        if (a.IdentityToken.Value is not null)
        {
            kinds.Add("identityToken");
        }

        return kinds;
    }

    /// <summary>The first Talos version with a document kind, and the machine-config field older versions take instead.</summary>
    private static (TalosVersionValue Version, string LegacyForm)? DocumentKindSince(string kind) => kind switch
    {
        "StaticHostConfig" => (TalosVersionValue.V1_12, "machine.network.extraHostEntries"),
        "EtcFileConfig" => (TalosVersionValue.V1_14, "machine.files"),
        "CRICustomizationConfig" => (TalosVersionValue.V1_14, "a machine.files entry under /etc/cri/conf.d"),
        _ => null,
    };
}
