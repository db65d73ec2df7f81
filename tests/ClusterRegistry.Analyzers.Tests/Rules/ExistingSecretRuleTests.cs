using ClusterRegistry.Analyzers.Tests.Infrastructure;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.CaseKind;
using static ClusterRegistry.Analyzers.Tests.Infrastructure.Fragments;

namespace ClusterRegistry.Analyzers.Tests.Rules;

/// <summary>CRG309 in the analyzer on vrozaksen/home-ops' shape: an Infisical-managed harbor-secret named from the chart values.</summary>
public class ExistingSecretRuleTests
{
    private static string Secret(string keys) => $$"""
                new ExistingSecret("harbor-secret", new ExistingSecretArgs { Namespace = "harbor", ManagedBy = SecretManager.Infisical, Keys = { {{keys}} } });
        """;

    private static string HarborWithKey(string key) => $$"""
                new HarborRegistry("harbor-b", new HarborArgs
                {
                    Values = { ["existingSecretAdminPassword"] = "harbor-secret", {{key}} },
                });
        """;

    public static readonly RuleCase[] Cases =
    {
        new("CRG309", Fires, "existingSecretAdminPasswordKey names a key the Secret lacks", Stack(extra: Secret("\"HARBOR_ADMIN_PASSWORD\", \"secretKey\"") + HarborWithKey("""[|["existingSecretAdminPasswordKey"] = "password"|]"""))),
        new("CRG309", NearMiss, "the key the Infisical template writes", Stack(extra: Secret("\"HARBOR_ADMIN_PASSWORD\", \"secretKey\"") + HarborWithKey("""["existingSecretAdminPasswordKey"] = "HARBOR_ADMIN_PASSWORD" """))),
        new("CRG309", Unknown, "the key from the environment", Stack(extra: Secret("\"HARBOR_ADMIN_PASSWORD\", \"secretKey\"") + HarborWithKey("""["existingSecretAdminPasswordKey"] = Environment.GetEnvironmentVariable("KEY")!"""))),
    };

    public static TheoryData<string> Keys => RuleCases.Keys(Cases);

    [Theory]
    [MemberData(nameof(Keys))]
    public Task Case(string key) => RuleCaseRunner.AssertAsync(RuleCases.Find(Cases, key));
}
