namespace ClusterRegistry.Analyzers.Tests.Editor;

/// <summary>A fact that drives the csharp-ls language server; skipped, with the reason, where it is not installed.</summary>
public sealed class CsharpLsFactAttribute : FactAttribute
{
    public CsharpLsFactAttribute()
    {
        if (CsharpLs.WhyUnavailable() is { } why)
        {
            Skip = why;
        }
    }
}
