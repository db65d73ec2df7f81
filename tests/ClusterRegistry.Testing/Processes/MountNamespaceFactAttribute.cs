using Xunit;

namespace ClusterRegistry.Testing.Processes;

/// <summary>A fact that needs <see cref="MountNamespace"/>; skipped, with the reason, where it cannot run (not root, no unshare).</summary>
public sealed class MountNamespaceFactAttribute : FactAttribute
{
    public MountNamespaceFactAttribute()
    {
        if (MountNamespace.WhyUnavailable() is { } why)
        {
            Skip = why;
        }
    }
}
