using ClusterRegistry.Harbor;
using ClusterRegistry.Probes;
using ClusterRegistry.Registries;
using ClusterRegistry.Rules.Values;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Validation;

/// <summary>
/// Checks every value of a stack that renderers rely on — IP addresses, host names, CIDRs, URLs, image references,
/// Talos versions, duplicate names — and throws a <see cref="StackDefinitionException"/> naming the resource, the
/// property and the value of the first problem. <c>synth</c> runs it before rendering, so nothing is written for a bad
/// stack. Semantic misconfigurations (a ClusterIP outside the service CIDR, Spegel without prependExisting, …) are
/// rules (<c>check</c>), not validation: a value here is bad when no configuration could make it work.
/// </summary>
public static class StackValidator
{
    /// <summary>Throws on the first invalid value, in declaration order.</summary>
    public static void Validate(Stack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        GeneratedSecretsDoNotCollide(stack);
        foreach (var r in stack.Resources)
        {
            switch (r)
            {
                case HarborRegistry h:
                    Label(h, "Name", h.Name, allowDots: true);
                    Harbor(h);
                    break;
                case ExternalRegistry e:
                    Label(e, "Name", e.Name, allowDots: true);
                    External(e);
                    break;
                case ExistingSecret secret:
                    Label(secret, "Name", secret.Name, allowDots: true);
                    Dns1123(secret, "Namespace", secret.Args.Namespace);
                    Dns1123Subdomain(secret, "SecretName", secret.SecretName);
                    Duplicates(secret, "Keys", secret.Args.Keys);
                    break;
                case HarborProject p:
                    Label(p, "ProjectName", p.ProjectName, allowDots: true);
                    break;
                case RobotAccount robot:
                    Label(robot, "Name", robot.Name, allowDots: true);
                    if (robot.Args.Level == RobotLevel.Project && string.IsNullOrWhiteSpace(robot.Args.Project))
                    {
                        Fail(robot, "Project", robot.Args.Project, "a project-level robot needs a Project");
                    }

                    break;
                case SpegelRelease s:
                    Spegel(s);
                    break;
                case TalosMachinePatch t:
                    Label(t, "Name", t.Name, allowDots: true);
                    Talos(t);
                    break;
                case PullLatencyProbe probe:
                    if (!ImageReference.TryParse(probe.Args.Image, out _, out var imageError))
                    {
                        Fail(probe, "Image", probe.Args.Image, "expected an image reference such as registry.example/project/app:tag: " + imageError);
                    }

                    foreach (var n in probe.Args.Nodes)
                    {
                        Ip(probe, "Nodes", n);
                    }

                    Duplicates(probe, "Nodes", probe.Args.Nodes);
                    break;
            }
        }
    }

    private static void Harbor(HarborRegistry h)
    {
        var a = h.Args;
        Dns1123(h, "Namespace", a.Namespace);
        Dns1123(h, "ServiceName", a.ServiceName);
        OptionalIp(h, "LoadBalancerIP", a.LoadBalancerIP);
        OptionalIp(h, "ClusterIP", a.ClusterIP);
        if (a.ServiceSubnet is not null && !Cidr.TryParse(a.ServiceSubnet, out _))
        {
            Fail(h, "ServiceSubnet", a.ServiceSubnet, "expected a CIDR block such as 10.43.0.0/16");
        }

        if (a.ExternalUrl is not null && !EndpointUrl.TryParse(a.ExternalUrl, out _))
        {
            Fail(h, "ExternalUrl", a.ExternalUrl, "expected an http(s) URL such as http://192.168.1.105");
        }

        if (!IsChartRepository(a.ChartRepository))
        {
            Fail(h, "ChartRepository", a.ChartRepository, "expected an http(s) or oci:// URL");
        }

        Version(h, "ChartVersion", a.ChartVersion);
    }

    /// <summary>
    /// The Secrets the renderers generate (a Harbor's <c>&lt;name&gt;-admin</c> for <see cref="HarborArgs.AdminPassword"/>)
    /// must not be an <see cref="ExistingSecret"/>: Flux or Pulumi would overwrite what the ExternalSecret/SOPS writes, and the
    /// two owners would fight over it. Also refuses a Harbor with both an AdminPassword and an existing admin Secret.
    /// </summary>
    private static void GeneratedSecretsDoNotCollide(Stack stack)
    {
        var existing = stack.ResourcesOf<ExistingSecret>().ToList();
        foreach (var h in stack.ResourcesOf<HarborRegistry>())
        {
            if (h.Args.AdminPassword is null)
            {
                continue;
            }

            if (h.Args.ExistingAdminPasswordSecret is { } named)
            {
                Fail(h, "ExistingAdminPasswordSecret", named,
                    "set either AdminPassword (the stack generates the Secret) or ExistingAdminPasswordSecret (something else manages it), not both");
            }

            var generated = h.Name + "-admin";
            var clash = existing.FirstOrDefault(e => e.SecretName == generated && e.Args.Namespace == h.Args.Namespace);
            if (clash is not null)
            {
                Fail(clash, "SecretName", generated,
                    $"{h.Kind} '{h.Name}' generates Secret {h.Args.Namespace}/{generated} for its AdminPassword; a Secret that something else manages must not have its name (both would write it): name the existing one in ExistingAdminPasswordSecret and drop AdminPassword");
            }
        }
    }

    private static void External(ExternalRegistry e)
    {
        var a = e.Args;
        if (!EndpointUrl.TryParse(a.Url, out var url) || url.Path.Length > 0 || url.Query is not null || url.HasUserInfo)
        {
            Fail(e, "Url", a.Url, "expected the URL clients use, scheme://host[:port] with http or https and no path, such as https://harbor.example.com");
        }

        if (a.Kind != ExternalRegistryKind.Harbor && a.Projects.Count > 0)
        {
            Fail(e, "Projects", string.Join(", ", a.Projects.Select(p => p.Name)), $"projects are Harbor's; a {a.Kind} registry has none (declare Kind = Harbor)");
        }

        foreach (var p in a.Projects)
        {
            if (p is null || string.IsNullOrWhiteSpace(p.Name))
            {
                Fail(e, "Projects", p?.Name ?? "null", "a project needs a Name");
            }

            Label(e, "Projects.Name", p!.Name, allowDots: true);
            if (p.ProxyCacheUpstream is { } up && !MirrorKey.IsValid(up, out var problem, out _))
            {
                Fail(e, "Projects.ProxyCacheUpstream", up, "expected a registry host such as docker.io: " + problem);
            }
        }

        Duplicates(e, "Projects", a.Projects.Select(p => p.Name).ToList());
    }

    private static void Spegel(SpegelRelease s)
    {
        var a = s.Args;
        Dns1123(s, "Namespace", a.Namespace);
        if (!IsChartRepository(a.ChartRepository))
        {
            Fail(s, "ChartRepository", a.ChartRepository, "expected an http(s) or oci:// URL");
        }

        Version(s, "ChartVersion", a.ChartVersion);
        foreach (var registry in a.MirroredRegistries)
        {
            if (!RegistryUrl.TryParse(registry, out _, out var error, out var suggestion))
            {
                Fail(s, "MirroredRegistries", registry, error + (suggestion is null ? "" : $" (did you mean {suggestion}?)"));
            }
        }

        if (a.MirroredRegistries.Count(r => r is "_default" or "*") > 1)
        {
            Fail(s, "MirroredRegistries", string.Join(", ", a.MirroredRegistries), "only one wildcard (_default or *) is allowed");
        }

        Duplicates(s, "MirroredRegistries", a.MirroredRegistries);
        foreach (var target in a.AdditionalMirrorTargets)
        {
            if (!EndpointUrl.TryParse(target, out var u) || u.Path.Length > 0 || u.Query is not null || u.HasUserInfo)
            {
                Fail(s, "AdditionalMirrorTargets", target, "expected scheme://host[:port] with http or https and no path (Spegel rejects paths)");
            }
        }

        if (a.ContainerdRegistryConfigPath is { } path && (!path.StartsWith('/') || path.Contains("..", StringComparison.Ordinal)))
        {
            Fail(s, "ContainerdRegistryConfigPath", path, "expected an absolute path such as /etc/cri/conf.d/hosts");
        }

        Port(s, "RegistryHostPort", a.RegistryHostPort);
        Port(s, "RegistryNodePort", a.RegistryNodePort);
    }

    private static void Talos(TalosMachinePatch t)
    {
        var a = t.Args;
        if (!TalosVersion.TryParse(a.TalosVersion, out _))
        {
            Fail(t, "TalosVersion", a.TalosVersion, "expected a Talos version such as v1.11");
        }

        foreach (var n in a.Nodes)
        {
            Ip(t, "Nodes", n);
        }

        Duplicates(t, "Nodes", a.Nodes);
        foreach (var (registry, mirror) in a.Mirrors)
        {
            if (!MirrorKey.IsValid(registry, out var problem, out _))
            {
                Fail(t, "Mirrors", registry, "expected a registry host[:port] as in image references, or *: " + problem);
            }

            if (mirror is null)
            {
                Fail(t, $"Mirrors[{registry}]", "null", "a mirror cannot be null");
            }

            foreach (var endpoint in mirror!.Endpoints)
            {
                if (!EndpointUrl.TryParse(endpoint, out _, out var error))
                {
                    Fail(t, $"Mirrors[{registry}].Endpoints", endpoint, "expected an http(s) URL: " + error);
                }
            }
        }

        foreach (var (host, config) in a.RegistryConfig)
        {
            if (!MirrorKey.IsValid(host, out var problem, out _))
            {
                Fail(t, "RegistryConfig", host, "expected the endpoint host[:port] containerd dials: " + problem);
            }

            if (config is null)
            {
                Fail(t, $"RegistryConfig[{host}]", "null", "a registry config cannot be null");
            }

            if (host == "*" && config!.Tls is { } tls &&
                (tls.Ca is not null || tls.ClientCertificate is not null || tls.ClientKey is not null || tls.InsecureSkipVerify == true))
            {
                Fail(t, "RegistryConfig", host, "Talos does not support TLS settings for the wildcard host * (wildcard host TLS configuration is not supported)");
            }
        }

        foreach (var entry in a.ExtraHostEntries)
        {
            Ip(t, "ExtraHostEntries.Ip", entry.Ip);
            if (entry.Aliases.Count == 0)
            {
                Fail(t, "ExtraHostEntries.Aliases", entry.Ip, "a host entry needs at least one alias");
            }

            foreach (var alias in entry.Aliases)
            {
                if (!HostName.IsValid(alias))
                {
                    Fail(t, "ExtraHostEntries.Aliases", alias, "expected a host name");
                }
            }
        }

        foreach (var f in a.Files)
        {
            if (!f.Path.StartsWith('/') || f.Path.Contains("..", StringComparison.Ordinal))
            {
                Fail(t, "Files.Path", f.Path, "expected an absolute path");
            }
        }

        foreach (var c in a.CriCustomizations)
        {
            if (!IsDns1123Label(c.Name) || c.Name == "customization")
            {
                Fail(t, "CriCustomizations.Name", c.Name, "expected a lowercase name other than the reserved 'customization'");
            }
        }
    }

    private static void Ip(Resource r, string property, string? value)
    {
        if (IpAddress.Explain(value) is { } why)
        {
            Fail(r, property, value, "expected an IPv4 or IPv6 address: " + why);
        }
    }

    private static void OptionalIp(Resource r, string property, string? value)
    {
        if (value is not null)
        {
            Ip(r, property, value);
        }
    }

    private static void Dns1123(Resource r, string property, string? value)
    {
        if (!IsDns1123Label(value))
        {
            Fail(r, property, value, "expected a DNS-1123 label (lowercase letters, digits, '-', at most 63 characters)");
        }
    }

    /// <summary>A Secret name: a DNS-1123 subdomain (labels of lowercase letters, digits and '-', joined by dots, at most 253 characters).</summary>
    private static void Dns1123Subdomain(Resource r, string property, string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 253 || !value.Split('.').All(IsDns1123Label))
        {
            Fail(r, property, value, "expected a Kubernetes object name (DNS-1123 subdomain: lowercase letters, digits, '-' and '.')");
        }
    }

    private static void Label(Resource r, string property, string? value, bool allowDots)
    {
        // Names end up in rendered paths (talos/patches/global/NAME.yaml): no separators, and not "." or "..".
        if (string.IsNullOrWhiteSpace(value) || value is "." or ".." || value.Any(c => char.IsWhiteSpace(c) || c is '/' or '\\' || (!allowDots && c == '.')))
        {
            Fail(r, property, value, "expected a name without spaces or slashes");
        }
    }

    private static void Version(Resource r, string property, string? value)
    {
        if (value is not null && !ChartVersion.TryParse(value, out _))
        {
            Fail(r, property, value, "expected a chart version such as 1.17.1");
        }
    }

    private static void Port(Resource r, string property, int port)
    {
        if (port is < 1 or > 65535)
        {
            Fail(r, property, port.ToString(System.Globalization.CultureInfo.InvariantCulture), "expected a port between 1 and 65535");
        }
    }

    private static void Duplicates(Resource r, string property, IEnumerable<string> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            if (!seen.Add(v))
            {
                Fail(r, property, v, "listed twice");
            }
        }
    }

    private static bool IsDns1123Label(string? value) =>
        value is { Length: > 0 and <= 63 } && !value.Contains('.') && HostName.IsValid(value) && value == value.ToLowerInvariant();

    private static bool IsChartRepository(string? url) =>
        url is not null && (url.StartsWith("oci://", StringComparison.Ordinal)
            ? EndpointUrl.TryParse("https://" + url["oci://".Length..], out _)
            : EndpointUrl.TryParse(url, out _));

    private static void Fail(Resource r, string property, string? value, string reason) =>
        throw new StackDefinitionException($"{r.Kind} '{r.Name}'", property, value ?? "null", reason);
}
