using ClusterRegistry;
using ClusterRegistry.Cli;
using Stacks;

// Every verb (synth, check, diff, probe, doctor, compile, preview, up) runs through here: `dotnet run --project stacks -- <verb> --stack NAME`.
return await CliApp.RunAsync(args, StackDirectory.Catalog);

namespace Stacks
{
    /// <summary>The environments of this repository.</summary>
    public static class StackDirectory
    {
        public static StackCatalog Catalog { get; } = BenchStack.AddWhenEnabled(new StackCatalog()
            .Add("homelab", () => new HomelabStack())
            .Add("local", () => new LocalStack()));
    }
}
