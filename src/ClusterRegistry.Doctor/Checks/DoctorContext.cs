namespace ClusterRegistry.Doctor.Checks;

/// <summary>What every check gets: the node as expected (the stack's node view) and as found, plus the stack facts doctor needs.</summary>
public sealed class DoctorContext
{
    public required ParsedNode Expected { get; init; }

    public required ParsedNode Actual { get; init; }

    /// <summary>Whether the stack declares Spegel (CRG507).</summary>
    public required bool SpegelDeclared { get; init; }

    /// <summary>The time the node was read; ingest ages are measured against it.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>An ingest untouched for longer is stale (the seed: "&gt;5 min old").</summary>
    public TimeSpan StaleIngestAge { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The registry dirs the stack expects under hosts/ (from the node view), sorted.</summary>
    public IEnumerable<string> ExpectedDirs => Expected.HostsFiles.Keys;

    /// <summary>Whether the node keeps <paramref name="dir"/> in <c>_backup</c> and not under hosts/ (CRG508 reports it, not CRG501).</summary>
    public bool MovedToBackup(string dir) =>
        Actual.BackupFiles.ContainsKey(dir) && !(Actual.HostsFiles.TryGetValue(dir, out var h) && h.Exists);
}
