using System.Text.RegularExpressions;
using ClusterRegistry.Rules.Topology;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ClusterRegistry.Repository.Yaml;

/// <summary>
/// Reads typed values out of one YAML source (a file, or a patch written inline in talconfig.yaml) into <see cref="Val{T}"/>:
/// known when written in clear, unknown when SOPS-encrypted (<c>ENC[…]</c>) or when a <c>${VAR}</c> cannot be resolved.
/// Every value carries a <see cref="SourceFileLocation"/> with the line and column of its YAML node.
/// </summary>
public sealed partial class ReadContext
{
    private readonly Func<Mark, (int Line, int Column)> map;
    private readonly HashSet<string> reportedVariables = new(StringComparer.Ordinal);

    public ReadContext(string path, VariableSet? variables, List<RepositoryNotice> notices, Func<Mark, (int Line, int Column)>? map = null)
    {
        Path = path;
        Variables = variables;
        Notices = notices;
        this.map = map ?? (m => ((int)m.Line, (int)m.Column));
    }

    /// <summary>Repository-relative path every location names.</summary>
    public string Path { get; }

    /// <summary>talhelper variables (talenv.yaml and, if allowed, the environment); null where <c>${VAR}</c> is not talhelper's (Flux).</summary>
    public VariableSet? Variables { get; }

    public List<RepositoryNotice> Notices { get; }

    /// <summary>The location of a node.</summary>
    public SourceFileLocation Loc(YamlNode? node)
    {
        if (node is null)
        {
            return new SourceFileLocation(Path, 0);
        }

        var (line, column) = map(node.Start);
        return new SourceFileLocation(Path, line, column);
    }

    /// <summary>The line of a node (for notices).</summary>
    public int Line(YamlNode? node) => node is null ? 0 : map(node.Start).Line;

    /// <summary>A string value: known when clear text, unknown when encrypted, unresolved or not a scalar.</summary>
    public Val<string> Str(YamlNode? node)
    {
        var loc = Loc(node);
        if (node is not YamlScalarNode s || s.Value is null)
        {
            return Val<string>.Unknown(loc);
        }

        var text = s.Value;
        if (YamlNav.IsEncrypted(text))
        {
            return Val<string>.Unknown(loc);
        }

        return Substitute(text, node, loc);
    }

    /// <summary>A string that may be absent: absent or YAML null is known null.</summary>
    public Val<string?> OptStr(YamlNode? node)
    {
        if (YamlNav.IsNull(node))
        {
            return Val<string?>.Known(null, Loc(node));
        }

        var v = Str(node);
        return v.IsKnown ? Val<string?>.Known(v.Value, v.Location) : Val<string?>.Unknown(v.Location);
    }

    /// <summary>A boolean that may be absent (null).</summary>
    public Val<bool?> OptBool(YamlNode? node)
    {
        if (YamlNav.IsNull(node))
        {
            return Val<bool?>.Known(null, Loc(node));
        }

        var v = Str(node);
        if (!v.IsKnown)
        {
            return Val<bool?>.Unknown(v.Location);
        }

        return v.Value.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => Val<bool?>.Known(true, v.Location),
            "false" or "no" or "off" => Val<bool?>.Known(false, v.Location),
            _ => Val<bool?>.Unknown(v.Location),
        };
    }

    /// <summary>A boolean with a default when absent.</summary>
    public Val<bool> Bool(YamlNode? node, bool whenAbsent)
    {
        var v = OptBool(node);
        return v.IsKnown ? Val<bool>.Known(v.Value ?? whenAbsent, v.Location) : Val<bool>.Unknown(v.Location);
    }

    /// <summary>
    /// A secret value: never read. <c>${VAR}</c> is a variable the tool that applies the file substitutes
    /// (<see cref="SecretInfo.FromEnvironment"/>); an encrypted value is a secret whose variable is unknown; clear text is
    /// <see cref="SecretInfo.Plaintext"/> (a secret committed in clear: CRG209); absent is null.
    /// </summary>
    public Val<SecretInfo?> Secret(YamlNode? node, string what)
    {
        var loc = Loc(node);
        if (YamlNav.IsNull(node))
        {
            return Val<SecretInfo?>.Known(null, loc);
        }

        if (node is not YamlScalarNode s || s.Value is null)
        {
            return Val<SecretInfo?>.Unknown(loc);
        }

        var text = s.Value.Trim();
        if (YamlNav.IsEncrypted(text))
        {
            return Val<SecretInfo?>.Known(SecretInfo.FromEnvironment(Val<string>.Unknown(loc), loc), loc);
        }

        var m = WholeVariable().Match(text);
        if (m.Success)
        {
            return Val<SecretInfo?>.Known(SecretInfo.FromEnvironment(Val<string>.Known(m.Groups[1].Value, loc), loc), loc);
        }

        if (VariableRef().IsMatch(text))
        {
            return Val<SecretInfo?>.Known(SecretInfo.FromEnvironment(Val<string>.Unknown(loc), loc), loc);
        }

        return Val<SecretInfo?>.Known(SecretInfo.Plaintext(Val<string>.Known(what, loc), loc), loc);
    }

    private Val<string> Substitute(string text, YamlNode node, SourceFileLocation loc)
    {
        if (text.IndexOf("${", StringComparison.Ordinal) < 0)
        {
            return Val<string>.Known(text, loc);
        }

        if (Variables is null)
        {
            // Flux postBuild substitution: what the cluster substitutes is not in the file.
            return Val<string>.Unknown(loc);
        }

        var unresolved = false;
        var result = VariableRef().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            var found = Variables.Get(name);
            if (found is not { IsKnown: true } value)
            {
                unresolved = true;
                if (reportedVariables.Add(name))
                {
                    Notices.Add(new RepositoryNotice(NoticeKind.Unknown, Path, Line(node),
                        found is null ? $"${{{name}}} is not defined in talenv.yaml" + (Variables.UsesEnvironment ? " or the environment" : " (the process environment is not read without --env)") + "; its values are unknown"
                                      : $"${{{name}}} comes from an encrypted talenv file; its values are unknown"));
                }

                return m.Value;
            }

            return value.Value;
        });
        return unresolved ? Val<string>.Unknown(loc) : Val<string>.Known(result, loc);
    }

    [GeneratedRegex(@"^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeVariable();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-=][^}]*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex VariableRef();
}
