using ClusterRegistry.Repository.Flux;
using ClusterRegistry.Repository.Yaml;
using ClusterRegistry.Rules.Topology;
using YamlDotNet.RepresentationModel;

namespace ClusterRegistry.Repository.Charts;

/// <summary>Typed reads of a release's values with the chart default when no layer sets the key.</summary>
internal static class ValuesReading
{
    public static Val<string?> Str(HelmReleaseInfo r, string? chartDefault, params string[] path)
    {
        var hit = r.Values.Lookup(path);
        return hit.Kind switch
        {
            ValuesHitKind.Found => hit.Context!.OptStr(hit.Node),
            ValuesHitKind.Unknown => Val<string?>.Unknown(r.Context.Loc(r.Object.NameNode)),
            _ => Val<string?>.Known(chartDefault, r.Context.Loc(r.Object.NameNode)),
        };
    }

    public static Val<bool> Bool(HelmReleaseInfo r, bool chartDefault, params string[] path)
    {
        var hit = r.Values.Lookup(path);
        return hit.Kind switch
        {
            ValuesHitKind.Found => hit.Context!.Bool(hit.Node, chartDefault),
            ValuesHitKind.Unknown => Val<bool>.Unknown(r.Context.Loc(r.Object.NameNode)),
            _ => Val<bool>.Known(chartDefault, r.Context.Loc(r.Object.NameNode)),
        };
    }

    /// <summary>A list of strings; absent is the chart default (empty), unknown marks the list incomplete.</summary>
    public static ValList<Val<string>> List(HelmReleaseInfo r, params string[] path)
    {
        var hit = r.Values.Lookup(path);
        var list = new ValList<Val<string>> { Location = r.Context.Loc(r.Object.NameNode) };
        switch (hit.Kind)
        {
            case ValuesHitKind.Unknown:
                list.HasUnknownEntries = true;
                break;
            case ValuesHitKind.Found:
                list.Location = hit.Context!.Loc(hit.Node);
                if (hit.Node is YamlSequenceNode seq)
                {
                    foreach (var item in seq.Children)
                    {
                        list.Add(hit.Context.Str(item));
                    }
                }
                else if (!YamlNav.IsNull(hit.Node))
                {
                    list.HasUnknownEntries = true;
                }

                break;
        }

        return list;
    }

    /// <summary>Where a key is written, or the release's name.</summary>
    public static object Where(HelmReleaseInfo r, params string[] path)
    {
        var hit = r.Values.Lookup(path);
        return hit.Kind == ValuesHitKind.Found ? hit.Context!.Loc(hit.Node) : r.Context.Loc(r.Object.NameNode);
    }
}
