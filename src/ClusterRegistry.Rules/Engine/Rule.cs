using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules;

/// <summary>
/// One rule: a pure function from a snapshot to findings. It must stay silent when a value it needs is unknown and must
/// never throw on any snapshot (the analyzer runs it on half-typed code).
/// </summary>
public abstract class Rule
{
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>Evaluates the rule.</summary>
    public abstract IEnumerable<Finding> Evaluate(TopologySnapshot snapshot);

    /// <summary>A finding of this rule.</summary>
    protected Finding Report(ResourceInfo resource, string path, string message, object? location, IReadOnlyDictionary<string, string>? fix = null) =>
        new(Descriptor, resource.Label, path, message, location ?? resource.Location, fix);

    /// <summary>A finding about one bad value (<paramref name="value"/> as written; <c>synth</c>'s refusal names it).</summary>
    protected Finding Refuse(ResourceInfo resource, string path, string value, string message, object? location, IReadOnlyDictionary<string, string>? fix = null) =>
        new(Descriptor, resource.Label, path, message, location ?? resource.Location, fix, value);

    /// <summary>Fix data from key/value pairs.</summary>
    protected static IReadOnlyDictionary<string, string> FixData(params string[] keyValues)
    {
        var d = new Dictionary<string, string>();
        for (var i = 0; i + 1 < keyValues.Length; i += 2)
        {
            d[keyValues[i]] = keyValues[i + 1];
        }

        return d;
    }

    /// <summary>The first non-null location.</summary>
    protected static object? First(params object?[] locations)
    {
        foreach (var l in locations)
        {
            if (l is not null)
            {
                return l;
            }
        }

        return null;
    }
}
