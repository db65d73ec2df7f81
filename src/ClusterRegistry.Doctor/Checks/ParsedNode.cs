using ClusterRegistry.Doctor.Containerd;
using ClusterRegistry.Doctor.Etc;
using ClusterRegistry.Doctor.Nodes;

namespace ClusterRegistry.Doctor.Checks;

/// <summary>A <see cref="NodeSnapshot"/> parsed once for all checks. A file that does not parse keeps its error.</summary>
public sealed class ParsedNode
{
    public ParsedNode(NodeSnapshot snapshot)
    {
        Snapshot = snapshot;
        HostsFiles = Parse(snapshot.HostsDirs ?? new Dictionary<string, string?>());
        BackupFiles = Parse(snapshot.BackupDirs);
        if (snapshot.CriToml is not null)
        {
            try
            {
                Cri = CriConfig.Parse(snapshot.CriToml);
            }
            catch (FormatException e)
            {
                CriError = e.Message;
            }
        }

        EtcHosts = snapshot.EtcHosts is null ? null : EtcHostsFile.Parse(snapshot.EtcHosts);
    }

    public NodeSnapshot Snapshot { get; }

    /// <summary>hosts/&lt;dir&gt; → its parsed hosts.toml (missing file or parse error in <see cref="ParsedHosts"/>).</summary>
    public IReadOnlyDictionary<string, ParsedHosts> HostsFiles { get; }

    /// <summary>hosts/_backup/&lt;dir&gt; → its parsed hosts.toml.</summary>
    public IReadOnlyDictionary<string, ParsedHosts> BackupFiles { get; }

    public CriConfig? Cri { get; }

    /// <summary>Why cri.toml does not parse, when it does not.</summary>
    public string? CriError { get; }

    public EtcHostsFile? EtcHosts { get; }

    private static IReadOnlyDictionary<string, ParsedHosts> Parse(IReadOnlyDictionary<string, string?> dirs)
    {
        var result = new SortedDictionary<string, ParsedHosts>(StringComparer.Ordinal);
        foreach (var (dir, text) in dirs)
        {
            if (text is null)
            {
                result[dir] = new ParsedHosts(null, null, Exists: false);
                continue;
            }

            try
            {
                result[dir] = new ParsedHosts(HostsFile.Parse(text), null, Exists: true);
            }
            catch (FormatException e)
            {
                result[dir] = new ParsedHosts(null, e.Message, Exists: true);
            }
        }

        return result;
    }
}

/// <summary>One hosts.toml: <see cref="File"/> when it parsed, <see cref="Error"/> when it did not; <see cref="Exists"/> false when the directory has no hosts.toml.</summary>
public sealed record ParsedHosts(HostsFile? File, string? Error, bool Exists);
