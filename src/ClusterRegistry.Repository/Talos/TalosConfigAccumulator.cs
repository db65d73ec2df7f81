using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Repository.Talos;

/// <summary>
/// The registry-related part of one machine configuration, built up patch by patch in the order Talos applies them:
/// a later mirror, auth or TLS for the same key replaces the earlier one (a multi-document entry replaces the
/// <c>machine.registries</c> entry of the same key, as Talos's config container does), host entries and files add up.
/// </summary>
public sealed class TalosConfigAccumulator
{
    private readonly List<MirrorInfo> mirrors = new();
    private readonly List<RegistryConfigInfo> configs = new();

    public List<HostEntryInfo> HostEntries { get; } = new();

    public List<TalosFileInfo> Files { get; } = new();

    public List<CriCustomizationInfo> CriCustomizations { get; } = new();

    /// <summary>A patch used the legacy <c>machine.registries</c> or <c>extraHostEntries</c> form.</summary>
    public bool UsesLegacyRegistryFields { get; set; }

    /// <summary>
    /// Where the first <c>RegistryMirrorConfig</c>/<c>RegistryAuthConfig</c>/<c>RegistryTLSConfig</c> document is (its
    /// <c>kind</c>), or null when no patch uses them: the repository chose the v1.12 documents form, which a Talos version
    /// before v1.12 rejects as unknown kinds (CRG215).
    /// </summary>
    public object? RegistryDocumentLocation { get; set; }

    /// <summary>The first location of each other document kind read (StaticHostConfig, EtcFileConfig, CRICustomizationConfig), in reading order (CRG215).</summary>
    public List<KeyValuePair<string, object?>> DocumentKinds { get; } = new();

    /// <summary>Some patch could not be read (encrypted as a whole, refused, JSON patch on other paths): lists may be incomplete.</summary>
    public bool Incomplete { get; set; }

    /// <summary>Something was read into this configuration.</summary>
    public bool HasContent => mirrors.Count + configs.Count + HostEntries.Count + Files.Count + CriCustomizations.Count > 0;

    public void SetMirror(MirrorInfo mirror)
    {
        if (mirror.Key.TryGet(out var key))
        {
            mirrors.RemoveAll(m => m.Key.Is(key));
        }

        mirrors.Add(mirror);
    }

    /// <summary>The entry for an endpoint host, created when missing.</summary>
    public RegistryConfigInfo Config(Val<string> key, object? location)
    {
        if (key.TryGet(out var k))
        {
            foreach (var c in configs)
            {
                if (c.Key.Is(k))
                {
                    return c;
                }
            }
        }

        var created = new RegistryConfigInfo { Key = key, Location = location };
        configs.Add(created);
        return created;
    }

    /// <summary>Writes the accumulated configuration into <paramref name="patch"/>.</summary>
    public void WriteTo(TalosPatchInfo patch)
    {
        patch.Mirrors.AddRange(mirrors);
        patch.RegistryConfigs.AddRange(configs);
        patch.HostEntries.AddRange(HostEntries);
        patch.Files.AddRange(Files);
        patch.CriCustomizations.AddRange(CriCustomizations);
        patch.RendersLegacyRegistryFields = UsesLegacyRegistryFields;
        patch.DocumentKinds.AddRange(DocumentKinds);
        if (RegistryDocumentLocation is not null)
        {
            patch.DocumentsFormChosen = Val<bool>.Known(true, RegistryDocumentLocation);
        }
        if (Incomplete)
        {
            patch.Mirrors.HasUnknownEntries = true;
            patch.RegistryConfigs.HasUnknownEntries = true;
            patch.HostEntries.HasUnknownEntries = true;
            patch.Files.HasUnknownEntries = true;
            patch.CriCustomizations.HasUnknownEntries = true;
        }
    }
}
