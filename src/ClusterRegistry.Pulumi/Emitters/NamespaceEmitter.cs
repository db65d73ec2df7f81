using System.Text.Json.Nodes;
using ClusterRegistry.Harbor;
using ClusterRegistry.Pulumi.Program;
using ClusterRegistry.Spegel;

namespace ClusterRegistry.Pulumi.Emitters;

/// <summary>
/// <c>kubernetes:core/v1:Namespace</c> for the namespaces the releases live in, except the ones every cluster has.
/// Spegel's namespace gets <c>pod-security.kubernetes.io/enforce: privileged</c> (its DaemonSet needs host paths; CRG109).
/// </summary>
public static class NamespaceEmitter
{
    public const string PodSecurityEnforce = "pod-security.kubernetes.io/enforce";

    private static readonly HashSet<string> BuiltIn = new(StringComparer.Ordinal) { "default", "kube-system", "kube-public", "kube-node-lease" };

    public static void Emit(EmitContext ctx)
    {
        var wanted = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var r in ctx.Stack.Resources)
        {
            switch (r)
            {
                case HarborRegistry h:
                    Labels(wanted, h.Args.Namespace);
                    break;
                case SpegelRelease s:
                    var labels = Labels(wanted, s.Args.Namespace);
                    foreach (var (k, v) in s.Args.NamespaceLabels)
                    {
                        labels[k] = v;
                    }

                    labels.TryAdd(PodSecurityEnforce, "privileged");
                    break;
            }
        }

        foreach (var (ns, labels) in wanted)
        {
            if (BuiltIn.Contains(ns))
            {
                continue;
            }

            var key = LogicalNames.Namespace(ns);
            var res = new ProgramResource(key, "kubernetes:core/v1:Namespace");
            var metadata = new JsonObject { ["name"] = Expr.Literal(ns) };
            if (labels.Count > 0)
            {
                var l = new JsonObject();
                foreach (var (k, v) in labels)
                {
                    l[k] = Expr.Literal(v);
                }

                metadata["labels"] = l;
            }

            res.Properties["metadata"] = metadata;
            ctx.Add(res);
            ctx.NamespaceKeys[ns] = key;
        }
    }

    private static SortedDictionary<string, string> Labels(SortedDictionary<string, SortedDictionary<string, string>> wanted, string ns)
    {
        if (!wanted.TryGetValue(ns, out var labels))
        {
            wanted[ns] = labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        }

        return labels;
    }
}
