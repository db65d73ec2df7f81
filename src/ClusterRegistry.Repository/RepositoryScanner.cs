using ClusterRegistry.Repository.Charts;
using ClusterRegistry.Repository.Discovery;
using ClusterRegistry.Repository.Flux;
using ClusterRegistry.Repository.Talos;
using ClusterRegistry.Repository.Terraform;
using ClusterRegistry.Repository.Yaml;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Repository;

/// <summary>
/// Reads an existing Flux/Talos GitOps repository into the rules' <see cref="TopologySnapshot"/> — the third front end next
/// to the analyzer and <c>check --stack</c>. Values it cannot know (SOPS-encrypted, unresolved <c>${VAR}</c>, objects
/// managed outside the repository) are unknown, so rules stay silent on them; files it does not read are named in one
/// notice each. It never executes, decrypts or fetches anything, and never leaves the repository folder.
/// </summary>
public static class RepositoryScanner
{
    public static RepositoryScan Scan(string root, RepositoryOptions? options = null)
    {
        options ??= new RepositoryOptions();
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"--repo '{root}' is not a directory");
        }

        var repo = new RepositoryContext(root, options);
        var files = repo.Discovery.Walk();
        var inventory = new FluxInventory(repo);
        var snapshot = new TopologySnapshot
        {
            StackName = Val<string>.Known(Path.GetFileName(repo.Discovery.Root)),
            Location = new SourceFileLocation(".", 0),
            FromRepository = true,
        };

        var yamlFiles = new List<RepositoryFile>();
        foreach (var f in files)
        {
            if (f.Name.EndsWith(".j2", StringComparison.OrdinalIgnoreCase) || f.Name.EndsWith(".tpl", StringComparison.OrdinalIgnoreCase))
            {
                repo.Notices.Add(new RepositoryNotice(NoticeKind.Skipped, f.RelativePath, 0, "template (" + Path.GetExtension(f.Name) + "): not rendered, not read"));
            }
            else if (f.Name.EndsWith(".tf", StringComparison.OrdinalIgnoreCase))
            {
                if (repo.Text(f) is { } hcl && hcl.Contains("harbor_", StringComparison.Ordinal))
                {
                    TerraformHarborReader.Read(f, hcl, snapshot, repo.Notices);
                }
            }
            else
            {
                yamlFiles.Add(f);
            }
        }

        // kustomize files first: they name the namespace of their folder's objects and generate ConfigMaps from files.
        foreach (var f in yamlFiles)
        {
            if (f.Name is "kustomization.yaml" or "kustomization.yml" or "Kustomization" && LoadChecked(repo, f) is { } k && IsKustomize(k))
            {
                inventory.AddKustomizeFile(f);
            }
        }

        // Peek at every file's kinds before parsing: most of a home-ops repository is apps that say nothing about registries.
        var peeks = new Dictionary<string, KindPeek?>(StringComparer.Ordinal);
        foreach (var f in yamlFiles)
        {
            peeks[f.RelativePath] = repo.Peek(f);
        }

        foreach (var f in yamlFiles)
        {
            if (!TalhelperReader.IsTalconfig(f) && peeks[f.RelativePath] is not { IsIrrelevant: true } and not { IsOnlyReleases: true } and not { IsOnlySecrets: true } &&
                LoadChecked(repo, f) is { } y)
            {
                inventory.AddFluxKustomizations(y);
            }
        }

        var talconfigs = yamlFiles.Where(TalhelperReader.IsTalconfig).ToList();
        var talhelper = new TalhelperReader(repo);
        foreach (var t in talconfigs)
        {
            if (LoadChecked(repo, t) is not null)
            {
                snapshot.TalosPatches.AddRange(talhelper.Read(t));
            }
        }

        var releaseFiles = new List<RepositoryFile>();
        var secretFiles = new List<RepositoryFile>();
        var standalone = new TalosConfigAccumulator();
        object? standaloneLocation = null;
        foreach (var f in yamlFiles)
        {
            if (TalhelperReader.IsTalconfig(f) || repo.Referenced.Contains(f.RelativePath) || f.Name.StartsWith("talenv", StringComparison.Ordinal))
            {
                continue;
            }

            var peek = peeks[f.RelativePath];
            if (peek is { IsIrrelevant: true })
            {
                SkipUnparsed(repo, f);
                continue;
            }

            if (peek is { IsOnlyReleases: true })
            {
                releaseFiles.Add(f);
                continue;
            }

            if (peek is { IsOnlySecrets: true })
            {
                secretFiles.Add(f);
                continue;
            }

            var yaml = LoadChecked(repo, f);
            if (yaml is null)
            {
                continue;
            }

            if (yaml.Documents.Any(TalosConfigReader.IsTalosDocument))
            {
                if (talconfigs.Count > 0)
                {
                    repo.Notices.Add(new RepositoryNotice(NoticeKind.Skipped, f.RelativePath, 0, "Talos configuration not referenced by talconfig.yaml: not part of any generated machine config"));
                    continue;
                }

                if (yaml.IsSopsEncrypted)
                {
                    repo.Notices.Add(new RepositoryNotice(NoticeKind.Unknown, f.RelativePath, 0, "SOPS-encrypted: never decrypted; its keys are read, its values are unknown"));
                }

                var ctx = new ReadContext(f.RelativePath, null, repo.Notices);
                foreach (var doc in yaml.Documents.Where(TalosConfigReader.IsTalosDocument))
                {
                    standaloneLocation ??= ctx.Loc(doc);
                    TalosConfigReader.Apply(doc, ctx, standalone);
                }

                continue;
            }

            inventory.AddObjects(f, yaml);
        }

        // HelmRelease files: read when they can be a Spegel or Harbor release — they name the chart, or a chart source whose URL
        // does. Then Secret files: read when a release read so far takes values from a Secret they name.
        var chartSources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in inventory.Objects)
        {
            if (o.Kind is "OCIRepository" or "HelmRepository" or "GitRepository" && YamlNav.TextAt(o.Document, "spec", "url") is { } url && NamesChart(url))
            {
                chartSources.Add(o.Name);
            }
        }

        foreach (var f in releaseFiles)
        {
            if (repo.Text(f) is { } text && (NamesChart(text) || chartSources.Any(n => text.Contains(n, StringComparison.Ordinal))) && LoadChecked(repo, f) is { } yaml)
            {
                inventory.AddObjects(f, yaml);
            }
            else
            {
                SkipUnparsed(repo, f);
            }
        }

        var secretNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in inventory.Objects.Where(HelmReleaseReader.IsHelmRelease))
        {
            foreach (var from in YamlNav.Items(YamlNav.At(o.Document, "spec", "valuesFrom")))
            {
                if (YamlNav.TextAt(from, "kind") == "Secret" && YamlNav.TextAt(from, "name") is { Length: > 0 } name)
                {
                    secretNames.Add(name);
                }
            }
        }

        foreach (var f in secretFiles)
        {
            if (secretNames.Count > 0 && repo.Text(f) is { } text && secretNames.Any(n => text.Contains(n, StringComparison.Ordinal)) && LoadChecked(repo, f) is { } yaml)
            {
                inventory.AddObjects(f, yaml);
            }
            else
            {
                SkipUnparsed(repo, f);
            }
        }

        if (standalone.HasContent)
        {
            var patch = new TalosPatchInfo
            {
                Name = Val<string>.Known("talos machine config"),
                Location = standaloneLocation,
                TalosVersion = Val<string>.Unknown(standaloneLocation),
            };
            standalone.WriteTo(patch);
            snapshot.TalosPatches.Add(patch);
        }

        var releases = new List<HelmReleaseInfo>();
        foreach (var o in inventory.Objects.Where(HelmReleaseReader.IsHelmRelease))
        {
            var r = HelmReleaseReader.Read(o, inventory, repo.Notices);
            if (SpegelValuesMapper.IsSpegel(r))
            {
                snapshot.Spegels.Add(SpegelValuesMapper.Map(r, inventory));
                releases.Add(r);
            }
            else if (HarborValuesMapper.IsHarbor(r))
            {
                snapshot.Harbors.Add(HarborValuesMapper.Map(r));
                releases.Add(r);
            }
        }

        // Projects and robots are often made in Harbor's UI or by another tool: the repository never holds all of them.
        // Probes are an SDK resource a GitOps repository does not have.
        snapshot.Projects.HasUnknownEntries = true;
        snapshot.Robots.HasUnknownEntries = true;
        snapshot.Probes.HasUnknownEntries = true;

        repo.Notices.Sort((a, b) =>
        {
            var c = string.CompareOrdinal(a.File, b.File);
            return c != 0 ? c : a.Line.CompareTo(b.Line) is var l && l != 0 ? l : string.CompareOrdinal(a.Message, b.Message);
        });
        return new RepositoryScan { Root = repo.Discovery.Root, Snapshot = snapshot, Notices = Dedupe(repo.Notices), Releases = releases, FilesRead = files.Count };
    }

    private static List<RepositoryNotice> Dedupe(List<RepositoryNotice> notices)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return notices.Where(n => seen.Add(n.ToString())).ToList();
    }

    private static bool NamesChart(string text) =>
        text.Contains("spegel", StringComparison.OrdinalIgnoreCase) || text.Contains("harbor", StringComparison.OrdinalIgnoreCase);

    /// <summary>A file not parsed because nothing in it can matter; a chart template among them is still named as skipped.</summary>
    private static void SkipUnparsed(RepositoryContext repo, RepositoryFile f)
    {
        if (("/" + f.Folder + "/").Contains("/templates/", StringComparison.Ordinal) && repo.Text(f) is { } text && text.Contains("{{", StringComparison.Ordinal))
        {
            repo.Notices.Add(new RepositoryNotice(NoticeKind.Skipped, f.RelativePath, 0, "templated ({{ }}): not rendered, not read"));
        }
    }

    private static bool IsKustomize(YamlFile k) =>
        k.Documents.Count > 0 && (YamlNav.TextAt(k.Documents[0], "apiVersion")?.StartsWith("kustomize.config.k8s.io/", StringComparison.Ordinal) ?? YamlNav.Get(k.Documents[0], "resources") is not null);

    /// <summary>
    /// Parses a YAML file; a file that fails to parse and holds Helm/Jinja <c>{{ }}</c> is a template, reported as skipped
    /// rather than as an error. Files in a chart's <c>templates/</c> folder are templates whatever they parse as.
    /// </summary>
    private static YamlFile? LoadChecked(RepositoryContext repo, RepositoryFile f)
    {
        var inTemplates = ("/" + f.Folder + "/").Contains("/templates/", StringComparison.Ordinal);
        var before = repo.Notices.Count;
        var yaml = repo.Yaml(f);
        var templated = (yaml is null || inTemplates) && repo.Text(f) is { } text && text.Contains("{{", StringComparison.Ordinal);
        if (!templated)
        {
            return yaml;
        }

        if (repo.Notices.Count > before)
        {
            repo.Notices.RemoveRange(before, repo.Notices.Count - before);
        }

        repo.Notices.Add(new RepositoryNotice(NoticeKind.Skipped, f.RelativePath, 0, "templated ({{ }}): not rendered, not read"));
        return null;
    }
}
