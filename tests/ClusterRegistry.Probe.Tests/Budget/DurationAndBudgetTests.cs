using System.Net.Http;
using System.Net.Sockets;
using ClusterRegistry.Probe.Budget;
using ClusterRegistry.Probe.Failures;

namespace ClusterRegistry.Probe.Tests.Budget;

public sealed class DurationAndBudgetTests
{
    [Theory]
    [InlineData("542ms", 542)]
    [InlineData("1s", 1000)]
    [InlineData("1.5s", 1500)]
    [InlineData("2m", 120_000)]
    [InlineData("1m0.809s", 60_809)]
    [InlineData("4.614356447s", 4614.356447)]
    [InlineData("1h", 3_600_000)]
    [InlineData("250µs", 0.25)]
    public void Parses_go_style_durations(string text, double ms)
    {
        Assert.True(DurationText.TryParse(text, out var d));
        Assert.Equal(ms, d.TotalMilliseconds, 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1sec")]
    [InlineData("ms")]
    public void Rejects_non_durations(string text) => Assert.False(DurationText.TryParse(text, out _));

    [Fact]
    public void Exit_code_is_0_within_1_over_2_failed_and_the_worst_of_several()
    {
        var within = new ProbeResult { Image = "i", Via = ProbeVia.Registry, BudgetMs = 1000, DurationMs = 999 };
        var over = new ProbeResult { Image = "i", Via = ProbeVia.Registry, BudgetMs = 1000, DurationMs = 1001 };
        var failed = new ProbeResult { Image = "i", Via = ProbeVia.Registry, BudgetMs = 1000, DurationMs = 5, Failure = new(FailureClass.Timeout, "t") };
        Assert.Equal(0, BudgetGate.ExitCode(within));
        Assert.Equal(1, BudgetGate.ExitCode(over));
        Assert.Equal(2, BudgetGate.ExitCode(failed));
        Assert.False(failed.WithinBudget);
        Assert.Equal(1, BudgetGate.ExitCode([within, over]));
        Assert.Equal(2, BudgetGate.ExitCode([over, failed, within]));
    }

    [Fact]
    public void Dns_failures_are_classified_from_the_socket_error()
    {
        // Live DNS lookups would leave loopback, so the exception HttpClient raises is built here.
        var e = new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (harbor.invalid:443)", new SocketException((int)SocketError.HostNotFound));
        var f = FailureClassifier.Classify(e, "GET https://harbor.invalid/v2/");
        Assert.Equal(FailureClass.Dns, f.Class);
        Assert.Contains("does not resolve", f.Message);
        Assert.Equal("dns: GET https://harbor.invalid/v2/: the name does not resolve (" + new SocketException((int)SocketError.HostNotFound).Message + ")", FailureClassifier.Describe(f));
    }

    [Theory]
    [InlineData(FailureClass.ConnectionRefused, "connection-refused")]
    [InlineData(FailureClass.ManifestNotFound, "manifest-not-found")]
    [InlineData(FailureClass.Dns, "dns")]
    public void Failure_classes_print_in_kebab_case(FailureClass c, string text) => Assert.Equal(text, FailureClassifier.Kebab(c));
}
