using ClusterRegistry.Repository.Discovery;
using ClusterRegistry.Repository.Yaml;
using ClusterRegistry.Rules.Topology;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ClusterRegistry.Repository.Talos;

/// <summary>
/// Reads a talhelper <c>talconfig.yaml</c> (budimanjojo/talhelper <c>pkg/config</c>): <c>clusterName</c>,
/// <c>talosVersion</c>, <c>nodes[]</c> (hostname, ipAddress, controlPlane, patches), the global <c>patches</c> and the
/// <c>controlPlane</c>/<c>worker</c> group patches, each inline YAML or <c>@./file</c>; <c>${VAR}</c> from talenv.yaml
/// (talenv.sops.yaml: names known, values unknown) and, when allowed, the environment. Patches apply in talhelper's
/// order (group, node, then global: <c>pkg/generate/config.go</c>). Nodes with the same patch list form one
/// <see cref="TalosPatchInfo"/>.
/// </summary>
public sealed class TalhelperReader
{
    private readonly RepositoryContext repo;

    public TalhelperReader(RepositoryContext repo) => this.repo = repo;

    /// <summary>True for talhelper's config file name.</summary>
    public static bool IsTalconfig(RepositoryFile f) => f.Name is "talconfig.yaml" or "talconfig.yml";

    /// <summary>The machine configurations this talconfig generates (one per distinct patch list).</summary>
    public List<TalosPatchInfo> Read(RepositoryFile file)
    {
        var result = new List<TalosPatchInfo>();
        var yaml = repo.Yaml(file);
        if (yaml is null || yaml.Documents.Count == 0)
        {
            return result;
        }

        var vars = Variables(file);
        var ctx = new ReadContext(file.RelativePath, vars, repo.Notices);
        var root = yaml.Documents[0];
        var versionNode = YamlNav.Get(root, "talosVersion");
        var version = versionNode is null ? Val<string>.Unknown(ctx.Loc(root)) : ctx.Str(versionNode);

        var global = YamlNav.Items(YamlNav.Get(root, "patches")).ToList();
        var controlPlane = YamlNav.Items(YamlNav.At(root, "controlPlane", "patches")).ToList();
        var worker = YamlNav.Items(YamlNav.At(root, "worker", "patches")).ToList();

        // Group nodes by the patch entries they get (the same YAML nodes ⇒ the same machine registry config).
        var groups = new List<(List<YamlNode> Patches, List<YamlNode> Nodes)>();
        foreach (var node in YamlNav.Items(YamlNav.Get(root, "nodes")))
        {
            var isControlPlane = ctx.Bool(YamlNav.Get(node, "controlPlane"), whenAbsent: false).GetOrDefault(false);
            var patches = new List<YamlNode>(isControlPlane ? controlPlane : worker);
            if (YamlNav.Get(node, "overridePatches") is { } over && ctx.Bool(over, false).GetOrDefault(false))
            {
                patches.Clear();
            }

            patches.AddRange(YamlNav.Items(YamlNav.Get(node, "patches")));
            patches.AddRange(global);
            var group = groups.FirstOrDefault(g => g.Patches.SequenceEqual(patches, ReferenceEqualityComparer.Instance));
            if (group.Patches is null)
            {
                group = (patches, new List<YamlNode>());
                groups.Add(group);
            }

            group.Nodes.Add(node);
        }

        if (groups.Count == 0)
        {
            groups.Add((controlPlane.Concat(global).ToList(), new List<YamlNode>()));
        }

        var cluster = YamlNav.TextAt(root, "clusterName") ?? "cluster";
        foreach (var (patchList, nodes) in groups)
        {
            var acc = new TalosConfigAccumulator();
            foreach (var patch in patchList)
            {
                ApplyPatch(file, patch, ctx, vars, acc);
            }

            var names = nodes.Select(n => YamlNav.TextAt(n, "hostname") ?? "?").ToList();
            var info = new TalosPatchInfo
            {
                Name = Val<string>.Known(cluster + (names.Count > 0 ? " (" + string.Join(", ", names) + ")" : ""), ctx.Loc(root)),
                Location = ctx.Loc(nodes.Count > 0 ? nodes[0] : root),
                TalosVersion = version,
            };
            foreach (var n in nodes)
            {
                info.Nodes.Add(ctx.Str(YamlNav.Get(n, "ipAddress")));
            }

            acc.WriteTo(info);
            result.Add(info);
        }

        return result;
    }

    private void ApplyPatch(RepositoryFile talconfig, YamlNode patch, ReadContext ctx, VariableSet vars, TalosConfigAccumulator acc)
    {
        if (patch is not YamlScalarNode s || s.Value is null)
        {
            // talhelper's patches are strings; a mapping here is not valid talconfig.
            repo.Notices.Add(new RepositoryNotice(NoticeKind.Error, talconfig.RelativePath, ctx.Line(patch), "a talhelper patch must be a string (inline YAML or @./file)"));
            return;
        }

        var text = s.Value.Trim();
        if (text.StartsWith('@'))
        {
            var target = repo.Discovery.Resolve(talconfig, text[1..].Trim(), ctx.Line(patch));
            if (target is null)
            {
                acc.Incomplete = true;
                return;
            }

            repo.Referenced.Add(target.RelativePath);
            ApplyFile(target, vars, acc);
            return;
        }

        // Inline: the scalar's text is YAML. Map its marks back to talconfig.yaml lines for findings.
        var startLine = (int)s.Start.Line;
        var block = s.Style is ScalarStyle.Literal or ScalarStyle.Folded;
        var lines = ctx.Path.Length > 0 ? (repo.Yaml(talconfig)?.Text ?? "").Split('\n') : Array.Empty<string>();
        (int, int) Map(Mark m)
        {
            if (!block)
            {
                return (startLine, (int)s.Start.Column);
            }

            // Block content starts on the line after the indicator; its columns are offset by the block's indentation.
            var line = startLine + (int)m.Line;
            var first = startLine < lines.Length ? lines[startLine] : "";
            var indent = first.Length - first.TrimStart().Length;
            return (line, indent + (int)m.Column);
        }

        var inline = SafeYamlLoader.Load(talconfig.RelativePath, s.Value, repo.Options, repo.Notices);
        if (inline is null)
        {
            acc.Incomplete = true;
            return;
        }

        var inlineCtx = new ReadContext(talconfig.RelativePath, vars, repo.Notices, Map);
        foreach (var doc in inline.Documents)
        {
            if (TalosConfigReader.IsTalosDocument(doc))
            {
                TalosConfigReader.Apply(doc, inlineCtx, acc);
            }
        }
    }

    private void ApplyFile(RepositoryFile target, VariableSet vars, TalosConfigAccumulator acc)
    {
        var yaml = repo.Yaml(target);
        if (yaml is null)
        {
            acc.Incomplete = true;
            return;
        }

        if (yaml.IsSopsEncrypted)
        {
            repo.Notices.Add(new RepositoryNotice(NoticeKind.Unknown, target.RelativePath, 0, "SOPS-encrypted: never decrypted; its keys are read, its values are unknown"));
        }

        var ctx = new ReadContext(target.RelativePath, vars, repo.Notices);
        foreach (var doc in yaml.Documents)
        {
            if (TalosConfigReader.IsTalosDocument(doc))
            {
                TalosConfigReader.Apply(doc, ctx, acc);
            }
        }
    }

    private VariableSet Variables(RepositoryFile talconfig)
    {
        var vars = new VariableSet(repo.Options.UseProcessEnvironment ? repo.Options.Environment : null);
        foreach (var name in new[] { "talenv.yaml", "talenv.yml", "talenv.sops.yaml", "talenv.sops.yml" })
        {
            var envFile = repo.Discovery.ResolveQuiet(talconfig, name);
            if (envFile is null || repo.Yaml(envFile) is not { } yaml)
            {
                continue;
            }

            repo.Referenced.Add(envFile.RelativePath);
            var ctx = new ReadContext(envFile.RelativePath, null, repo.Notices);
            foreach (var kv in YamlNav.Entries(yaml.Documents.FirstOrDefault()))
            {
                if (YamlNav.Text(kv.Key) is { } key && key != "sops")
                {
                    var raw = YamlNav.Text(kv.Value);
                    vars.Set(key, raw is null || YamlNav.IsEncrypted(raw) ? Val<string>.Unknown(ctx.Loc(kv.Value)) : Val<string>.Known(raw, ctx.Loc(kv.Value)));
                }
            }
        }

        return vars;
    }
}
