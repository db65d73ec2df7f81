namespace ClusterRegistry.Harbor;

/// <summary>Inputs of a Harbor robot account (goharbor/harbor api/v2.0/swagger.yaml, tag <c>robot</c>).</summary>
public sealed class RobotAccountArgs
{
    /// <summary>The Harbor installation the robot lives in.</summary>
    public HarborRegistry? Registry { get; set; }

    public RobotLevel Level { get; set; } = RobotLevel.System;

    /// <summary>The project, for <see cref="RobotLevel.Project"/> robots.</summary>
    public string? Project { get; set; }

    /// <summary>Permission entries. A project-level robot has exactly one (CRG304).</summary>
    public List<RobotPermission> Permissions { get; } = new();

    /// <summary>Days until the secret expires; <c>-1</c> means never. 0 is rejected by Harbor (CRG302).</summary>
    public int DurationDays { get; set; } = -1;

    public string? Description { get; set; }

    /// <summary>
    /// Variable name under which the robot's secret appears in rendered files (<c>${VAR}</c>).
    /// Defaults to <c>HARBOR_ROBOT_&lt;NAME&gt;_SECRET</c>.
    /// </summary>
    public string? SecretVariable { get; set; }

    /// <summary>
    /// Variable name under which the robot's login name appears in GitOps files. Login names contain <c>$</c>, which
    /// envsubst-based tools (talhelper) would expand, so the seed keeps them in talenv. Defaults to
    /// <c>HARBOR_ROBOT_&lt;NAME&gt;_USERNAME</c>.
    /// </summary>
    public string? UsernameVariable { get; set; }
}
