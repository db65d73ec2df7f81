namespace ClusterRegistry.Harbor;

/// <summary>Harbor robot account level (research/harbor.md §1).</summary>
public enum RobotLevel
{
    /// <summary>System level: login name <c>robot$name</c>; may hold permissions on several projects.</summary>
    System,

    /// <summary>Project level: login name <c>robot$project+name</c>; exactly one permission entry.</summary>
    Project,
}
