namespace ClusterRegistry.Rules.Topology;

/// <summary>
/// Everything the rules look at for one stack. Built by the analyzer from the IOperation tree of one stack class (any
/// value may be unknown) and by <c>check</c> from a built <c>Stack</c> (all known except resource outputs).
/// </summary>
/// <remarks>
/// How to build one:
/// <list type="bullet">
/// <item>Create one <c>*Info</c> per resource creation, set <see cref="ResourceInfo.Name"/> and
/// <see cref="ResourceInfo.Location"/>, then overwrite only the properties the code assigns (the defaults match the SDK's
/// args types). A non-constant assignment becomes <see cref="Val{T}.Unknown"/>.</item>
/// <item>References between resources are object references: <c>Registry = harbor</c> → <c>Val.Known(harborInfo)</c>,
/// <c>Password = robot.Secret</c> → <see cref="SecretInfo.FromRobot"/>, <c>Username = robot.FullName</c> →
/// <see cref="AuthInfo.UsernameRobot"/>. A reference the builder cannot resolve is unknown.</item>
/// <item>When a collection may hold elements the builder cannot see, set <see cref="ValList{T}.HasUnknownEntries"/>;
/// when the stack may create resources the builder cannot see (helper methods outside the class, loops), set
/// <see cref="HasUnknownResources"/>.</item>
/// </list>
/// </remarks>
public sealed class TopologySnapshot
{
    /// <summary>The stack name, when known.</summary>
    public Val<string> StackName { get; set; } = Val<string>.Unknown();

    /// <summary>Where the stack is declared (the class); fallback location for stack-wide findings.</summary>
    public object? Location { get; set; }

    public ValList<HarborInfo> Harbors { get; set; } = new();

    public ValList<ProjectInfo> Projects { get; set; } = new();

    public ValList<RobotInfo> Robots { get; set; } = new();

    public ValList<SpegelInfo> Spegels { get; set; } = new();

    public ValList<TalosPatchInfo> TalosPatches { get; set; } = new();

    public ValList<ProbeInfo> Probes { get; set; } = new();

    /// <summary>Secrets that something else manages (ExternalSecret, SOPS, …), referenced by name from chart values.</summary>
    public ValList<ExistingSecretInfo> ExistingSecrets { get; set; } = new();

    /// <summary>
    /// True when the stack may hold resources that are not in the lists (sets every list's
    /// <see cref="ValList{T}.HasUnknownEntries"/> in effect). "Something is missing" rules stay silent.
    /// </summary>
    public bool HasUnknownResources { get; set; }

    /// <summary>
    /// True when the snapshot was read from an existing Flux/Talos repository (<c>check --repo</c>), not from a stack's C#:
    /// the checks of the SDK's own input contract (chart versions written as <c>x.y.z</c>, chart repository URLs, resource
    /// names usable as file names, CRI customisation names) do not apply to values written by hand in YAML, where Flux
    /// accepts version ranges and names are the objects' own.
    /// </summary>
    public bool FromRepository { get; set; }
}
