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

    public string Resource { get; }
    public string Property { get; }
    public string Value { get; }
    public string Reason { get; }
}
