using BenchmarkDotNet.Running;

// In-process benchmarks (Analyzers, Doctor, Synth, Pulumi):
//   dotnet run -c Release --project bench/ClusterRegistry.Benchmarks -- --filter '*Synth*' --job short
// End-to-end timings through the stacks program (start-up included) are the scripts beside this folder.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
