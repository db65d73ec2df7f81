using ClusterRegistry.Rules;

namespace ClusterRegistry;

/// <summary>
/// Bad input in a stack: names the resource, the property and the offending value. Never carries a secret value.
/// The CLI maps it to exit code 2.
/// </summary>
public sealed class StackDefinitionException : Exception
{
    public StackDefinitionException(string resource, string property, string value, string reason)
        : base($"{resource}: {property} = '{value}': {reason}")
    {
        Resource = resource;
        Property = property;
        Value = value;
        Reason = reason;
    }

    private StackDefinitionException(Finding finding, string reason)
        : this(finding.Resource, finding.PropertyPath, finding.Value ?? "", reason)
    {
        RuleId = finding.Id;
    }

    private StackDefinitionException(string ruleId, string resource, string property, string value, string reason)
        : this(resource, property, value, reason)
    {
        RuleId = ruleId;
    }

    /// <summary>
    /// A refusal the model makes before any rule can run (a blank resource name, as the resource is constructed), worded as
    /// the rule <paramref name="ruleId"/> words the same finding in the analyzer: its message, then the rule ID.
    /// </summary>
    public static StackDefinitionException ForRule(string ruleId, string resource, string property, string value, string message) =>
        new(ruleId, resource, property, value, $"{message} ({ruleId})");

    /// <summary>
    /// The refusal for a finding of an input-validation rule (<see cref="RuleDescriptor.RefusesInput"/>): the finding's own
    /// resource, property path, value and message (the message the analyzer and <c>check</c> show), then the rule ID.
    /// </summary>
    public static StackDefinitionException FromFinding(Finding finding, int more = 0)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var reason = $"{finding.Message} ({finding.Id})";
        if (more > 0)
        {
            reason += $"; {more} more refused value(s), which `check` lists";
        }

        return new StackDefinitionException(finding, reason);
    }

    public string Resource { get; }
    public string Property { get; }
    public string Value { get; }
    public string Reason { get; }

    /// <summary>The rule whose finding this refusal is (e.g. <c>CRG001</c>), or null for a refusal no rule describes.</summary>
    public string? RuleId { get; }
}
