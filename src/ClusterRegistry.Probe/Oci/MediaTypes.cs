namespace ClusterRegistry.Probe.Oci;

/// <summary>Manifest and index media types, and containerd's Accept list for resolving a reference.</summary>
public static class MediaTypes
{
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    /// <summary>containerd <c>resolver.go</c>'s Accept header, in its exact order.</summary>
    public static readonly string[] ResolveAccept = [DockerManifest, DockerManifestList, OciManifest, OciIndex, "*/*"];

    /// <summary>containerd's cap on a manifest body (<c>MaxManifestSize = 4*1048*1048</c>).</summary>
    public const long MaxManifestSize = 4 * 1048 * 1048;

    public static bool IsIndex(string? mediaType) => mediaType is DockerManifestList or OciIndex;

    public static bool IsManifest(string? mediaType) => mediaType is DockerManifest or OciManifest;
}
