using System.Text.Json;
using ClusterRegistry.Probe.Tests.Oci;
using ClusterRegistry.Testing;
using ClusterRegistry.Testing.Faults;
using ClusterRegistry.Testing.Processes;

namespace ClusterRegistry.Probe.Tests.Cli;

[Collection(RegistryCollection.Name)]
public sealed class StandaloneToolTests(RegistryFixture f) : IDisposable
{
    private readonly TempDir temp = new("probe-tool");

    [Fact]
    public async Task The_packed_tool_starts_and_probes_a_registry_with_the_json_contract()
    {
        // Guards the start-up itself: an assembly named "clusterregistry" once shadowed the SDK's ClusterRegistry.dll.
        var run = await StandaloneTool.RunAsync("probe", $"{f.Open.Host}/library/app:v1", "--plain-http", "--json", "--no-history", "--budget", "1m");
        Assert.True(run.ExitCode == 0, run.StandardError + run.StandardOutput);
        using var doc = JsonDocument.Parse(run.StandardOutput);
        Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(f.Small.Manifest.Digest, doc.RootElement.GetProperty("digest").GetString());
        Assert.Equal(f.Small.TotalBlobBytes, doc.RootElement.GetProperty("bytes").GetInt64());
    }

    [MountNamespaceFact]
    public async Task A_registry_name_that_does_not_resolve_is_a_dns_failure_answered_on_loopback()
    {
        // The machine's resolver is off-machine and glibc would send a .invalid query to it; here the tool runs with a
        // private resolv.conf naming a loopback DNS server that answers NXDOMAIN, so the real resolver path fails for real.
        using var dns = new NxDomainDnsServer();
        var resolv = temp.Combine("resolv.conf");
        File.WriteAllText(resolv, dns.ResolvConf);
        const string name = "harbor.probe-test.invalid";
        var run = await StandaloneTool.RunWithResolvConfAsync(resolv, "probe", $"{name}/library/app:v1", "--plain-http", "--json", "--no-history", "--timeout", "20s");
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.StandardError}{run.StandardOutput}");
        using var doc = JsonDocument.Parse(run.StandardOutput);
        var failure = doc.RootElement.GetProperty("failure");
        Assert.Equal("dns", failure.GetProperty("class").GetString());
        Assert.Contains(name, failure.GetProperty("message").GetString());
        Assert.Contains(name, dns.Queries);
    }

    public void Dispose() => temp.Dispose();
}
