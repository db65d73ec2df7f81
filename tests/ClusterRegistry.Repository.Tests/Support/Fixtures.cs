namespace ClusterRegistry.Repository.Tests.Support;

/// <summary>The transcribed public repositories copied next to the test assembly.</summary>
public static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Repositories", name);
}
