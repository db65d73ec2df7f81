using ClusterRegistry.Harbor;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Pulumi.Program;

/// <summary>
/// Where each secret of a stack comes from in the Pulumi program: a robot's <c>secret</c>/<c>fullName</c> output, or a
/// secret project config key (set with <c>pulumi config set --secret</c>). Values never pass through the emitter.
/// </summary>
public sealed class SecretReferences
{
    private readonly Dictionary<string, string> references = new(StringComparer.Ordinal);
    private readonly HashSet<string> secretVariables = new(StringComparer.Ordinal);

    /// <summary>Placeholder variable → interpolation (<c>${robot-x.secret}</c>, <c>${harborAdminPassword}</c>).</summary>
    public IReadOnlyDictionary<string, string> References => references;

    /// <summary>Every variable that carries a secret.</summary>
    public ISet<string> SecretVariables => secretVariables;

    public static SecretReferences For(Stack stack, PulumiProgram program, Func<RobotAccount, string> robotKey)
    {
        var table = new SecretReferences();
        foreach (var robot in stack.ResourcesOf<RobotAccount>())
        {
            var key = robotKey(robot);
            table.references[robot.Secret.Variable] = Expr.Ref(key, "secret");
            table.references[robot.UsernameVariable] = Expr.Ref(key, "fullName");
            table.secretVariables.Add(robot.Secret.Variable);
        }

        foreach (var secret in SecretsOf(stack))
        {
            table.secretVariables.Add(secret.Variable);
            if (table.references.ContainsKey(secret.Variable))
            {
                continue;
            }

            if (secret.Source == SecretSource.ResourceOutput)
            {
                throw new StackDefinitionException(secret.Owner?.ToString() ?? "Secret", secret.Output ?? "output", secret.Variable,
                    "only Harbor robot accounts produce secrets in the Pulumi program; declare the robot in this stack");
            }

            // Environment (and plaintext, which CRG209 reports) secrets become secret config keys: the value is set with
            // `pulumi config set --secret` and never appears in the program.
            var configKey = program.DeclareConfig(new ConfigDeclaration(Expr.ConfigKeyFromVariable(secret.Variable), "string", true, null,
                $"the secret {secret.Variable}"));
            table.references[secret.Variable] = Expr.Ref(configKey);
        }

        return table;
    }

    /// <summary>Every <see cref="Secret"/> the model holds, in declaration order.</summary>
    public static IEnumerable<Secret> SecretsOf(Stack stack)
    {
        foreach (var r in stack.Resources)
        {
            switch (r)
            {
                case HarborRegistry h when h.Args.AdminPassword is { } p:
                    yield return p;
                    break;
                case HarborProject { Args.ProxyCache.AccessSecret: { } upstreamSecret }:
                    yield return upstreamSecret;
                    break;
                case TalosMachinePatch t:
                    foreach (var (_, c) in t.Args.RegistryConfig.OrderBy(k => k.Key, StringComparer.Ordinal))
                    {
                        if (c.Auth is { } a)
                        {
                            foreach (var s in new[] { a.Password, a.Auth, a.IdentityToken })
                            {
                                if (s is not null)
                                {
                                    yield return s;
                                }
                            }
                        }

                        if (c.Tls?.ClientKey is { } k)
                        {
                            yield return k;
                        }
                    }

                    break;
            }
        }
    }
}
