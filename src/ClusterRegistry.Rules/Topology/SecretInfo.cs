namespace ClusterRegistry.Rules.Topology;

/// <summary>How a secret is provided (mirrors <c>ClusterRegistry.SecretSource</c>).</summary>
public enum SecretKind
{
    /// <summary><c>Secret.FromEnvironment("VAR")</c>.</summary>
    Environment,

    /// <summary>An output of a resource, e.g. <c>robot.Secret</c>; <see cref="SecretInfo.OwnerRobot"/> says which.</summary>
    ResourceOutput,

    /// <summary>A value written in code (<c>Secret.FromPlaintextUnsafe</c>, or a string literal): CRG209.</summary>
    Plaintext,
}

/// <summary>A secret reference in the snapshot. Never holds the secret value.</summary>
public sealed class SecretInfo
{
    public SecretInfo(SecretKind kind, object? location = null)
    {
        Kind = kind;
        Location = location;
    }

    public SecretKind Kind { get; }

    /// <summary>The <c>${VAR}</c> variable name, when known.</summary>
    public Val<string> Variable { get; set; } = Val<string>.Unknown();

    /// <summary>For <see cref="SecretKind.ResourceOutput"/> of a robot: the robot (symbolic reference).</summary>
    public RobotInfo? OwnerRobot { get; set; }

    /// <summary>Where the secret expression is written.</summary>
    public object? Location { get; set; }

    /// <summary><c>Secret.FromEnvironment(variable)</c>.</summary>
    public static SecretInfo FromEnvironment(Val<string> variable, object? location = null) =>
        new(SecretKind.Environment, location) { Variable = variable };

    /// <summary>A robot's generated secret (<c>robot.Secret</c>).</summary>
    public static SecretInfo FromRobot(RobotInfo robot, object? location = null) =>
        new(SecretKind.ResourceOutput, location) { OwnerRobot = robot, Variable = robot.SecretVariable };

    /// <summary>A secret value written in code.</summary>
    public static SecretInfo Plaintext(Val<string> variable, object? location = null) =>
        new(SecretKind.Plaintext, location) { Variable = variable };
}
