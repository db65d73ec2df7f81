using System;
using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules;

/// <summary>Runs rules over a snapshot. Output order is deterministic: rule ID, resource, property path, message.</summary>
public static class RuleEngine
{
    /// <summary>Runs every rule of <see cref="RuleCatalog"/>.</summary>
    public static IReadOnlyList<Finding> Run(TopologySnapshot snapshot) => Run(snapshot, RuleCatalog.All);

    /// <summary>Runs <paramref name="rules"/>.</summary>
    public static IReadOnlyList<Finding> Run(TopologySnapshot snapshot, IEnumerable<Rule> rules)
    {
        if (snapshot is null)
        {
            throw new ArgumentNullException(nameof(snapshot));
        }

        var findings = new List<Finding>();
        foreach (var rule in rules)
        {
            findings.AddRange(rule.Evaluate(snapshot));
        }

        findings.Sort(Compare);
        return findings;
    }

    private static int Compare(Finding a, Finding b)
    {
        var c = string.CompareOrdinal(a.Id, b.Id);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Resource, b.Resource);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.PropertyPath, b.PropertyPath);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}
