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

        var registries = blocks.Where(b => b.Type == "resource" && b.Labels.Count >= 2 && b.Labels[0] == "harbor_registry")
            .GroupBy(b => b.Labels[1], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
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
                    var project = new ProjectInfo
                    {
                        Name = Str(file, b, "name", b.Labels[1]),
                        Location = loc,
                        Public = Bool(file, b, "public", false),
                        // A proxy-cache or plain project of the only Harbor the repository deploys.
                        Registry = Val<HarborInfo?>.Known(null, loc),
                    };
                    ProxyCache(file, b, registries, project);
                    snapshot.Projects.Add(project);
                    break;
                case "harbor_robot_account":
                    snapshot.Robots.Add(Robot(file, b, loc));
                    break;
            }
        }
    }

    /// <summary>
    /// <c>registry_id = harbor_registry.NAME.registry_id</c> makes the project a proxy cache of that registry endpoint: its
    /// upstream is the host of <c>endpoint_url</c> (Docker Hub's <c>hub.docker.com</c> / <c>registry-1.docker.io</c> is
    /// <c>docker.io</c> in image references). Any other expression leaves the upstream unknown.
    /// </summary>
    private static void ProxyCache(RepositoryFile file, HclBlock project, Dictionary<string, HclBlock> registries, ProjectInfo info)
    {
        if (!project.Attributes.TryGetValue("registry_id", out var attr))
        {
            return;
        }

        var at = At(file, attr.Line);
        info.ProxyUpstream = Val<string?>.Unknown(at);
        if (!project.References.TryGetValue("registry_id", out var reference) || reference.Split('.') is not ["harbor_registry", var name, "registry_id"] ||
            !registries.TryGetValue(name, out var registry) || !registry.Attributes.TryGetValue("endpoint_url", out var endpoint) || endpoint.Value is null ||
            !Uri.TryCreate(endpoint.Value, UriKind.Absolute, out var url))
        {
            return;
        }

        var provider = registry.Attributes.TryGetValue("provider_name", out var p) ? p.Value : null;
        var upstream = provider == "docker-hub" || url.Host is "hub.docker.com" or "registry-1.docker.io" or "index.docker.io" ? "docker.io" : url.Authority;
        info.ProxyUpstream = Val<string?>.Known(upstream, at);
        ProxyRegistries.AddOrUpdate(info, new TerraformProxyRegistry(endpoint.Value, provider));
    }

    /// <summary>The <c>harbor_registry</c> endpoint a proxy-cache project was read with (for import).</summary>
    public static TerraformProxyRegistry? ProxyRegistryOf(ProjectInfo project) => ProxyRegistries.TryGetValue(project, out var r) ? r : null;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ProjectInfo, TerraformProxyRegistry> ProxyRegistries = new();

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

/// <summary>A <c>harbor_registry</c> block a proxy-cache project points at: <c>endpoint_url</c> and <c>provider_name</c>.</summary>
public sealed record TerraformProxyRegistry(string EndpointUrl, string? ProviderName);
