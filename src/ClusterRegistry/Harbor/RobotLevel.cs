namespace ClusterRegistry.Harbor;

/// <summary>Harbor robot account level (goharbor/harbor api/v2.0/swagger.yaml, tag <c>robot</c>).</summary>
public enum RobotLevel
{
    /// <summary>System level: login name <c>robot$name</c>; may hold permissions on several projects.</summary>
    System,

    /// <summary>Project level: login name <c>robot$project+name</c>; exactly one permission entry.</summary>
    Project,
}
