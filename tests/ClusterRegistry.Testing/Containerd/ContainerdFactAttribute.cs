using Xunit;

namespace ClusterRegistry.Testing.Containerd;

/// <summary>A fact that needs the containerd sandbox; skipped, with the reason, where it cannot run (not root, not installed).</summary>
public sealed class ContainerdFactAttribute : FactAttribute
{
    public ContainerdFactAttribute()
    {
        if (ContainerdProcess.WhyUnavailable() is { } why)
        {
            Skip = why;
        }
    }
}
