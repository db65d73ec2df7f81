using System.Globalization;
using ClusterRegistry.Doctor.Nodes;

namespace ClusterRegistry.Doctor.Checks;

/// <summary>CRG506: containerd's content <c>ingest/</c> holds entries older than 5 minutes (the seed's "Stale containerd downloads").</summary>
public sealed class Crg506StaleIngest : INodeCheck
{
    public string Id => "CRG506";

    public string Title => "stale containerd ingests";

    public IEnumerable<NodeFinding> Run(DoctorContext context)
    {
        var stale = (context.Actual.Snapshot.Ingests ?? [])
            .Where(e => e.LastModified is { } t && context.Now - t > context.StaleIngestAge)
            .Select(e => $"{e.Name} ({Age(context.Now - e.LastModified!.Value)} old)")
            .ToArray();
        if (stale.Length == 0)
        {
            yield break;
        }

        yield return new NodeFinding(
            Id,
            "ingest",
            $"{NodePaths.Ingest} holds {stale.Length} entr{(stale.Length == 1 ? "y" : "ies")} untouched for more than {context.StaleIngestAge.TotalMinutes:0} minutes: {string.Join(", ", stale)}",
            "each ingest is a download containerd still holds a lock on; a download that stalled keeps its lock, and later pulls of the same layer wait on it: pulls hang.",
            "Reboot the node (`talosctl -n <node> reboot`), as the runbook says; containerd starts with an empty ingest folder.");
    }

    private static string Age(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h{t.Minutes:00}m")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}m{t.Seconds:00}s");
}
