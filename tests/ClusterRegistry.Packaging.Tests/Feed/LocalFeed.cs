using System.IO.Compression;
using System.Xml.Linq;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Packaging.Tests.Feed;

/// <summary>
/// The solution packed ONCE per test run (<c>dotnet pack ClusterRegistry.sln</c>) into a temp folder, under a version no
/// other feed has. Consumers restore from that folder plus nuget.org, with package source mapping: every
/// <c>ClusterRegistry*</c> id can only come from this folder, everything else only from nuget.org, and each consumer
/// gets a private NUGET_PACKAGES folder so the machine's package cache cannot hide a missing package.
/// </summary>
public sealed class LocalFeed : IAsyncLifetime
{
    private readonly TempDir temp = new("crfeed");

    public string Version { get; } = "0.0.0-feed." + DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public string Folder => temp.Combine("feed");

    public string Root => temp.Path;

    /// <summary>Every package in the feed: id, package types and nuspec.</summary>
    public IReadOnlyList<PackedPackage> Packages { get; private set; } = [];

    public string PackLog { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // test.sh has built the solution in Release: pack those outputs. Otherwise (a Debug run) pack builds them first.
        var built = File.Exists(Path.Combine(RepoPaths.Root, "src", "ClusterRegistry.Tool", "bin", "Release", "net10.0", "ClusterRegistry.Tool.dll"))
                    && File.Exists(Path.Combine(RepoPaths.Root, "analyzers", "ClusterRegistry.CodeFixes", "bin", "Release", "netstandard2.0", "ClusterRegistry.CodeFixes.dll"));
        var args = new List<string> { "pack", Path.Combine(RepoPaths.Root, "ClusterRegistry.sln"), "-c", "Release", "-o", Folder, "-p:PackageVersion=" + Version, "-nologo", "-v:q" };
        if (built)
        {
            args.Add("--no-build");
        }

        var pack = await Dotnet.RunAsync(RepoPaths.Root, args, TimeSpan.FromMinutes(20));
        PackLog = pack.StandardOutput + pack.StandardError;
        pack.EnsureSuccess("dotnet pack ClusterRegistry.sln");
        Packages = Directory.GetFiles(Folder, "*.nupkg").Order(StringComparer.Ordinal).Select(PackedPackage.Read).ToArray();
    }

    public Task DisposeAsync()
    {
        temp.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A new empty folder under the run's temp folder.</summary>
    public string NewFolder(string name)
    {
        var dir = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>
    /// Writes nuget.config (this feed + nuget.org, mapped), an empty Directory.Build.props/.targets and
    /// Directory.Packages.props (nothing of the repository leaks in even when the temp folder is under it) into <paramref name="dir"/>.
    /// </summary>
    public void WriteConsumerSettings(string dir)
    {
        File.WriteAllText(Path.Combine(dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="clusterregistry-local" value="{Folder}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="clusterregistry-local">
                  <package pattern="ClusterRegistry" />
                  <package pattern="ClusterRegistry.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(dir, name), "<Project />\n");
        }
    }

    /// <summary>Environment for a consumer's dotnet commands: its own package cache.</summary>
    public static Dictionary<string, string?> ConsumerEnvironment(string packagesFolder) => new()
    {
        ["NUGET_PACKAGES"] = packagesFolder,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };
}

/// <summary>One .nupkg of the feed and its manifest.</summary>
public sealed record PackedPackage(string Path, string Id, XElement Metadata, IReadOnlyList<string> PackageTypes, IReadOnlyList<string> Entries)
{
    public static PackedPackage Read(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = nuspec.Open();
        var doc = XDocument.Load(stream);
        var metadata = doc.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        var id = Child(metadata, "id")!.Value;
        var types = Child(metadata, "packageTypes")?.Elements().Select(e => (string)e.Attribute("name")!).ToArray() ?? [];
        return new PackedPackage(path, id, metadata, types, zip.Entries.Select(e => e.FullName).ToArray());
    }

    public bool IsTool => PackageTypes.Contains("DotnetTool");

    public bool IsTemplate => PackageTypes.Contains("Template");

    public bool IsLibrary => !IsTool && !IsTemplate;

    public string? Get(string name) => Child(Metadata, name)?.Value;

    public IEnumerable<string> DependencyIds => Metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).Distinct();

    internal static XElement? Child(XElement e, string name) => e.Elements().FirstOrDefault(c => c.Name.LocalName == name);
}
