using System.Collections.Generic;
using ClusterRegistry.Rules.General;
using ClusterRegistry.Rules.Harbor;
using ClusterRegistry.Rules.Probe;
using ClusterRegistry.Rules.Spegel;
using ClusterRegistry.Rules.Talos;

namespace ClusterRegistry.Rules;

/// <summary>Every rule CRG001–CRG403, in ID order. The node checks (CRG5xx) belong to <c>doctor</c>.</summary>
public static class RuleCatalog
{
    /// <summary>The rules, in ID order.</summary>
    public static IReadOnlyList<Rule> All { get; } = new Rule[]
    {
        new Crg001MalformedLiteral(),
        new Crg002DuplicateName(),
        new Crg003ValuesContradictTypedProperty(),
        new Crg101MirroredRegistriesEmpty(),
        new Crg102PrependExistingNotSet(),
        new Crg103TalosMirrorNotMirrored(),
        new Crg104MirroredRegistrySchemeMismatch(),
        new Crg105RegistryConfigPath(),
        new Crg106DiscardUnpackedLayers(),
        new Crg107RegistryWithPort(),
        new Crg108ChartNeedsNewerTalos(),
        new Crg109NamespaceNotPrivileged(),
        new Crg110InvalidMirroredRegistry(),
        new Crg111UnknownChartKey(),
        new Crg201ClusterDnsEndpointWithoutHostEntry(),
        new Crg202HostEntryWrongIp(),
        new Crg203ClusterIpNotPinned(),
        new Crg204HarborEndpointWithoutAuth(),
        new Crg205AuthKeyedOnMirrorName(),
        new Crg206KeyWithSchemeOrPath(),
        new Crg207EndpointSchemeMismatch(),
        new Crg208UsernameNotRobot(),
        new Crg209PlaintextSecret(),
        new Crg210LegacyConfigOnNewTalos(),
        new Crg211FallbackUnusable(),
        new Crg212HarborImagesThroughHarbor(),
        new Crg213OverridePathBareEndpoint(),
        new Crg214V2PathWithoutOverridePath(),
        new Crg215SettingNeedsNewerTalos(),
        new Crg301InvalidRobotName(),
        new Crg302InvalidRobotDuration(),
        new Crg303NodePullRobotTooPowerful(),
        new Crg304ProjectRobotPermissions(),
        new Crg305NodeRobotCannotPullProbeImage(),
        new Crg306ExternalUrlUnreachable(),
        new Crg307MirrorIntoWrongProject(),
        new Crg308PrivateProjectWithoutAuth(),
        new Crg309SecretKeyMissing(),
        new Crg401ProbeImageNotMirrored(),
        new Crg402BudgetBelowLinkSpeed(),
        new Crg403PrivateRegistryWithoutProbe(),
    };

    /// <summary>The descriptors, in ID order.</summary>
    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = Describe();

    /// <summary>The descriptor of <paramref name="id"/>, or null.</summary>
    public static RuleDescriptor? Find(string id)
    {
        foreach (var d in Descriptors)
        {
            if (d.Id == id)
            {
                return d;
            }
        }

        return null;
    }

    private static RuleDescriptor[] Describe()
    {
        var list = new RuleDescriptor[All.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = All[i].Descriptor;
        }

        return list;
    }
}
