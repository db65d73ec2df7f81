using ClusterRegistry.Testing;

namespace ClusterRegistry.Tests.Model;

/// <summary>Source paths in findings and SARIF are repository-relative whether or not the build maps paths (PathMap).</summary>
public sealed class SourcePathsTests
{
    [Fact]
    public void A_PathMap_path_loses_its_prefix()
    {
        Assert.Equal("stacks/HomelabStack.cs", SourcePaths.RepositoryRelative("/_/stacks/HomelabStack.cs"));
    }

    [Fact]
    public void An_absolute_path_becomes_relative_to_the_nearest_git_root_above_it()
    {
        using var temp = new TempDir("srcpaths");
        Directory.CreateDirectory(temp.Combine("repo", ".git"));
        Directory.CreateDirectory(temp.Combine("repo", "Stacks"));
        Assert.Equal("Stacks/LabStack.cs", SourcePaths.RepositoryRelative(temp.Combine("repo", "Stacks", "LabStack.cs")));

        // A git worktree has a .git file instead of a folder.
        Directory.CreateDirectory(temp.Combine("worktree", "src"));
        File.WriteAllText(temp.Combine("worktree", ".git"), "gitdir: /elsewhere\n");
        Assert.Equal("src/ProdStack.cs", SourcePaths.RepositoryRelative(temp.Combine("worktree", "src", "ProdStack.cs")));
    }

    [Fact]
    public void A_relative_path_is_kept_with_forward_slashes_and_unknown_is_empty()
    {
        Assert.Equal("Stacks/LabStack.cs", SourcePaths.RepositoryRelative("Stacks\\LabStack.cs"));
        Assert.Equal("", SourcePaths.RepositoryRelative(""));
    }
}
