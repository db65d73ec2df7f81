using System.Globalization;
using ClusterRegistry.Repository.Discovery;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Repository.Terraform;

/// <summary>
/// Harbor projects and robot accounts declared with the goharbor Terraform provider: <c>resource "harbor_project"</c>
/// (<c>name</c>, <c>public</c>) and <c>resource "harbor_robot_account"</c> (<c>name</c>, <c>level</c>, <c>duration</c>,
/// <c>permissions { kind namespace access { resource action } }</c>). Only literal values are known.
/// </summary>
public static class TerraformHarborReader
{
    public static void Read(RepositoryFile file, string text, TopologySnapshot snapshot, List<RepositoryNotice> notices)
    {
        var blocks = HclReader.Read(text, out var error, out var line);
        if (error is not null)
        {
            notices.Add(new RepositoryNotice(NoticeKind.Error, file.RelativePath, line, "invalid HCL: " + error));
            return;
        }

        foreach (var b in blocks)
        {
            if (b.Type != "resource" || b.Labels.Count < 2)
            {
                continue;
            }

            var loc = new SourceFileLocation(file.RelativePath, b.Line);
            switch (b.Labels[0])
            {
                case "harbor_project":
                    snapshot.Projects.Add(new ProjectInfo
                    {
                        Name = Str(file, b, "name", b.Labels[1]),
                        Location = loc,
                        Public = Bool(file, b, "public", false),
                        // A proxy-cache or plain project of the only Harbor the repository deploys.
                        Registry = Val<HarborInfo?>.Known(null, loc),
                    });
                    break;
                case "harbor_robot_account":
                    snapshot.Robots.Add(Robot(file, b, loc));
                    break;
            }
        }
    }

    private static RobotInfo Robot(RepositoryFile file, HclBlock b, SourceFileLocation loc)
    {
        var level = Str(file, b, "level", null);
        var robot = new RobotInfo
        {
            Name = Str(file, b, "name", null),
            Location = loc,
            Registry = Val<HarborInfo?>.Known(null, loc),
            Level = level.IsKnown ? Val<RobotLevelKind>.Known(level.Value == "project" ? RobotLevelKind.Project : RobotLevelKind.System, level.Location) : Val<RobotLevelKind>.Unknown(level.Location),
            SecretVariable = Val<string>.Unknown(loc),
        };
        if (b.Attributes.TryGetValue("duration", out var d))
        {
            robot.DurationDays = d.Value is not null && int.TryParse(d.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days)
                ? Val<int>.Known(days, At(file, d.Line))
                : Val<int>.Unknown(At(file, d.Line));
        }

        foreach (var p in b.Blocks.Where(x => x.Type == "permissions"))
        {
            var perm = new PermissionInfo { Kind = Str(file, p, "kind", "project"), Namespace = Str(file, p, "namespace", null), Location = At(file, p.Line) };
            foreach (var a in p.Blocks.Where(x => x.Type == "access"))
            {
                perm.Access.Add(new AccessInfo(Str(file, a, "resource", null), Str(file, a, "action", null), At(file, a.Line)));
            }

            if (p.Blocks.Count == 0)
            {
                perm.Access.HasUnknownEntries = true;
            }

            robot.Permissions.Add(perm);
        }

        if (robot.Level.Is(RobotLevelKind.Project) && robot.Permissions.Count > 0)
        {
            robot.Project = robot.Permissions[0].Namespace.IsKnown ? Val<string?>.Known(robot.Permissions[0].Namespace.Value, robot.Permissions[0].Namespace.Location) : Val<string?>.Unknown(loc);
        }

        return robot;
    }

    private static SourceFileLocation At(RepositoryFile file, int line) => new(file.RelativePath, line);

    private static Val<string> Str(RepositoryFile file, HclBlock b, string attribute, string? whenAbsent)
    {
        if (!b.Attributes.TryGetValue(attribute, out var a))
        {
            return whenAbsent is null ? Val<string>.Unknown(At(file, b.Line)) : Val<string>.Known(whenAbsent, At(file, b.Line));
        }

        return a.Value is null ? Val<string>.Unknown(At(file, a.Line)) : Val<string>.Known(a.Value, At(file, a.Line));
    }

    private static Val<bool> Bool(RepositoryFile file, HclBlock b, string attribute, bool whenAbsent)
    {
        if (!b.Attributes.TryGetValue(attribute, out var a))
        {
            return Val<bool>.Known(whenAbsent, At(file, b.Line));
        }

        return a.Value switch
        {
            "true" => Val<bool>.Known(true, At(file, a.Line)),
            "false" => Val<bool>.Known(false, At(file, a.Line)),
            _ => Val<bool>.Unknown(At(file, a.Line)),
        };
    }
}
