namespace ClusterRegistry.Pulumi.Cli;

/// <summary>Stack names as Pulumi passes them.</summary>
public static class StackNames
{
    /// <summary>
    /// The stack from <c>--stack</c> or <c>PULUMI_STACK</c>; a fully-qualified <c>org/project/stack</c> is reduced to its last
    /// part. Null when neither is set.
    /// </summary>
    public static string? Selected(string? option, Func<string, string?>? env = null)
    {
        var name = option ?? (env ?? Environment.GetEnvironmentVariable)("PULUMI_STACK");
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var slash = name.LastIndexOf('/');
        return slash >= 0 ? name[(slash + 1)..] : name;
    }
}
