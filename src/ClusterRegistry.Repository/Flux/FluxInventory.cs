using ClusterRegistry.Repository.Discovery;
using ClusterRegistry.Repository.Yaml;
using YamlDotNet.RepresentationModel;

namespace ClusterRegistry.Repository.Flux;

/// <summary>
/// The Kubernetes objects of a repository that matter to Flux releases: HelmRelease, HelmRepository, OCIRepository,
/// Kustomization (Flux and kustomize), ConfigMap, Secret, Namespace, and the ConfigMaps/Secrets kustomize
/// <c>configMapGenerator</c>/<c>secretGenerator</c> make from files (e.g. <c>helm/values.yaml</c>).
/// </summary>
public sealed class FluxInventory
{
    private readonly RepositoryContext repo;
    private readonly Dictionary<string, string> folderNamespaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> targetNamespaces = new(StringComparer.Ordinal);

    public FluxInventory(RepositoryContext repo) => this.repo = repo;

    public List<FluxObject> Objects { get; } = new();

    /// <summary>ConfigMaps and Secrets by name: data key → value source.</summary>
    public List<DataObject> Data { get; } = new();

    /// <summary>Reads the kustomize files first (they give namespaces to the objects of their folder).</summary>
    public void AddKustomizeFile(RepositoryFile file)
    {
        var yaml = repo.Yaml(file);
        if (yaml is null || yaml.Documents.Count == 0)
        {
            return;
        }

        var doc = yaml.Documents[0];
        if (YamlNav.TextAt(doc, "namespace") is { } ns)
        {
            folderNamespaces[file.Folder] = ns;
        }

        var ctx = new ReadContext(file.RelativePath, null, repo.Notices);
        foreach (var (section, kind) in new[] { ("configMapGenerator", "ConfigMap"), ("secretGenerator", "Secret") })
        {
            foreach (var gen in YamlNav.Items(YamlNav.Get(doc, section)))
            {
                var name = YamlNav.TextAt(gen, "name");
                if (name is null)
                {
                    continue;
                }

                var data = new DataObject { Kind = kind, Name = name, Namespace = YamlNav.TextAt(gen, "namespace") ?? YamlNav.TextAt(doc, "namespace"), Location = ctx.Loc(gen) };
                foreach (var f in YamlNav.Items(YamlNav.Get(gen, "files")))
                {
                    if (YamlNav.Text(f) is not { } spec)
                    {
                        continue;
                    }

                    var eq = spec.IndexOf('=', StringComparison.Ordinal);
                    var key = eq > 0 ? spec[..eq] : Path.GetFileName(spec);
                    var path = eq > 0 ? spec[(eq + 1)..] : spec;
                    var target = repo.Discovery.Resolve(file, path, ctx.Line(f));
                    if (target is null)
                    {
                        data.Entries[key] = DataEntry.Unknown;
                        continue;
                    }

                    repo.Referenced.Add(target.RelativePath);
                    var parsed = repo.Yaml(target);
                    data.Entries[key] = parsed is null || parsed.IsSopsEncrypted || parsed.Documents.Count == 0
                        ? DataEntry.Unknown
                        : new DataEntry(parsed.Documents[0], new ReadContext(target.RelativePath, null, repo.Notices));
                    if (parsed?.IsSopsEncrypted == true)
                    {
                        repo.Notices.Add(new RepositoryNotice(NoticeKind.Unknown, target.RelativePath, 0, "SOPS-encrypted values file: never decrypted; the values it sets are unknown"));
                    }
                }

                foreach (var lit in YamlNav.Items(YamlNav.Get(gen, "literals")))
                {
                    if (YamlNav.Text(lit) is { } l && l.IndexOf('=', StringComparison.Ordinal) is var i and > 0)
                    {
                        data.Entries[l[..i]] = DataEntry.Unknown;
                    }
                }

                Data.Add(data);
            }
        }
    }

    /// <summary>
    /// A Flux Kustomization's <c>spec.targetNamespace</c> applies to every object under its <c>spec.path</c> (relative to
    /// the Git source's root, which is the repository root in these layouts) and wins over kustomize's <c>namespace:</c>.
    /// </summary>
    public void AddFluxKustomizations(YamlFile yaml)
    {
        foreach (var doc in yaml.Documents)
        {
            if (YamlNav.TextAt(doc, "kind") == "Kustomization"
                && (YamlNav.TextAt(doc, "apiVersion") ?? "").StartsWith("kustomize.toolkit.fluxcd.io/", StringComparison.Ordinal)
                && YamlNav.TextAt(doc, "spec", "path") is { } path
                && YamlNav.TextAt(doc, "spec", "targetNamespace") is { } ns
                && !ns.Contains("${", StringComparison.Ordinal))
            {
                var folder = path.Replace('\\', '/').Trim();
                while (folder.StartsWith("./", StringComparison.Ordinal))
                {
                    folder = folder[2..];
                }

                targetNamespaces[folder.Trim('/')] = ns;
            }
        }
    }

    /// <summary>Adds every Kubernetes object of a parsed file.</summary>
    public void AddObjects(RepositoryFile file, YamlFile yaml)
    {
        foreach (var doc in yaml.Documents)
        {
            var kind = YamlNav.TextAt(doc, "kind");
            var api = YamlNav.TextAt(doc, "apiVersion");
            var name = YamlNav.TextAt(doc, "metadata", "name");
            if (kind is null || api is null || name is null)
            {
                continue;
            }

            var ns = YamlNav.TextAt(doc, "metadata", "namespace") ?? NamespaceOf(file.Folder);
            var ctx = new ReadContext(file.RelativePath, null, repo.Notices);
            var obj = new FluxObject { Kind = kind, ApiVersion = api, Name = name, Namespace = ns, Document = doc, Context = ctx, File = yaml, Source = file };
            Objects.Add(obj);
            if (kind is "ConfigMap" or "Secret" && api == "v1")
            {
                Data.Add(DataOf(obj, yaml));
            }
        }
    }

    /// <summary>The ConfigMap or Secret named so (namespace-matched when both are known), or null.</summary>
    public DataObject? FindData(string kind, string name, string? ns)
    {
        DataObject? loose = null;
        foreach (var d in Data)
        {
            if (d.Kind != kind || d.Name != name)
            {
                continue;
            }

            if (ns is null || d.Namespace is null || d.Namespace == ns)
            {
                if (d.Namespace == ns)
                {
                    return d;
                }

                loose ??= d;
            }
        }

        return loose;
    }

    /// <summary>The source object (HelmRepository, OCIRepository, …) of that kind and name.</summary>
    public FluxObject? FindSource(string kind, string name, string? ns)
    {
        FluxObject? loose = null;
        foreach (var o in Objects)
        {
            if (o.Kind == kind && o.Name == name && o.ApiVersion.StartsWith("source.toolkit.fluxcd.io/", StringComparison.Ordinal))
            {
                if (o.Namespace == ns)
                {
                    return o;
                }

                loose ??= o;
            }
        }

        return loose;
    }

    private string? NamespaceOf(string folder)
    {
        for (var f = folder; ; f = f.Contains('/', StringComparison.Ordinal) ? f[..f.LastIndexOf('/')] : "")
        {
            if (targetNamespaces.TryGetValue(f, out var target))
            {
                return target;
            }

            if (folderNamespaces.TryGetValue(f, out var ns))
            {
                return ns;
            }

            if (f.Length == 0)
            {
                return null;
            }
        }
    }

    private DataObject DataOf(FluxObject obj, YamlFile yaml)
    {
        var data = new DataObject { Kind = obj.Kind, Name = obj.Name, Namespace = obj.Namespace, Location = obj.Context.Loc(obj.NameNode) };
        var encrypted = yaml.IsSopsEncrypted;
        foreach (var section in new[] { "data", "stringData" })
        {
            foreach (var kv in YamlNav.Entries(YamlNav.Get(obj.Document, section)))
            {
                if (YamlNav.Text(kv.Key) is not { } key || kv.Value is not YamlScalarNode s || s.Value is null)
                {
                    continue;
                }

                if (encrypted || YamlNav.IsEncrypted(s.Value))
                {
                    data.Entries[key] = DataEntry.Unknown;
                    continue;
                }

                var text = s.Value;
                if (obj.Kind == "Secret" && section == "data")
                {
                    // A Secret's data is base64 (an encoding, not encryption); kept unknown all the same: values held in
                    // a Secret are meant to be secret, and nothing from it is ever printed.
                    data.Entries[key] = DataEntry.Unknown;
                    continue;
                }

                var inner = SafeYamlLoader.Load(obj.Source.RelativePath, text, repo.Options, repo.Notices);
                if (inner is null || inner.Documents.Count == 0)
                {
                    data.Entries[key] = DataEntry.Unknown;
                    continue;
                }

                var baseLine = (int)s.Start.Line;
                var block = s.Style is YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded;
                var lines = yaml.Text.Split('\n');
                var first = baseLine < lines.Length ? lines[baseLine] : "";
                var indent = first.Length - first.TrimStart().Length;
                var ctx = new ReadContext(obj.Source.RelativePath, null, repo.Notices,
                    m => block ? (baseLine + (int)m.Line, indent + (int)m.Column) : (baseLine, (int)s.Start.Column));
                data.Entries[key] = new DataEntry(inner.Documents[0], ctx);
            }
        }

        if (encrypted)
        {
            repo.Notices.Add(new RepositoryNotice(NoticeKind.Unknown, obj.Source.RelativePath, obj.Context.Line(obj.NameNode),
                $"{obj.Kind} '{obj.Name}' is SOPS-encrypted: never decrypted; the values it holds are unknown"));
        }

        return data;
    }
}

/// <summary>A ConfigMap or Secret: its keys, each a parsed YAML value or unknown.</summary>
public sealed class DataObject
{
    public required string Kind { get; init; }

    public required string Name { get; init; }

    public string? Namespace { get; init; }

    public object? Location { get; init; }

    public Dictionary<string, DataEntry> Entries { get; } = new(StringComparer.Ordinal);
}

/// <summary>One data key: the YAML it holds (values files are YAML) or unknown.</summary>
public sealed class DataEntry(YamlNode? node, ReadContext? context)
{
    public static readonly DataEntry Unknown = new(null, null);

    public YamlNode? Node { get; } = node;

    public ReadContext? Context { get; } = context;

    public bool IsUnknown => Node is null;
}
