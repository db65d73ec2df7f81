using ClusterRegistry.Testing;

namespace ClusterRegistry.Doctor.Tests;

/// <summary>The stacks program (<c>stacks/</c>) as its own process, built by this project's reference in the same configuration.</summary>
internal static class StacksProgram
{
    public static string Dll
    {
        get
        {
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            var configuration = tfm.Parent!.Name;
            var dll = Path.Combine(RepoPaths.Root, "stacks", "bin", configuration, tfm.Name, "stacks.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("the stacks program is not built (the test project references it)", dll);
        }
    }

    /// <summary>The dotnet host running these tests (the SDK sets DOTNET_HOST_PATH for its children).</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p
        : "/usr/bin/dotnet";
}
