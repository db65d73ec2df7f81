using System.Reflection;
using ClusterRegistry.Harbor;
using ClusterRegistry.Tests.Support;

namespace ClusterRegistry.Tests.Secrets;

public sealed class SecretTests
{
    private const string Value = "s3ntinel-Value-0xC0FFEE";

    [Fact]
    public void From_environment_resolves_the_variable_when_applied()
    {
        var secret = Secret.FromEnvironment("CR_TEST_SECRET_FROM_ENV");
        Assert.Equal(SecretSource.Environment, secret.Source);
        Assert.Equal("${CR_TEST_SECRET_FROM_ENV}", secret.Placeholder);
        Assert.Equal(Value, secret.Resolve(v => v == "CR_TEST_SECRET_FROM_ENV" ? Value : null));

        Environment.SetEnvironmentVariable("CR_TEST_SECRET_FROM_ENV", Value);
        try
        {
            Assert.Equal(Value, secret.Resolve());
        }
        finally
        {
            Environment.SetEnvironmentVariable("CR_TEST_SECRET_FROM_ENV", null);
        }

        Assert.Null(secret.Resolve());
    }

    [Fact]
    public void From_resource_output_names_the_owner_and_output()
    {
        RobotAccount? robot = null;
        LambdaStack.Build(() => robot = new RobotAccount("cluster-pull", new RobotAccountArgs { SecretVariable = "HARBOR_ROBOT_PASSWORD" }));
        var secret = Secret.FromOutput(robot!, "secret", "HARBOR_ROBOT_PASSWORD");

        Assert.Equal(SecretSource.ResourceOutput, secret.Source);
        Assert.Same(robot, secret.Owner);
        Assert.Equal(robot!.Secret, secret);
        Assert.Equal(Value, secret.Resolve(v => v == "HARBOR_ROBOT_PASSWORD" ? Value : null));
        Assert.Throws<ArgumentNullException>(() => Secret.FromOutput(null!, "secret", "X"));
    }

    [Fact]
    public void A_plain_string_becomes_a_secret_only_through_the_explicitly_named_api()
    {
        var secret = Secret.FromPlaintextUnsafe("ADMIN_PASSWORD", Value);
        Assert.Equal(SecretSource.Plaintext, secret.Source);
        Assert.Equal(Value, secret.Resolve(_ => "ignored"));

        // No other way in: no public constructor, no conversion operator, no other factory taking a value.
        var type = typeof(Secret);
        Assert.Empty(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        Assert.DoesNotContain(type.GetMethods(BindingFlags.Public | BindingFlags.Static), m => m.Name is "op_Implicit" or "op_Explicit");
        var factories = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == type)
            .Select(m => m.Name)
            .OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(["FromEnvironment", "FromOutput", "FromPlaintextUnsafe"], factories);
        Assert.DoesNotContain(type.GetProperties(), p => p.SetMethod is { IsPublic: true });
    }

    [Fact]
    public void To_string_never_reveals_the_value()
    {
        RobotAccount? robot = null;
        LambdaStack.Build(() => robot = new RobotAccount("cluster-pull", new RobotAccountArgs()));
        var plaintext = Secret.FromPlaintextUnsafe("ADMIN_PASSWORD", Value);

        Assert.Equal("[secret ADMIN_PASSWORD]", plaintext.ToString());
        Assert.Equal("[secret X]", Secret.FromEnvironment("X").ToString());
        Assert.Equal("[secret HARBOR_ROBOT_CLUSTER_PULL_SECRET from RobotAccount 'cluster-pull'.secret]", robot!.Secret.ToString());
        Assert.DoesNotContain(Value, $"{plaintext}");
        Assert.DoesNotContain(Value, plaintext.Placeholder);
    }

    [Fact]
    public void Plaintext_secrets_compare_by_value_without_showing_it()
    {
        Assert.Equal(Secret.FromPlaintextUnsafe("A", Value), Secret.FromPlaintextUnsafe("A", Value));
        Assert.NotEqual(Secret.FromPlaintextUnsafe("A", Value), Secret.FromPlaintextUnsafe("A", "other"));
        Assert.NotEqual(Secret.FromEnvironment("A"), Secret.FromPlaintextUnsafe("A", Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1ABC")]
    [InlineData("HAS-DASH")]
    [InlineData("${X}")]
    public void Bad_variable_names_are_rejected_without_echoing_a_plaintext_value(string variable)
    {
        var e = Assert.Throws<StackDefinitionException>(() => Secret.FromPlaintextUnsafe(variable, Value));
        Assert.Equal("variable", e.Property);
        Assert.DoesNotContain(Value, e.Message);
        Assert.Throws<StackDefinitionException>(() => Secret.FromEnvironment(variable));
    }
}
