using ClusterRegistry.Harbor;
using ClusterRegistry.Tests.Support;
using ClusterRegistry.Validation;

namespace ClusterRegistry.Tests.Validation;

/// <summary>The stack never generates a Secret that something else manages.</summary>
public sealed class ExistingSecretValidationTests
{
    [Fact]
    public void A_generated_admin_secret_with_the_name_of_an_existing_secret_is_refused()
    {
        var stack = LambdaStack.Build(() =>
        {
            new ExistingSecret("harbor-admin", new ExistingSecretArgs { Namespace = "harbor", ManagedBy = SecretManager.Sops });
            new HarborRegistry("harbor", new HarborArgs { AdminPassword = Secret.FromEnvironment("HARBOR_ADMIN_PASSWORD") });
        });
        var e = Assert.Throws<StackDefinitionException>(() => StackValidator.Validate(stack));
        Assert.Equal(("ExistingSecret 'harbor-admin'", "SecretName", "harbor-admin"), (e.Resource, e.Property, e.Value));
        Assert.Contains("ExistingAdminPasswordSecret", e.Message);
        Assert.DoesNotContain("HARBOR_ADMIN_PASSWORD", e.Message);
    }

    [Fact]
    public void The_same_name_in_another_namespace_is_no_collision()
    {
        StackValidator.Validate(LambdaStack.Build(() =>
        {
            new ExistingSecret("harbor-admin", new ExistingSecretArgs { Namespace = "security" });
            new HarborRegistry("harbor", new HarborArgs { AdminPassword = Secret.FromEnvironment("HARBOR_ADMIN_PASSWORD") });
        }));
    }

    [Fact]
    public void Admin_password_and_existing_admin_secret_together_are_refused()
    {
        var stack = LambdaStack.Build(() => new HarborRegistry("harbor", new HarborArgs
        {
            AdminPassword = Secret.FromEnvironment("HARBOR_ADMIN_PASSWORD"),
            ExistingAdminPasswordSecret = "harbor-secret",
        }));
        var e = Assert.Throws<StackDefinitionException>(() => StackValidator.Validate(stack));
        Assert.Equal(("HarborRegistry 'harbor'", "ExistingAdminPasswordSecret"), (e.Resource, e.Property));
    }

    [Theory]
    [InlineData("Namespace", "Harbor", "Namespace")]
    [InlineData("SecretName", "harbor_secret", "SecretName")]
    [InlineData("Keys", "password", "Keys[1]")]
    public void Bad_existing_secret_values_are_refused_naming_them(string property, string value, string path)
    {
        var stack = LambdaStack.Build(() =>
        {
            var args = new ExistingSecretArgs { Namespace = "harbor", Keys = { "password" } };
            switch (property)
            {
                case "Namespace": args.Namespace = value; break;
                case "SecretName": args.SecretName = value; break;
                default: args.Keys.Add(value); break;
            }

            new ExistingSecret("s", args);
        });
        var e = Assert.Throws<StackDefinitionException>(() => StackValidator.Validate(stack));
        Assert.Equal((path, value), (e.Property, e.Value));
    }
}
