using System.Collections.Generic;

namespace ClusterRegistry.Rules.Topology;

/// <summary>Robot account level (mirrors <c>ClusterRegistry.Harbor.RobotLevel</c>).</summary>
public enum RobotLevelKind
{
    System,
    Project,
}

/// <summary>A <c>RobotAccount</c>. Its secret is an output: reference it with <see cref="SecretInfo.FromRobot"/>.</summary>
public sealed class RobotInfo : ResourceInfo
{
    public override string Kind => "RobotAccount";

    /// <summary>The Harbor the robot lives in (symbolic reference; null when unset).</summary>
    public Val<HarborInfo?> Registry { get; set; } = Val<HarborInfo?>.Known(null);

    public Val<RobotLevelKind> Level { get; set; } = RobotLevelKind.System;

    public Val<string?> Project { get; set; } = Val<string?>.Known(null);

    public ValList<PermissionInfo> Permissions { get; set; } = new();

    public Val<int> DurationDays { get; set; } = -1;

    /// <summary>The variable carrying the secret (<c>SecretVariable</c> or <c>HARBOR_ROBOT_&lt;NAME&gt;_SECRET</c>).</summary>
    public Val<string> SecretVariable { get; set; } = Val<string>.Unknown();

    /// <summary>
    /// Harbor's login name: <c>robot$name</c> (system) or <c>robot$project+name</c> (project), computed as the model's
    /// <c>RobotAccount.FullName</c>.
    /// </summary>
    public Val<string> FullName
    {
        get
        {
            if (!Name.IsKnown || !Level.IsKnown)
            {
                return Val<string>.Unknown(Name.Location);
            }

            if (Level.Value == RobotLevelKind.System)
            {
                return Val<string>.Known("robot$" + Name.Value, Name.Location);
            }

            return Project.IsKnown ? Val<string>.Known("robot$" + Project.Value + "+" + Name.Value, Name.Location) : Val<string>.Unknown(Project.Location);
        }
    }
}

/// <summary>One permission entry of a robot (<c>RobotPermission</c>).</summary>
public sealed class PermissionInfo
{
    /// <summary>
    /// The entry's index in the list the user wrote, when it differs from its position in the snapshot's list (a null
    /// entry before it is in <see cref="ResourceInfo.NullEntries"/>, not in the list); null: its position.
    /// </summary>
    public int? Index { get; set; }

    /// <summary><c>project</c> or <c>system</c>.</summary>
    public Val<string> Kind { get; set; } = "project";

    /// <summary>The project name, or <c>*</c>.</summary>
    public Val<string> Namespace { get; set; } = Val<string>.Unknown();

    public ValList<AccessInfo> Access { get; set; } = new();

    /// <summary>Where the entry is written.</summary>
    public object? Location { get; set; }

    /// <summary><c>RobotPermission.Pull(project)</c>.</summary>
    public static PermissionInfo Pull(Val<string> project, object? location = null) => new()
    {
        Namespace = project,
        Access = { new AccessInfo("repository", "pull") },
        Location = location,
    };

    /// <summary><c>RobotPermission.Push(project)</c>.</summary>
    public static PermissionInfo Push(Val<string> project, object? location = null) => new()
    {
        Namespace = project,
        Access = { new AccessInfo("repository", "pull"), new AccessInfo("repository", "push") },
        Location = location,
    };

    /// <summary>True/false when known whether this entry allows pulling from <paramref name="project"/>; null when unknown.</summary>
    public bool? AllowsPull(string project)
    {
        if (!Kind.IsKnown || !Namespace.IsKnown)
        {
            return null;
        }

        if (Kind.Value != "project" || (Namespace.Value != project && Namespace.Value != "*"))
        {
            return false;
        }

        var unknown = Access.HasUnknownEntries;
        foreach (var a in Access)
        {
            if (!a.Resource.IsKnown || !a.Action.IsKnown)
            {
                unknown = true;
                continue;
            }

            if ((a.Resource.Value == "repository" || a.Resource.Value == "*") && (a.Action.Value == "pull" || a.Action.Value == "*"))
            {
                return true;
            }
        }

        return unknown ? null : false;
    }

    /// <summary>The known accesses beyond <c>repository:pull</c>.</summary>
    public IEnumerable<AccessInfo> ExtraAccess()
    {
        foreach (var a in Access)
        {
            if (a.Resource.IsKnown && a.Action.IsKnown && !(a.Resource.Value == "repository" && a.Action.Value == "pull"))
            {
                yield return a;
            }
        }
    }
}

/// <summary>One access of a permission: <c>{resource, action}</c>.</summary>
public sealed class AccessInfo
{
    public AccessInfo(Val<string> resource, Val<string> action, object? location = null)
    {
        Resource = resource;
        Action = action;
        Location = location;
    }

    public Val<string> Resource { get; }

    public Val<string> Action { get; }

    public object? Location { get; }

    public override string ToString() => Resource + ":" + Action;
}
