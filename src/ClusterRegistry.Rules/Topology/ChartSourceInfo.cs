namespace ClusterRegistry.Rules.Topology;

/// <summary>An <c>OciChartSource</c> (a Flux <c>OCIRepository</c> the HelmRelease names in <c>chartRef</c>); properties start at its defaults.</summary>
public sealed class ChartSourceInfo
{
    /// <summary><c>Url</c>: <c>oci://host[:port]/path/chart</c>.</summary>
    public Val<string> Url { get; set; } = "";

    public Val<string?> Tag { get; set; } = Val<string?>.Known(null);

    public Val<string?> Semver { get; set; } = Val<string?>.Known(null);

    public Val<string?> SemverFilter { get; set; } = Val<string?>.Known(null);

    public Val<string?> Digest { get; set; } = Val<string?>.Known(null);

    /// <summary><c>Interval</c>, a Go duration (null: 5m).</summary>
    public Val<string?> Interval { get; set; } = Val<string?>.Known(null);

    public Val<ChartVerificationInfo?> Verify { get; set; } = Val<ChartVerificationInfo?>.Known(null);

    /// <summary><c>SecretName</c> (<c>spec.secretRef.name</c>): the docker-config Secret with pull credentials.</summary>
    public Val<string?> SecretName { get; set; } = Val<string?>.Known(null);

    /// <summary><c>Provider</c> (<c>spec.provider</c>) as the CRD spells it: generic, aws, azure or gcp (null: generic).</summary>
    public Val<string?> Provider { get; set; } = Val<string?>.Known(null);

    /// <summary><c>CertSecretName</c> (<c>spec.certSecretRef.name</c>).</summary>
    public Val<string?> CertSecretName { get; set; } = Val<string?>.Known(null);

    /// <summary><c>ServiceAccountName</c> (<c>spec.serviceAccountName</c>).</summary>
    public Val<string?> ServiceAccountName { get; set; } = Val<string?>.Known(null);

    /// <summary><c>Insecure</c> (<c>spec.insecure</c>): plain HTTP to the registry.</summary>
    public Val<bool> Insecure { get; set; } = false;

    /// <summary>Where the source is written (the <c>new OciChartSource</c>, or the OCIRepository object).</summary>
    public object? Location { get; set; }

    /// <summary>
    /// The chart version this source installs, as the rules that know chart versions need it: the <see cref="Tag"/>; unknown
    /// for a semver range or a digest (the version is chosen at reconcile time).
    /// </summary>
    public Val<string?> Version
    {
        get
        {
            if (!Tag.IsKnown || !Semver.IsKnown || !Digest.IsKnown)
            {
                return Val<string?>.Unknown(Location);
            }

            return Tag.Value is { } tag && Semver.Value is null && Digest.Value is null
                ? Val<string?>.Known(tag, Tag.Location)
                : Val<string?>.Unknown(First(Semver, Digest) ?? Location);
        }
    }

    private static object? First(Val<string?> a, Val<string?> b) =>
        a.IsKnown && a.Value is not null ? a.Location : b.IsKnown && b.Value is not null ? b.Location : null;

    /// <summary>The chart version a release installs: its <paramref name="source"/>'s when it has one, else <paramref name="chartVersion"/>.</summary>
    public static Val<string?> EffectiveVersion(Val<ChartSourceInfo?> source, Val<string?> chartVersion)
    {
        if (!source.IsKnown)
        {
            return Val<string?>.Unknown(source.Location);
        }

        return source.Value is { } s ? s.Version : chartVersion;
    }

    /// <summary>The chart URL a release installs from: its <paramref name="source"/>'s when it has one, else <paramref name="chartRepository"/>.</summary>
    public static Val<string> EffectiveRepository(Val<ChartSourceInfo?> source, Val<string> chartRepository)
    {
        if (!source.IsKnown)
        {
            return Val<string>.Unknown(source.Location);
        }

        return source.Value is { } s ? s.Url : chartRepository;
    }
}

/// <summary><c>ChartVerification</c> (<c>OCIRepository.spec.verify</c>).</summary>
public sealed class ChartVerificationInfo
{
    /// <summary><c>cosign</c> or <c>notation</c>.</summary>
    public Val<string> Provider { get; set; } = "cosign";

    /// <summary><c>SecretName</c> (<c>verify.secretRef.name</c>).</summary>
    public Val<string?> SecretName { get; set; } = Val<string?>.Known(null);

    public ValList<OidcIdentityInfo> MatchOidcIdentity { get; set; } = new();

    public object? Location { get; set; }
}

/// <summary>One <c>OidcIdentityMatch</c>.</summary>
public sealed class OidcIdentityInfo
{
    /// <summary>True when the entry is <c>null</c>: CRG001 refuses it, and nothing else about it is known.</summary>
    public bool IsNull { get; set; }

    public Val<string> Issuer { get; set; } = "";

    public Val<string> Subject { get; set; } = "";

    public object? Location { get; set; }
}
