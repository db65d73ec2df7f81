using ClusterRegistry.Repository.Discovery;
using ClusterRegistry.Repository.Yaml;
using YamlDotNet.RepresentationModel;

namespace ClusterRegistry.Repository.Flux;

/// <summary>A Kubernetes object found in the repository: kind, name, namespace (when known) and where it is written.</summary>
public sealed class FluxObject
{
    public required string Kind { get; init; }

    public required string ApiVersion { get; init; }

    public required string Name { get; init; }

    /// <summary><c>metadata.namespace</c>, else the <c>namespace:</c> of the nearest kustomization.yaml, else null.</summary>
    public string? Namespace { get; init; }

    public required YamlNode Document { get; init; }

    public required ReadContext Context { get; init; }

    public required YamlFile File { get; init; }

    public required RepositoryFile Source { get; init; }

    /// <summary><c>metadata.name</c> node (location of findings about the object).</summary>
    public YamlNode? NameNode => YamlNav.At(Document, "metadata", "name");

    public override string ToString() => Kind + "/" + Name;
}
