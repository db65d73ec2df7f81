using System.Text;
using ClusterRegistry.Probe.Budget;
using ClusterRegistry.Probe.Failures;
using ClusterRegistry.Probe.Kubernetes;
using ClusterRegistry.Probe.Oci;
using ClusterRegistry.Testing.Fuzz;
using CsCheck;

namespace ClusterRegistry.Probe.Tests.Fuzz;

/// <summary>
/// Seeded fuzzing of every parser the probe runs on what a registry or the cluster sends (bounded in count and time, the
/// same cases on every run): manifests and indexes, token answers, WWW-Authenticate challenges, kubelet events, image
/// references and durations, plus the bounded body reader under random sizes and chunkings. Each case ends within a time
/// and memory budget, as a value or a classified <see cref="ProbeFailureException"/>, never another exception.
/// </summary>
public sealed class ProbeParserFuzzTests
{
    private const ulong Seed = 20261205;

    private static void Classified(Action parse)
    {
        try
        {
            parse();
        }
        catch (ProbeFailureException)
        {
        }
    }

    private static readonly Gen<string> ContentType = Gen.OneOf<string>(
        Gen.OneOf(MediaTypes.OciManifest, MediaTypes.OciIndex, "application/vnd.docker.distribution.manifest.v2+json", "application/json", "text/html", ""),
        Gen.String[0, 40]);

    [Fact]
    public void Registry_answers_parse_or_fail_classified()
    {
        var gen = Gen.Select(HostileText.Any, ContentType, (text, type) => (Text: text, Type: type));
        var ran = SeededFuzz.Run(gen, Seed, count: 3000, time: TimeSpan.FromSeconds(30), (c, i) => SeededFuzz.WithinBudget($"case {i}", () =>
        {
            var body = Encoding.UTF8.GetBytes(c.Text);
            Classified(() => ManifestDocument.Parse(body, c.Type, "manifest fuzz"));
            Classified(() => RegistryAuthenticator.ParseToken(body, DateTimeOffset.UnixEpoch, "token fuzz"));
            AuthChallenge.Parse(c.Text);
            AuthChallenge.Parse(c.Text.Split('\n'));
            PulledEventParser.TryParse(c.Text, out _);
            PullReference.TryParse(c.Text, out _, out _);
            DurationText.TryParse(c.Text, out _);
        }), describe: c => System.Text.Json.JsonSerializer.Serialize(c.Text.Length > 400 ? c.Text[..400] : c.Text));

        Assert.True(ran >= 200, $"only {ran} cases ran within the time limit");
    }

    [Fact]
    public void Raw_bytes_as_a_manifest_or_token_fail_classified()
    {
        var ran = SeededFuzz.Run(HostileText.Bytes, Seed, count: 2000, time: TimeSpan.FromSeconds(20), (bytes, i) => SeededFuzz.WithinBudget($"bytes case {i}", () =>
        {
            Classified(() => ManifestDocument.Parse(bytes, null, "manifest fuzz"));
            Classified(() => RegistryAuthenticator.ParseToken(bytes, DateTimeOffset.UnixEpoch, "token fuzz"));
        }));

        Assert.True(ran >= 200, $"only {ran} cases ran within the time limit");
    }

    [Fact]
    public void Bounded_reads_return_every_byte_up_to_the_cap_and_fail_beyond_it_however_the_bytes_arrive()
    {
        var gen = Gen.Select(Gen.Int[0, 300_000], Gen.Int[1, 70_000], Gen.Int[0, 300_000], (size, chunk, max) => (Size: size, Chunk: chunk, Max: max));
        var ran = SeededFuzz.Run(gen, Seed, count: 300, time: TimeSpan.FromSeconds(20), (c, i) => SeededFuzz.WithinBudget($"read case {i} {c}", () =>
        {
            var data = new byte[c.Size];
            new Random(i).NextBytes(data);
            using var stream = new Trickle(data, c.Chunk);
            try
            {
                var read = BoundedBody.ReadAsync(stream, c.Max, "fuzz body", CancellationToken.None).GetAwaiter().GetResult();
                Assert.True(c.Size <= c.Max, $"read {c.Size} bytes with a cap of {c.Max}");
                Assert.Equal(data, read);
            }
            catch (ProbeFailureException e)
            {
                Assert.True(c.Size > c.Max, e.Message);
                Assert.True(stream.Position <= c.Max + c.Chunk + 64 * 1024, $"read {stream.Position} bytes past a cap of {c.Max}");
            }
        }));

        Assert.True(ran >= 50, $"only {ran} cases ran within the time limit");
    }

    /// <summary>A stream that hands out at most <c>chunk</c> bytes per read.</summary>
    private sealed class Trickle(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
