using ClusterRegistry.Testing.Containerd;

namespace ClusterRegistry.Doctor.Tests;

/// <summary>A theory that needs the containerd sandbox; skipped, with the reason, where it cannot run (not root, not installed).</summary>
public sealed class ContainerdTheoryAttribute : TheoryAttribute
{
    public ContainerdTheoryAttribute()
    {
        if (ContainerdProcess.WhyUnavailable() is { } why)
        {
            Skip = why;
        }
    }
}
