using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using ClusterRegistry.Harbor;
using ClusterRegistry.Rendering.Flux;
using ClusterRegistry.Rendering.Talos;
using ClusterRegistry.Rendering.Yaml;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Pulumi.Sources;

/// <summary>
/// The documents of the GitOps renderers (ClusterRegistry.Rendering), so that <c>synth</c> and <c>pulumi up</c> deploy
/// the same patch, objects and values: <see cref="TalosPatchRenderer"/> for the Talos patch, <see cref="Rendering.Flux.FluxObjects"/>
/// with <see cref="HarborValues"/>/<see cref="SpegelValues"/> for the releases.
/// </summary>
public sealed class RenderedManifestSource : IManifestSource
{
    public IReadOnlyList<JsonObject> TalosPatchDocuments(TalosMachinePatch patch) =>
        TalosPatchRenderer.Documents(patch, new TalosPatchOptions { UsernamesThroughVariables = true }).Select(ToJson).ToList();

    public IReadOnlyList<JsonObject> FluxObjects(HarborRegistry harbor)
    {
        var ns = harbor.Args.Namespace;
        var source = ReleaseChartSource.For(harbor);
        return new[]
        {
            ToJson(source.Source),
            ToJson(Rendering.Flux.FluxObjects.HelmRelease(harbor.Name, ns, source.ChartSpec, HarborValues.Build(harbor), HarborValues.PostRenderers(harbor))),
        };
    }

    public IReadOnlyList<JsonObject> FluxObjects(SpegelRelease spegel)
    {
        var ns = spegel.Args.Namespace;
        var source = ReleaseChartSource.For(spegel);
        return new[]
        {
            ToJson(source.Source),
            ToJson(Rendering.Flux.FluxObjects.HelmRelease(spegel.Name, ns, source.ChartSpec, SpegelValues.Build(spegel), SpegelValues.PostRenderers(spegel), spegel.Args.ValuesFrom)),
        };
    }

    public JsonObject HelmValues(HarborRegistry harbor) => ToJson(HarborValues.Build(harbor));

    public JsonObject HelmValues(SpegelRelease spegel) => ToJson(SpegelValues.Build(spegel));

    public (string Name, string Key) AdminPasswordSecret(HarborRegistry harbor) => (HarborValues.AdminSecretName(harbor), HarborValues.AdminSecretKey);

    /// <summary>A <see cref="YamlMap"/> as JSON, with the writer's rules: null entries and null list items are left out.</summary>
    public static JsonObject ToJson(YamlMap map)
    {
        var o = new JsonObject();
        foreach (var (k, v) in map)
        {
            o[k] = Value(v);
        }

        return o;
    }

    private static JsonNode? Value(object? value) => value switch
    {
        null => null,
        YamlMap m => ToJson(m),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int or long or short or byte => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        IEnumerable list => new JsonArray(list.Cast<object?>().Where(i => i is not null).Select(Value).ToArray()),
        _ => throw new NotSupportedException($"cannot convert a {value.GetType().Name} from a rendered document"),
    };
}
