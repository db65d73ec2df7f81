using System.Diagnostics;
using ClusterRegistry.Probe.Budget;
using ClusterRegistry.Probe.Failures;
using ClusterRegistry.Probe.Oci;
using ClusterRegistry.Testing.Faults;
using ClusterRegistry.Testing.Images;
using ClusterRegistry.Testing.Processes;
using ClusterRegistry.Testing.Registry;

namespace ClusterRegistry.Probe.Tests.Oci;

[Collection(RegistryCollection.Name)]
public sealed class RegistryPullerTests(RegistryFixture f)
{
    private static readonly SemaphoreSlim IssuerGate = new(1, 1);

    private static async Task<ProbeResult> Pull(string reference, RegistryPullOptions? options = null, double budgetMs = 60_000)
    {
        options ??= new RegistryPullOptions();
        options.PlainHttp = true;
        if (options.Timeout == TimeSpan.FromMinutes(2))
        {
            options.Timeout = TimeSpan.FromSeconds(30);
        }

        using var puller = new RegistryPuller(options);
        return await puller.PullAsync(PullReference.Parse(reference), budgetMs, "test-node", CancellationToken.None);
    }

    private static void AssertPulled(ProbeResult r, OciImage image)
    {
        Assert.True(r.Failure is null, r.Failure?.Message);
        Assert.Equal(image.Manifest.Digest, r.Digest);
        Assert.Equal(image.TotalBlobBytes, r.Bytes);
        Assert.Equal(1 + image.Layers.Count, r.Layers.Count);
        Assert.Equal(image.Config.Digest, r.Layers.Single(l => l.Kind == "config").Digest);
        Assert.Equal(image.Layers.Select(l => l.Digest), r.Layers.Where(l => l.Kind == "layer").Select(l => l.Digest));
        Assert.All(r.Layers, l => Assert.True(l.DurationMs >= l.TtfbMs && l.TtfbMs >= 0));
        Assert.True(r.TtfbMs > 0 && r.TtfbMs <= r.ManifestMs && r.ManifestMs <= r.DurationMs);
    }

    [Fact]
    public async Task Anonymous_pull_fetches_config_and_every_layer_and_verifies_them()
    {
        var r = await Pull($"{f.Open.Host}/library/app:v1");
        AssertPulled(r, f.Small);
        Assert.Equal(0, r.TokenRequests);
        Assert.True(r.WithinBudget);
        Assert.Equal(0, BudgetGate.ExitCode(r));
    }

    [Fact]
    public async Task Index_resolves_to_the_requested_platform()
    {
        var arm = await Pull($"{f.Open.Host}/library/multi:v1", new RegistryPullOptions { Platform = Platform.Parse("linux/arm64") });
        AssertPulled(arm, f.Arm64);
        Assert.Equal(f.Index.Digest, arm.Notes["index"]);
        var amd = await Pull($"{f.Open.Host}/library/multi:v1", new RegistryPullOptions { Platform = Platform.Parse("linux/amd64") });
        AssertPulled(amd, f.Amd64);
    }

    [Fact]
    public async Task Index_without_the_platform_is_a_manifest_not_found_naming_what_exists()
    {
        var r = await Pull($"{f.Open.Host}/library/multi:v1", new RegistryPullOptions { Platform = Platform.Parse("linux/s390x") });
        Assert.Equal(FailureClass.ManifestNotFound, r.Failure?.Class);
        Assert.Contains("linux/arm64", r.Failure!.Message);
    }

    [Fact]
    public async Task Pull_by_digest_verifies_the_manifest_digest()
    {
        var r = await Pull($"{f.Open.Host}/library/app@{f.Small.Manifest.Digest}");
        AssertPulled(r, f.Small);
    }

    [Fact]
    public async Task Forty_megabyte_single_layer_image_is_streamed_and_verified()
    {
        var r = await Pull($"{f.Open.Host}/library/big:v1");
        AssertPulled(r, f.Big);
        Assert.True(r.Bytes > 40_000_000);
        Assert.True(r.ThroughputMBps > 0);
    }

    [Fact]
    public async Task Over_budget_is_exit_code_1_and_not_a_failure()
    {
        var r = await Pull($"{f.Open.Host}/library/app:v1", budgetMs: 0.001);
        Assert.Null(r.Failure);
        Assert.False(r.WithinBudget);
        Assert.Equal(1, BudgetGate.ExitCode(r));
    }

    [Fact]
    public async Task Basic_auth_registry_accepts_the_robot_credentials()
    {
        var r = await Pull($"{f.Basic.Host}/library/app:v1", new RegistryPullOptions { Credentials = new(RegistryFixture.User, RegistryFixture.Password) });
        AssertPulled(r, f.Small);
        Assert.Equal(0, r.TokenRequests);
        Assert.True(r.AuthMs > 0);
    }

    [Fact]
    public async Task Basic_auth_with_a_wrong_password_is_401_naming_the_realm_and_never_the_password()
    {
        var r = await Pull($"{f.Basic.Host}/library/app:v1", new RegistryPullOptions { Credentials = new(RegistryFixture.User, "wrong-password-x") });
        Assert.Equal(FailureClass.Unauthorized, r.Failure?.Class);
        Assert.Contains("test-registry-realm", r.Failure!.Message);
        Assert.DoesNotContain("wrong-password-x", r.Failure.Message);
        Assert.Equal(2, BudgetGate.ExitCode(r));
    }

    [Fact]
    public async Task Basic_auth_without_credentials_says_credentials_are_needed()
    {
        var r = await Pull($"{f.Basic.Host}/library/app:v1");
        Assert.Equal(FailureClass.Unauthorized, r.Failure?.Class);
        Assert.Contains("none were given", r.Failure!.Message);
    }

    [Theory]
    [InlineData(TokenField.Token)]
    [InlineData(TokenField.AccessToken)]
    [InlineData(TokenField.HarborEmptyAccessToken)]
    public async Task Token_auth_fetches_one_token_per_scope_and_reuses_it_for_every_blob(TokenField field)
    {
        var issuer = f.Token.TokenIssuer!;
        await IssuerGate.WaitAsync();
        try
        {
            issuer.Field = field;
            var before = issuer.Requests;
            var r = await Pull($"{f.Token.Host}/library/app:v1", new RegistryPullOptions { Credentials = new(RegistryFixture.User, RegistryFixture.Password) });
            AssertPulled(r, f.Small);
            Assert.Equal(1, r.TokenRequests);
            Assert.Equal(1, issuer.Requests - before);
            Assert.Equal("repository:library/app:pull", issuer.ScopesRequested[^1]);
            Assert.True(r.AuthMs > 0 && r.AuthMs < r.DurationMs);
        }
        finally
        {
            issuer.Field = TokenField.Token;
            IssuerGate.Release();
        }
    }

    [Fact]
    public async Task Token_cache_is_per_scope_one_token_per_repository_reused_across_pulls()
    {
        var issuer = f.Token.TokenIssuer!;
        await IssuerGate.WaitAsync();
        try
        {
            var before = issuer.Requests;
            using var puller = new RegistryPuller(new RegistryPullOptions
            {
                PlainHttp = true,
                Timeout = TimeSpan.FromSeconds(30),
                Credentials = new(RegistryFixture.User, RegistryFixture.Password),
            });
            var app = PullReference.Parse($"{f.Token.Host}/library/app:v1");
            AssertPulled(await puller.PullAsync(app, 60_000, "n", CancellationToken.None), f.Small);
            AssertPulled(await puller.PullAsync(app, 60_000, "n", CancellationToken.None), f.Small);
            Assert.Equal(1, issuer.Requests - before); // the second pull of the same repository reuses the cached token
            AssertPulled(await puller.PullAsync(PullReference.Parse($"{f.Token.Host}/library/other:v1"), 60_000, "n", CancellationToken.None), f.Small);
            Assert.Equal(2, issuer.Requests - before); // another repository is another scope: a token of its own
            Assert.Equal(["repository:library/app:pull", "repository:library/other:pull"], issuer.ScopesRequested[^2..]);
        }
        finally
        {
            IssuerGate.Release();
        }
    }

    [Fact]
    public async Task Token_the_registry_refuses_is_dropped_and_fetched_again_once()
    {
        var issuer = f.Token.TokenIssuer!;
        await IssuerGate.WaitAsync();
        try
        {
            issuer.ForgeNextTokens(1); // the registry answers 401 invalid_token to the first token (a rotated signing key)
            var r = await Pull($"{f.Token.Host}/library/app:v1", new RegistryPullOptions { Credentials = new(RegistryFixture.User, RegistryFixture.Password) });
            AssertPulled(r, f.Small);
            Assert.Equal(2, r.TokenRequests);
        }
        finally
        {
            issuer.ForgeNextTokens(0);
            IssuerGate.Release();
        }
    }

    [Fact]
    public async Task Long_pull_reports_progress_as_bytes_arrive_and_the_console_line_is_drawn_then_cleared()
    {
        var recorder = new RecordingProgress();
        var r = await Pull($"{f.Open.Host}/library/big:v1", new RegistryPullOptions { Progress = recorder, BufferSize = 64 * 1024 });
        AssertPulled(r, f.Big);
        var layer = f.Big.Layers[0];
        var updates = recorder.Updates(layer.Digest);
        Assert.True(updates.Count > 10, $"{updates.Count} updates"); // during the transfer, not once at the end
        Assert.Equal(updates.Order(), updates); // monotonic
        Assert.Equal(layer.Size, updates[^1]);
        Assert.Equal(recorder.Started.Order(), recorder.Completed.Order());

        var screen = new StringWriter();
        using (var console = new ClusterRegistry.Probe.Running.ConsoleProgress(screen))
        {
            var again = await Pull($"{f.Open.Host}/library/big:v1", new RegistryPullOptions { Progress = console });
            AssertPulled(again, f.Big);
        }

        var text = screen.ToString();
        Assert.Contains("pulling ", text);
        Assert.Contains("MB/s", text);
        Assert.EndsWith("\r" + new string(' ', 72) + "\r", text);
    }

    [Fact]
    public async Task Token_auth_with_a_wrong_password_is_401_naming_the_token_realm()
    {
        var r = await Pull($"{f.Token.Host}/library/app:v1", new RegistryPullOptions { Credentials = new(RegistryFixture.User, "nope-nope") });
        Assert.Equal(FailureClass.Unauthorized, r.Failure?.Class);
        Assert.Contains(f.Token.TokenIssuer!.Realm, r.Failure!.Message);
    }

    [Fact]
    public async Task Token_auth_anonymous_without_grant_is_401_after_reauth()
    {
        var r = await Pull($"{f.Token.Host}/library/app:v1");
        Assert.Equal(FailureClass.Unauthorized, r.Failure?.Class);
        Assert.Contains("anonymous", r.Failure!.Message);
        Assert.Contains(f.Token.TokenIssuer!.Realm, r.Failure.Message);
        Assert.Equal(2, r.TokenRequests); // the first token, then a fresh one after the 401, then give up
    }

    [Fact]
    public async Task Unknown_tag_is_manifest_not_found()
    {
        var r = await Pull($"{f.Open.Host}/library/app:does-not-exist");
        Assert.Equal(FailureClass.ManifestNotFound, r.Failure?.Class);
    }

    [Fact]
    public async Task Corrupted_blob_is_a_digest_mismatch()
    {
        var (image, reference) = await f.PushUniqueAsync("corrupt/app", 101, 200_000);
        var path = f.Open.BlobDataPath(image.Layers[0].Digest);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        var r = await Pull(reference);
        Assert.Equal(FailureClass.DigestMismatch, r.Failure?.Class);
        Assert.Contains(image.Layers[0].Digest, r.Failure!.Message);
    }

    [Fact]
    public async Task Manifest_whose_bytes_do_not_hash_to_its_digest_is_a_digest_mismatch()
    {
        // Still valid JSON (one hex digit of the config digest changed), so only the digest check can catch it.
        var (image, reference) = await f.PushUniqueAsync("corrupt/manifest", 104, 50_000);
        var path = f.Open.BlobDataPath(image.Manifest.Digest);
        var text = File.ReadAllText(path);
        var hex = image.Config.Digest["sha256:".Length..];
        File.WriteAllText(path, text.Replace(hex, (hex[0] == 'a' ? 'b' : 'a') + hex[1..], StringComparison.Ordinal));
        var r = await Pull(reference);
        Assert.Equal(FailureClass.DigestMismatch, r.Failure?.Class);
        Assert.Contains("manifest", r.Failure!.Message);
        Assert.Contains(image.Manifest.Digest, r.Failure.Message);
    }

    [Fact]
    public async Task Missing_blob_is_blob_not_found()
    {
        var (image, reference) = await f.PushUniqueAsync("missing/app", 102, 100_000);
        Directory.Delete(Path.GetDirectoryName(f.Open.BlobDataPath(image.Layers[0].Digest))!, recursive: true);
        var r = await Pull(reference);
        Assert.True(r.Failure?.Class is FailureClass.BlobNotFound, r.Failure?.Message);
    }

    [Fact]
    public async Task Registry_stopped_mid_pull_is_connection_lost()
    {
        using var registry = await RegistryProcess.StartAsync(Path.Combine(f.TempPath, "doomed"));
        var layout = new OciLayoutBuilder(Path.Combine(f.TempPath, "doomed-layout"));
        var image = layout.AddImage([24_000_000], seed: 103);
        layout.Tag("t", image.Manifest);
        await Skopeo.PushAsync(layout.Directory, "t", $"{registry.Host}/library/doomed:v1");
        var killer = new KillOnFirstBytes(image.Layers[0].Digest, registry);
        var r = await Pull($"{registry.Host}/library/doomed:v1", new RegistryPullOptions { Progress = killer, BufferSize = 16 * 1024 });
        Assert.True(killer.Killed);
        Assert.True(r.Failure?.Class is FailureClass.ConnectionLost, r.Failure is null ? "pull succeeded" : FailureClassifier.Describe(r.Failure));
    }

    [Fact]
    public async Task Server_that_accepts_and_never_answers_times_out_within_the_timeout()
    {
        using var silent = new SilentTcpServer();
        var sw = Stopwatch.StartNew();
        var r = await Pull($"127.0.0.1:{silent.Port}/library/app:v1", new RegistryPullOptions { Timeout = TimeSpan.FromSeconds(1) });
        Assert.Equal(FailureClass.Timeout, r.Failure?.Class);
        Assert.Contains("1s", r.Failure!.Message);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"took {sw.Elapsed}");
        Assert.True(silent.Accepted >= 1);
    }

    [Fact]
    public async Task Nothing_listening_is_connection_refused()
    {
        var port = Loopback.FreePort();
        var r = await Pull($"127.0.0.1:{port}/library/app:v1");
        Assert.Equal(FailureClass.ConnectionRefused, r.Failure?.Class);
    }

    [Fact]
    public async Task Https_to_a_plain_http_registry_is_a_tls_failure()
    {
        using var puller = new RegistryPuller(new RegistryPullOptions { Timeout = TimeSpan.FromSeconds(10) });
        var r = await puller.PullAsync(PullReference.Parse($"{f.Open.Host}/library/app:v1"), 1000, "n", CancellationToken.None);
        Assert.Equal(FailureClass.Tls, r.Failure?.Class);
    }

    private sealed class RecordingProgress : IPullProgress
    {
        private readonly Dictionary<string, List<long>> updates = new(StringComparer.Ordinal);

        public List<string> Started { get; } = new();

        public List<string> Completed { get; } = new();

        public List<long> Updates(string digest)
        {
            lock (updates)
            {
                return updates.TryGetValue(digest, out var u) ? u.ToList() : [];
            }
        }

        public void BlobStarted(Descriptor blob)
        {
            lock (updates)
            {
                Started.Add(blob.Digest);
            }
        }

        public void BlobProgress(string digest, long received)
        {
            lock (updates)
            {
                (updates.TryGetValue(digest, out var u) ? u : updates[digest] = new()).Add(received);
            }
        }

        public void BlobCompleted(string digest)
        {
            lock (updates)
            {
                Completed.Add(digest);
            }
        }
    }

    private sealed class KillOnFirstBytes(string digest, RegistryProcess registry) : IPullProgress
    {
        public bool Killed { get; private set; }

        public void BlobStarted(Descriptor blob)
        {
        }

        public void BlobProgress(string d, long received)
        {
            if (d == digest && !Killed)
            {
                Killed = true;
                registry.Stop();
            }
        }

        public void BlobCompleted(string d)
        {
        }
    }
}
