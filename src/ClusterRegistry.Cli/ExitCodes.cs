namespace ClusterRegistry.Cli;

/// <summary>Exit codes shared by every verb.</summary>
public static class ExitCodes
{
    /// <summary>Success: clean, healthy, within budget.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and found problems: error-severity findings, an unhealthy node, a pull over budget.</summary>
    public const int Findings = 1;

    /// <summary>Bad input or could not run: invalid values, unknown stack, a failed pull, a node that cannot be inspected.</summary>
    public const int BadInput = 2;
}
