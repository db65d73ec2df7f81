using ClusterRegistry.Pulumi.Program;

using ClusterRegistry.Pulumi.Tests.Validation;

namespace ClusterRegistry.Pulumi.Tests;

public sealed class ExprTests
{
    private static readonly Dictionary<string, string> Refs = new(StringComparer.Ordinal)
    {
        ["HARBOR_ROBOT_PASSWORD"] = "${robot-cluster-pull.secret}",
    };

    [Theory]
    [InlineData("robot$cluster-pull", "robot$$cluster-pull")]
    [InlineData("plain", "plain")]
    [InlineData("$${x}", "$$$${x}")]
    public void Literals_double_every_dollar(string text, string expected)
    {
        Assert.Equal(expected, Expr.Literal(text));
        Assert.Empty(ProgramValidator.References(Expr.Literal(text)));
    }

    [Fact]
    public void Known_placeholders_become_references_and_other_dollars_stay_literal()
    {
        var result = Expr.Interpolate("user: robot$x\npassword: ${HARBOR_ROBOT_PASSWORD}\nother: ${NOT_A_SECRET}", Refs, new HashSet<string> { "HARBOR_ROBOT_PASSWORD" });
        Assert.Equal("user: robot$$x\npassword: ${robot-cluster-pull.secret}\nother: $${NOT_A_SECRET}", result);
        Assert.Equal(new[] { "robot-cluster-pull.secret" }, ProgramValidator.References(result));
    }

    [Fact]
    public void A_secret_placeholder_without_a_source_is_an_error_that_names_it()
    {
        var e = Assert.Throws<StackDefinitionException>(() =>
            Expr.Interpolate("${OTHER_SECRET}", Refs, new HashSet<string> { "OTHER_SECRET" }));
        Assert.Contains("OTHER_SECRET", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("192.168.1.98", "192-168-1-98")]
    [InlineData("fd00::1", "fd00--1")]
    [InlineData("Machine_Network", "machine-network")]
    public void Slugs_are_reference_safe(string text, string slug) => Assert.Equal(slug, Expr.Slug(text));

    [Fact]
    public void Config_keys_come_from_variable_names() => Assert.Equal("harborAdminPassword", Expr.ConfigKeyFromVariable("HARBOR_ADMIN_PASSWORD"));

    [Fact]
    public void Rendered_yaml_documents_parse_with_go_yaml_scalar_rules()
    {
        var docs = YamlDocuments.Parse("machine:\n  files:\n    - permissions: 0o644\n      op: create\n      content: \"true\"\n      flag: true\n---\napiVersion: v1alpha1\nkind: StaticHostConfig\nname: 10.43.216.243\nhostnames: [harbor.harbor.svc.cluster.local]\n");
        Assert.Equal(2, docs.Count);
        var file = docs[0]["machine"]!["files"]![0]!;
        Assert.Equal(420, (long)file["permissions"]!);
        Assert.Equal("true", (string)file["content"]!);
        Assert.True((bool)file["flag"]!);
        Assert.Equal("10.43.216.243", (string)docs[1]["name"]!);
    }
}
