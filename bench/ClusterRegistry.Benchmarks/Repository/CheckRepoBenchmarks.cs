using BenchmarkDotNet.Attributes;
using ClusterRegistry.Repository;

namespace ClusterRegistry.Benchmarks.Repository;

/// <summary>
/// <c>check --repo</c> on a generated repository of 2,000 YAML files, warm (files in the page cache, JIT done): the
/// discovery walk, parsing every file within the limits, the talhelper/Flux readers and the rules. The target is
/// under 1 s.
/// <code>dotnet run -c Release --project bench/ClusterRegistry.Benchmarks -- --filter '*CheckRepo*' --job short</code>
/// </summary>
[MemoryDiagnoser]
public class CheckRepoBenchmarks
{
    private string root = "";

    [Params(2000)]
    public int YamlFiles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        root = Path.Combine(Path.GetTempPath(), "crg-bench-repo-" + YamlFiles);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        GeneratedRepository.Create(root, YamlFiles);
        var scan = RepositoryScanner.Scan(root);
        if (scan.FilesRead < YamlFiles || scan.Snapshot.Spegels.Count != 1 || scan.Snapshot.Harbors.Count != 1 || scan.Snapshot.TalosPatches.Count == 0)
        {
            throw new InvalidOperationException($"generated repository not read as expected: {scan.FilesRead} files");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(root, recursive: true);

    [Benchmark]
    public int ScanAndCheck() => RepositoryScanner.Scan(root).Check().Count;
}
