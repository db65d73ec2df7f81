using ClusterRegistry.Rules.Topology;
using static ClusterRegistry.Rules.Tests.GoodSnapshot;

namespace ClusterRegistry.Rules.Tests.Rules;

/// <summary>
/// CRG215: registry settings a Talos version does not have (skipFallback &lt; v1.9, overridePath &lt; v1.3, documents
/// &lt; v1.12) and a RegistryAuthConfig with two auth kinds; each with the near miss at the first version that has it.
/// </summary>
public sealed class TalosVersionLimitRuleTests
{
    private static GoodSnapshot At(string version)
    {
        var g = new GoodSnapshot();
        g.Patch.TalosVersion = V(version, "L:patch.TalosVersion");
        return g;
    }

    [Theory]
    [InlineData("v1.8", true)]
    [InlineData("v1.9", false)]
    [InlineData("v1.13", false)]
    public void SkipFallback_needs_talos_1_9(string version, bool fires)
    {
        var g = At(version);
        g.Mirror.SkipFallback = Val.Known<bool?>(true, "L:mirror.SkipFallback");
        var findings = g.Run("CRG215");
        if (!fires)
        {
            Assert.Empty(findings);
            return;
        }

        var f = Assert.Single(findings);
        Assert.EndsWith(".SkipFallback", f.PropertyPath, StringComparison.Ordinal);
        Assert.Equal("true", f.Value);
        Assert.Contains("#9723", f.Message, StringComparison.Ordinal);
        Assert.Equal("L:mirror.SkipFallback", f.Location);
    }

    [Theory]
    [InlineData("v1.2", true)]
    [InlineData("v1.3", false)]
    public void OverridePath_needs_talos_1_3(string version, bool fires)
    {
        var g = At(version);
        g.Mirror.OverridePath = Val.Known<bool?>(false, "L:mirror.OverridePath");
        Assert.Equal(fires ? 1 : 0, g.Run("CRG215").Count);
    }

    [Fact]
    public void Unset_settings_and_unknown_versions_say_nothing()
    {
        Assert.Empty(At("v1.2").Run("CRG215"));
        var g = new GoodSnapshot();
        g.Patch.TalosVersion = U<string>();
        g.Mirror.SkipFallback = Val.Known<bool?>(true);
        Assert.Empty(g.Run("CRG215"));
    }

    [Theory]
    [InlineData("v1.11", true)]
    [InlineData("v1.12", false)]
    public void The_documents_form_needs_talos_1_12(string version, bool fires)
    {
        var g = At(version);
        g.Patch.DocumentsFormChosen = Val.Known(true, "L:patch.RegistryConfigForm");
        var findings = g.Run("CRG215");
        Assert.Equal(fires ? 1 : 0, findings.Count);
        if (fires)
        {
            Assert.Equal("RegistryConfigForm", findings[0].PropertyPath);
            Assert.Equal("Documents", findings[0].Value);
        }
    }

    [Fact]
    public void Two_auth_kinds_in_a_RegistryAuthConfig_fire_and_the_legacy_form_does_not()
    {
        var g = At("v1.12");
        g.Auth.IdentityToken = Val.Known<SecretInfo?>(SecretInfo.FromEnvironment(V("HARBOR_TOKEN", "L:x"), "L:token"));
        // The good snapshot shares one auth between its two endpoint hosts: one finding per RegistryAuthConfig document.
        var findings = g.Run("CRG215");
        Assert.Equal(2, findings.Count);
        var f = findings[0];
        Assert.EndsWith(".Auth", f.PropertyPath, StringComparison.Ordinal);
        Assert.Equal("username/password+identityToken", f.Value);

        // Before v1.12 (machine.registries) and with the legacy form kept on v1.12, no RegistryAuthConfig is rendered.
        var old = At("v1.11");
        old.Auth.IdentityToken = g.Auth.IdentityToken;
        Assert.Empty(old.Run("CRG215"));
        var legacy = At("v1.12");
        legacy.Patch.LegacyRegistryFormChosen = true;
        legacy.Auth.IdentityToken = g.Auth.IdentityToken;
        Assert.Empty(legacy.Run("CRG215"));
    }

    [Fact]
    public void Near_miss_username_and_password_alone_on_the_documents_form()
    {
        Assert.Empty(At("v1.13").Run("CRG215"));
    }
}
