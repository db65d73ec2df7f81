using System;
using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules.Talos;

/// <summary>CRG209: a password, token or key is written in code. Fix data: <c>variable</c> (a suggested environment variable).</summary>
public sealed class Crg209PlaintextSecret : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg209, "Secret written in source code", RuleSeverity.Error, "Talos",
        "A password, token or key literal ends up in source control and in every rendered file.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        var seen = new HashSet<SecretInfo>();
        foreach (var h in s.Harbors)
        {
            foreach (var f in Check(h, "AdminPassword", h.AdminPassword, "HARBOR_ADMIN_PASSWORD", seen))
            {
                yield return f;
            }

            for (var i = 0; i < h.ExtraValues.Count; i++)
            {
                var kv = h.ExtraValues[i];
                if (kv.Key.TryGet(out var k) && kv.Value.TryGet(out var v) && IsSecretKey(k) && v.Length > 0 && !v.StartsWith("${", StringComparison.Ordinal))
                {
                    yield return Report(h, Topo.Entry("ExtraValues", kv.Key, i),
                        $"Helm value '{k}' holds a secret written in code: it lands in source control and rendered files; pass it through a Secret (e.g. AdminPassword = Secret.FromEnvironment(...))",
                        First(kv.Value.Location, kv.Location, h.ExtraValues.Location));
                }
            }

            for (var i = 0; i < h.Values.Count; i++)
            {
                var leaf = h.Values[i];
                if (leaf.Value.TryGet(out var v) && v is string text && text.Length > 0 && !text.StartsWith("${", StringComparison.Ordinal) &&
                    IsSecretKey(leaf.Path[leaf.Path.Count - 1]))
                {
                    yield return Report(h, "Values[\"" + string.Join("\"][\"", leaf.Path) + "\"]",
                        $"Helm value '{leaf.DottedPath}' holds a secret written in code: it lands in source control and rendered files; keep it in a Secret the chart reads (an existingSecret* value) or pass it through a Secret",
                        First(leaf.Location, h.Values.Location));
                }
            }
        }

        foreach (var p in s.TalosPatches)
        {
            for (var i = 0; i < p.RegistryConfigs.Count; i++)
            {
                var rc = p.RegistryConfigs[i];
                var path = Topo.Entry("RegistryConfig", rc.Key, i);
                var stem = "REGISTRY_" + Stem(rc.Key.GetOrDefault("AUTH"));
                if (rc.Auth.TryGet(out var auth) && auth is not null)
                {
                    foreach (var f in Check(p, path + ".Auth.Password", auth.Password, stem + "_PASSWORD", seen))
                    {
                        yield return f;
                    }

                    foreach (var f in Check(p, path + ".Auth.Auth", auth.AuthString, stem + "_AUTH", seen))
                    {
                        yield return f;
                    }

                    foreach (var f in Check(p, path + ".Auth.IdentityToken", auth.IdentityToken, stem + "_TOKEN", seen))
                    {
                        yield return f;
                    }
                }

                if (rc.Tls.TryGet(out var tls) && tls is not null)
                {
                    foreach (var f in Check(p, path + ".Tls.ClientKey", tls.ClientKey, stem + "_CLIENT_KEY", seen))
                    {
                        yield return f;
                    }
                }
            }
        }
    }

    private IEnumerable<Finding> Check(ResourceInfo r, string path, Val<SecretInfo?> secret, string variable, HashSet<SecretInfo> seen)
    {
        if (secret.TryGet(out var si) && si is not null && si.Kind == SecretKind.Plaintext && seen.Add(si))
        {
            yield return Report(r, path,
                $"{path} is a secret written in source code: it lands in source control; use Secret.FromEnvironment(\"{variable}\") or a robot's Secret",
                First(si.Location, secret.Location), FixData("variable", variable));
        }
    }

    /// <summary>
    /// True when the Helm value named by <paramref name="key"/> (dotted) holds a secret value. A key that names a Secret or a
    /// key inside one (<c>existingSecretAdminPassword</c>, <c>existingSecretAdminPasswordKey</c>, <c>…SecretName</c>,
    /// <c>…PasswordKey</c>) holds a name, not a secret, and does not count.
    /// </summary>
    public static bool IsSecretKey(string key)
    {
        var last = key;
        var dot = key.LastIndexOf('.');
        if (dot >= 0)
        {
            last = key.Substring(dot + 1);
        }

        var k = last.ToLowerInvariant();
        if (k.StartsWith("existing", StringComparison.Ordinal) || k.EndsWith("name", StringComparison.Ordinal) || k.EndsWith("ref", StringComparison.Ordinal) ||
            k.EndsWith("passwordkey", StringComparison.Ordinal) || k.EndsWith("tokenkey", StringComparison.Ordinal) || k.EndsWith("secretkeyref", StringComparison.Ordinal))
        {
            return false;
        }

        return k.IndexOf("password", StringComparison.Ordinal) >= 0 || k.IndexOf("secret", StringComparison.Ordinal) >= 0 ||
               k.IndexOf("token", StringComparison.Ordinal) >= 0;
    }

    private static string Stem(string key)
    {
        var chars = key.ToUpperInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!((chars[i] >= 'A' && chars[i] <= 'Z') || (chars[i] >= '0' && chars[i] <= '9')))
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }
}
