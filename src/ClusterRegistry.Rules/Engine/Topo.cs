using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules;

/// <summary>Queries over a snapshot shared by several rules. Tri-state answers use <c>bool?</c>: null means "unknown".</summary>
public static class Topo
{
    /// <summary>The Harbor that <paramref name="host"/> (host[:port]) reaches, or null.</summary>
    public static HarborInfo? HarborForHost(TopologySnapshot s, string host)
    {
        foreach (var h in s.Harbors)
        {
            if (h.IsHost(host))
            {
                return h;
            }
        }

        return null;
    }

    /// <summary>The Harbor whose Service DNS name is <paramref name="host"/>, or null.</summary>
    public static HarborInfo? HarborForServiceHost(TopologySnapshot s, string host)
    {
        foreach (var h in s.Harbors)
        {
            if (h.IsServiceHost(host))
            {
                return h;
            }
        }

        return null;
    }

    /// <summary>
    /// The Harbor project an endpoint path names: <c>/v2/&lt;project&gt;</c> (a trailing slash allowed), as Harbor's
    /// proxy-cache and project endpoints are written with <c>overridePath</c>; null for any other path.
    /// </summary>
    public static string? ProjectOfPath(string path)
    {
        if (!path.StartsWith("/v2/", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path.Substring(4).TrimEnd('/');
        return rest.Length == 0 || rest.IndexOf('/') >= 0 ? null : rest;
    }

    /// <summary>True when two registry names are the same registry (Docker Hub's aliases count as one).</summary>
    public static bool SameRegistry(string a, string b) => CanonicalRegistry(a) == CanonicalRegistry(b);

    private static string CanonicalRegistry(string host)
    {
        var h = HostPort.Normalize(host);
        return h == "registry-1.docker.io" || h == "index.docker.io" || h == "hub.docker.com" ? "docker.io" : h;
    }

    /// <summary>The project named <paramref name="project"/> on <paramref name="harbor"/>, or null (also when a project's name is unknown).</summary>
    public static ProjectInfo? FindProject(TopologySnapshot s, HarborInfo harbor, string project)
    {
        foreach (var p in ProjectsOf(s, harbor, out _))
        {
            if (p.EffectiveProjectName.TryGet(out var name) && name == project)
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>Normalised equality of two host[:port] keys.</summary>
    public static bool SameHost(string a, string b) => HostPort.Normalize(a) == HostPort.Normalize(b);

    /// <summary>
    /// Whether the patch has auth with credentials for <paramref name="hostKeys"/> (any of them): true, false, or null
    /// when a key or an auth is unknown.
    /// </summary>
    public static bool? HasAuthFor(TalosPatchInfo patch, params string[] hostKeys)
    {
        var unknown = patch.RegistryConfigs.HasUnknownEntries;
        foreach (var rc in patch.RegistryConfigs)
        {
            if (!rc.Key.TryGet(out var key))
            {
                unknown = true;
                continue;
            }

            var matches = false;
            foreach (var h in hostKeys)
            {
                matches |= SameHost(key, h);
            }

            if (!matches)
            {
                continue;
            }

            if (!rc.Auth.TryGet(out var auth))
            {
                unknown = true;
                continue;
            }

            if (auth is null)
            {
                continue;
            }

            var creds = auth.HasCredentials;
            if (creds == true)
            {
                return true;
            }

            if (creds is null)
            {
                unknown = true;
            }
        }

        return unknown ? null : false;
    }

    /// <summary>The projects declared on <paramref name="harbor"/> (a project without Registry belongs to the only Harbor).</summary>
    public static List<ProjectInfo> ProjectsOf(TopologySnapshot s, HarborInfo harbor, out bool complete)
    {
        var list = new List<ProjectInfo>();
        if (harbor.External)
        {
            // Described on the registry itself (HarborProject resources belong to in-cluster Harbors); the registry may
            // hold projects the stack does not describe, so the list is never complete.
            complete = false;
            list.AddRange(harbor.DeclaredProjects);
            return list;
        }

        complete = !s.Projects.HasUnknownEntries && !s.HasUnknownResources;
        foreach (var p in s.Projects)
        {
            if (!p.Registry.TryGet(out var reg))
            {
                complete = false;
                continue;
            }

            if (ReferenceEquals(reg, harbor) || (reg is null && IsOnlyInClusterHarbor(s, harbor)))
            {
                list.Add(p);
            }
        }

        return list;
    }

    /// <summary>
    /// Whether pulls from <paramref name="harbor"/> need credentials: false only when the stack declares its projects and
    /// every one is public (anonymous tokens suffice then, goharbor/harbor src/server/middleware/v2auth/auth.go,
    /// PR #14768); null when a project is unknown. Harbor projects are private by default, so an undeclared project may
    /// be private.
    /// </summary>
    public static bool? HarborNeedsAuth(TopologySnapshot s, HarborInfo harbor)
    {
        if (harbor.External)
        {
            // An external registry: what the stack says about anonymous pulls, else (a Harbor) its described projects.
            if (!harbor.AnonymousPull.TryGet(out var anonymous))
            {
                return null;
            }

            if (anonymous is { } a)
            {
                return !a;
            }

            if (!harbor.IsHarbor || harbor.DeclaredProjects.Count == 0)
            {
                return null;
            }
        }

        var projects = ProjectsOf(s, harbor, out var complete);
        if (projects.Count == 0)
        {
            return complete ? true : null;
        }

        foreach (var p in projects)
        {
            if (!p.Public.TryGet(out var pub))
            {
                return null;
            }

            if (!pub)
            {
                return true;
            }
        }

        return complete ? false : null;
    }

    /// <summary>
    /// True when <paramref name="harbor"/> is the stack's only in-cluster Harbor (a project or robot without Registry belongs
    /// to it; external registries do not count).
    /// </summary>
    public static bool IsOnlyInClusterHarbor(TopologySnapshot s, HarborInfo harbor)
    {
        if (harbor.External)
        {
            return false;
        }

        var count = 0;
        foreach (var h in s.Harbors)
        {
            count += h.External ? 0 : 1;
        }

        return count == 1;
    }

    /// <summary>True/false/null: is <paramref name="project"/> declared public on <paramref name="harbor"/>.</summary>
    public static bool? IsPublicProject(TopologySnapshot s, HarborInfo harbor, string project)
    {
        var projects = ProjectsOf(s, harbor, out var complete);
        foreach (var p in projects)
        {
            if (!p.EffectiveProjectName.TryGet(out var name))
            {
                complete = false;
                continue;
            }

            if (name == project)
            {
                return p.Public.IsKnown ? p.Public.Value : null;
            }
        }

        return complete ? false : null;
    }

    /// <summary>The robots whose credentials an auth entry uses (by username reference, secret owner or matching full name).</summary>
    public static List<RobotInfo> RobotsOfAuth(TopologySnapshot s, AuthInfo auth)
    {
        var list = new List<RobotInfo>();
        if (auth.UsernameRobot is { } ur)
        {
            list.Add(ur);
        }

        if (auth.Password.TryGet(out var pw) && pw?.OwnerRobot is { } pr && !list.Contains(pr))
        {
            list.Add(pr);
        }

        if (auth.UsernameRobot is null && auth.Username.TryGet(out var user) && user is not null)
        {
            foreach (var r in s.Robots)
            {
                if (r.FullName.TryGet(out var fn) && fn == user && !list.Contains(r))
                {
                    list.Add(r);
                }
            }
        }

        return list;
    }

    /// <summary>Robots used for node auth against <paramref name="harbor"/> (auth entries keyed on one of its hosts).</summary>
    public static List<RobotInfo> NodeAuthRobots(TopologySnapshot s, HarborInfo? harbor)
    {
        var list = new List<RobotInfo>();
        foreach (var patch in s.TalosPatches)
        {
            foreach (var rc in patch.RegistryConfigs)
            {
                if (!rc.Key.TryGet(out var key) || (harbor is not null && !harbor.IsHost(key)) || !rc.Auth.TryGet(out var auth) || auth is null)
                {
                    continue;
                }

                foreach (var r in RobotsOfAuth(s, auth))
                {
                    if (!list.Contains(r))
                    {
                        list.Add(r);
                    }
                }
            }
        }

        return list;
    }

    /// <summary>A robot on <paramref name="harbor"/> that can pull (for fix suggestions), or null.</summary>
    public static RobotInfo? PullRobotOf(TopologySnapshot s, HarborInfo harbor)
    {
        foreach (var r in s.Robots)
        {
            if (r.Registry.TryGet(out var reg) && (ReferenceEquals(reg, harbor) || (reg is null && IsOnlyInClusterHarbor(s, harbor))) && r.Name.IsKnown)
            {
                foreach (var p in r.Permissions)
                {
                    if (p.Access.Exists(a => a.Action.Is("pull")))
                    {
                        return r;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The scheme a registry key is served with: the one Harbor serves on that host, https otherwise (null when unknown).</summary>
    public static string? SchemeForRegistry(TopologySnapshot s, string key)
    {
        var h = HarborForHost(s, key);
        if (h is null)
        {
            return "https";
        }

        var scheme = h.SchemeForHost(key);
        return scheme.IsKnown ? scheme.Value : null;
    }

    /// <summary>Whether <paramref name="spegel"/> lists registry <paramref name="key"/> (or the wildcard for <c>*</c>); null when an entry is unknown.</summary>
    public static bool? SpegelLists(SpegelInfo spegel, string key, out RegistryUrl? entry)
    {
        entry = null;
        var unknown = spegel.MirroredRegistries.HasUnknownEntries;
        foreach (var e in spegel.MirroredRegistries)
        {
            if (!e.TryGet(out var text))
            {
                unknown = true;
                continue;
            }

            if (!RegistryUrl.TryParse(text, out var parsed))
            {
                continue;
            }

            if ((key == "*" && parsed.IsWildcard) || (!parsed.IsWildcard && key != "*" && SameHost(parsed.RegistryKey, key)))
            {
                entry = parsed;
                return true;
            }
        }

        return unknown ? null : false;
    }

    /// <summary>Path segment for a dictionary entry: <c>Name["key"]</c>, or <c>Name[#i]</c> when the key is unknown.</summary>
    public static string Entry(string property, Val<string> key, int index) =>
        key.TryGet(out var k) ? property + "[\"" + Escape(k) + "\"]" : property + "[#" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Path segment for a list element: <c>Name[i]</c>.</summary>
    public static string Index(string property, int index) => property + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c == '"' || c == '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Invariant number formatting for messages.</summary>
    public static string Num(double d) => d.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>
    /// The last <c>discard_unpacked_layers</c> value set under the containerd 2.x images plugin in a TOML fragment, or null
    /// when the fragment does not set it.
    /// </summary>
    public static bool? DiscardUnpackedLayers(string toml)
    {
        bool? result = null;
        var table = "";
        foreach (var raw in toml.Split('\n'))
        {
            var line = raw.Trim();
            var hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line.Substring(0, hash).Trim();
            }

            if (line.StartsWith("[", StringComparison.Ordinal))
            {
                table = line.Replace("'", "\"").Replace(" ", "");
                continue;
            }

            var eq = line.IndexOf('=');
            if (eq < 0)
            {
                continue;
            }

            var key = line.Substring(0, eq).Trim().Replace("'", "\"").Replace(" ", "");
            var value = line.Substring(eq + 1).Trim();
            var full = table.Trim('[', ']') + (table.Length > 0 ? "." : "") + key;
            if (full.EndsWith("discard_unpacked_layers", StringComparison.Ordinal) && full.IndexOf("io.containerd.cri.v1.images", StringComparison.Ordinal) >= 0)
            {
                if (value == "false")
                {
                    result = false;
                }
                else if (value == "true")
                {
                    result = true;
                }
            }
        }

        return result;
    }
}
