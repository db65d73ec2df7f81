using System.Text.RegularExpressions;

namespace ClusterRegistry.Rules.Values;

/// <summary>The value shapes of a Flux <c>OCIRepository</c> (source-controller's CRD and the OCI distribution spec).</summary>
public static class ChartSourceValues
{
    private const string DirectHelm = "a direct Helm release (Delivery = ReleaseDelivery.Helm) installs the chart once with Helm";

    /// <summary>Why a direct Helm release cannot have <c>Verify</c>: Helm installs an OCI chart without checking a signature; only Flux's OCIRepository (<c>spec.verify</c>) does.</summary>
    public const string DirectHelmVerify = DirectHelm + " and cannot verify its signature, which only Flux's OCIRepository does; use Delivery = ReleaseDelivery.Flux or drop Verify";

    /// <summary>Why a direct Helm release cannot have <c>SemverFilter</c>: Helm's version constraint has no tag filter.</summary>
    public const string DirectHelmSemverFilter = DirectHelm + ", whose version constraint has no tag filter; use Delivery = ReleaseDelivery.Flux or a Semver range without the filter";

    /// <summary>Why a direct Helm release cannot have <c>Digest</c>: Helm picks a chart by version.</summary>
    public const string DirectHelmDigest = DirectHelm + " by chart version and cannot pin an artifact digest here; use Delivery = ReleaseDelivery.Flux or a Tag";

    /// <summary>Why a direct Helm release cannot have <c>Interval</c>: nothing polls for new versions.</summary>
    public const string DirectHelmInterval = DirectHelm + " and never polls for new versions, so an interval would do nothing; use Delivery = ReleaseDelivery.Flux or drop Interval";

    /// <summary>Why a direct Helm release cannot have a pull Secret: Helm logs in from the machine running pulumi, not with a cluster Secret.</summary>
    public const string DirectHelmSecretName = DirectHelm + " from the machine running pulumi, which cannot read the pull Secret Flux's OCIRepository would use; use Delivery = ReleaseDelivery.Flux, or log that machine in to the registry (helm registry login) and drop SecretName";

    /// <summary>Why a direct Helm release cannot have a cloud provider: Helm has no cloud registry login.</summary>
    public const string DirectHelmProvider = DirectHelm + " and has no cloud registry login; use Delivery = ReleaseDelivery.Flux, or log the machine running pulumi in to the registry and drop Provider";

    /// <summary>Why a direct Helm release cannot have a certificate Secret.</summary>
    public const string DirectHelmCertSecretName = DirectHelm + " from the machine running pulumi, which cannot read the certificate Secret Flux's OCIRepository would use; use Delivery = ReleaseDelivery.Flux or drop CertSecretName";

    /// <summary>Why a direct Helm release cannot pull as a ServiceAccount.</summary>
    public const string DirectHelmServiceAccountName = DirectHelm + " from the machine running pulumi, not as a ServiceAccount in the cluster; use Delivery = ReleaseDelivery.Flux or drop ServiceAccountName";

    /// <summary>Why a direct Helm release cannot reach an OCI registry over plain HTTP.</summary>
    public const string DirectHelmInsecure = DirectHelm + ", whose release has no plain-HTTP switch for an OCI registry; use Delivery = ReleaseDelivery.Flux or serve the registry over TLS";

    /// <summary>Why a direct Helm release cannot have Flux post-renderers: helm-controller applies them in the cluster.</summary>
    public const string DirectHelmPostRenderers = "a direct Helm release (Delivery = ReleaseDelivery.Helm) cannot apply Flux post-renderers, which helm-controller runs in the cluster; use Delivery = ReleaseDelivery.Flux or move the change into Values";

    // The CRD's pattern for spec.interval.
    private static readonly Regex Interval = new("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$", RegexOptions.CultureInvariant);

    // OCI image spec registered algorithms: sha256 (64 hex) and sha512 (128 hex), lowercase.
    private static readonly Regex Digest = new("^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$", RegexOptions.CultureInvariant);

    /// <summary><c>oci://host[:port]/path</c>: a registry host and a repository path naming the chart.</summary>
    public static bool IsOciUrl(string? url)
    {
        const string scheme = "oci://";
        if (url is null || !url.StartsWith(scheme, System.StringComparison.Ordinal))
        {
            return false;
        }

        var rest = url.Substring(scheme.Length).TrimEnd('/');
        var slash = rest.IndexOf('/');
        if (slash <= 0 || slash == rest.Length - 1 || rest.IndexOf('?') >= 0 || rest.IndexOf('#') >= 0 || rest.IndexOf('@') >= 0 || rest.IndexOf(' ') >= 0)
        {
            return false;
        }

        return EndpointUrl.TryParse("https://" + rest, out _);
    }

    public static bool IsInterval(string? value) => value is not null && Interval.IsMatch(value);

    public static bool IsTag(string? value) => ImageReference.IsTag(value);

    public static bool IsDigest(string? value) => value is not null && Digest.IsMatch(value);
}
