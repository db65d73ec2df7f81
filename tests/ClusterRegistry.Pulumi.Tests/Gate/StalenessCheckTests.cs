using System.Security.Cryptography;
using System.Text;
using ClusterRegistry.Cli.Staleness;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Pulumi.Tests.Gate;

/// <summary>
/// The comparison of an input stamp with the sources on disk, on a stamp written here the way
/// build/ClusterRegistry.Cli.targets writes it (StaleProgramTests checks the target itself on a real build).
/// </summary>
public sealed class StalenessCheckTests : IDisposable
{
    private readonly TempDir checkout = new("stale");

    public StalenessCheckTests()
    {
        File.WriteAllText(checkout.Combine("Pulumi.yaml"), "name: edge\n");
        Directory.CreateDirectory(checkout.Combine("stacks", "Environments"));
        File.WriteAllText(checkout.Combine("stacks", "Stacks.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        File.WriteAllText(checkout.Combine("stacks", "Program.cs"), "return 0;\n");
        File.WriteAllText(checkout.Combine("stacks", "Environments", "Edge.cs"), "class Edge { bool prepend = true; }\n");
    }

    public void Dispose() => checkout.Dispose();

    private static string Sha(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>The stamp of the checkout as it is now (root: the checkout), with an optional build command.</summary>
    private InputStamp StampNow(string? command = null, string? root = null)
    {
        var sb = new StringBuilder("clusterregistry-inputs 1\n");
        sb.Append("root ").Append(root ?? checkout.Path + "/").Append('\n');
        sb.Append("project stacks/Stacks.csproj\nconfiguration Release\n");
        sb.Append("outdir ").Append(checkout.Combine("stacks", "bin", "Release", "net10.0")).Append("/\n");
        if (command is not null)
        {
            sb.Append("command ").Append(command).Append('\n');
        }

        sb.Append("scan stacks\n");
        foreach (var f in new[] { "stacks/Stacks.csproj", "stacks/Program.cs", "stacks/Environments/Edge.cs" })
        {
            sb.Append("file ").Append(Sha(checkout.Combine(f))).Append(' ').Append(f).Append('\n');
        }

        return InputStamp.Parse(sb.ToString());
    }

    private StalenessReport Check(InputStamp stamp, string? cwd = null, string? program = null) =>
        StalenessCheck.Check(stamp, cwd ?? checkout.Path, program ?? checkout.Combine("artifacts", "stacks", "stacks"));

    [Fact]
    public void Unchanged_sources_are_current()
    {
        var report = Check(StampNow());
        Assert.True(report.IsCurrent);
        Assert.Null(report.Message);
    }

    [Fact]
    public void An_edited_source_makes_the_program_stale_with_one_line_naming_the_file_and_the_command()
    {
        var stamp = StampNow("stacks/build-compiler.sh");
        File.WriteAllText(checkout.Combine("stacks", "Environments", "Edge.cs"), "class Edge { bool prepend = false; }\n");
        var report = Check(stamp);
        Assert.False(report.IsCurrent);
        Assert.Equal(new[] { "stacks/Environments/Edge.cs" }, report.Changed);
        Assert.Equal("error: artifacts/stacks/stacks is stale: stacks/Environments/Edge.cs changed since it was built; rebuild it: stacks/build-compiler.sh", report.Message);
        Assert.DoesNotContain('\n', report.Message!);
    }

    [Fact]
    public void Content_decides_not_timestamps()
    {
        var stamp = StampNow();
        var edge = checkout.Combine("stacks", "Environments", "Edge.cs");
        var bytes = File.ReadAllBytes(edge);
        File.WriteAllText(edge, "class Edge { bool prepend = false; }\n");
        Assert.False(Check(stamp).IsCurrent);
        File.WriteAllBytes(edge, bytes); // reverted (as by `git checkout`): newer mtime, same bytes
        File.SetLastWriteTimeUtc(edge, DateTime.UtcNow.AddMinutes(5));
        Assert.True(Check(stamp).IsCurrent);
    }

    [Fact]
    public void A_new_source_file_is_stale_but_files_under_bin_obj_and_dot_folders_are_not_inputs()
    {
        var stamp = StampNow();
        foreach (var ignored in new[] { "bin", "obj", ".vs" })
        {
            Directory.CreateDirectory(checkout.Combine("stacks", ignored));
            File.WriteAllText(checkout.Combine("stacks", ignored, "Generated.cs"), "class G {}\n");
        }

        Assert.True(Check(stamp).IsCurrent);
        File.WriteAllText(checkout.Combine("stacks", "Environments", "Staging.cs"), "class Staging {}\n");
        var report = Check(stamp);
        Assert.Equal(new[] { "stacks/Environments/Staging.cs" }, report.Added);
        Assert.Contains("stacks/Environments/Staging.cs was added", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_source_file_is_stale()
    {
        var stamp = StampNow();
        File.Delete(checkout.Combine("stacks", "Program.cs"));
        var report = Check(stamp);
        Assert.Equal(new[] { "stacks/Program.cs" }, report.Removed);
        Assert.Contains("stacks/Program.cs was removed", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_changes_are_summarised_on_one_line()
    {
        var stamp = StampNow();
        foreach (var f in new[] { "Program.cs", "Stacks.csproj", "Environments/Edge.cs" })
        {
            File.AppendAllText(checkout.Combine("stacks", f), "\n");
        }

        File.WriteAllText(checkout.Combine("stacks", "More.cs"), "\n");
        Assert.Contains("(and 1 more)", Check(stamp).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_command_rebuilds_where_the_program_runs_from()
    {
        var stamp = StampNow();
        File.AppendAllText(checkout.Combine("stacks", "Program.cs"), "// edit\n");
        var fromBuildOutput = Check(stamp, program: checkout.Combine("stacks", "bin", "Release", "net10.0", "stacks.dll"));
        Assert.Equal("dotnet build stacks/Stacks.csproj -c Release", fromBuildOutput.BuildCommand);
        var published = Check(stamp, program: checkout.Combine("artifacts", "stacks", "stacks"));
        Assert.Equal("dotnet publish stacks/Stacks.csproj -c Release -o artifacts/stacks", published.BuildCommand);
        Assert.EndsWith("rebuild it: dotnet publish stacks/Stacks.csproj -c Release -o artifacts/stacks", published.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_program_built_in_another_checkout_is_checked_against_the_sources_of_the_Pulumi_project_it_runs_in()
    {
        var stamp = StampNow(root: "/nonexistent/checkout/");
        Assert.True(Check(stamp).IsCurrent);
        Assert.Equal(checkout.Path, Check(stamp).SourceRoot);
        File.AppendAllText(checkout.Combine("stacks", "Program.cs"), "// edit\n");
        Assert.Equal(new[] { "stacks/Program.cs" }, Check(stamp).Changed);
    }

    [Fact]
    public void Without_its_sources_the_program_refuses_rather_than_guess()
    {
        using var elsewhere = new TempDir("stale-elsewhere");
        var report = Check(StampNow(root: "/nonexistent/checkout/"), cwd: elsewhere.Path);
        Assert.False(report.IsCurrent);
        Assert.Null(report.SourceRoot);
        Assert.Contains("cannot tell whether", report.Message, StringComparison.Ordinal);
        Assert.Contains("is stale", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_program_without_a_stamp_has_no_check_and_a_bad_stamp_is_rejected()
    {
        Assert.Null(InputStamp.Of(typeof(StalenessCheckTests).Assembly));
        Assert.Throws<InvalidDataException>(() => InputStamp.Parse("hello\n"));
    }
}
