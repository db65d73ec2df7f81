namespace ClusterRegistry.Testing;

/// <summary>Finds the repository root and the read-only <c>../shared</c> folder (schemas, golden vectors, seed).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> FoundRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClusterRegistry.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ClusterRegistry.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (the folder holding ClusterRegistry.sln).</summary>
    public static string Root => FoundRoot.Value;

    /// <summary>
    /// The shared folder: <c>CLUSTERREGISTRY_SHARED</c> when set, else <c>../shared</c> beside the repository
    /// (where CI puts it).
    /// </summary>
    public static string Shared
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("CLUSTERREGISTRY_SHARED");
            var dir = !string.IsNullOrEmpty(env) ? env : Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            if (!Directory.Exists(dir))
            {
                throw new InvalidOperationException($"shared folder not found at {dir}; set CLUSTERREGISTRY_SHARED");
            }

            return dir;
        }
    }

    public static string Schema(string file) => Path.Combine(Shared, "schemas", file);

    public static string Golden(string file) => Path.Combine(Shared, "golden", file);
}
