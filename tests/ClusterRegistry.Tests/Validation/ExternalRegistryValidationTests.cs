using ClusterRegistry.Registries;
using ClusterRegistry.Tests.Support;
using ClusterRegistry.Validation;

namespace ClusterRegistry.Tests.Validation;

/// <summary>An <see cref="ExternalRegistry"/>'s URL and projects are refused when no configuration could make them work.</summary>
public sealed class ExternalRegistryValidationTests
{
    private static Stack With(Action<ExternalRegistryArgs> set) => LambdaStack.Build(() =>
    {
        var args = new ExternalRegistryArgs { Url = "https://harbor.example.com" };
        set(args);
        new ExternalRegistry("vm", args);
    });

    [Theory]
    [InlineData("Url", "harbor.example.com")]
    [InlineData("Url", "https://harbor.example.com/v2/library")]
    [InlineData("Url", "ftp://harbor.example.com")]
    [InlineData("Url", "https://user:pw@harbor.example.com")]
    public void A_url_that_is_not_scheme_host_port_is_refused_naming_it(string property, string value)
    {
        var e = Assert.Throws<StackDefinitionException>(() => StackValidator.Validate(With(a => a.Url = value)));
        Assert.Equal(("ExternalRegistry 'vm'", property, value), (e.Resource, e.Property, e.Value));
    }

    [Fact]
    public void Projects_on_a_registry_that_is_not_a_harbor_are_refused()
    {
        var e = Assert.Throws<StackDefinitionException>(() => StackValidator.Validate(With(a =>
        {
            a.Kind = ExternalRegistryKind.Zot;
            a.Projects.Add(new ExternalRegistryProject { Name = "library" });
        })));
        Assert.Equal("Projects", e.Property);
        Assert.Contains("Kind = Harbor", e.Message);
    }

    [Fact]
    public void A_proxy_upstream_that_is_not_a_registry_host_and_duplicate_projects_are_refused()
    {
        var e = Assert.Throws<StackDefinitionException>(() => StackValidator.Validate(With(a =>
            a.Projects.Add(new ExternalRegistryProject { Name = "quay", ProxyCacheUpstream = "https://quay.io" }))));
        Assert.Equal(("Projects[0].ProxyCacheUpstream", "https://quay.io"), (e.Property, e.Value));

        e = Assert.Throws<StackDefinitionException>(() => StackValidator.Validate(With(a =>
        {
            a.Projects.Add(new ExternalRegistryProject { Name = "library" });
            a.Projects.Add(new ExternalRegistryProject { Name = "library" });
        })));
        Assert.Equal(("Projects[1].Name", "library"), (e.Property, e.Value));
    }

    [Fact]
    public void Real_shapes_are_valid_and_expose_host_and_scheme()
    {
        var stack = With(a =>
        {
            a.Url = "http://harbor.devsecops.example.com:8080";
            a.Projects.Add(new ExternalRegistryProject { Name = "quay", Public = true, ProxyCacheUpstream = "quay.io" });
        });
        StackValidator.Validate(stack);
        var registry = stack.ResourcesOf<ExternalRegistry>().Single();
        Assert.Equal(("http", "harbor.devsecops.example.com:8080"), (registry.Scheme, registry.RegistryHost));
    }
}
