namespace ClusterRegistry.Rules;

/// <summary>
/// The ID of every rule, as constants: the one place an ID is spelled. The rules' descriptors, the analyzer and the code
/// fixes (<c>analyzers/ClusterRegistry.CodeFixes</c>, which sees these through the analyzer assembly the rules are compiled
/// into) all name a rule through this class, so a fix cannot drift from the rule it fixes.
/// </summary>
public static class RuleIds
{
    /// <summary>Malformed IP, hostname, CIDR, URL or image reference.</summary>
    public const string Crg001 = "CRG001";

    /// <summary>Two resources of one kind share a name.</summary>
    public const string Crg002 = "CRG002";

    /// <summary>Chart value in Values contradicts a typed property.</summary>
    public const string Crg003 = "CRG003";

    /// <summary>Spegel mirrors every registry (MirroredRegistries is empty).</summary>
    public const string Crg101 = "CRG101";

    /// <summary>Spegel replaces a Talos mirror (PrependExisting is not true).</summary>
    public const string Crg102 = "CRG102";

    /// <summary>A Talos-mirrored registry is missing from Spegel's MirroredRegistries.</summary>
    public const string Crg103 = "CRG103";

    /// <summary>Wrong scheme for a mirrored registry.</summary>
    public const string Crg104 = "CRG104";

    /// <summary>Spegel writes hosts.toml where Talos's containerd never reads.</summary>
    public const string Crg105 = "CRG105";

    /// <summary>Talos discards unpacked layers, so Spegel cannot serve them.</summary>
    public const string Crg106 = "CRG106";

    /// <summary>Mirrored registry with a port: Talos and Spegel name its dir differently.</summary>
    public const string Crg107 = "CRG107";

    /// <summary>Spegel 0.7 needs containerd ≥ 2.1 (Talos ≥ 1.11).</summary>
    public const string Crg108 = "CRG108";

    /// <summary>Spegel namespace is not labelled privileged.</summary>
    public const string Crg109 = "CRG109";

    /// <summary>Invalid MirroredRegistries entry.</summary>
    public const string Crg110 = "CRG110";

    /// <summary>Spegel chart value the chart version does not know.</summary>
    public const string Crg111 = "CRG111";

    /// <summary>Mirror endpoint is a cluster DNS name without a host entry.</summary>
    public const string Crg201 = "CRG201";

    /// <summary>Host entry maps the Harbor Service name to the wrong IP.</summary>
    public const string Crg202 = "CRG202";

    /// <summary>Harbor ClusterIP used by a host entry is not pinned or outside the service subnet.</summary>
    public const string Crg203 = "CRG203";

    /// <summary>Harbor mirror endpoint without auth.</summary>
    public const string Crg204 = "CRG204";

    /// <summary>Registry auth keyed on the mirror name instead of the endpoint host.</summary>
    public const string Crg205 = "CRG205";

    /// <summary>Mirror key contains a scheme, path or trailing slash.</summary>
    public const string Crg206 = "CRG206";

    /// <summary>Endpoint scheme disagrees with Harbor's TLS setting.</summary>
    public const string Crg207 = "CRG207";

    /// <summary>Auth username is not a declared robot's full name.</summary>
    public const string Crg208 = "CRG208";

    /// <summary>Secret written in source code.</summary>
    public const string Crg209 = "CRG209";

    /// <summary>Legacy machine config fields for a Talos version that deprecated them.</summary>
    public const string Crg210 = "CRG210";

    /// <summary>The mirror's fallback to the registry itself cannot work.</summary>
    public const string Crg211 = "CRG211";

    /// <summary>Harbor's own chart or images come through Harbor.</summary>
    public const string Crg212 = "CRG212";

    /// <summary>OverridePath mirror with an endpoint that has no path.</summary>
    public const string Crg213 = "CRG213";

    /// <summary>Endpoint with a /v2/&lt;…&gt; path but no OverridePath.</summary>
    public const string Crg214 = "CRG214";

    /// <summary>Talos version does not support this registry setting.</summary>
    public const string Crg215 = "CRG215";

    /// <summary>Robot name rejected by Harbor.</summary>
    public const string Crg301 = "CRG301";

    /// <summary>Robot duration rejected by Harbor.</summary>
    public const string Crg302 = "CRG302";

    /// <summary>Node pull robot has more than pull access.</summary>
    public const string Crg303 = "CRG303";

    /// <summary>Project robot with several permission entries.</summary>
    public const string Crg304 = "CRG304";

    /// <summary>Node robot cannot pull the probe image's project.</summary>
    public const string Crg305 = "CRG305";

    /// <summary>Harbor token realm unreachable from the node.</summary>
    public const string Crg306 = "CRG306";

    /// <summary>Mirror points at a Harbor project that does not proxy its registry.</summary>
    public const string Crg307 = "CRG307";

    /// <summary>Mirror endpoint into a private Harbor project without auth.</summary>
    public const string Crg308 = "CRG308";

    /// <summary>Chart value names a key the existing Secret lacks.</summary>
    public const string Crg309 = "CRG309";

    /// <summary>Probe image is not on a mirrored registry.</summary>
    public const string Crg401 = "CRG401";

    /// <summary>Probe budget below what the link can carry.</summary>
    public const string Crg402 = "CRG402";

    /// <summary>Mirrored private registry without a probe.</summary>
    public const string Crg403 = "CRG403";
}
