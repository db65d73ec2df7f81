using BenchmarkDotNet.Running;
using ClusterRegistry;
using ClusterRegistry.Benchmarks.Doctor;
using ClusterRegistry.Cli;

// In-process benchmarks (Doctor, Synth, ...):  dotnet run -c Release --project bench/ClusterRegistry.Benchmarks -- --filter '*Synth*' --job short
// End-to-end CLI timing over bench-only stacks (never listed by the stacks program users run):
//   dotnet bench/ClusterRegistry.Benchmarks/bin/Release/net10.0/ClusterRegistry.Benchmarks.dll cli doctor --stack fifty ...
if (args.Length > 0 && args[0] == "cli")
{
    return await CliApp.RunAsync(args[1..], BenchStacks.Catalog);
}

BenchmarkSwitcher.FromAssembly(typeof(BenchStacks).Assembly).Run(args);
return 0;

/// <summary>Stacks that exist only to be measured.</summary>
internal static class BenchStacks
{
    public static StackCatalog Catalog { get; } = new StackCatalog()
        .Add("fifty", () => new FiftyRegistryStack());
}
