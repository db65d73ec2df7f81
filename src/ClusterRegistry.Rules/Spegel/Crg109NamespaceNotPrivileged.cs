using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules.Spegel;

/// <summary>CRG109: Spegel's namespace lacks the privileged pod-security label. Fix data: <c>key</c>, <c>value</c>.</summary>
public sealed class Crg109NamespaceNotPrivileged : Rule
{
    public const string LabelKey = "pod-security.kubernetes.io/enforce";
    public const string LabelValue = "privileged";

    public static readonly RuleDescriptor Id = new(RuleIds.Crg109, "Spegel namespace is not labelled privileged", RuleSeverity.Warning, "Spegel",
        "Spegel's DaemonSet uses hostPath mounts and host ports; pod security admission refuses it outside a privileged namespace (kube-system is exempt on Talos).");

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        foreach (var sp in s.Spegels)
        {
            if (!sp.Namespace.TryGet(out var ns) || ns == "kube-system" || sp.NamespaceLabels.HasUnknownEntries)
            {
                continue;
            }

            var ok = false;
            var unknown = false;
            foreach (var kv in sp.NamespaceLabels)
            {
                if (!kv.Key.TryGet(out var k) || !kv.Value.TryGet(out var v))
                {
                    unknown = true;
                    continue;
                }

                ok |= k == LabelKey && v == LabelValue;
            }

            if (ok || unknown)
            {
                continue;
            }

            yield return Report(sp, "NamespaceLabels",
                $"namespace '{ns}' is not labelled {LabelKey}={LabelValue}: pod security admission refuses Spegel's DaemonSet (only kube-system is exempt on Talos)",
                First(sp.NamespaceLabels.Location, sp.Namespace.Location, sp.Location), FixData("key", LabelKey, "value", LabelValue));
        }
    }
}
