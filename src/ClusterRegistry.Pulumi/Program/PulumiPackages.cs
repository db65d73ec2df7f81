namespace ClusterRegistry.Pulumi.Program;

/// <summary>
/// The provider packages the program uses, pinned (pulumi/pulumi-kubernetes, pulumi/pulumi-command,
/// pulumiverse/pulumi-harbor, pulumiverse/pulumi-talos releases). Every resource carries <c>options.version</c> so the
/// YAML runtime asks for exactly these plugins, with or without <c>PULUMI_STACK</c>.
/// </summary>
public static class PulumiPackages
{
    public static readonly PulumiPackage Kubernetes = new("kubernetes", "4.32.0", null);
    public static readonly PulumiPackage Command = new("command", "1.2.1", null);
    public static readonly PulumiPackage Harbor = new("harbor", "3.10.21", "github://api.github.com/pulumiverse/pulumi-harbor");
    public static readonly PulumiPackage Talos = new("talos", "0.8.1", "github://api.github.com/pulumiverse");

    public static IReadOnlyList<PulumiPackage> All { get; } = new[] { Kubernetes, Command, Harbor, Talos };

    /// <summary>The package of a type token: <c>harbor:index/project:Project</c> → harbor; <c>pulumi:providers:harbor</c> → harbor.</summary>
    public static PulumiPackage? ForType(string type)
    {
        var name = type.StartsWith("pulumi:providers:", StringComparison.Ordinal) ? type["pulumi:providers:".Length..] : type.Split(':')[0];
        return All.FirstOrDefault(p => p.Name == name);
    }

    /// <summary>Stamps the pinned version and download URL of the type's package on a resource.</summary>
    public static ProgramResource Pin(ProgramResource resource)
    {
        if (ForType(resource.Type) is { } p)
        {
            resource.Version = p.Version;
            resource.PluginDownloadUrl = p.PluginDownloadUrl;
        }

        return resource;
    }
}

/// <summary>A Pulumi package: name, pinned version and, for third-party packages, where its plugin is downloaded from.</summary>
public sealed record PulumiPackage(string Name, string Version, string? PluginDownloadUrl);
