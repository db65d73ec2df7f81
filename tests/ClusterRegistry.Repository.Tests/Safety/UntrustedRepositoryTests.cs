using System.Text;
using ClusterRegistry.Repository.Tests.Support;

namespace ClusterRegistry.Repository.Tests.Safety;

/// <summary>
/// A repository is untrusted (check --repo runs on pull requests from forks): every refusal is one notice line, and the
/// rest of the repository is still read — shown each time by a Spegel release next to the hostile file being checked.
/// </summary>
public sealed class UntrustedRepositoryTests
{
    private static TempRepository WithSpegel() => new TempRepository()
        .Write("apps/spegel/ocirepository.yaml", Snippets.SpegelOci)
        .Write("apps/spegel/helmrelease.yaml", Snippets.SpegelRelease("""
              values:
                spegel:
                  containerdRegistryConfigPath: /etc/containerd/certs.d
            """))
        .Write("talos/patch.yaml", Snippets.DockerHubThroughHarborProxy);

    private static void StillChecked(RepositoryScan scan) =>
        Assert.Contains(scan.Check(), f => f.Id == "CRG105"); // the Spegel release next to the hostile file was read

    [Fact]
    public void Symlinked_file_leading_out_of_the_repository_is_refused()
    {
        using var outside = new TempRepository().Write("secret.yaml", "machine:\n  registries:\n    mirrors:\n      evil.io:\n        endpoints: [https://evil]\n");
        using var repo = WithSpegel();
        File.CreateSymbolicLink(Path.Combine(repo.Root, "talos", "linked.yaml"), Path.Combine(outside.Root, "secret.yaml"));
        var scan = repo.Scan();
        var n = Assert.Single(scan.Notices, n => n.Kind == NoticeKind.Refused);
        Assert.Equal("talos/linked.yaml", n.File);
        Assert.DoesNotContain(scan.Snapshot.TalosPatches.SelectMany(p => p.Mirrors), m => m.Key.Is("evil.io"));
        StillChecked(scan);
    }

    [Fact]
    public void Symlinked_folder_leading_out_of_the_repository_is_not_followed()
    {
        using var outside = new TempRepository().Write("x/patch.yaml", Snippets.DockerHubThroughHarborProxy);
        using var repo = WithSpegel();
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "escape"), outside.Root);
        var scan = repo.Scan();
        var n = Assert.Single(scan.Notices, n => n.Kind == NoticeKind.Refused);
        Assert.Equal("escape", n.File);
        StillChecked(scan);
    }

    [Fact]
    public void Symlink_inside_the_repository_is_read_and_a_loop_cannot_hang_the_walk()
    {
        using var repo = WithSpegel();
        File.CreateSymbolicLink(Path.Combine(repo.Root, "talos", "again.yaml"), Path.Combine(repo.Root, "talos", "patch.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "talos", "loop"), Path.Combine(repo.Root, "talos"));
        var scan = repo.Scan();
        Assert.Contains(scan.Notices, n => n.File == "talos/loop" && n.Kind == NoticeKind.Skipped);
        Assert.DoesNotContain(scan.Notices, n => n.Kind is NoticeKind.Refused or NoticeKind.Error);
        StillChecked(scan);
    }

    [Fact]
    public void File_over_the_size_cap_is_refused_without_being_read()
    {
        using var repo = WithSpegel();
        repo.Write("big.yaml", "a: " + new string('x', 4096) + "\n");
        var scan = repo.Scan(new RepositoryOptions { MaxFileBytes = 1024 });
        var n = Assert.Single(scan.Notices, n => n.Kind == NoticeKind.Refused);
        Assert.Equal("big.yaml", n.File);
        Assert.Contains("1024-byte limit", n.Message);
        StillChecked(scan);
    }

    [Fact]
    public void Billion_laughs_is_refused_before_anything_walks_its_tree()
    {
        // Nine levels of nine aliases: 81 aliases in 1 KB of text, 9^9 = 387,420,489 nodes once expanded.
        var sb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            sb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        using var repo = WithSpegel();
        repo.Write("apps/laughs/values.yaml", sb.ToString());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var scan = repo.Scan();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var n = Assert.Single(scan.Notices, n => n.Kind == NoticeKind.Refused);
        Assert.Equal("apps/laughs/values.yaml", n.File);
        Assert.Contains("billion laughs", n.Message);
        Assert.True(allocated < 200L * 1024 * 1024, $"allocated {allocated} bytes");
        StillChecked(scan);
    }

    [Fact]
    public void Nesting_deeper_than_the_cap_is_refused_instead_of_overflowing_the_stack()
    {
        using var repo = WithSpegel();
        repo.Write("deep.yaml", new string('[', 100_000) + new string(']', 100_000) + "\n");
        var scan = repo.Scan();
        var n = Assert.Single(scan.Notices, n => n.File == "deep.yaml");
        Assert.Equal(NoticeKind.Refused, n.Kind);
        Assert.Contains("nested deeper", n.Message);
        StillChecked(scan);
    }

    [Fact]
    public void Bad_yaml_is_one_error_line_with_file_and_line_and_the_rest_is_checked()
    {
        using var repo = WithSpegel();
        repo.Write("apps/broken/helmrelease.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: [unclosed\n");
        var scan = repo.Scan();
        var n = Assert.Single(scan.Notices, n => n.Kind == NoticeKind.Error);
        Assert.Equal("apps/broken/helmrelease.yaml", n.File);
        Assert.Equal(5, n.Line);
        Assert.DoesNotContain('\n', n.ToString());
        StillChecked(scan);
    }

    [Fact]
    public void Templates_are_skipped_in_one_line_each_and_never_rendered()
    {
        using var repo = WithSpegel();
        repo.Write("templates/talconfig.yaml.j2", "talosVersion: {{ talos_version }}\n")
            .Write("charts/mine/templates/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n")
            .Write("partials/_helpers.tpl", "{{- define \"x\" -}}{{- end -}}\n");
        var scan = repo.Scan();
        var skipped = scan.Notices.Where(n => n.Kind == NoticeKind.Skipped).Select(n => n.File).ToList();
        Assert.Equal(new[] { "charts/mine/templates/deployment.yaml", "partials/_helpers.tpl", "templates/talconfig.yaml.j2" }, skipped);
        Assert.DoesNotContain(scan.Notices, n => n.Kind == NoticeKind.Error);
        StillChecked(scan);
    }

    [Fact]
    public void Sops_encrypted_values_are_never_decrypted_and_make_the_values_unknown()
    {
        using var repo = new TempRepository()
            .Write("apps/spegel/ocirepository.yaml", Snippets.SpegelOci)
            .Write("apps/spegel/helmrelease.yaml", Snippets.SpegelRelease("""
                  valuesFrom:
                    - kind: Secret
                      name: spegel-values
                """))
            .Write("apps/spegel/secret.sops.yaml", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: spegel-values
                  namespace: kube-system
                stringData:
                  values.yaml: ENC[AES256_GCM,data:eA==,iv:eA==,tag:eA==,type:str]
                sops:
                  mac: ENC[AES256_GCM,data:eA==,iv:eA==,tag:eA==,type:str]
                  version: 3.9.0
                """)
            .Write("talos/patch.yaml", Snippets.DockerHubThroughHarborProxy);
        var scan = repo.Scan();
        var spegel = Assert.Single(scan.Snapshot.Spegels);
        Assert.True(spegel.MirroredRegistries.HasUnknownEntries);
        Assert.False(spegel.ContainerdRegistryConfigPath.IsKnown);
        Assert.Contains(scan.Notices, n => n.Kind == NoticeKind.Unknown && n.File == "apps/spegel/secret.sops.yaml");
        // What the secret may set is unknown, so the rules that need it stay silent.
        Assert.DoesNotContain(scan.Check(), f => f.Id is "CRG101" or "CRG105");
    }

    [Fact]
    public void Fifo_and_device_files_are_never_opened_and_are_one_line_each()
    {
        // A FIFO named *.yaml would block a reader for ever (open(2) waits for a writer); a device would stream without end.
        using var repo = WithSpegel();
        var fifo = Path.Combine(repo.Root, "apps", "pipe.yaml");
        using (var mk = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mk.WaitForExit();
            Assert.Equal(0, mk.ExitCode);
        }

        File.CreateSymbolicLink(Path.Combine(repo.Root, "apps", "zero.yaml"), fifo); // a link inside the repo to it
        repo.Write("talconfig.yaml", "clusterName: x\ntalosVersion: v1.11.5\nnodes:\n  - {hostname: a, ipAddress: 10.0.0.1}\npatches:\n  - \"@./apps/pipe.yaml\"\n");
        var scan = Task.Run(() => repo.Scan()).WaitAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        var lines = scan.Notices.Where(n => n.Message.Contains("FIFO", StringComparison.Ordinal)).ToList();
        Assert.Contains(lines, n => n.File == "apps/pipe.yaml");
        Assert.Contains(lines, n => n.File == "apps/zero.yaml");
        Assert.Contains(lines, n => n.File == "talconfig.yaml" && n.Message.Contains("./apps/pipe.yaml", StringComparison.Ordinal));
        Assert.All(scan.Notices, n => Assert.DoesNotContain('\n', n.ToString()));
        StillChecked(scan);
    }

    [Fact]
    public void Peek_skips_only_files_whose_every_document_names_a_kind_no_reader_reads()
    {
        Assert.True(Discovery.KindPeek.Of("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n---\nkind: Service\n").IsIrrelevant);
        Assert.False(Discovery.KindPeek.Of("kind: Deployment\n---\nkind: ConfigMap\n").IsIrrelevant);
        Assert.False(Discovery.KindPeek.Of("machine:\n  registries: {}\n").IsIrrelevant);           // legacy Talos patch, no kind
        Assert.False(Discovery.KindPeek.Of("kind: Deployment\n---\nmachine:\n  files: []\n").IsIrrelevant);
        Assert.False(Discovery.KindPeek.Of("- op: add\n  path: /machine/registries\n").IsIrrelevant);  // JSON patch
        Assert.False(Discovery.KindPeek.Of("{kind: HelmRelease}").IsIrrelevant);                        // flow style: cannot tell, parsed
        Assert.True(Discovery.KindPeek.Of("kind: \"HelmRelease\" # app\n").IsOnlyReleases);
        Assert.True(Discovery.KindPeek.Of("kind: Secret\nsops:\n  mac: ENC[x]\n").IsOnlySecrets);
        Assert.False(Discovery.KindPeek.Of("kind: Secret\n---\nkind: HelmRelease\n").IsOnlySecrets);
    }

    [Fact]
    public void A_release_that_reaches_spegel_only_through_its_chart_source_is_still_read()
    {
        // chartRef → an OCIRepository named "p2p" whose URL is Spegel's chart: the release text never says "spegel".
        using var repo = new TempRepository()
            .Write("apps/p2p/oci.yaml", Snippets.SpegelOci.Replace("name: spegel", "name: p2p", StringComparison.Ordinal))
            .Write("apps/p2p/helmrelease.yaml", """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata:
                  name: p2p
                  namespace: kube-system
                spec:
                  chartRef: {kind: OCIRepository, name: p2p}
                  values:
                    serviceMonitor: {enabled: true}
                """)
            .Write("apps/other/helmrelease.yaml", "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: other}\nspec: {chartRef: {kind: OCIRepository, name: other}}\n");
        var scan = repo.Scan();
        Assert.DoesNotContain("spegel", File.ReadAllText(Path.Combine(repo.Root, "apps/p2p/helmrelease.yaml")), StringComparison.OrdinalIgnoreCase);
        var spegel = Assert.Single(scan.Snapshot.Spegels);
        Assert.Equal("p2p", spegel.Name.Value);
        Assert.Equal(true, spegel.ValueAt("serviceMonitor", "enabled")?.Value.Value); // its values were read
        Assert.Equal(2, scan.Releases.Count + 1); // the other release was peeked at and left unparsed
    }
}
