namespace ClusterRegistry.Repository.Tests.Support;

/// <summary>A repository folder under the temp dir, written file by file, deleted after the test.</summary>
public sealed class TempRepository : IDisposable
{
    public TempRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "crg-repo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public TempRepository Write(string relativePath, string content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content.Replace("\r\n", "\n"));
        return this;
    }

    public RepositoryScan Scan(RepositoryOptions? options = null) => RepositoryScanner.Scan(Root, options);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
