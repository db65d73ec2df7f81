using System.Globalization;

namespace ClusterRegistry.Charts;

/// <summary>How the OCIRepository CRD spells an <see cref="OciRepositoryProvider"/> in <c>spec.provider</c>.</summary>
public static class OciRepositoryProviderName
{
    /// <summary>
    /// <c>generic</c>, <c>aws</c>, <c>azure</c> or <c>gcp</c> (the CRD's enum); a value cast outside the enum keeps its number,
    /// which CRG001 refuses.
    /// </summary>
    public static string CrdName(this OciRepositoryProvider provider) => provider switch
    {
        OciRepositoryProvider.Generic => "generic",
        OciRepositoryProvider.Aws => "aws",
        OciRepositoryProvider.Azure => "azure",
        OciRepositoryProvider.Gcp => "gcp",
        _ => ((int)provider).ToString(CultureInfo.InvariantCulture),
    };
}
