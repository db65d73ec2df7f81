using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ClusterRegistry.Benchmarks -- --filter '*'   (Doctor/ and Synth/ benchmarks; e.g. --filter '*Synth*' --job short)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
