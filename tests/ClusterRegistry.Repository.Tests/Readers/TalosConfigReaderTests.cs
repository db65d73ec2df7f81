using ClusterRegistry.Repository.Tests.Support;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Repository.Tests.Readers;

/// <summary>Machine config documents as Talos defines them (v1alpha1 legacy fields and the v1.12+/v1.14 documents).</summary>
public sealed class TalosConfigReaderTests
{
    private static TalosPatchInfo Read(string yaml)
    {
        using var repo = new TempRepository().Write("talos/patch.yaml", yaml);
        return Assert.Single(repo.Scan().Snapshot.TalosPatches);
    }

    [Fact]
    public void Multi_document_registry_kinds_build_one_registry_config_per_endpoint_host()
    {
        var p = Read("""
            apiVersion: v1alpha1
            kind: RegistryMirrorConfig
            name: ghcr.io
            endpoints:
              - url: https://harbor.example.com/v2/proxy-ghcr.io
                overridePath: true
            skipFallback: true
            ---
            apiVersion: v1alpha1
            kind: RegistryAuthConfig
            name: harbor.example.com
            username: robot$pull
            password: ${HARBOR_PULL_PASSWORD}
            ---
            apiVersion: v1alpha1
            kind: RegistryTLSConfig
            name: harbor.example.com
            insecureSkipVerify: true
            ---
            apiVersion: v1alpha1
            kind: CRICustomizationConfig
            name: spegel
            content: |
              [plugins."io.containerd.cri.v1.images"]
                discard_unpacked_layers = false
            ---
            apiVersion: v1alpha1
            kind: EtcFileConfig
            name: nfsmount.conf
            contents: "x"
            """);
        var m = Assert.Single(p.Mirrors);
        Assert.Equal("ghcr.io", m.Key.Value);
        Assert.True(m.SkipFallback.Value);
        var rc = Assert.Single(p.RegistryConfigs);
        Assert.Equal("robot$pull", rc.Auth.Value!.Username.Value);
        var pw = rc.Auth.Value.Password.Value!;
        Assert.Equal(SecretKind.Environment, pw.Kind);
        Assert.Equal("HARBOR_PULL_PASSWORD", pw.Variable.Value);
        Assert.True(rc.Tls.Value!.InsecureSkipVerify.Value);
        Assert.Equal("spegel", Assert.Single(p.CriCustomizations).Name.Value);
        Assert.Equal("/etc/nfsmount.conf", Assert.Single(p.Files).Path.Value);
        Assert.False(p.RendersLegacyRegistryFields.Value);
    }

    [Fact]
    public void A_password_written_in_clear_is_plaintext_and_an_encrypted_one_is_not()
    {
        var p = Read("""
            machine:
              registries:
                config:
                  harbor.example.com:
                    auth:
                      username: admin
                      password: Harbor12345
                  other.example.com:
                    auth:
                      username: robot$x
                      password: ENC[AES256_GCM,data:eA==,iv:eA==,tag:eA==,type:str]
            sops:
              mac: ENC[AES256_GCM,data:eA==,iv:eA==,tag:eA==,type:str]
            """);
        Assert.Equal(SecretKind.Plaintext, p.RegistryConfigs[0].Auth.Value!.Password.Value!.Kind);
        var encrypted = p.RegistryConfigs[1].Auth.Value!.Password.Value!;
        Assert.Equal(SecretKind.Environment, encrypted.Kind);
        Assert.False(encrypted.Variable.IsKnown);
    }

    [Fact]
    public void Json6902_patch_on_registry_paths_is_read_and_other_machine_paths_are_ignored()
    {
        var p = Read("""
            - op: add
              path: /machine/registries/mirrors/docker.io
              value:
                endpoints:
                  - https://mirror.gcr.io
            - op: add
              path: /machine/network/extraHostEntries/-
              value:
                ip: 10.43.0.10
                aliases: [harbor.harbor.svc]
            - op: replace
              path: /machine/install/disk
              value: /dev/sdb
            """);
        Assert.Equal("docker.io", Assert.Single(p.Mirrors).Key.Value);
        Assert.Equal("10.43.0.10", Assert.Single(p.HostEntries).Ip.Value);
        Assert.False(p.Mirrors.HasUnknownEntries);
    }

    [Fact]
    public void Later_documents_replace_a_mirror_of_the_same_key_as_talos_does()
    {
        var p = Read("""
            machine:
              registries:
                mirrors:
                  docker.io:
                    endpoints: [https://old.example.com]
            ---
            apiVersion: v1alpha1
            kind: RegistryMirrorConfig
            name: docker.io
            endpoints:
              - url: https://new.example.com
            """);
        Assert.Equal("https://new.example.com", Assert.Single(Assert.Single(p.Mirrors).Endpoints).Value);
    }
}
