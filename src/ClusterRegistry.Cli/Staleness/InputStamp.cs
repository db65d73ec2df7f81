using System.Reflection;

namespace ClusterRegistry.Cli.Staleness;

/// <summary>
/// A stack program's inputs with their SHA-256 at build time, embedded by <c>build/ClusterRegistry.Cli.targets</c> as the
/// manifest resource <c>ClusterRegistry.Inputs</c>. One line per fact:
/// <code>
/// clusterregistry-inputs 1
/// root /abs/pulumi/project/          the folder every path below is relative to (the nearest Pulumi.yaml folder)
/// project stacks/Stacks.csproj
/// configuration Release
/// outdir /abs/stacks/bin/Release/net10.0/
/// command stacks/build-compiler.sh   optional: what to run when stale
/// scan stacks                        a folder where a new *.cs would be compiled in
/// file 3F2A… stacks/HomelabStack.cs  an input and its SHA-256
/// </code>
/// </summary>
public sealed class InputStamp
{
    /// <summary>The manifest resource name the MSBuild target gives the stamp.</summary>
    public const string ResourceName = "ClusterRegistry.Inputs";

    /// <summary>Absolute folder, at build time, that the other paths are relative to.</summary>
    public required string Root { get; init; }

    /// <summary>The stack program's project file, relative to <see cref="Root"/>.</summary>
    public required string Project { get; init; }

    /// <summary>The build configuration (Release, Debug).</summary>
    public string Configuration { get; init; } = "Release";

    /// <summary>The absolute build output folder, or null.</summary>
    public string? OutDir { get; init; }

    /// <summary>The build command the project named (MSBuild property <c>ClusterRegistryBuildCommand</c>), or null.</summary>
    public string? Command { get; init; }

    /// <summary>Folders (relative) whose *.cs files are all inputs: a file added there makes the program stale.</summary>
    public required IReadOnlyList<string> ScanDirectories { get; init; }

    /// <summary>Every input (relative path) with its SHA-256 in hex.</summary>
    public required IReadOnlyList<(string Path, string Sha256)> Files { get; init; }

    /// <summary>The stamp embedded in <paramref name="assembly"/>, or null when it was built without the target.</summary>
    public static InputStamp? Of(Assembly? assembly)
    {
        using var stream = assembly?.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses the stamp text; <see cref="InvalidDataException"/> when it is not one.</summary>
    public static InputStamp Parse(string text)
    {
        string? root = null, project = null, configuration = null, outDir = null, command = null;
        var scans = new List<string>();
        var files = new List<(string, string)>();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0 || lines[0] != "clusterregistry-inputs 1")
        {
            throw new InvalidDataException("not a ClusterRegistry input stamp (version 1)");
        }

        foreach (var line in lines.Skip(1))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var key = space < 0 ? line : line[..space];
            var value = space < 0 ? "" : line[(space + 1)..];
            switch (key)
            {
                case "root": root = value; break;
                case "project": project = Normalize(value); break;
                case "configuration": configuration = value; break;
                case "outdir": outDir = value; break;
                case "command": command = value; break;
                case "scan": scans.Add(Normalize(value)); break;
                case "file":
                    var sep = value.IndexOf(' ', StringComparison.Ordinal);
                    if (sep <= 0)
                    {
                        throw new InvalidDataException($"input stamp: malformed line '{line}'");
                    }

                    files.Add((Normalize(value[(sep + 1)..]), value[..sep]));
                    break;
            }
        }

        return new InputStamp
        {
            Root = root ?? throw new InvalidDataException("input stamp: no root"),
            Project = project ?? throw new InvalidDataException("input stamp: no project"),
            Configuration = string.IsNullOrEmpty(configuration) ? "Release" : configuration,
            OutDir = string.IsNullOrEmpty(outDir) ? null : outDir,
            Command = string.IsNullOrWhiteSpace(command) ? null : command,
            ScanDirectories = scans,
            Files = files,
        };
    }

    private static string Normalize(string relative)
    {
        var p = relative.Replace('\\', '/');
        return p.Length == 0 ? "." : p;
    }
}
