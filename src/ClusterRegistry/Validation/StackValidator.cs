using ClusterRegistry.Rules;
using ClusterRegistry.Topology;

namespace ClusterRegistry.Validation;

/// <summary>
/// The input check <c>synth</c> and <c>compile</c> run before rendering: a thin adapter over the rule engine, with no check
/// of its own. It builds the stack's snapshot as <c>check</c> does, runs the input-validation rules
/// (<see cref="RuleDescriptor.RefusesInput"/>: CRG001 malformed, missing or contradictory values, including an external
/// registry's kind and projects, an existing Secret's namespace and name, and a Harbor given both an AdminPassword and an
/// existing admin Secret; CRG002 duplicate, blank or unusable names, values listed twice, and an existing Secret named like
/// a Secret the stack generates; CRG110 invalid Spegel registries; CRG206 mirror keys with a scheme or path; CRG215 registry settings the
/// patch's Talos version rejects) and refuses the
/// stack on their first finding with a <see cref="StackDefinitionException"/> carrying that finding's resource, property
/// path, value and message. So every refusal is one rule, with one message, that the analyzer also shows on the value in
/// the IDE and <c>check</c> also reports. The only refusals made elsewhere are the model's own as a stack is built (a blank
/// resource name, worded as CRG002's finding; two resources of one kind with one name; a resource created outside the
/// constructor). Semantic misconfigurations (a
/// ClusterIP outside the service CIDR, Spegel without prependExisting, …) are the other rules: reported, never refused.
/// </summary>
public static class StackValidator
{
    /// <summary>The input-validation rules, in ID order.</summary>
    public static IReadOnlyList<Rule> Rules { get; } = RuleCatalog.All.Where(r => r.Descriptor.RefusesInput).ToArray();

    /// <summary>Every finding that refuses the stack, in the rule engine's order (rule, resource, property path).</summary>
    public static IReadOnlyList<Finding> Refusals(Stack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return RuleEngine.Run(SnapshotBuilder.Build(stack), Rules);
    }

    /// <summary>Throws on the first refusal; its message says how many more there are.</summary>
    public static void Validate(Stack stack)
    {
        var refusals = Refusals(stack);
        if (refusals.Count > 0)
        {
            throw StackDefinitionException.FromFinding(refusals[0], refusals.Count - 1);
        }
    }
}
