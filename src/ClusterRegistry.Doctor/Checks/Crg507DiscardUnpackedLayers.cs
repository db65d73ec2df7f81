using ClusterRegistry.Doctor.Nodes;

namespace ClusterRegistry.Doctor.Checks;

/// <summary>CRG507: Spegel is declared and the node's CRI config still has <c>discard_unpacked_layers = true</c>.</summary>
public sealed class Crg507DiscardUnpackedLayers : INodeCheck
{
    public string Id => "CRG507";

    public string Title => "discard_unpacked_layers = true under Spegel";

    public IEnumerable<NodeFinding> Run(DoctorContext context)
    {
        if (!context.SpegelDeclared || context.Actual.Cri?.DiscardUnpackedLayers != true)
        {
            yield break;
        }

        yield return new NodeFinding(
            Id,
            "cri/discard_unpacked_layers",
            $"{NodePaths.CriToml} sets discard_unpacked_layers = true and the stack runs Spegel",
            "containerd deletes compressed layers once unpacked: Spegel advertises content it cannot serve, peers answer 404/500 and every pull silently goes " +
            "to the upstream registry, so the P2P mirror does nothing.",
            "Add the Spegel CRI customisation (TalosCriCustomization.SpegelKeepUnpackedLayers(): discard_unpacked_layers = false, as " +
            "/etc/cri/conf.d/20-customization.part before Talos 1.14 or a CRICustomizationConfig from 1.14) and apply it.");
    }
}
