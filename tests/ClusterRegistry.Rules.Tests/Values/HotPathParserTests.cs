using System.Net;
using System.Text.RegularExpressions;
using ClusterRegistry.Rules.Values;
using CsCheck;

namespace ClusterRegistry.Rules.Tests.Values;

/// <summary>
/// The parsers every rule calls on every host are written for speed (a one-pass IPv4 check, a per-thread memo of parsed
/// URLs). These check them against definitions written another way, on generated text that stays close to the edges.
/// </summary>
public sealed class HotPathParserTests
{
    // Dotted-quad IPv4 as the strict grammar states it: four decimal octets 0-255, no leading zeros.
    private static readonly Regex StrictV4 = new(@"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$");

    private static readonly Gen<string> NearIpv4 = Gen.OneOf(
        Gen.Char["0123456789."].Array[0, 17].Select(c => new string(c)),
        Gen.Int[0, 300].Array[1, 6].Select(parts => string.Join(".", parts)),
        Gen.Int[0, 255].Array[4].Select(parts => string.Join(".", parts)));

    [Fact]
    public void Ipv4_is_the_strict_dotted_quad()
    {
        NearIpv4.Sample(text =>
        {
            var expected = StrictV4.IsMatch(text);
            Assert.Equal(expected, IpAddress.TryParseV4(text, out var bytes));
            Assert.Equal(expected || IpAddress.TryParseV6(text, out _), IpAddress.IsValid(text));
            if (expected)
            {
                Assert.Equal(IPAddress.Parse(text).GetAddressBytes(), bytes);
            }
        }, seed: "0000pHxY9tP1", iter: 20_000);
    }

    [Fact]
    public void A_remembered_url_parses_as_it_did_the_first_time_also_after_the_memo_is_full_and_on_other_threads()
    {
        string[] texts = ["https://Harbor.example.com:8443/v2/proxy?x", "http://10.43.0.50", "ftp://x", "https://", "https://bad_host", "http://[fd00::1]:5000"];
        var first = texts.Select(Describe).ToArray();
        for (var i = 0; i < 1_000; i++)
        {
            EndpointUrl.TryParse($"http://filler{i}.example", out _);
        }

        Assert.Equal(first, texts.Select(Describe).ToArray());
        Assert.Equal(first, texts.Select(Describe).ToArray());
        var onOtherThreads = texts.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(Describe).ToArray();
        Assert.Equal(first, onOtherThreads);
        Assert.Equal("True https Harbor.example.com 8443 /v2/proxy ?x  ", first[0]);
        Assert.StartsWith("False", first[2], StringComparison.Ordinal);
        Assert.Contains("'ftp' is not http or https", first[2], StringComparison.Ordinal);

        static string Describe(string text) => EndpointUrl.TryParse(text, out var url, out var error)
            ? $"True {url.Scheme} {url.Host} {url.Port} {url.Path} {url.Query} {error} "
            : $"False {error}";
    }
}
