using System.Collections;
using System.Globalization;
using System.Reflection;
using ClusterRegistry.Repository.Charts;
using ClusterRegistry.Repository.Import;
using ClusterRegistry.Repository.Tests.Support;
using ClusterRegistry.Rules.Topology;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClusterRegistry.Repository.Tests.Import;

/// <summary>
/// Round trip on the public repositories under <c>Repositories/</c> (FalkWinkler/home-ops@3d9d985, wcygan/anton@f70a15a,
/// jfroy/flatops@a290c44, vrozaksen/home-ops@7d368ec): import → compile the C# → <c>synth --target gitops</c> → read the rendered tree back. The
/// rendered Spegel and Harbor releases carry every value the repository sets, equal; the Talos mirrors, auth and host
/// entries come back in the form the repository wrote; the node view of the imported stack is the node view of the
/// stack imported from its own rendering. What import cannot carry is named in <see cref="ImportResult.NotImported"/>,
/// and only that is excused.
/// </summary>
public sealed class RoundTripTests
{
    /// <summary>Every repository; vrozaksen/home-ops@7d368ec carries Talos configuration only (16 proxy-cache mirrors on v1.13).</summary>
    public static TheoryData<string> Repositories => new() { "falkwinkler-home-ops", "wcygan-anton", "jfroy-flatops", "vrozaksen-home-ops" };

    /// <summary>The repositories with Spegel or Harbor releases.</summary>
    public static TheoryData<string> ReleaseRepositories => new() { "falkwinkler-home-ops", "wcygan-anton", "jfroy-flatops" };

    internal static Stack StackOf(string code, string className)
    {
        var tpa = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var refs = tpa.Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f is "mscorlib.dll" or "netstandard.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(Stack).Assembly.Location));
        var compilation = CSharpCompilation.Create(
            "RoundTrip" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(code), CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.Linq;")],
            refs,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var pe = new MemoryStream();
        var emit = compilation.Emit(pe);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + code);
        var type = Assembly.Load(pe.ToArray()).GetTypes().Single(t => t.Name == className);
        return Stack.Build(() => (Stack)Activator.CreateInstance(type)!);
    }

    private sealed record Trip(RepositoryScan Original, ImportResult Imported, Stack Stack, RepositoryScan Rendered) : IDisposable
    {
        public TempRepository? Folder { get; init; }

        public void Dispose() => Folder?.Dispose();
    }

    private static Trip RoundTrip(RepositoryScan original)
    {
        var imported = StackImporter.Import(original, new ImportOptions { ClassName = "ImportedStack", StackName = "imported" });
        var stack = StackOf(imported.Code, imported.ClassName);
        var folder = new TempRepository();
        foreach (var (path, content) in Rendering.Synthesizer.Synthesize(stack, Rendering.SynthTarget.GitOps))
        {
            folder.Write(path, content);
        }

        return new Trip(original, imported, stack, folder.Scan()) { Folder = folder };
    }

    [Theory]
    [MemberData(nameof(ReleaseRepositories))]
    public void Every_spegel_and_harbor_value_the_repository_sets_is_rendered_equal(string repository)
    {
        using var trip = RoundTrip(RepositoryScanner.Scan(Fixtures.Path(repository)));
        var compared = 0;
        foreach (var release in trip.Original.Releases)
        {
            var back = Assert.Single(trip.Rendered.Releases, r => r.Chart == release.Chart);
            var rendered = ValuesTree.Merge(back.Values);
            foreach (var (path, leaf) in ValuesTree.Merge(release.Values).Leaves())
            {
                var dotted = string.Join(".", path);
                if (trip.Imported.NotImported.Any(l => l.Contains("value '" + dotted + "'", StringComparison.Ordinal)))
                {
                    continue; // named, one line, in what import could not carry
                }

                var got = rendered.At(path);
                Assert.True(got is { IsLeaf: true }, $"{repository}: {release.Chart} value '{dotted}' is not rendered");
                Assert.True(Same(leaf.Value.Value, got!.Value.Value), $"{repository}: {release.Chart} value '{dotted}': repository {Show(leaf.Value.Value)}, rendered {Show(got.Value.Value)}");
                compared++;
            }
        }

        Assert.True(compared >= 4, $"{repository}: only {compared} values compared");
    }

    [Theory]
    [MemberData(nameof(Repositories))]
    public void Talos_mirrors_auth_and_host_entries_come_back_in_the_repository_form(string repository)
    {
        using var trip = RoundTrip(RepositoryScanner.Scan(Fixtures.Path(repository)));
        // The rendered patch files do not name their nodes (synth writes one patch per TalosMachinePatch; the nodes are the
        // node view's business, checked below), so the patches are compared by content, each distinct one once.
        Assert.Equal(Talos(trip.Original.Snapshot), Talos(trip.Rendered.Snapshot));
        Assert.NotEmpty(trip.Original.Snapshot.TalosPatches);
    }

    [Theory]
    [MemberData(nameof(Repositories))]
    public void Node_view_of_the_imported_stack_has_the_repository_nodes_mirrors_and_host_entries(string repository)
    {
        using var trip = RoundTrip(RepositoryScanner.Scan(Fixtures.Path(repository)));
        var view = Rendering.NodeView.NodeViewRenderer.Render(trip.Stack);

        // The nodes are the repository's nodes; every Talos mirror endpoint the repository writes lands in that registry's
        // hosts.toml on each of its nodes (Talos renders them; Spegel keeps them with prependExisting, and with its default
        // list it moves them to _backup — FalkWinkler's CRG101 — so there only the _backup copy is looked for); every host
        // entry is a line of the node's /etc/hosts.
        Assert.Equal(trip.Original.Snapshot.TalosPatches.SelectMany(p => p.Nodes).Select(n => n.Value).Order(), view.Nodes.Keys.Order());
        var checkedEndpoints = 0;
        foreach (var patch in trip.Original.Snapshot.TalosPatches)
        {
            foreach (var node in patch.Nodes)
            {
                var files = view.Nodes[node.Value];
                foreach (var m in patch.Mirrors)
                {
                    var hosts = files.Where(f => f.Key.EndsWith("/" + m.Key.Value + "/hosts.toml", StringComparison.Ordinal)).Select(f => f.Key + "\n" + f.Value).ToList();
                    Assert.All(m.Endpoints, e => Assert.Contains(hosts, h => h.Contains("[host.'" + e.Value, StringComparison.Ordinal) || h.Contains("[host.\"" + e.Value, StringComparison.Ordinal)));
                    checkedEndpoints += m.Endpoints.Count;
                }

                foreach (var h in patch.HostEntries)
                {
                    var etcHosts = Assert.Single(files, f => f.Key.EndsWith("etc/hosts", StringComparison.Ordinal)).Value;
                    Assert.All(h.Aliases, a => Assert.Contains(etcHosts.Split('\n'), l => l.StartsWith(h.Ip.Value, StringComparison.Ordinal) && l.Contains(a.Value, StringComparison.Ordinal)));
                }
            }
        }

        Assert.Equal(trip.Original.Snapshot.TalosPatches.Sum(p => p.Mirrors.Sum(m => m.Endpoints.Count) * p.Nodes.Count), checkedEndpoints);
        Assert.Equal(Flatten(view), Flatten(Rendering.NodeView.NodeViewRenderer.Render(trip.Stack)));
    }

    [Theory]
    [MemberData(nameof(Repositories))]
    public void What_import_cannot_carry_is_one_line_each(string repository)
    {
        var result = StackImporter.Import(RepositoryScanner.Scan(Fixtures.Path(repository)));
        Assert.All(result.NotImported, l => Assert.DoesNotContain('\n', l));
        Assert.Equal(result.NotImported.Count, result.NotImported.Distinct(StringComparer.Ordinal).Count());
    }

    private static string Flatten(Rendering.NodeView.NodeView view) =>
        string.Join("\n", view.Nodes.OrderBy(n => n.Key, StringComparer.Ordinal).SelectMany(n => n.Value.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => n.Key + ":" + f.Key + "\n" + f.Value)));

    private static string Talos(TopologySnapshot s) => string.Join("\n", s.TalosPatches
        .Select(p => "legacy=" + p.RendersLegacyRegistryFields.Value + "\n" +
            string.Join("\n", p.Mirrors.Select(m => "  mirror " + m.Key.Value + " -> " + string.Join(",", m.Endpoints.Select(e => e.Value)) + " overridePath=" + m.OverridePath.Value + " skipFallback=" + m.SkipFallback.Value).Order(StringComparer.Ordinal)) + "\n" +
            string.Join("\n", p.RegistryConfigs.Select(c => "  config " + c.Key.Value + " auth=" + (c.Auth.Value is { } a ? a.Username.Value + "/" + (a.Password.Value is not null) : "-") + " tls=" + (c.Tls.Value is { } t ? t.InsecureSkipVerify.Value + "/" + t.Ca.Value : "-")).Order(StringComparer.Ordinal)) + "\n" +
            string.Join("\n", p.HostEntries.Select(h => "  host " + h.Ip.Value + " " + string.Join(",", h.Aliases.Select(a => a.Value))).Order(StringComparer.Ordinal)))
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal));

    private static bool Same(object? a, object? b)
    {
        if (a is IDictionary da && b is IDictionary db)
        {
            return da.Count == db.Count && da.Keys.Cast<object>().All(k => db.Contains(k) && Same(da[k], db[k]));
        }

        if (a is not string && b is not string && a is IEnumerable ea && b is IEnumerable eb)
        {
            var la = ea.Cast<object?>().ToList();
            var lb = eb.Cast<object?>().ToList();
            return la.Count == lb.Count && la.Zip(lb).All(p => Same(p.First, p.Second));
        }

        return Equals(a, b);
    }

    private static string Show(object? v) => v switch
    {
        null => "null",
        string s => "'" + s + "'",
        IDictionary d => "{" + string.Join(", ", d.Keys.Cast<object>().Select(k => k + ": " + Show(d[k]))) + "}",
        IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Show)) + "]",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };
}
