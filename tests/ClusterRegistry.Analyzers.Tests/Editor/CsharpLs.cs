using ClusterRegistry.Testing;

namespace ClusterRegistry.Analyzers.Tests.Editor;

/// <summary>
/// Where the csharp-ls language server (https://github.com/razzmatazz/csharp-language-server, the NuGet dotnet tool
/// <c>csharp-ls</c>) is: <c>.ci/install-prerequisites.sh</c> installs version <see cref="Version"/> into
/// <c>.tools/csharp-ls</c> at the repository root; <c>CSHARP_LS</c> names another executable.
/// </summary>
public static class CsharpLs
{
    public const string Version = "0.28.0";

    public static string Executable =>
        Environment.GetEnvironmentVariable("CSHARP_LS") is { Length: > 0 } env ? env : Path.Combine(RepoPaths.Root, ".tools", "csharp-ls", "csharp-ls");

    /// <summary>Null when the server can run here, else the precise reason it cannot.</summary>
    public static string? WhyUnavailable()
    {
        if (!File.Exists(Executable))
        {
            return $"csharp-ls {Version} is not installed at {Executable}: run .ci/install-prerequisites.sh (dotnet tool install csharp-ls --version {Version} --tool-path .tools/csharp-ls) or set CSHARP_LS";
        }

        return null;
    }
}
