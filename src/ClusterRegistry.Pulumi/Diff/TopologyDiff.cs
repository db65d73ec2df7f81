using System.Text.Json.Nodes;

namespace ClusterRegistry.Pulumi.Diff;

/// <summary>
/// Compares two snapshots of one stack's declared topology, resource by logical name and property by path. Arrays of
/// Kubernetes objects are matched by <c>Kind/name</c>, arrays of scalars as sets (an inserted mirror is one addition, not a
/// shift of every later index). Derived options (dependsOn) are left out; the type, inputs, provider and version count.
/// </summary>
public static class TopologyDiff
{
    /// <summary>Inputs whose change makes Pulumi replace the resource (schema <c>replaceOnChanges</c>/<c>willReplaceOnChanges</c>).</summary>
    private static readonly Dictionary<string, string[]> ReplaceOnChange = new(StringComparer.Ordinal)
    {
        ["command:local:Command"] = new[] { "triggers" },
        ["harbor:index/robotAccount:RobotAccount"] = new[] { "name", "level" },
        ["kubernetes:core/v1:Namespace"] = new[] { "metadata.name" },
        ["kubernetes:core/v1:Secret"] = new[] { "metadata.name", "type", "stringData", "data" },
        ["talos:machine/configurationApply:ConfigurationApply"] = new[] { "node" },
    };

    public static DiffReport Compare(ProgramSnapshot @base, ProgramSnapshot head)
    {
        var changes = new List<ResourceChange>();
        foreach (var (key, oldNode) in @base.Resources)
        {
            var oldRes = oldNode!.AsObject();
            var oldType = (string?)oldRes["type"] ?? "";
            if (head.Resources[key] is not JsonObject newRes)
            {
                changes.Add(new ResourceChange(key, oldType, ChangeKind.Remove, false, Flatten(oldRes["properties"], ChangeKind.Remove)));
                continue;
            }

            var newType = (string?)newRes["type"] ?? "";
            var props = new List<PropertyChange>();
            if (oldType != newType)
            {
                props.Add(new PropertyChange("(type)", ChangeKind.Update, JsonValue.Create(oldType), JsonValue.Create(newType)));
            }

            Compare("", oldRes["properties"], newRes["properties"], props);
            foreach (var option in new[] { "provider", "version" })
            {
                var o = oldRes["options"]?[option];
                var n = newRes["options"]?[option];
                if (!JsonNode.DeepEquals(o, n))
                {
                    props.Add(new PropertyChange("(options)." + option, Kind(o, n), o?.DeepClone(), n?.DeepClone()));
                }
            }

            if (props.Count > 0)
            {
                var replaces = oldType != newType ||
                               (ReplaceOnChange.TryGetValue(newType, out var forcing) &&
                                props.Any(p => forcing.Any(f => p.Path == f || p.Path.StartsWith(f + ".", StringComparison.Ordinal) || p.Path.StartsWith(f + "[", StringComparison.Ordinal))));
                changes.Add(new ResourceChange(key, newType, ChangeKind.Update, replaces, props));
            }
        }

        foreach (var (key, newNode) in head.Resources)
        {
            if (!@base.Resources.ContainsKey(key))
            {
                var newRes = newNode!.AsObject();
                changes.Add(new ResourceChange(key, (string?)newRes["type"] ?? "", ChangeKind.Add, false, Flatten(newRes["properties"], ChangeKind.Add)));
            }
        }

        IReadOnlyList<DiffFinding>? introduced = null, fixedOnes = null;
        if (@base.Findings is not null && head.Findings is not null)
        {
            var before = @base.Findings.Select(f => f.Identity).ToHashSet(StringComparer.Ordinal);
            var after = head.Findings.Select(f => f.Identity).ToHashSet(StringComparer.Ordinal);
            introduced = head.Findings.Where(f => !before.Contains(f.Identity)).ToList();
            fixedOnes = @base.Findings.Where(f => !after.Contains(f.Identity)).ToList();
        }

        return new DiffReport
        {
            Stack = head.Stack,
            BaseOrigin = @base.Origin,
            HeadOrigin = head.Origin,
            Changes = changes,
            FindingsIntroduced = introduced,
            FindingsFixed = fixedOnes,
            HeadFindings = head.Findings,
        };
    }

    private static ChangeKind Kind(JsonNode? o, JsonNode? n) => o is null ? ChangeKind.Add : n is null ? ChangeKind.Remove : ChangeKind.Update;

    private static void Compare(string path, JsonNode? o, JsonNode? n, List<PropertyChange> changes)
    {
        if (JsonNode.DeepEquals(o, n))
        {
            return;
        }

        switch (o, n)
        {
            case (JsonObject oo, JsonObject no):
                foreach (var (k, ov) in oo)
                {
                    var child = Join(path, k);
                    if (no.TryGetPropertyValue(k, out var nv))
                    {
                        Compare(child, ov, nv, changes);
                    }
                    else
                    {
                        changes.Add(new PropertyChange(child, ChangeKind.Remove, ov?.DeepClone(), null));
                    }
                }

                foreach (var (k, nv) in no)
                {
                    if (!oo.ContainsKey(k))
                    {
                        changes.Add(new PropertyChange(Join(path, k), ChangeKind.Add, null, nv?.DeepClone()));
                    }
                }

                break;
            case (JsonArray oa, JsonArray na) when KeyedObjects(oa) is { } ok && KeyedObjects(na) is { } nk:
                foreach (var (k, ov) in ok)
                {
                    if (nk.TryGetValue(k, out var nv))
                    {
                        Compare($"{path}[{k}]", ov, nv, changes);
                    }
                    else
                    {
                        changes.Add(new PropertyChange($"{path}[{k}]", ChangeKind.Remove, ov.DeepClone(), null));
                    }
                }

                foreach (var (k, nv) in nk.Where(e => !ok.ContainsKey(e.Key)))
                {
                    changes.Add(new PropertyChange($"{path}[{k}]", ChangeKind.Add, null, nv.DeepClone()));
                }

                break;
            case (JsonArray oa, JsonArray na) when oa.All(IsScalar) && na.All(IsScalar):
                var removed = Subtract(oa, na);
                var added = Subtract(na, oa);
                if (removed.Count == 0 && added.Count == 0)
                {
                    changes.Add(new PropertyChange(path, ChangeKind.Update, oa.DeepClone(), na.DeepClone())); // reordered
                }

                changes.AddRange(removed.Select(r => new PropertyChange(path, ChangeKind.Remove, r?.DeepClone(), null)));
                changes.AddRange(added.Select(a => new PropertyChange(path, ChangeKind.Add, null, a?.DeepClone())));
                break;
            case (JsonArray oa, JsonArray na):
                for (var i = 0; i < Math.Max(oa.Count, na.Count); i++)
                {
                    var child = $"{path}[{i}]";
                    if (i >= oa.Count)
                    {
                        changes.Add(new PropertyChange(child, ChangeKind.Add, null, na[i]?.DeepClone()));
                    }
                    else if (i >= na.Count)
                    {
                        changes.Add(new PropertyChange(child, ChangeKind.Remove, oa[i]?.DeepClone(), null));
                    }
                    else
                    {
                        Compare(child, oa[i], na[i], changes);
                    }
                }

                break;
            default:
                changes.Add(new PropertyChange(path, Kind(o, n), o?.DeepClone(), n?.DeepClone()));
                break;
        }
    }

    /// <summary>Every leaf of an added or removed resource, so a reviewer sees what a new resource holds.</summary>
    private static IReadOnlyList<PropertyChange> Flatten(JsonNode? properties, ChangeKind kind)
    {
        var list = new List<PropertyChange>();
        if (properties is JsonObject o)
        {
            foreach (var (k, v) in o)
            {
                list.Add(kind == ChangeKind.Add
                    ? new PropertyChange(k, kind, null, v?.DeepClone())
                    : new PropertyChange(k, kind, v?.DeepClone(), null));
            }
        }

        return list;
    }

    /// <summary>Objects with <c>kind</c> and <c>metadata.name</c> (Kubernetes objects), keyed <c>Kind/name</c>; null otherwise.</summary>
    private static Dictionary<string, JsonNode>? KeyedObjects(JsonArray array)
    {
        if (array.Count == 0)
        {
            return null;
        }

        var result = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var item in array)
        {
            if (item is not JsonObject o || (string?)o["kind"] is not { } kind || (string?)o["metadata"]?["name"] is not { } name ||
                !result.TryAdd(kind + "/" + name, o))
            {
                return null;
            }
        }

        return result;
    }

    private static bool IsScalar(JsonNode? n) => n is null or JsonValue;

    private static List<JsonNode?> Subtract(JsonArray a, JsonArray b)
    {
        var remaining = b.Select(x => x?.ToJsonString()).ToList();
        var result = new List<JsonNode?>();
        foreach (var item in a)
        {
            var s = item?.ToJsonString();
            var idx = remaining.IndexOf(s);
            if (idx >= 0)
            {
                remaining.RemoveAt(idx);
            }
            else
            {
                result.Add(item);
            }
        }

        return result;
    }

    /// <summary>Path join that hides function wrappers (<c>fn::toJSON</c>) so paths read as the document.</summary>
    private static string Join(string path, string key)
    {
        if (key.StartsWith("fn::", StringComparison.OrdinalIgnoreCase))
        {
            return path;
        }

        var plain = key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
        if (!plain)
        {
            return path + "[\"" + key + "\"]";
        }

        return path.Length == 0 ? key : path + "." + key;
    }
}
