using System.Text.Json;
using ClusterRegistry.Cli;
using ClusterRegistry.Rendering;
using ClusterRegistry.Rendering.NodeView;
using ClusterRegistry.Testing;
using Stacks;

namespace ClusterRegistry.Doctor.Tests;

public sealed class DoctorVerbTests
{
    /// <summary>Writes the stack's rendered node view for <paramref name="node"/> as a node root: what a healthy node holds.</summary>
    public static string WriteRenderedRoot(string stack, string node, string dir)
    {
        var tree = NodeViewRenderer.RenderNode(StackDirectory.Catalog.Build(stack), node);
        FileTreeWriter.WriteAtomically(tree, dir);
        Directory.CreateDirectory(Path.Combine(dir, "var/lib/containerd/io.containerd.content.v1.content/ingest"));
        return dir;
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var exit = await CliApp.RunAsync(["doctor", .. args], StackDirectory.Catalog, o, e);
        return (exit, o.ToString(), e.ToString());
    }

    [Theory]
    [InlineData("homelab", "192.168.1.98")]
    [InlineData("homelab", "192.168.1.100")]
    [InlineData("local", "127.0.0.1")]
    public async Task SynthesizedNodeViewCopiedAsRootIsHealthy(string stack, string node)
    {
        using var tmp = new TempDir("doctor-verb");
        var root = WriteRenderedRoot(stack, node, tmp.Combine("root"));

        var (exit, output, err) = await RunAsync("--stack", stack, "--node", node, "--root", root);

        Assert.True(exit == ExitCodes.Ok, output + err);
        Assert.Contains("healthy", output);
    }

    public static TheoryData<string> FaultNames() => new(NodeFaults.All("127.0.0.105", "io.containerd.cri.v1.images").Select(f => f.Name));

    [Theory]
    [MemberData(nameof(FaultNames))]
    public async Task EachFaultOnTheRenderedLocalViewGivesExactlyItsFinding(string name)
    {
        var fault = NodeFaults.All("127.0.0.105", "io.containerd.cri.v1.images").Single(f => f.Name == name);
        using var tmp = new TempDir("doctor-verb");
        var root = WriteRenderedRoot("local", "127.0.0.1", tmp.Combine("root"));
        fault.Apply(root);

        var (exit, output, err) = await RunAsync("--stack", "local", "--node", "127.0.0.1", "--root", root, "--format", "json");

        Assert.True(exit == ExitCodes.Findings, output + err);
        using var json = JsonDocument.Parse(output);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(fault.ExpectedId, finding.GetProperty("id").GetString());
    }

    [Fact]
    public async Task FindingsExitOneAndJsonCarriesThem()
    {
        using var tmp = new TempDir("doctor-verb");
        var root = WriteRenderedRoot("homelab", "192.168.1.98", tmp.Combine("root"));
        Directory.CreateDirectory(Path.Combine(root, "etc/cri/conf.d/hosts/_default"));
        File.WriteAllText(Path.Combine(root, "etc/cri/conf.d/hosts/_default/hosts.toml"), "[host.'http://192.168.1.98:30020']\ncapabilities = ['pull', 'resolve']\n");

        var (exit, output, _) = await RunAsync("--stack", "homelab", "--node", "192.168.1.98", "--root", root, "--format", "json");

        Assert.Equal(ExitCodes.Findings, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("healthy").GetBoolean());
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("CRG502", finding.GetProperty("id").GetString());
        Assert.Equal("hosts/_default", finding.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task TextReportSaysWhatWhyAndFix()
    {
        using var tmp = new TempDir("doctor-verb");
        var root = WriteRenderedRoot("homelab", "192.168.1.98", tmp.Combine("root"));
        Directory.Delete(Path.Combine(root, "etc/cri/conf.d/hosts/ghcr.io"), recursive: true);

        var (exit, output, _) = await RunAsync("--stack", "homelab", "--node", "192.168.1.98", "--root", root);

        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Contains("CRG501 hosts/ghcr.io", output);
        Assert.Contains("  seen: no /etc/cri/conf.d/hosts/ghcr.io/hosts.toml", output);
        Assert.Contains("  why:  ", output);
        Assert.Contains("  fix:  ", output);
    }

    [Fact]
    public async Task CouldNotInspectExitsTwo()
    {
        using var tmp = new TempDir("doctor-verb");
        var (exit, _, err) = await RunAsync("--stack", "homelab", "--node", "192.168.1.98", "--root", tmp.Combine("missing"));
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("cannot inspect node 192.168.1.98", err);

        (exit, _, err) = await RunAsync("--stack", "homelab", "--node", "192.168.1.98", "--talosctl", "--talosctl-path", tmp.Combine("no-talosctl"));
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("talosctl is not installed", err);
    }

    [Theory]
    [InlineData("--stack", "homelab", "--node", "192.168.1.98")] // neither --root nor --talosctl
    [InlineData("--stack", "homelab", "--node", "192.168.1.98", "--root", "/x", "--talosctl")] // both
    [InlineData("--stack", "homelab", "--node", "10.9.9.9", "--root", "/x")] // not a node of the stack
    [InlineData("--stack", "homelab", "--node", "192.168.1.98", "--root", "/x", "--format", "yaml")]
    public async Task BadUsageExitsTwo(params string[] args)
    {
        var (exit, _, err) = await RunAsync(args);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith("error:", err);
    }
}
