namespace ClusterRegistry.Rules.Topology;

/// <summary>A <c>HarborProject</c>.</summary>
public sealed class ProjectInfo : ResourceInfo
{
    /// <summary><c>HarborProject</c>, or <c>ExternalRegistry project</c> for a project described on an external registry.</summary>
    public override string Kind => Registry.IsKnown && Registry.Value is { External: true } ? "ExternalRegistry project" : "HarborProject";

    /// <summary>The Harbor that holds the project (symbolic reference; null when unset).</summary>
    public Val<HarborInfo?> Registry { get; set; } = Val<HarborInfo?>.Known(null);

    /// <summary>The <c>ProjectName</c> argument (null: the resource name).</summary>
    public Val<string?> ProjectName { get; set; } = Val<string?>.Known(null);

    public Val<bool> Public { get; set; } = false;

    /// <summary>
    /// For a project described on an <c>ExternalRegistry</c>: the <c>Projects</c> entry is null (CRG001 refuses it). Its
    /// name and properties are then unknown, so no other rule judges it.
    /// </summary>
    public bool IsNull { get; set; }

    /// <summary>
    /// The registry host the project proxies (<c>ProxyCache.Upstream</c>, e.g. <c>docker.io</c>), or null when the project is
    /// not a proxy cache.
    /// </summary>
    public Val<string?> ProxyUpstream { get; set; } = Val<string?>.Known(null);

    /// <summary>The name in Harbor.</summary>
    public Val<string> EffectiveProjectName
    {
        get
        {
            if (!ProjectName.IsKnown)
            {
                return Val<string>.Unknown(ProjectName.Location);
            }

            return ProjectName.Value is { } p ? Val<string>.Known(p, ProjectName.Location) : Name;
        }
    }
}
