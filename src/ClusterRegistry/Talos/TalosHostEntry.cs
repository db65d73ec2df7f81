namespace ClusterRegistry.Talos;

/// <summary>An <c>/etc/hosts</c> entry (<c>extraHostEntries</c> or a <c>StaticHostConfig</c> document).</summary>
public sealed class TalosHostEntry
{
    public string Ip { get; set; } = "";

    public List<string> Aliases { get; } = new();
}
