using ClusterRegistry.Repository.Tests.Support;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Repository.Tests.Readers;

public sealed class TalhelperReaderTests
{
    [Fact]
    public void Talos_version_comes_from_talenv_and_file_patches_are_read()
    {
        using var repo = new TempRepository()
            .Write("talos/talconfig.yaml", Snippets.TalconfigWithMirrors)
            .Write("talos/talenv.yaml", "talosVersion: v1.11.3\n")
            .Write("talos/patches/registries.yaml", Snippets.DockerHubThroughHarborProxy);
        var patch = Assert.Single(repo.Scan().Snapshot.TalosPatches);
        Assert.Equal("v1.11.3", patch.TalosVersion.Value);
        var mirror = Assert.Single(patch.Mirrors);
        Assert.Equal("docker.io", mirror.Key.Value);
        Assert.Equal("https://harbor.example.com/v2/proxy-docker.io", Assert.Single(mirror.Endpoints).Value);
        var at = Assert.IsType<SourceFileLocation>(mirror.Location);
        Assert.Equal(("talos/patches/registries.yaml", 4, 7), (at.Path, at.Line, at.Column));
        Assert.True(patch.RendersLegacyRegistryFields.Value);
    }

    [Fact]
    public void Unresolved_variable_is_unknown_with_one_notice_and_the_environment_is_read_only_when_allowed()
    {
        using var repo = new TempRepository()
            .Write("talconfig.yaml", Snippets.TalconfigWithMirrors)
            .Write("patches/registries.yaml", Snippets.DockerHubThroughHarborProxy);
        var scan = repo.Scan(new RepositoryOptions { Environment = n => n == "talosVersion" ? "v1.12.0" : null });
        Assert.False(Assert.Single(scan.Snapshot.TalosPatches).TalosVersion.IsKnown);
        var notice = Assert.Single(scan.Notices, n => n.Message.Contains("${talosVersion}", StringComparison.Ordinal));
        Assert.Equal(NoticeKind.Unknown, notice.Kind);
        Assert.Equal(("talconfig.yaml", 2), (notice.File, notice.Line));

        var withEnv = repo.Scan(new RepositoryOptions { UseProcessEnvironment = true, Environment = n => n == "talosVersion" ? "v1.12.0" : null });
        Assert.Equal("v1.12.0", Assert.Single(withEnv.Snapshot.TalosPatches).TalosVersion.Value);
    }

    [Fact]
    public void Encrypted_talenv_values_are_known_names_with_unknown_values()
    {
        using var repo = new TempRepository()
            .Write("talconfig.yaml", Snippets.TalconfigWithMirrors)
            .Write("talenv.sops.yaml", "talosVersion: ENC[AES256_GCM,data:eA==,iv:eA==,tag:eA==,type:str]\nsops:\n  mac: ENC[AES256_GCM,data:eA==,iv:eA==,tag:eA==,type:str]\n  version: 3.9.0\n")
            .Write("patches/registries.yaml", Snippets.DockerHubThroughHarborProxy);
        var scan = repo.Scan();
        Assert.False(Assert.Single(scan.Snapshot.TalosPatches).TalosVersion.IsKnown);
        Assert.Contains(scan.Notices, n => n.Message.Contains("encrypted talenv", StringComparison.Ordinal));
    }

    [Fact]
    public void Inline_patches_map_to_talconfig_lines_and_nodes_with_the_same_patches_share_one_config()
    {
        const string talconfig = """
            clusterName: home
            talosVersion: v1.12.1
            nodes:
              - hostname: cp1
                ipAddress: 10.0.0.1
                controlPlane: true
              - hostname: cp2
                ipAddress: 10.0.0.2
                controlPlane: true
              - hostname: w1
                ipAddress: 10.0.0.3
                patches:
                  - |-
                    apiVersion: v1alpha1
                    kind: StaticHostConfig
                    name: 10.43.0.10
                    hostnames:
                      - harbor.harbor.svc.cluster.local
            controlPlane:
              patches:
                - |-
                  apiVersion: v1alpha1
                  kind: RegistryMirrorConfig
                  name: docker.io
                  endpoints:
                    - url: https://harbor.example.com/v2/proxy-docker.io
                      overridePath: true
            """;
        using var repo = new TempRepository().Write("talconfig.yaml", talconfig);
        var patches = repo.Scan().Snapshot.TalosPatches;
        Assert.Equal(2, patches.Count);
        var cp = Assert.Single(patches, p => p.Nodes.Count == 2);
        var mirror = Assert.Single(cp.Mirrors);
        Assert.True(mirror.OverridePath.Value);
        var at = Assert.IsType<SourceFileLocation>(mirror.Location);
        Assert.Equal(("talconfig.yaml", 24, 13), (at.Path, at.Line, at.Column)); // "docker.io" after "name: " on line 24
        var worker = Assert.Single(patches, p => p.Nodes.Count == 1);
        Assert.Empty(worker.Mirrors);
        var host = Assert.Single(worker.HostEntries);
        Assert.Equal("10.43.0.10", host.Ip.Value);
        Assert.False(worker.RendersLegacyRegistryFields.Value);
    }

    [Fact]
    public void Patch_reference_outside_the_repository_is_refused_in_one_line()
    {
        using var repo = new TempRepository().Write("talconfig.yaml", """
            clusterName: home
            talosVersion: v1.11.0
            patches:
              - "@../../etc/passwd"
            """);
        var scan = repo.Scan();
        var n = Assert.Single(scan.Notices, n => n.Kind == NoticeKind.Refused);
        Assert.Equal(("talconfig.yaml", 4), (n.File, n.Line));
        Assert.Contains("outside the repository", n.Message);
        Assert.True(Assert.Single(scan.Snapshot.TalosPatches).Mirrors.HasUnknownEntries);
    }
}
