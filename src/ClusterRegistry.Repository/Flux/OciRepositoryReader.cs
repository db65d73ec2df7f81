using ClusterRegistry.Repository.Yaml;
using ClusterRegistry.Rules.Topology;
using YamlDotNet.RepresentationModel;

namespace ClusterRegistry.Repository.Flux;

/// <summary>
/// A Flux <c>OCIRepository</c> (source.toolkit.fluxcd.io) that a HelmRelease names in <c>spec.chartRef</c> → the model's
/// chart source (<see cref="ChartSourceInfo"/>, the stack's <c>OciChartSource</c>): url, ref (tag, semver, semverFilter,
/// digest), interval, verify and the pull credentials (secretRef, provider, certSecretRef, serviceAccountName, insecure).
/// Fields the model does not have are listed by <see cref="NotModelled"/>.
/// </summary>
public static class OciRepositoryReader
{
    /// <summary>The <c>spec</c> keys the model expresses; <c>layerSelector</c> is always the Helm chart layer, which the renderer writes.</summary>
    private static readonly HashSet<string> Modelled = new(StringComparer.Ordinal) 
    {
        "url", "ref", "interval", "verify", "layerSelector", "secretRef", "provider", "certSecretRef", "serviceAccountName", "insecure",
    };

    /// <summary>The <c>verify</c> keys the model expresses.</summary>
    private static readonly HashSet<string> ModelledVerify = new(StringComparer.Ordinal) { "provider", "secretRef", "matchOIDCIdentity" };

    public static bool IsOciRepository(FluxObject? o) =>
        o is not null && o.Kind == "OCIRepository" && o.ApiVersion.StartsWith("source.toolkit.fluxcd.io/", StringComparison.Ordinal);

    public static ChartSourceInfo Read(FluxObject source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var ctx = source.Context;
        var spec = YamlNav.Get(source.Document, "spec");
        var reference = YamlNav.Get(spec, "ref");
        var info = new ChartSourceInfo
        {
            Url = YamlNav.Get(spec, "url") is { } url ? ctx.Str(url) : Val<string>.Unknown(ctx.Loc(source.NameNode)),
            Tag = ctx.OptStr(YamlNav.Get(reference, "tag")),
            Semver = ctx.OptStr(YamlNav.Get(reference, "semver")),
            SemverFilter = ctx.OptStr(YamlNav.Get(reference, "semverFilter")),
            Digest = ctx.OptStr(YamlNav.Get(reference, "digest")),
            Interval = ctx.OptStr(YamlNav.Get(spec, "interval")),
            SecretName = ctx.OptStr(YamlNav.At(spec, "secretRef", "name")),
            Provider = ctx.OptStr(YamlNav.Get(spec, "provider")),
            CertSecretName = ctx.OptStr(YamlNav.At(spec, "certSecretRef", "name")),
            ServiceAccountName = ctx.OptStr(YamlNav.Get(spec, "serviceAccountName")),
            Insecure = ctx.Bool(YamlNav.Get(spec, "insecure"), whenAbsent: false),
            Location = ctx.Loc(source.NameNode),
        };

        if (YamlNav.Get(spec, "verify") is { } verify && !YamlNav.IsNull(verify))
        {
            var provider = YamlNav.Get(verify, "provider");
            var v = new ChartVerificationInfo
            {
                // Flux's default provider is cosign.
                Provider = provider is null ? Val<string>.Known("cosign", ctx.Loc(verify)) : ctx.Str(provider),
                SecretName = ctx.OptStr(YamlNav.At(verify, "secretRef", "name")),
                Location = ctx.Loc(verify),
            };
            var matches = YamlNav.Get(verify, "matchOIDCIdentity");
            v.MatchOidcIdentity = new ValList<OidcIdentityInfo> { Location = ctx.Loc(matches ?? verify) };
            foreach (var m in YamlNav.Items(matches))
            {
                v.MatchOidcIdentity.Add(new OidcIdentityInfo
                {
                    Issuer = ctx.Str(YamlNav.Get(m, "issuer")),
                    Subject = ctx.Str(YamlNav.Get(m, "subject")),
                    Location = ctx.Loc(m),
                });
            }

            info.Verify = Val<ChartVerificationInfo?>.Known(v, ctx.Loc(verify));
        }

        return info;
    }

    /// <summary>
    /// The OCIRepository fields the model does not express (<c>ignore</c>, <c>timeout</c>, <c>proxySecretRef</c>,
    /// <c>suspend</c>, …), one line each, with file and line, so an import says what it left behind.
    /// </summary>
    public static IReadOnlyList<string> NotModelled(FluxObject source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var ctx = source.Context;
        var spec = YamlNav.Get(source.Document, "spec");
        var lines = new List<string>();
        foreach (var (key, value) in YamlNav.Entries(spec))
        {
            var name = YamlNav.Text(key) ?? "";
            if (!Modelled.Contains(name))
            {
                lines.Add($"{source.Source.RelativePath}:{ctx.Line(key)}: OCIRepository '{source.Name}': spec.{name} ({Shown(value)}) is not modelled by OciChartSource; not imported");
            }
        }

        foreach (var (key, value) in YamlNav.Entries(YamlNav.Get(spec, "verify")))
        {
            var name = YamlNav.Text(key) ?? "";
            if (!ModelledVerify.Contains(name))
            {
                lines.Add($"{source.Source.RelativePath}:{ctx.Line(key)}: OCIRepository '{source.Name}': spec.verify.{name} ({Shown(value)}) is not modelled by ChartVerification; not imported");
            }
        }

        return lines;
    }

    private static string Shown(YamlNode value) => YamlNav.Text(value) is { } text
        ? (YamlNav.IsEncrypted(text) ? "encrypted" : text.Length > 60 ? text[..60] + "…" : text)
        : YamlNav.Get(value, "name") is { } name && YamlNav.Text(name) is { } n ? "name " + n : "a structure";
}
