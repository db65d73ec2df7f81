namespace ClusterRegistry.Harbor;

/// <summary>One permission entry of a robot: a namespace (project, or <c>*</c>) and its access list.</summary>
public sealed record RobotPermission(string Kind, string Namespace, IReadOnlyList<RobotAccess> Access)
{
    /// <summary>Pull from <paramref name="project"/> (<c>repository:pull</c>).</summary>
    public static RobotPermission Pull(string project) =>
        new("project", project, new[] { new RobotAccess("repository", "pull") });

    /// <summary>Push to and pull from <paramref name="project"/> (<c>repository:push</c> and <c>repository:pull</c>).</summary>
    public static RobotPermission Push(string project) =>
        new("project", project, new[] { new RobotAccess("repository", "pull"), new RobotAccess("repository", "push") });

    /// <summary>True when this entry allows pulling from <paramref name="project"/>.</summary>
    public bool AllowsPull(string project) =>
        Kind == "project" && (Namespace == project || Namespace == "*") &&
        Access.Any(a => a.Resource == "repository" && a.Action == "pull");

    /// <summary>True when the entry grants anything beyond <c>repository:pull</c>.</summary>
    public bool GrantsMoreThanPull => Access.Any(a => !(a.Resource == "repository" && a.Action == "pull"));
}

/// <summary>One access of a permission, as in Harbor's API: <c>{resource, action, effect}</c>.</summary>
public sealed record RobotAccess(string Resource, string Action, string Effect = "allow");
