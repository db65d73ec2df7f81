using ClusterRegistry.Harbor;
using ClusterRegistry.Rules.Tests.RealStacks;
using ClusterRegistry.Topology;

namespace ClusterRegistry.Rules.Tests.Secrets;

/// <summary>
/// CRG309 on vrozaksen/home-ops' shape (Harbor's secrets in one Infisical-managed Secret, harbor-secret, named from the chart
/// values): the real configuration is clean; one key missing from the Secret fires with what the kubelet does.
/// </summary>
public sealed class ExistingSecretRuleTests
{
    /// <summary>The keys of harbor-secret in vrozaksen/home-ops infisicalsecret.yaml (commit 3256e5f2bda826eb086e82ecfb8f289de56795ce).</summary>
    private static readonly string[] InfisicalKeys =
        ["HARBOR_ADMIN_PASSWORD", "secretKey", "REGISTRY_STORAGE_S3_ACCESSKEY", "REGISTRY_STORAGE_S3_SECRETKEY", "REGISTRY_HTPASSWD", "REGISTRY_PASSWD"];

    private sealed class ShapeStack : Stack
    {
        public ShapeStack(Action build)
            : base("secret-shape")
        {
            build();
        }
    }

    private static IReadOnlyList<Finding> Run(Action build) =>
        RuleEngine.Run(SnapshotBuilder.Build(Stack.Build(() => new ShapeStack(build)))).Where(f => f.Id == "CRG309").ToList();

    private static Action Vrozaksen(string[]? keys = null, string secretNamespace = "harbor", Action<HarborArgs>? harbor = null) => () =>
    {
        var secretArgs = new ExistingSecretArgs { Namespace = secretNamespace, ManagedBy = SecretManager.Infisical };
        secretArgs.Keys.AddRange(keys ?? InfisicalKeys);
        new ExistingSecret("harbor-secret", secretArgs);
        var args = new HarborArgs
        {
            Expose = HarborExpose.Route,
            Tls = false,
            ExternalUrl = "https://registry.vzkn.eu",
            Values =
            {
                ["existingSecretAdminPassword"] = "harbor-secret",
                ["existingSecretAdminPasswordKey"] = "HARBOR_ADMIN_PASSWORD",
                ["existingSecretSecretKey"] = "harbor-secret",
                ["registry"] = new HelmValues { ["credentials"] = new HelmValues { ["existingSecret"] = "harbor-secret" } },
                ["database"] = new HelmValues { ["external"] = new HelmValues { ["existingSecret"] = "postgres-harbor-app" } },
            },
        };
        harbor?.Invoke(args);
        new HarborRegistry("harbor", args);
    };

    [Fact]
    public void The_real_infisical_secret_carries_every_key_the_chart_reads()
    {
        Assert.Empty(Run(Vrozaksen()));
        Assert.DoesNotContain(RuleEngine.Run(SnapshotBuilder.Build(RealStackCatalog.Build(typeof(VrozaksenHomeOpsStack)))), f => f.Id == "CRG309");
    }

    [Fact]
    public void A_volume_item_key_missing_from_the_secret_says_the_pod_cannot_mount()
    {
        var f = Assert.Single(Run(Vrozaksen(keys: InfisicalKeys.Where(k => k != "REGISTRY_HTPASSWD").ToArray())));
        Assert.Contains("registry.credentials.existingSecret names Secret harbor/harbor-secret", f.Message);
        Assert.Contains("always reads key 'REGISTRY_HTPASSWD'", f.Message);
        Assert.Contains("MountVolume.SetUp failed", f.Message);
    }

    [Fact]
    public void A_key_value_naming_an_absent_key_says_the_container_is_not_created()
    {
        var f = Assert.Single(Run(Vrozaksen(harbor: h => h.Values["existingSecretAdminPasswordKey"] = "password")));
        Assert.Contains("existingSecretAdminPasswordKey names key 'password'", f.Message);
        Assert.Contains("CreateContainerConfigError: couldn't find key password in Secret harbor/harbor-secret", f.Message);
        Assert.Equal("existingSecretAdminPasswordKey", f.PropertyPath);
    }

    [Fact]
    public void The_chart_default_key_is_judged_when_the_key_value_is_unset()
    {
        var f = Assert.Single(Run(Vrozaksen(keys: ["ADMIN_PASSWORD", "secretKey", "REGISTRY_HTPASSWD", "REGISTRY_PASSWD"], harbor: h => h.Values.Remove("existingSecretAdminPasswordKey"))));
        Assert.Contains("existingSecretAdminPasswordKey is unset, so the chart reads its default key 'HARBOR_ADMIN_PASSWORD'", f.Message);
    }

    [Fact]
    public void Typed_existing_admin_secret_and_key_are_judged()
    {
        var findings = Run(() =>
        {
            new ExistingSecret("harbor-admin-es", new ExistingSecretArgs { Namespace = "harbor", Keys = { "password" } });
            new HarborRegistry("harbor", new HarborArgs { ExistingAdminPasswordSecret = "harbor-admin-es" });
        });
        Assert.Contains("HARBOR_ADMIN_PASSWORD", Assert.Single(findings).Message);

        Assert.Empty(Run(() =>
        {
            new ExistingSecret("harbor-admin-es", new ExistingSecretArgs { Namespace = "harbor", Keys = { "password" } });
            new HarborRegistry("harbor", new HarborArgs { ExistingAdminPasswordSecret = "harbor-admin-es", ExistingAdminPasswordSecretKey = "password" });
        }));
    }

    [Fact]
    public void Silent_when_the_keys_are_not_listed_or_the_secret_is_in_another_namespace()
    {
        Assert.Empty(Run(Vrozaksen(keys: [])));
        Assert.Empty(Run(Vrozaksen(keys: ["password"], secretNamespace: "security")));
    }

    [Fact]
    public void Extra_values_reach_the_rule_and_the_values_tree_wins_over_them()
    {
        Assert.Single(Run(Vrozaksen(harbor: h =>
        {
            h.Values.Remove("existingSecretAdminPasswordKey");
            h.ExtraValues["existingSecretAdminPasswordKey"] = "admin-password";
        })));
        Assert.Empty(Run(Vrozaksen(harbor: h => h.ExtraValues["existingSecretAdminPasswordKey"] = "admin-password")));
    }
}
