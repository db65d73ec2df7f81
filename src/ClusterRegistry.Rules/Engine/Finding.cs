using System.Collections.Generic;

namespace ClusterRegistry.Rules;

/// <summary>One rule violation: which rule, where (resource + property path + opaque location), the message and fix data.</summary>
public sealed class Finding
{
    private static readonly IReadOnlyDictionary<string, string> NoFix = new Dictionary<string, string>();

    public Finding(RuleDescriptor rule, string resource, string propertyPath, string message, object? location, IReadOnlyDictionary<string, string>? fix = null, string? value = null)
    {
        Value = value;
        Rule = rule;
        Resource = resource;
        PropertyPath = propertyPath;
        Message = message;
        Location = location;
        Fix = fix ?? NoFix;
    }

    public RuleDescriptor Rule { get; }

    public string Id => Rule.Id;

    public RuleSeverity Severity => Rule.DefaultSeverity;

    /// <summary>The subject resource, e.g. <c>TalosMachinePatch 'machine-network'</c>.</summary>
    public string Resource { get; }

    /// <summary>Property path inside the resource's args, e.g. <c>Mirrors["192.168.1.105"].Endpoints[0]</c>.</summary>
    public string PropertyPath { get; }

    /// <summary>The full message, naming the exact values involved.</summary>
    public string Message { get; }

    /// <summary>The narrowest known location (opaque: a Roslyn Location in the analyzer, a SourceFileLocation in check).</summary>
    public object? Location { get; }

    /// <summary>
    /// Data a code fix needs (e.g. CRG201: <c>ip</c>, <c>alias</c>). Keys are documented on each rule. Empty when the rule
    /// has no fix or the fix cannot be computed. Fits Roslyn's <c>Diagnostic.Properties</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Fix { get; }

    /// <summary>
    /// The offending value as written, when the finding is about one value (every finding of a
    /// <see cref="RuleDescriptor.RefusesInput"/> rule carries it: <c>synth</c>'s refusal names it); otherwise null.
    /// </summary>
    public string? Value { get; }

    public override string ToString() => Id + " " + Resource + " " + PropertyPath + ": " + Message;
}
