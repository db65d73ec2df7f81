using System.Text.Json;
using ClusterRegistry.Probe.Failures;

namespace ClusterRegistry.Probe.Oci;

/// <summary>A parsed manifest or index: an index lists platform manifests, a manifest lists a config and layers.</summary>
public sealed class ManifestDocument
{
    private ManifestDocument(string mediaType, Descriptor? config, IReadOnlyList<Descriptor> layers, IReadOnlyList<Descriptor> manifests)
    {
        MediaType = mediaType;
        Config = config;
        Layers = layers;
        Manifests = manifests;
    }

    public string MediaType { get; }

    public bool IsIndex => MediaTypes.IsIndex(MediaType);

    public Descriptor? Config { get; }

    public IReadOnlyList<Descriptor> Layers { get; }

    public IReadOnlyList<Descriptor> Manifests { get; }

    /// <summary>
    /// Parses <paramref name="body"/>. The media type comes from the document's <c>mediaType</c> field when present, else from
    /// the response's Content-Type (parameters ignored), else from the shape (<c>manifests</c> means an index).
    /// </summary>
    public static ManifestDocument Parse(ReadOnlySpan<byte> body, string? contentType, string where)
    {
        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            var root = doc.RootElement;
            var mediaType = root.TryGetProperty("mediaType", out var mt) && mt.ValueKind == JsonValueKind.String ? mt.GetString() : null;
            if (string.IsNullOrEmpty(mediaType))
            {
                var ct = contentType?.Split(';')[0].Trim();
                mediaType = MediaTypes.IsIndex(ct) || MediaTypes.IsManifest(ct) ? ct
                    : root.TryGetProperty("manifests", out _) ? MediaTypes.OciIndex : MediaTypes.OciManifest;
            }

            var manifests = new List<Descriptor>();
            if (root.TryGetProperty("manifests", out var ms) && ms.ValueKind == JsonValueKind.Array)
            {
                foreach (var m in ms.EnumerateArray())
                {
                    string? os = null, arch = null, variant = null;
                    if (m.TryGetProperty("platform", out var p))
                    {
                        os = Str(p, "os");
                        arch = Str(p, "architecture");
                        variant = Str(p, "variant");
                    }

                    manifests.Add(ReadDescriptor(m) with { Os = os, Architecture = arch, Variant = variant });
                }
            }

            var config = root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? ReadDescriptor(c) : null;
            var layers = new List<Descriptor>();
            if (root.TryGetProperty("layers", out var ls) && ls.ValueKind == JsonValueKind.Array)
            {
                layers.AddRange(ls.EnumerateArray().Select(ReadDescriptor));
            }

            if (!MediaTypes.IsIndex(mediaType) && config is null)
            {
                throw new ProbeFailureException(FailureClass.RegistryError, $"{where}: the manifest has no config descriptor (media type {mediaType})");
            }

            return new ManifestDocument(mediaType!, config, layers, manifests);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new ProbeFailureException(FailureClass.RegistryError, $"{where}: the manifest is not valid JSON ({e.Message})", e);
        }
    }

    private static Descriptor ReadDescriptor(JsonElement e) =>
        new(Str(e, "mediaType") ?? "", Str(e, "digest") ?? throw new KeyNotFoundException("a descriptor has no digest"),
            e.TryGetProperty("size", out var s) && s.TryGetInt64(out var n) ? n : -1);

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
