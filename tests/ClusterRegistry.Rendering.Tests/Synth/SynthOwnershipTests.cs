using System.Diagnostics;
using ClusterRegistry.Cli;
using ClusterRegistry.Rendering.Tests.Support;
using ClusterRegistry.Testing;

namespace ClusterRegistry.Rendering.Tests.Synth;

/// <summary>
/// synth replaces --out as a whole, so it must only ever replace a folder it wrote: it leaves a marker in every folder it
/// writes and refuses a non-empty folder without one. A run killed with SIGKILL leaves its temporary folder behind; the
/// next run removes it.
/// </summary>
public sealed class SynthOwnershipTests
{
    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, SynthTestStacks.Catalog(), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task A_non_empty_folder_synth_did_not_write_is_refused_and_kept()
    {
        using var temp = new TempDir("synth-owner");
        var outDir = temp.Combine("out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "someone's notes\n");
        var before = TreeFiles.Read(temp.Path);

        var (exit, stdout, stderr) = await Run("synth", "--stack", "homelab", "--out", outDir);

        Assert.Equal(ExitCodes.BadInput, exit);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith($"error: --out '{outDir}'", line);
        Assert.Contains("did not write", line);
        Assert.Equal("", stdout);
        TreeFiles.AssertIdentical(before, TreeFiles.Read(temp.Path));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_empty_folder_is_used_and_marked()
    {
        using var temp = new TempDir("synth-owner");
        var outDir = temp.Combine("out");
        Directory.CreateDirectory(outDir);

        Assert.Equal(ExitCodes.Ok, (await Run("synth", "--stack", "homelab", "--target", "gitops", "--out", outDir)).Exit);

        Assert.Equal(FileTreeWriter.OwnershipMarkerText, File.ReadAllText(Path.Combine(outDir, FileTreeWriter.OwnershipMarker)));
    }

    [Fact]
    public async Task A_folder_synth_wrote_is_replaced_stale_files_included()
    {
        using var temp = new TempDir("synth-owner");
        var outDir = temp.Combine("out");
        Assert.Equal(ExitCodes.Ok, (await Run("synth", "--stack", "homelab", "--target", "gitops", "--out", outDir)).Exit);
        File.WriteAllText(Path.Combine(outDir, "stale.yaml"), "old: true\n");

        Assert.Equal(ExitCodes.Ok, (await Run("synth", "--stack", "homelab", "--target", "gitops", "--out", outDir)).Exit);

        Assert.False(File.Exists(Path.Combine(outDir, "stale.yaml")));
        Assert.True(FileTreeWriter.IsOwned(outDir));
    }

    [Fact]
    public async Task Temporary_folders_of_a_killed_run_are_removed_and_others_are_kept()
    {
        using var temp = new TempDir("synth-owner");
        var outDir = temp.Combine("out");
        var dead = await DeadProcessIdAsync();
        // What a run killed with SIGKILL leaves: its temporary folder (marker written first) and, mid-swap, the old output.
        var staleTemp = MakeFolder(temp.Combine($".out.tmp-{dead}-{Guid.NewGuid():N}"), marker: true);
        var staleOld = MakeFolder(temp.Combine($".out.old-{dead}-{Guid.NewGuid():N}"), marker: true);
        var emptyTemp = Directory.CreateDirectory(temp.Combine($".out.tmp-{dead}-{Guid.NewGuid():N}")).FullName;
        // Not ours to remove: a live process's temporary folder, and a look-alike without our marker.
        var live = MakeFolder(temp.Combine($".out.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}"), marker: true);
        var lookAlike = MakeFolder(temp.Combine($".out.tmp-{dead}-{Guid.NewGuid():N}"), marker: false);

        Assert.Equal(ExitCodes.Ok, (await Run("synth", "--stack", "homelab", "--target", "gitops", "--out", outDir)).Exit);

        Assert.False(Directory.Exists(staleTemp));
        Assert.False(Directory.Exists(staleOld));
        Assert.False(Directory.Exists(emptyTemp));
        Assert.True(Directory.Exists(live));
        Assert.True(Directory.Exists(lookAlike));
    }

    [Fact]
    public async Task A_synth_killed_with_sigkill_mid_write_leaves_nothing_after_the_next_run()
    {
        using var temp = new TempDir("synth-owner");
        var outDir = temp.Combine("out");
        // A real synth process killed with SIGKILL at a random moment; whatever it left beside --out, the next run cleans.
        var psi = new ProcessStartInfo(StacksProgram.DotnetHost()) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { StacksProgram.Dll, "synth", "--stack", "homelab", "--out", outDir })
        {
            psi.ArgumentList.Add(a);
        }

        using (var p = Process.Start(psi)!)
        {
            var deadline = Stopwatch.StartNew();
            while (!Directory.EnumerateDirectories(temp.Path, ".out.tmp-*").Any() && !p.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(1);
            }

            if (!p.HasExited)
            {
                p.Kill(); // SIGKILL on Unix
            }

            await p.WaitForExitAsync();
        }

        Assert.Equal(ExitCodes.Ok, (await Run("synth", "--stack", "homelab", "--out", outDir)).Exit);

        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
        Assert.True(FileTreeWriter.IsOwned(outDir));
    }

    private static string MakeFolder(string path, bool marker)
    {
        Directory.CreateDirectory(Path.Combine(path, "kubernetes"));
        File.WriteAllText(Path.Combine(path, "kubernetes", "big.yaml"), "x: 1\n");
        if (marker)
        {
            File.WriteAllText(Path.Combine(path, FileTreeWriter.OwnershipMarker), FileTreeWriter.OwnershipMarkerText);
        }

        return path;
    }

    private static async Task<int> DeadProcessIdAsync()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await p.WaitForExitAsync();
        return p.Id;
    }
}
