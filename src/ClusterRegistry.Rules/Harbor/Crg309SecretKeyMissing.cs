using System;
using System.Collections.Generic;
using ClusterRegistry.Rules.Secrets;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules.Harbor;

/// <summary>
/// CRG309: a Harbor chart value names a Secret the stack declares as an <c>ExistingSecret</c> with its keys, and the key the
/// chart reads from it (the value's key, or the chart's default or fixed key) is not among them. Silent when the Secret is
/// not declared, its keys are not listed, or a name or key is not known.
/// </summary>
public sealed class Crg309SecretKeyMissing : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg309, "Chart value names a key the existing Secret lacks", RuleSeverity.Error, "Harbor",
        "The chart reads the key with a secretKeyRef or a volume item: the kubelet refuses to create the container (or to mount the volume) and the Harbor pod never starts.");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        if (s.ExistingSecrets.Count == 0)
        {
            yield break; // a key can only be missing from a Secret the stack describes
        }

        foreach (var h in s.Harbors)
        {
            if (h.External || !h.Namespace.TryGet(out var ns))
            {
                continue;
            }

            foreach (var reference in HarborSecretReference.All)
            {
                var name = Lookup(h, reference.NamePath);
                if (!name.Known || string.IsNullOrEmpty(name.Value))
                {
                    continue;
                }

                var key = reference.KeyPath is null ? new Setting(true, reference.Key, null) : Lookup(h, reference.KeyPath);
                if (!key.Known)
                {
                    continue;
                }

                var keyName = string.IsNullOrEmpty(key.Value) ? reference.Key : key.Value!;
                var secret = Find(s, ns, name.Value!);
                if (secret is null || secret.HasKey(keyName) != false)
                {
                    continue;
                }

                var keyPath = reference.KeyPath is null ? null : string.Join(".", reference.KeyPath);
                var how = keyPath is null ? $"the chart always reads key '{keyName}' of it"
                    : string.IsNullOrEmpty(key.Value) ? $"{keyPath} is unset, so the chart reads its default key '{keyName}'"
                    : $"{keyPath} names key '{keyName}'";
                var consequence = reference.Mounted
                    ? $"the pod's secret volume item references a key the Secret does not have, so the kubelet cannot mount it (MountVolume.SetUp failed) and the pod stays in ContainerCreating"
                    : $"the container reads it through secretKeyRef, so the kubelet refuses to create it (CreateContainerConfigError: couldn't find key {keyName} in Secret {ns}/{name.Value})";
                var fromValue = keyPath is not null && !string.IsNullOrEmpty(key.Value);
                yield return Report(h, fromValue ? keyPath! : string.Join(".", reference.NamePath),
                    $"{string.Join(".", reference.NamePath)} names Secret {ns}/{name.Value} ({secret.Label}) and {how}, but that Secret's keys are {string.Join(", ", Keys(secret))}: {consequence}; " +
                    $"use one of its keys or add '{keyName}' to the Secret",
                    First(key.Location, name.Location, h.Location));
            }
        }
    }

    private static IEnumerable<string> Keys(ExistingSecretInfo secret)
    {
        foreach (var k in secret.Keys)
        {
            if (k.TryGet(out var text))
            {
                yield return text;
            }
        }
    }

    private static ExistingSecretInfo? Find(TopologySnapshot s, string ns, string name)
    {
        foreach (var e in s.ExistingSecrets)
        {
            if (e.MayNotExist || !e.Namespace.TryGet(out var ens) || ens != ns || !e.EffectiveSecretName.TryGet(out var en) || en != name)
            {
                continue;
            }

            return e;
        }

        return null;
    }

    /// <summary>A chart value as the release gets it: the Values tree over ExtraValues over the typed properties.</summary>
    private readonly struct Setting
    {
        public Setting(bool known, string? value, object? location)
        {
            Known = known;
            Value = value;
            Location = location;
        }

        public bool Known { get; }

        public string? Value { get; }

        public object? Location { get; }
    }

    private static Setting Lookup(HarborInfo h, string[] path)
    {
        foreach (var leaf in h.Values)
        {
            if (!SamePath(leaf.Path, path))
            {
                continue;
            }

            if (!leaf.Value.TryGet(out var v))
            {
                return new Setting(false, null, leaf.Location);
            }

            return v is null || v is string ? new Setting(true, (string?)v, leaf.Location ?? leaf.Value.Location) : new Setting(false, null, leaf.Location);
        }

        if (h.Values.HasUnknownEntries)
        {
            return new Setting(false, null, h.Values.Location);
        }

        var dotted = string.Join(".", path);
        foreach (var kv in h.ExtraValues)
        {
            if (!kv.Key.TryGet(out var k))
            {
                return new Setting(false, null, kv.Location);
            }

            if (k == dotted)
            {
                return kv.Value.TryGet(out var v) ? new Setting(true, v, kv.Location ?? kv.Value.Location) : new Setting(false, null, kv.Location);
            }
        }

        if (h.ExtraValues.HasUnknownEntries)
        {
            return new Setting(false, null, h.ExtraValues.Location);
        }

        if (dotted == "existingSecretAdminPassword")
        {
            return h.ExistingAdminPasswordSecret.TryGet(out var n)
                ? new Setting(true, n, n is null ? null : h.ExistingAdminPasswordSecret.Location)
                : new Setting(false, null, h.ExistingAdminPasswordSecret.Location);
        }

        if (dotted == "existingSecretAdminPasswordKey")
        {
            // The typed key is rendered only with the typed Secret name (HarborValues); otherwise the chart's default applies.
            if (!h.ExistingAdminPasswordSecret.TryGet(out var typedName))
            {
                return new Setting(false, null, h.ExistingAdminPasswordSecret.Location);
            }

            if (typedName is null)
            {
                return new Setting(true, null, null);
            }

            return h.ExistingAdminPasswordSecretKey.TryGet(out var k)
                ? new Setting(true, k, h.ExistingAdminPasswordSecretKey.Location)
                : new Setting(false, null, h.ExistingAdminPasswordSecretKey.Location);
        }

        return new Setting(true, null, null);
    }

    private static bool SamePath(IReadOnlyList<string> a, string[] b)
    {
        if (a.Count != b.Length)
        {
            return false;
        }

        for (var i = 0; i < b.Length; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
