using ClusterRegistry.Probe.Oci;

namespace ClusterRegistry.Probe.Tests.Oci;

public sealed class AuthChallengeTests
{
    [Fact]
    public void Harbor_bearer_challenge_with_a_comma_in_the_quoted_scope()
    {
        var c = AuthChallenge.Parse("Bearer realm=\"https://harbor.local/service/token\",service=\"harbor-registry\",scope=\"repository:library/app:pull,push\"").Single();
        Assert.Equal("bearer", c.Scheme);
        Assert.Equal("https://harbor.local/service/token", c.Realm);
        Assert.Equal("harbor-registry", c.Service);
        Assert.Equal("repository:library/app:pull,push", c.Scope);
    }

    [Fact]
    public void Several_challenges_in_one_header_are_split_and_bearer_comes_first()
    {
        var cs = AuthChallenge.Parse("Basic realm=\"harbor\", Bearer realm=\"http://r/token\",service=\"s\",scope=\"repository:a:pull repository:b:pull\"");
        Assert.Equal(["bearer", "basic"], cs.Select(c => c.Scheme));
        Assert.Equal("repository:a:pull repository:b:pull", cs[0].Scope);
        Assert.Equal("harbor", cs[1].Realm);
    }

    [Fact]
    public void Escapes_unquoted_values_case_and_error_parameter()
    {
        var c = AuthChallenge.Parse("BEARER Realm=\"a\\\"b\", Service=reg, error=\"invalid_token\"").Single();
        Assert.Equal("bearer", c.Scheme);
        Assert.Equal("a\"b", c.Realm);
        Assert.Equal("reg", c.Service);
        Assert.Equal("invalid_token", c.Error);
    }

    [Fact]
    public void Separate_header_values_and_garbage_do_not_loop()
    {
        var cs = AuthChallenge.Parse(["Basic realm=\"x\"", "Bearer realm=\"y\"", "=== ,,, \"", ""]);
        Assert.Contains(cs, c => c.Scheme == "basic" && c.Realm == "x");
        Assert.Contains(cs, c => c.Scheme == "bearer" && c.Realm == "y");
    }

    [Fact]
    public void Token_response_prefers_a_non_empty_access_token_and_reads_expiry()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var harbor = RegistryAuthenticator.ParseToken("{\"token\":\"T\",\"access_token\":\"\",\"expires_in\":1800,\"issued_at\":\"2026-01-01T00:00:00Z\"}"u8.ToArray(), now, "t");
        Assert.Equal("T", harbor.Value);
        Assert.Equal(now.AddSeconds(1790), harbor.ExpiresAt);
        var oauth = RegistryAuthenticator.ParseToken("{\"token\":\"T\",\"access_token\":\"A\"}"u8.ToArray(), now, "t");
        Assert.Equal("A", oauth.Value);
        Assert.Equal(now.AddSeconds(50), oauth.ExpiresAt); // expires_in defaults to 60 s, minus the skew
        var stale = RegistryAuthenticator.ParseToken("{\"token\":\"T\",\"expires_in\":60,\"issued_at\":\"2020-01-01T00:00:00Z\"}"u8.ToArray(), now, "t");
        Assert.True(stale.ExpiresAt > now); // a skewed clock never makes a fresh token look expired
        var none = Assert.Throws<ClusterRegistry.Probe.Failures.ProbeFailureException>(() => RegistryAuthenticator.ParseToken("{\"access_token\":\"\"}"u8.ToArray(), now, "t"));
        Assert.Equal(ClusterRegistry.Probe.Failures.FailureClass.Unauthorized, none.Class);
    }
}
