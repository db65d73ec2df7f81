using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ClusterRegistry.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
