using ClusterRegistry.Harbor;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;
using ClusterRegistry.Tests.Support;

namespace ClusterRegistry.Tests.Model;

public sealed class StackRegistrationTests
{
    [Fact]
    public void Resources_created_in_the_constructor_register_with_that_stack_in_declaration_order()
    {
        HarborRegistry? harbor = null;
        RobotAccount? robot = null;
        SpegelRelease? spegel = null;
        var stack = LambdaStack.Build(() =>
        {
            harbor = new HarborRegistry("harbor", new HarborArgs());
            robot = new RobotAccount("pull", new RobotAccountArgs { Registry = harbor });
            spegel = new SpegelRelease("spegel", new SpegelArgs());
        });

        Assert.Equal(new Resource[] { harbor!, robot!, spegel! }, stack.Resources);
        Assert.All(stack.Resources, r => Assert.Same(stack, r.Stack));
        Assert.Same(robot, Assert.Single(stack.ResourcesOf<RobotAccount>()));
        Assert.Empty(stack.ResourcesOf<TalosMachinePatch>());
    }

    [Fact]
    public void Two_stacks_keep_their_own_resources()
    {
        var a = LambdaStack.Build(() => new HarborRegistry("harbor", new HarborArgs()), "a");
        var b = LambdaStack.Build(() => new SpegelRelease("spegel", new SpegelArgs()), "b");

        Assert.IsType<HarborRegistry>(Assert.Single(a.Resources));
        Assert.IsType<SpegelRelease>(Assert.Single(b.Resources));
        Assert.Same(b, b.Resources[0].Stack);
    }

    [Fact]
    public void A_resource_created_outside_a_stack_constructor_is_rejected()
    {
        LambdaStack.Build(() => { });

        var e = Assert.Throws<StackDefinitionException>(() => new HarborRegistry("stray", new HarborArgs()));
        Assert.Equal("stray", e.Resource);
        Assert.Contains("inside the constructor of a Stack", e.Message);
    }

    [Fact]
    public void The_registration_window_closes_even_when_the_constructor_throws()
    {
        Assert.Throws<InvalidOperationException>(() => LambdaStack.Build(() => throw new InvalidOperationException("boom")));
        Assert.Throws<StackDefinitionException>(() => new SpegelRelease("late", new SpegelArgs()));
    }

    [Fact]
    public void Duplicate_names_of_one_kind_are_rejected_naming_resource_property_and_value()
    {
        var e = Assert.Throws<StackDefinitionException>(() => LambdaStack.Build(() =>
        {
            new HarborRegistry("harbor", new HarborArgs());
            new HarborRegistry("harbor", new HarborArgs { Namespace = "other" });
        }, "dupes"));

        Assert.Equal("HarborRegistry 'harbor'", e.Resource);
        Assert.Equal("Name", e.Property);
        Assert.Equal("harbor", e.Value);
        Assert.Equal("HarborRegistry 'harbor': Name = 'harbor': two HarborRegistry resources are named 'harbor' in stack 'dupes' (CRG002)", e.Message);
    }

    [Fact]
    public void The_same_name_on_different_kinds_is_allowed()
    {
        var stack = LambdaStack.Build(() =>
        {
            var h = new HarborRegistry("harbor", new HarborArgs());
            new HarborProject("harbor", new HarborProjectArgs { Registry = h });
        });

        Assert.Equal(2, stack.Resources.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_names_are_rejected(string name)
    {
        var e = Assert.Throws<StackDefinitionException>(() => LambdaStack.Build(() => new SpegelRelease(name, new SpegelArgs())));
        Assert.Equal("name", e.Property);
        Assert.Throws<StackDefinitionException>(() => LambdaStack.Build(() => { }, name));
    }

    [Fact]
    public void Null_args_are_rejected_naming_the_resource()
    {
        var e = Assert.Throws<StackDefinitionException>(() => LambdaStack.Build(() => new TalosMachinePatch("patch", null!)));
        Assert.Equal("patch", e.Resource);
        Assert.Equal("args", e.Property);
    }

    [Fact]
    public void Source_location_is_recorded_repository_relative()
    {
        var stack = LambdaStack.Build(() => new HarborRegistry("harbor", new HarborArgs()));
        var source = stack.Resources[0].Source;

        Assert.True(source.IsKnown);
        Assert.Equal("tests/ClusterRegistry.Tests/Model/StackRegistrationTests.cs", source.RelativePath);
    }

    [Fact]
    public void Catalog_builds_stacks_by_name_and_lists_known_names_sorted()
    {
        var catalog = new StackCatalog()
            .Add("zeta", () => new LambdaStack("zeta", () => new SpegelRelease("spegel", new SpegelArgs())))
            .Add("alpha", () => new LambdaStack("alpha", () => { }));

        Assert.Equal(["alpha", "zeta"], catalog.Names);
        Assert.Single(catalog.Build("zeta").Resources);
        var e = Assert.Throws<KeyNotFoundException>(() => catalog.Build("nope"));
        Assert.Contains("alpha, zeta", e.Message);
    }
}
