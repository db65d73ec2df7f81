namespace ClusterRegistry.Rules;

/// <summary>The stable identity of a rule: what the analyzer's DiagnosticDescriptor and SARIF's <c>tool.driver.rules</c> are made from.</summary>
public sealed class RuleDescriptor
{
    /// <summary>Base of every help link: the rule's page in the repository.</summary>
    public const string HelpLinkBase = "https://github.com/clusterregistry/clusterregistry/blob/main/docs/rules/";

    public RuleDescriptor(string id, string title, RuleSeverity defaultSeverity, string category, string description, bool refusesInput = false)
    {
        RefusesInput = refusesInput;
        Id = id;
        Title = title;
        DefaultSeverity = defaultSeverity;
        Category = category;
        Description = description;
    }

    /// <summary>E.g. <c>CRG201</c>. Never reused or renumbered.</summary>
    public string Id { get; }

    /// <summary>One line, e.g. "Mirror endpoint is a cluster DNS name without a host entry".</summary>
    public string Title { get; }

    public RuleSeverity DefaultSeverity { get; }

    /// <summary><c>General</c>, <c>Spegel</c>, <c>Talos</c>, <c>Harbor</c> or <c>Probe</c>.</summary>
    public string Category { get; }

    /// <summary>Why it breaks (a sentence or two).</summary>
    public string Description { get; }

    /// <summary>
    /// True for the input-validation rules (CRG001, CRG002, CRG110, CRG206, CRG215): a value no configuration could make work.
    /// <c>synth</c> and <c>compile</c> refuse a stack with one of their findings (exit 2, naming resource, property and
    /// value, with the finding's own message); the analyzer and <c>check</c> report the same finding.
    /// </summary>
    public bool RefusesInput { get; }

    /// <summary>Absolute link to <c>docs/rules/&lt;Id&gt;.md</c>.</summary>
    public string HelpLink => HelpLinkBase + Id + ".md";

    /// <summary>Repository-relative path of the rule's page.</summary>
    public string DocPath => "docs/rules/" + Id + ".md";

    public override string ToString() => Id + ": " + Title;
}
