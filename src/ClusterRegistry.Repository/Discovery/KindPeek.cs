namespace ClusterRegistry.Repository.Discovery;

/// <summary>
/// What a YAML file declares, read from its text without parsing it: the <c>kind:</c> of each top-level document (lines
/// that start with <c>kind:</c> at column 0) and whether a document has a top-level <c>machine:</c> key. A home-ops
/// repository holds hundreds of Deployments, Services and app HelmReleases that say nothing about registries; the scanner
/// parses a file only when this peek says it may matter, and always when the peek cannot tell (no <c>kind:</c> line, flow
/// style, JSON): the peek only ever skips files whose every document names a kind the readers do not read.
/// </summary>
public readonly record struct KindPeek(IReadOnlyList<string> Kinds, bool HasMachine, bool HasTopLevelSequence)
{
    /// <summary>Kinds read whatever their content: Kustomizations (namespaces), chart sources, Namespaces, ConfigMaps.</summary>
    private static readonly HashSet<string> AlwaysRead = new(StringComparer.Ordinal)
    {
        "Kustomization", "HelmRepository", "OCIRepository", "GitRepository", "Namespace", "ConfigMap",
        "RegistryMirrorConfig", "RegistryAuthConfig", "RegistryTLSConfig", "StaticHostConfig", "CRICustomizationConfig", "EtcFileConfig",
    };

    public static KindPeek Of(string text)
    {
        var kinds = new List<string>();
        var machine = false;
        var sequence = false;
        var atDocumentStart = true;
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.AsSpan(start, end - start).TrimEnd('\r');
            if (line.StartsWith("kind:", StringComparison.Ordinal))
            {
                var value = line[5..];
                var hash = value.IndexOf(" #", StringComparison.Ordinal);
                if (hash >= 0)
                {
                    value = value[..hash];
                }

                kinds.Add(value.Trim().Trim("\"'").ToString());
            }
            else if (line.StartsWith("machine:", StringComparison.Ordinal))
            {
                machine = true;
            }

            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                atDocumentStart = true;
            }
            else if (atDocumentStart && !line.IsWhiteSpace() && line[0] is not ('#' or '%'))
            {
                // A document whose root is a sequence: a Talos JSON patch, or something the peek cannot name.
                sequence |= line[0] == '-' || line[0] == '[';
                atDocumentStart = false;
            }

            start = end + 1;
        }

        return new KindPeek(kinds, machine, sequence);
    }

    /// <summary>Nothing in the file can matter: every document names a kind no reader reads, and none is Talos configuration.</summary>
    public bool IsIrrelevant => Kinds.Count > 0 && !HasMachine && !HasTopLevelSequence && Kinds.All(k => !AlwaysRead.Contains(k) && k is not ("HelmRelease" or "Secret"));

    /// <summary>A file of HelmReleases (and kinds nobody reads): read only when it can be a Spegel or Harbor release.</summary>
    public bool IsOnlyReleases => Kinds.Count > 0 && !HasMachine && !HasTopLevelSequence && Kinds.Contains("HelmRelease") && Kinds.All(k => k == "HelmRelease" || (!AlwaysRead.Contains(k) && k != "Secret"));

    /// <summary>A file of Secrets (and kinds nobody reads): read only when a release takes values from a Secret it names.</summary>
    public bool IsOnlySecrets => Kinds.Count > 0 && !HasMachine && !HasTopLevelSequence && Kinds.Contains("Secret") && Kinds.All(k => k == "Secret" || (!AlwaysRead.Contains(k) && k != "HelmRelease"));
}
