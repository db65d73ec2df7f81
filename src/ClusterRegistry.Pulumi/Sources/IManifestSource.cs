using System.Text.Json.Nodes;
using ClusterRegistry.Harbor;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Pulumi.Sources;

/// <summary>
/// Where the emitter gets the documents it wraps into Pulumi resources: the Talos patch, the Flux objects and the Helm
/// values. The GitOps renderers own these documents (one renderer per document kind, shared with <c>synth</c>); the
/// emitter only places them in the program and turns <c>${VAR}</c> secret placeholders into output references.
/// </summary>
public interface IManifestSource
{
    /// <summary>The patch documents for <paramref name="patch"/>, in apply order, with secrets as <c>${VAR}</c> placeholders.</summary>
    IReadOnlyList<JsonObject> TalosPatchDocuments(TalosMachinePatch patch);

    /// <summary>Flux source + HelmRelease objects for Harbor (secrets as placeholders or secret references, never values).</summary>
    IReadOnlyList<JsonObject> FluxObjects(HarborRegistry harbor);

    /// <summary>Flux source + HelmRelease objects for Spegel.</summary>
    IReadOnlyList<JsonObject> FluxObjects(SpegelRelease spegel);

    /// <summary>Helm values for a direct install of Harbor.</summary>
    JsonObject HelmValues(HarborRegistry harbor);

    /// <summary>Helm values for a direct install of Spegel.</summary>
    JsonObject HelmValues(SpegelRelease spegel);

    /// <summary>The Secret (name, key) the Harbor values point <c>existingSecretAdminPassword</c> at.</summary>
    (string Name, string Key) AdminPasswordSecret(HarborRegistry harbor);
}
