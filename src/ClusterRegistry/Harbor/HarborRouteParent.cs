namespace ClusterRegistry.Harbor;

/// <summary>A Gateway an HTTPRoute attaches to (<c>expose.route.parentRefs[]</c> of the Harbor chart).</summary>
public sealed class HarborRouteParent
{
    /// <summary>The Gateway's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The Gateway's namespace (null: the route's namespace).</summary>
    public string? Namespace { get; set; }

    /// <summary>The Gateway listener (<c>sectionName</c>), e.g. <c>https</c>; null attaches to every listener.</summary>
    public string? SectionName { get; set; }
}
