using System.Collections.Generic;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Spegel;

/// <summary>
/// The top-level and <c>spegel.*</c> keys of every released Spegel chart (<c>charts/spegel/values.yaml</c> of
/// spegel-org/spegel at tags v0.0.1–v0.7.4; the templates read no key that values.yaml lacks), and the renames between
/// them. The chart ships no <c>values.schema.json</c>, so Helm drops any other key without a word.
/// </summary>
public static class SpegelChartKeys
{
    /// <summary>The newest released chart the table knows; newer charts may have keys it does not (rules stay silent).</summary>
    public static readonly ChartVersion Newest = new(0, 7, 4);

    /// <summary>Top-level key → (first, last) chart version that has it.</summary>
    public static readonly IReadOnlyDictionary<string, (ChartVersion First, ChartVersion Last)> TopLevel = new Dictionary<string, (ChartVersion, ChartVersion)>
    {
        ["affinity"] = (V(0, 0, 1), Newest),
        ["basicAuthSecretName"] = (V(0, 1, 0), Newest),
        ["clusterDomain"] = (V(0, 0, 30), Newest),
        ["commonLabels"] = (V(0, 0, 29), Newest),
        ["daemonsetAnnotations"] = (V(0, 5, 0), Newest),
        ["extraInitContainers"] = (V(0, 7, 0), Newest),
        ["extraVolumes"] = (V(0, 7, 0), Newest),
        ["fullnameOverride"] = (V(0, 0, 1), Newest),
        ["grafanaDashboard"] = (V(0, 0, 23), Newest),
        ["image"] = (V(0, 0, 1), Newest),
        ["imagePullSecrets"] = (V(0, 0, 1), Newest),
        ["livenessProbe"] = (V(0, 4, 0), Newest),
        ["nameOverride"] = (V(0, 0, 1), Newest),
        ["namespaceOverride"] = (V(0, 0, 10), Newest),
        ["nodeSelector"] = (V(0, 0, 1), Newest),
        ["podAnnotations"] = (V(0, 0, 1), Newest),
        ["podSecurityContext"] = (V(0, 0, 1), Newest),
        ["priorityClassName"] = (V(0, 0, 5), Newest),
        ["resources"] = (V(0, 0, 1), Newest),
        ["revisionHistoryLimit"] = (V(0, 0, 24), Newest),
        ["securityContext"] = (V(0, 0, 1), Newest),
        ["service"] = (V(0, 0, 1), Newest),
        ["serviceAccount"] = (V(0, 0, 1), Newest),
        ["serviceMonitor"] = (V(0, 0, 1), Newest),
        ["spegel"] = (V(0, 0, 1), Newest),
        ["tolerations"] = (V(0, 0, 1), Newest),
        ["updateStrategy"] = (V(0, 0, 17), Newest),
        ["verticalPodAutoscaler"] = (V(0, 0, 24), Newest),
    };

    /// <summary><c>spegel.*</c> key → (first, last) chart version that has it.</summary>
    public static readonly IReadOnlyDictionary<string, (ChartVersion First, ChartVersion Last)> Spegel = new Dictionary<string, (ChartVersion, ChartVersion)>
    {
        ["additionalMirrorRegistries"] = (V(0, 0, 17), V(0, 0, 30)),
        ["additionalMirrorTargets"] = (V(0, 1, 0), Newest),
        ["appendMirrors"] = (V(0, 0, 21), V(0, 0, 30)),
        ["blobSpeed"] = (V(0, 0, 19), V(0, 0, 25)),
        ["containerdContentPath"] = (V(0, 0, 22), Newest),
        ["containerdMirrorAdd"] = (V(0, 0, 1), Newest),
        ["containerdMirrorRemove"] = (V(0, 0, 1), V(0, 0, 5)),
        ["containerdNamespace"] = (V(0, 0, 1), Newest),
        ["containerdRegistryConfigPath"] = (V(0, 0, 1), Newest),
        ["containerdSock"] = (V(0, 0, 1), Newest),
        ["debugWebEnabled"] = (V(0, 1, 0), Newest),
        ["extraMirrorRegistries"] = (V(0, 0, 3), V(0, 0, 16)),
        ["imageFilter"] = (V(0, 0, 1), V(0, 0, 7)),
        ["kubeconfigPath"] = (V(0, 0, 1), V(0, 0, 28)),
        ["logLevel"] = (V(0, 0, 22), Newest),
        ["mirrorRegistries"] = (V(0, 0, 1), V(0, 0, 2)),
        ["mirrorResolveRetries"] = (V(0, 0, 8), Newest),
        ["mirrorResolveTimeout"] = (V(0, 0, 8), Newest),
        ["mirroredRegistries"] = (V(0, 1, 0), Newest),
        ["persistence"] = (V(0, 7, 0), Newest),
        ["prependExisting"] = (V(0, 1, 0), Newest),
        ["registries"] = (V(0, 0, 3), V(0, 0, 30)),
        ["registryFilters"] = (V(0, 4, 0), Newest),
        ["resolveLatestTag"] = (V(0, 0, 10), V(0, 5, 1)),
        ["resolveTags"] = (V(0, 0, 11), Newest),
    };

    /// <summary>Old <c>spegel.*</c> name → (new name, first version with the new name, what the setting does).</summary>
    public static readonly IReadOnlyDictionary<string, (string NewName, ChartVersion Since, string Effect)> Renamed = new Dictionary<string, (string, ChartVersion, string)>
    {
        ["appendMirrors"] = ("prependExisting", V(0, 1, 0), "prepending stays off (the default false), so Spegel replaces the Talos hosts.toml of every registry it mirrors"),
        ["additionalMirrorRegistries"] = ("additionalMirrorTargets", V(0, 1, 0), "the extra mirror targets are never written into hosts.toml"),
        ["registries"] = ("mirroredRegistries", V(0, 1, 0), "the list stays empty, so Spegel mirrors every registry through _default and moves the Talos hosts dirs to _backup"),
        ["extraMirrorRegistries"] = ("additionalMirrorRegistries", V(0, 0, 17), "the extra mirror targets are never written into hosts.toml"),
        ["mirrorRegistries"] = ("registries", V(0, 0, 3), "the registry list is ignored"),
    };

    /// <summary>True when <paramref name="v"/> lies in [first, last].</summary>
    public static bool Has((ChartVersion First, ChartVersion Last) range, ChartVersion v) => Compare(v, range.First) >= 0 && Compare(v, range.Last) <= 0;

    /// <summary>Orders two chart versions.</summary>
    public static int Compare(ChartVersion a, ChartVersion b) =>
        a.Major != b.Major ? a.Major.CompareTo(b.Major) : a.Minor != b.Minor ? a.Minor.CompareTo(b.Minor) : a.Patch.CompareTo(b.Patch);

    private static ChartVersion V(int major, int minor, int patch) => new(major, minor, patch);
}
