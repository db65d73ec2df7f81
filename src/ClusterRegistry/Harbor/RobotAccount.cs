using System.Runtime.CompilerServices;

namespace ClusterRegistry.Harbor;

/// <summary>A Harbor robot account (<c>harbor:index/robotAccount:RobotAccount</c>). Its secret is an output.</summary>
public sealed class RobotAccount : Resource
{
    public RobotAccount(string name, RobotAccountArgs args, [CallerFilePath] string sourceFile = "", [CallerLineNumber] int sourceLine = 0)
        : base(name, sourceFile, sourceLine)
    {
        Args = args ?? throw new StackDefinitionException(name, "args", "null", "RobotAccountArgs are required");
        var stem = "HARBOR_ROBOT_" + ToVariableStem(name);
        Secret = Secret.FromOutput(this, "secret", args.SecretVariable ?? stem + "_SECRET");
        UsernameVariable = args.UsernameVariable ?? stem + "_USERNAME";
    }

    public RobotAccountArgs Args { get; }

    /// <summary>
    /// Harbor's login name: <c>robot$name</c> for system robots, <c>robot$project+name</c> for project robots
    /// (default <c>robot_name_prefix</c> of <c>robot$</c>).
    /// </summary>
    public string FullName => Args.Level == RobotLevel.Project
        ? $"robot${Args.Project}+{Name}"
        : $"robot${Name}";

    /// <summary>The robot's generated secret, an output of the resource. Never known in source.</summary>
    public Secret Secret { get; }

    /// <summary>Variable that carries <see cref="FullName"/> in GitOps output.</summary>
    public string UsernameVariable { get; }

    private static string ToVariableStem(string name)
    {
        var chars = name.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray();
        return new string(chars);
    }
}
