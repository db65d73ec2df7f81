using ClusterRegistry.Doctor.Checks;
using ClusterRegistry.Doctor.Nodes;
using ClusterRegistry.Doctor.Reporting;

namespace ClusterRegistry.Doctor;

/// <summary>
/// Compares one node with the node view its stack renders for it and runs every CRG5xx check
/// (docs/rules/CRG501.md–CRG508.md).
/// </summary>
public static class NodeDoctor
{
    /// <summary>Every node check, by rule ID.</summary>
    public static IReadOnlyList<INodeCheck> Checks { get; } =
    [
        new Crg501MissingHostsDir(),
        new Crg502UndeclaredDefault(),
        new Crg503HostsTomlDiffers(),
        new Crg504MissingAuth(),
        new Crg505EtcHostsAlias(),
        new Crg506StaleIngest(),
        new Crg507DiscardUnpackedLayers(),
        new Crg508MirrorInBackup(),
    ];

    /// <summary>Reads the node through <paramref name="node"/> and diagnoses it.</summary>
    /// <exception cref="NodeInspectionException">The node could not be inspected (exit code 2).</exception>
    public static async Task<DoctorReport> RunAsync(DoctorRequest request, INodeReader node, CancellationToken cancellation)
    {
        var actual = await NodeSnapshot.ReadAsync(node, includeIngest: true, cancellation);
        if (actual.HostsDirs is null && actual.CriToml is null && actual.EtcHosts is null)
        {
            throw new NodeInspectionException(
                $"{node.Description} shows none of {NodePaths.HostsDir}, {NodePaths.CriToml}, {NodePaths.EtcHosts}: this is not a node root (for --root pass the directory that contains etc/ and var/)");
        }

        return Diagnose(request, actual, (request.Clock ?? (() => DateTimeOffset.UtcNow))());
    }

    /// <summary>Diagnoses an already read node; pure.</summary>
    public static DoctorReport Diagnose(DoctorRequest request, NodeSnapshot actual, DateTimeOffset now)
    {
        var context = new DoctorContext
        {
            Expected = new ParsedNode(request.Expected),
            Actual = new ParsedNode(actual),
            SpegelDeclared = request.SpegelDeclared,
            Now = now,
        };
        var findings = Checks
            .SelectMany(c => c.Run(context))
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ToArray();
        return new DoctorReport(request.Stack, request.Node, actual.Source, findings);
    }
}

/// <summary>What to diagnose: the node, the stack and the node view the stack renders for that node.</summary>
public sealed class DoctorRequest
{
    public required string Stack { get; init; }

    public required string Node { get; init; }

    /// <summary>The stack's node view for <see cref="Node"/>.</summary>
    public required NodeSnapshot Expected { get; init; }

    /// <summary>Whether the stack declares Spegel (CRG507).</summary>
    public required bool SpegelDeclared { get; init; }

    /// <summary>The clock ingest ages are measured with (tests pin it); UTC now by default.</summary>
    public Func<DateTimeOffset>? Clock { get; init; }
}
