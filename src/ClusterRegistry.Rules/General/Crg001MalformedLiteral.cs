using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.General;

/// <summary>
/// CRG001: a value no configuration could make work: an IP, host name, DNS label, Kubernetes object name, CIDR, URL, path,
/// port, image reference, chart version, OCI chart source or Talos version that does not parse, an enum value the type
/// does not define, a value the model needs that is missing (a null entry in any list, named with the index the user
/// wrote; a project without a Name), or two values that exclude each other (a Harbor's AdminPassword and
/// ExistingAdminPasswordSecret; projects on an external registry that is not a Harbor; ChartVersion next to a
/// ChartSource). An input-validation rule:
/// <c>synth</c> and <c>compile</c> refuse the stack on its findings (exit 2).
/// </summary>
public sealed class Crg001MalformedLiteral : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg001, "Malformed, missing or conflicting value", RuleSeverity.Error, "General",
        "A value of any resource (Harbor, Spegel, Talos patch, robot, probe, and the registries and Secrets managed outside the stack: ExternalRegistry, ExistingSecret) that must be an IP address, host name, DNS-1123 label or subdomain, CIDR, http(s) or oci:// URL, absolute path, port, image reference, chart version, OCI chart source (oci:// URL, tag, digest, interval, verification) or Talos version does not parse; a value the model needs is missing (a null entry in any list, a project without a Name, a project-level robot without a Project, a chart source with none of Tag, Semver or Digest); or two values exclude each other (AdminPassword and ExistingAdminPasswordSecret, ChartVersion next to ChartSource, several of Tag, Semver and Digest): the rendered configuration would be rejected or silently wrong, so synth refuses the stack.",
        refusesInput: true);

    private const string Dns1123 = "is not a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters)";

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        var findings = new List<Finding>();
        foreach (var h in s.Harbors)
        {
            Harbor(s, h, findings);
        }

        // The null entries of every resource's lists, kept aside by the builders with the index the user wrote.
        foreach (var r in s.Harbors.Cast<ResourceInfo>().Concat(s.Projects).Concat(s.Robots).Concat(s.Spegels).Concat(s.TalosPatches).Concat(s.Probes).Concat(s.ExistingSecrets))
        {
            NullEntries(r, findings);
        }

        foreach (var r in s.Robots)
        {
            if (!s.FromRepository && r.Level.Is(RobotLevelKind.Project) && r.Project.TryGet(out var project) && string.IsNullOrWhiteSpace(project))
            {
                // An unset Project has no assignment of its own: the squiggle goes on Level = RobotLevel.Project.
                var location = project is null ? First(r.Level.Location, r.Project.Location) : First(r.Project.Location, r.Level.Location);
                findings.Add(Refuse(r, "Project", project ?? "null", "a project-level robot needs a Project", location));
            }
        }

        foreach (var sp in s.Spegels)
        {
            Spegel(s, sp, findings);
        }

        foreach (var p in s.TalosPatches)
        {
            Talos(s, p, findings);
        }

        foreach (var e in s.ExistingSecrets)
        {
            ExistingSecret(e, findings);
        }

        foreach (var pr in s.Probes)
        {
            if (pr.Image.TryGet(out var image) && !ImageReference.TryParse(image, out _, out var err))
            {
                findings.Add(Refuse(pr, "Image", image, $"image reference '{image}' is malformed: {err}", pr.Image.Location));
            }

            Nodes(pr, pr.Nodes, findings);
        }

        return findings;
    }

    private void Harbor(TopologySnapshot s, HarborInfo h, List<Finding> findings)
    {
        Label(h, "Namespace", h.Namespace, findings);
        Label(h, "ServiceName", h.ServiceName, findings);
        Ip(h, "LoadBalancerIP", h.LoadBalancerIP, findings);
        Ip(h, "ClusterIP", h.ClusterIP, findings);
        if (h.ServiceSubnet.TryGet(out var subnet) && subnet is not null && !Cidr.TryParse(subnet, out _))
        {
            findings.Add(Refuse(h, "ServiceSubnet", subnet, $"ServiceSubnet '{subnet}' is not a CIDR such as 10.43.0.0/16", h.ServiceSubnet.Location));
        }

        if (h.External)
        {
            // An ExternalRegistry's address is its Url (the topology keeps it as ExternalUrl): name the property the user wrote,
            // and ask for exactly what clients dial, scheme://host[:port] with no path, query or credentials.
            if (h.ExternalUrl.TryGet(out var url) && url is not null
                && (!EndpointUrl.TryParse(url, out var parsed, out _) || parsed.Path.Length > 0 || parsed.Query is not null || parsed.HasUserInfo))
            {
                findings.Add(Refuse(h, "Url", url,
                    $"Url '{url}': expected the URL clients use, scheme://host[:port] with http or https and no path, such as https://harbor.example.com",
                    h.ExternalUrl.Location));
            }

            External(h, findings);
        }
        else if (h.ExternalUrl.TryGet(out var ext) && ext is not null && !EndpointUrl.TryParse(ext, out _, out var err))
        {
            findings.Add(Refuse(h, "ExternalUrl", ext, $"ExternalUrl '{ext}' is not an http(s) URL: {err}", h.ExternalUrl.Location));
        }

        if (!h.External)
        {
            // An ExternalRegistry installs no chart: there is no repository or version to judge.
            Chart(s, h, h.ChartRepository, h.ChartVersion, findings);
            OciSource(s, h, h.ChartSource, h.ChartVersion, h.DirectHelm, findings);
            PostRenderers(s, h, h.PostRenderers, h.DirectHelm, findings);

            // The admin password is either generated into <name>-admin or read from a Secret something else manages.
            if (h.AdminPassword.TryGet(out var password) && password is not null
                && h.ExistingAdminPasswordSecret.TryGet(out var named) && named is not null)
            {
                findings.Add(Refuse(h, "ExistingAdminPasswordSecret", named,
                    "set either AdminPassword (the stack generates the Secret) or ExistingAdminPasswordSecret (something else manages it), not both",
                    First(h.ExistingAdminPasswordSecret.Location, h.AdminPassword.Location)));
            }
        }
    }

    /// <summary>
    /// An <c>ExternalRegistry</c>'s kind and the projects described on it: a kind the enum does not define, projects on a
    /// registry that is not a Harbor, a null entry or one without a Name, a proxy-cache upstream that is not a registry host.
    /// </summary>
    private void External(HarborInfo h, List<Finding> findings)
    {
        var kindKnown = h.ExternalKind.TryGet(out var kind);
        if (kindKnown && !IsExternalRegistryKind(kind))
        {
            findings.Add(Refuse(h, "Kind", kind ?? "null", $"Kind '{kind}' is not an ExternalRegistryKind: Harbor, Zot, Distribution or Cloud", h.ExternalKind.Location));
        }

        // An entry the analyzer cannot see shifts the indexes of the ones after it (and may be removed again): judge only a list known whole.
        var projects = h.DeclaredProjects;
        if (projects.HasUnknownEntries)
        {
            return;
        }

        if (kindKnown && kind != "Harbor" && projects.Count > 0)
        {
            var names = new List<string>();
            foreach (var p in projects)
            {
                names.Add(p.IsNull ? "" : p.Name.TryGet(out var n) ? n ?? "" : "?");
            }

            findings.Add(Refuse(h, "Projects", string.Join(", ", names), $"projects are Harbor's; a {kind} registry has none (declare Kind = Harbor)",
                First(projects.Location, h.ExternalKind.Location)));
        }

        for (var i = 0; i < projects.Count; i++)
        {
            var p = projects[i];
            var path = Topo.Index("Projects", i);
            if (p.IsNull)
            {
                findings.Add(Refuse(h, path, "null", "a project cannot be null: give it an ExternalRegistryProject with its Name", First(p.Location, projects.Location)));
                continue;
            }

            if (p.Name.TryGet(out var name) && string.IsNullOrWhiteSpace(name))
            {
                findings.Add(Refuse(h, path + ".Name", name ?? "null", "a project needs a Name", First(p.Name.Location, p.Location)));
            }

            if (p.ProxyUpstream.TryGet(out var upstream) && upstream is not null && !MirrorKey.IsValid(upstream, out var problem, out _))
            {
                findings.Add(Refuse(h, path + ".ProxyCacheUpstream", upstream,
                    $"ProxyCacheUpstream '{upstream}' is not a registry host such as docker.io: {problem}", First(p.ProxyUpstream.Location, p.Location)));
            }
        }
    }

    /// <summary>An <c>ExistingSecret</c>: its namespace is a DNS-1123 label, its Secret name a Kubernetes object name.</summary>
    private void ExistingSecret(ExistingSecretInfo e, List<Finding> findings)
    {
        Label(e, "Namespace", e.Namespace, findings);
        var secretName = e.EffectiveSecretName;
        if (secretName.TryGet(out var name) && !IsDns1123Subdomain(name))
        {
            findings.Add(Refuse(e, "SecretName", name ?? "null",
                $"SecretName '{name}' is not a Kubernetes object name (a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', at most 253 characters)",
                First(secretName.Location, e.Location)));
        }
    }

    private void Spegel(TopologySnapshot s, SpegelInfo sp, List<Finding> findings)
    {
        Label(sp, "Namespace", sp.Namespace, findings);
        Chart(s, sp, sp.ChartRepository, sp.ChartVersion, findings);
        OciSource(s, sp, sp.ChartSource, sp.ChartVersion, sp.DirectHelm, findings);
        PostRenderers(s, sp, sp.PostRenderers, sp.DirectHelm, findings);
        for (var i = 0; i < sp.AdditionalMirrorTargets.Count; i++)
        {
            var target = sp.AdditionalMirrorTargets[i];
            if (!target.TryGet(out var t))
            {
                continue;
            }

            var path = Topo.Index("AdditionalMirrorTargets", i);
            var location = First(target.Location, sp.AdditionalMirrorTargets.Location);
            if (!EndpointUrl.TryParse(t, out var url, out var err))
            {
                findings.Add(Refuse(sp, path, t, $"mirror target '{t}' is not an http(s) URL: {err}", location));
            }
            else if (url.Path.Length > 0 || url.Query is not null || url.HasUserInfo)
            {
                findings.Add(Refuse(sp, path, t, $"mirror target '{t}' has a path, query or user info: Spegel accepts only scheme://host[:port]", location));
            }
        }

        if (sp.ContainerdRegistryConfigPath.TryGet(out var configPath) && configPath is not null && !IsAbsolutePath(configPath))
        {
            findings.Add(Refuse(sp, "ContainerdRegistryConfigPath", configPath,
                $"ContainerdRegistryConfigPath '{configPath}' is not an absolute path such as /etc/cri/conf.d/hosts", sp.ContainerdRegistryConfigPath.Location));
        }

        Port(sp, "RegistryHostPort", sp.RegistryHostPort, findings);
        Port(sp, "RegistryNodePort", sp.RegistryNodePort, findings);
    }

    private void Talos(TopologySnapshot s, TalosPatchInfo p, List<Finding> findings)
    {
        if (p.TalosVersion.TryGet(out var tv) && !TalosVersionValue.TryParse(tv, out _))
        {
            findings.Add(Refuse(p, "TalosVersion", tv, $"TalosVersion '{tv}' is not a Talos version such as v1.11", p.TalosVersion.Location));
        }

        Nodes(p, p.Nodes, findings);
        for (var i = 0; i < p.HostEntries.Count; i++)
        {
            var e = p.HostEntries[i];
            var path = Topo.Index("ExtraHostEntries", e.Index ?? i);
            if (e.Ip.TryGet(out var ip) && IpAddress.Explain(ip) is { } why)
            {
                findings.Add(Refuse(p, path + ".Ip", ip, $"host entry IP '{ip}' is not an IP address: {why}", First(e.Ip.Location, e.Location)));
            }

            if (e.Aliases.Count == 0 && e.Aliases.IsComplete)
            {
                var shown = e.Ip.TryGet(out var known) ? known : "";
                findings.Add(Refuse(p, path + ".Aliases", shown, $"host entry '{shown}' has no alias: a host entry needs at least one", First(e.Location, e.Aliases.Location)));
            }

            for (var j = 0; j < e.Aliases.Count; j++)
            {
                if (e.Aliases[j].TryGet(out var alias) && !HostName.IsValid(alias))
                {
                    findings.Add(Refuse(p, path + "." + Topo.Index("Aliases", j), alias, $"host alias '{alias}' is not a valid host name", First(e.Aliases[j].Location, e.Location)));
                }
            }
        }

        for (var i = 0; i < p.Mirrors.Count; i++)
        {
            var m = p.Mirrors[i];
            var path = Topo.Entry("Mirrors", m.Key, i);
            if (m.Key.TryGet(out var key) && !MirrorKey.IsValid(key, out var problem, out var stripped) && stripped is null && !HasSchemeOrPath(key))
            {
                findings.Add(Refuse(p, path, key, $"mirror key '{key}' {problem}; keys are host[:port] or *", First(m.Key.Location, m.Location)));
            }

            if (m.IsNull)
            {
                findings.Add(Refuse(p, path, "null", "a mirror cannot be null: give it a TalosMirror with its endpoints", m.Location));
            }

            for (var j = 0; j < m.Endpoints.Count; j++)
            {
                if (m.Endpoints[j].TryGet(out var ep) && !EndpointUrl.TryParse(ep, out _, out var err))
                {
                    findings.Add(Refuse(p, path + "." + Topo.Index("Endpoints", j), ep, $"mirror endpoint '{ep}' is not an http(s) URL: {err}", First(m.Endpoints[j].Location, m.Location)));
                }
            }
        }

        for (var i = 0; i < p.RegistryConfigs.Count; i++)
        {
            var rc = p.RegistryConfigs[i];
            var path = Topo.Entry("RegistryConfig", rc.Key, i);
            if (rc.Key.TryGet(out var key) && !MirrorKey.IsValid(key, out var problem, out var stripped) && stripped is null && !HasSchemeOrPath(key))
            {
                findings.Add(Refuse(p, path, key, $"registry config key '{key}' {problem}; keys are the endpoint host[:port]", First(rc.Key.Location, rc.Location)));
            }

            if (rc.IsNull)
            {
                findings.Add(Refuse(p, path, "null", "a registry config cannot be null: give it a TalosRegistryConfig with its auth or TLS settings", rc.Location));
            }

            if (rc.Key.Is("*") && rc.Tls.TryGet(out var tls) && tls is not null && HasTlsSettings(tls))
            {
                findings.Add(Refuse(p, path + ".Tls", "*",
                    "Talos does not support TLS settings for the wildcard host * (wildcard host TLS configuration is not supported): key the TLS settings on the endpoint host",
                    First(rc.Tls.Location, rc.Location)));
            }
        }


        for (var i = 0; i < p.Files.Count; i++)
        {
            var f = p.Files[i];
            if (f.Path.TryGet(out var filePath) && !IsAbsolutePath(filePath))
            {
                findings.Add(Refuse(p, Topo.Index("Files", f.Index ?? i) + ".Path", filePath, $"file path '{filePath}' is not an absolute path such as /var/etc/example.conf", First(f.Path.Location, f.Location)));
            }
        }

        if (!s.FromRepository)
        {
            for (var i = 0; i < p.CriCustomizations.Count; i++)
            {
                var c = p.CriCustomizations[i];
                if (c.Name.TryGet(out var name) && (!IsDns1123Label(name) || name == "customization"))
                {
                    findings.Add(Refuse(p, Topo.Index("CriCustomizations", c.Index ?? i) + ".Name", name,
                        $"CRI customization name '{name}' is not a lowercase DNS-1123 label other than the reserved 'customization'", First(c.Name.Location, c.Location)));
                }
            }
        }
    }

    private void Chart(TopologySnapshot s, ResourceInfo r, Val<string> repository, Val<string?> version, List<Finding> findings)
    {
        // The SDK's input contract: a repository written by hand may name its chart source and version as Flux allows (ranges).
        if (s.FromRepository)
        {
            return;
        }

        if (repository.TryGet(out var repo) && !IsChartRepository(repo))
        {
            findings.Add(Refuse(r, "ChartRepository", repo ?? "null", $"ChartRepository '{repo}' is not an http(s) or oci:// URL", repository.Location));
        }

        if (version.TryGet(out var v) && v is not null && !ChartVersion.TryParse(v, out _))
        {
            findings.Add(Refuse(r, "ChartVersion", v, $"ChartVersion '{v}' is not a chart version such as 1.17.1", version.Location));
        }
    }

    /// <summary>
    /// An <c>OciChartSource</c>: what Flux's OCIRepository accepts (an <c>oci://</c> URL, a digest <c>sha256:…</c>, an
    /// interval such as <c>5m</c>), and exactly one of tag, semver range or digest: Flux silently lets a digest win over a
    /// range and a range over a tag, so a second one is never what the reader of the stack thinks is installed. On a direct
    /// Helm release (no Flux) what only the OCIRepository does is refused too.
    /// </summary>
    private void OciSource(TopologySnapshot s, ResourceInfo r, Val<ChartSourceInfo?> source, Val<string?> chartVersion, Val<bool> directHelm, List<Finding> findings)
    {
        // As for Chart(): a repository written by hand may use whatever Flux accepts (Flux orders several refs itself).
        if (s.FromRepository || !source.TryGet(out var src) || src is null)
        {
            return;
        }

        var location = First(src.Location, source.Location);
        if (chartVersion.TryGet(out var cv) && cv is not null)
        {
            findings.Add(Refuse(r, "ChartVersion", cv,
                $"ChartVersion '{cv}' is set together with ChartSource, whose Tag, Semver or Digest picks the chart: the rendered OCIRepository ignores ChartVersion; set ChartSource.Tag instead",
                First(chartVersion.Location, location)));
        }

        if (src.Url.TryGet(out var url) && !ChartSourceValues.IsOciUrl(url))
        {
            findings.Add(Refuse(r, "ChartSource.Url", url ?? "null",
                $"ChartSource.Url '{url}' is not an oci://host[:port]/path URL naming the chart, such as oci://ghcr.io/spegel-org/helm-charts/spegel",
                First(src.Url.Location, location)));
        }

        if (src.Tag.IsKnown && src.Semver.IsKnown && src.Digest.IsKnown)
        {
            var set = new List<string>();
            if (src.Tag.Value is not null)
            {
                set.Add("Tag");
            }

            if (src.Semver.Value is not null)
            {
                set.Add("Semver");
            }

            if (src.Digest.Value is not null)
            {
                set.Add("Digest");
            }

            if (set.Count == 0)
            {
                findings.Add(Refuse(r, "ChartSource", "none",
                    "ChartSource sets none of Tag, Semver or Digest: Flux would install whatever 'latest' points at; name the chart version with exactly one of them",
                    location));
            }
            else if (set.Count > 1)
            {
                var winner = set.Contains("Digest") ? "Digest" : "Semver";
                var second = set[1];
                var value = second == "Semver" ? src.Semver.Value! : src.Digest.Value!;
                findings.Add(Refuse(r, "ChartSource." + second, value,
                    $"ChartSource sets {string.Join(" and ", set)}: Flux uses only {winner} and silently ignores the rest; keep exactly one",
                    First(second == "Semver" ? src.Semver.Location : src.Digest.Location, location)));
            }
        }

        if (src.Tag.TryGet(out var tag) && tag is not null && !ChartSourceValues.IsTag(tag))
        {
            findings.Add(Refuse(r, "ChartSource.Tag", tag,
                $"ChartSource.Tag '{tag}' is not an OCI tag (letters, digits, '_', '.' and '-', at most 128, not starting with '.' or '-'); Helm charts are tagged with their version, such as 0.3.0",
                First(src.Tag.Location, location)));
        }

        if (src.Semver.TryGet(out var range) && range is not null && range.Trim().Length == 0)
        {
            findings.Add(Refuse(r, "ChartSource.Semver", range, "ChartSource.Semver is empty: give a semver range such as >=0.3.0 <0.4.0", First(src.Semver.Location, location)));
        }

        if (src.SemverFilter.TryGet(out var filter) && filter is not null && src.Semver.Is(null))
        {
            findings.Add(Refuse(r, "ChartSource.SemverFilter", filter,
                $"ChartSource.SemverFilter '{filter}' filters the tags of a Semver range, but Semver is not set: Flux ignores the filter",
                First(src.SemverFilter.Location, location)));
        }

        if (src.Digest.TryGet(out var digest) && digest is not null && !ChartSourceValues.IsDigest(digest))
        {
            findings.Add(Refuse(r, "ChartSource.Digest", digest,
                $"ChartSource.Digest '{digest}' is not an artifact digest such as sha256:<64 lowercase hex digits>",
                First(src.Digest.Location, location)));
        }

        if (src.Interval.TryGet(out var interval) && interval is not null && !ChartSourceValues.IsInterval(interval))
        {
            findings.Add(Refuse(r, "ChartSource.Interval", interval,
                $"ChartSource.Interval '{interval}' is not a duration Flux accepts (^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$), such as 5m or 1h30m",
                First(src.Interval.Location, location)));
        }

        if (src.Verify.TryGet(out var verify) && verify is not null)
        {
            Verification(r, verify, First(verify.Location, src.Verify.Location, location), findings);
        }

        PullCredentials(r, src, location, findings);
        if (directHelm.Is(true))
        {
            DirectHelm(r, src, First(location, directHelm.Location), findings);
        }
    }

    /// <summary>
    /// How source-controller reaches the chart's registry: Secret and ServiceAccount names are Kubernetes object names, the
    /// provider one of the CRD's enum, and static credentials (<c>secretRef</c>) never next to a cloud provider:
    /// source-controller logs in with the cloud provider only when the keychain from <c>secretRef</c> is anonymous
    /// (fluxcd/source-controller internal/controller/ocirepository_controller.go, reconcileSource), so the provider would be
    /// silently ignored (https://fluxcd.io/flux/components/source/ocirepositories/#provider).
    /// </summary>
    private void PullCredentials(ResourceInfo r, ChartSourceInfo src, object? location, List<Finding> findings)
    {
        foreach (var (property, value, what) in new[]
        {
            ("SecretName", src.SecretName, "Secret"),
            ("CertSecretName", src.CertSecretName, "Secret"),
            ("ServiceAccountName", src.ServiceAccountName, "ServiceAccount"),
        })
        {
            if (value.TryGet(out var name) && name is not null && !IsDns1123Subdomain(name))
            {
                findings.Add(Refuse(r, "ChartSource." + property, name,
                    $"ChartSource.{property} '{name}' is not a {what} name (lowercase DNS-1123 subdomain)", First(value.Location, location)));
            }
        }

        if (!src.Provider.TryGet(out var provider) || provider is null)
        {
            return;
        }

        // The OCIRepository CRD's enum for spec.provider.
        if (provider is not ("generic" or "aws" or "azure" or "gcp"))
        {
            findings.Add(Refuse(r, "ChartSource.Provider", provider,
                $"ChartSource.Provider '{provider}' is not one the OCIRepository accepts: generic, aws, azure or gcp", First(src.Provider.Location, location)));
        }
        else if (provider != "generic" && src.SecretName.TryGet(out var secret) && secret is not null)
        {
            findings.Add(Refuse(r, "ChartSource.SecretName", secret,
                $"ChartSource.SecretName '{secret}' is set together with Provider {provider}: Flux logs in with the static credentials of the Secret and silently ignores the {provider} provider; keep one of them",
                First(src.SecretName.Location, location)));
        }
    }

    /// <summary>
    /// A release's Flux <c>postRenderers</c> (helm.toolkit.fluxcd.io/v2 CRD: <c>patches[].patch</c> and
    /// <c>images[].name</c> are required): an empty patch, a JSON 6902 patch without a target (kustomize refuses it), a
    /// target that selects nothing in particular (kustomize matches every object with an empty selector), an image without a name or without a replacement, and a digest beside a tag
    /// (the CRD: "If digest is present NewTag value is ignored") are refused. A hand-written repository is Flux's to judge.
    /// </summary>
    private void PostRenderers(TopologySnapshot s, ResourceInfo r, ValList<PostRendererInfo> renderers, Val<bool> directHelm, List<Finding> findings)
    {
        if (s.FromRepository)
        {
            return;
        }

        // helm-controller applies post-renderers in the cluster; a direct Helm release has no Flux to run them. Named by the
        // first one's contents, which only a fully known entry gives (the analyzer says nothing rather than a wrong count).
        if (directHelm.Is(true) && renderers.Count > 0 && renderers[0] is { } first && !first.Patches.HasUnknownEntries && !first.Images.HasUnknownEntries)
        {
            findings.Add(Refuse(r, Topo.Index("PostRenderers", first.Index ?? 0), $"kustomize: {first.Patches.Count} patch(es), {first.Images.Count} image(s)",
                ChartSourceValues.DirectHelmPostRenderers, First(first.Location, renderers.Location, directHelm.Location)));
        }

        for (var i = 0; i < renderers.Count; i++)
        {
            var pr = renderers[i];
            var path = Topo.Index("PostRenderers", pr.Index ?? i);
            var location = First(pr.Location, renderers.Location);
            if (pr.Patches.Count == 0 && pr.Images.Count == 0 && !pr.Patches.HasUnknownEntries && !pr.Images.HasUnknownEntries
                && !HasNullEntryUnder(r, path + "."))
            {
                findings.Add(Refuse(r, path, "empty",
                    $"{path} has neither Patches nor Images: Flux would run a kustomize pass that changes nothing; give a patch or an image, or drop it",
                    location));
            }

            for (var j = 0; j < pr.Patches.Count; j++)
            {
                var patch = pr.Patches[j];
                var patchPath = path + "." + Topo.Index("Patches", patch.Index ?? j);
                if (patch.Patch.TryGet(out var text) && string.IsNullOrWhiteSpace(text))
                {
                    findings.Add(Refuse(r, patchPath + ".Patch", text ?? "null",
                        $"{patchPath}.Patch is empty: give a strategic-merge patch (a partial object) or a JSON 6902 patch (a list of operations)",
                        First(patch.Patch.Location, patch.Location, location)));
                }

                if (patch.Target.Is(null) && text is not null && IsJson6902(text))
                {
                    // kustomize's PatchTransformer: "must specify a target for JSON patch" (a strategic-merge patch names its object; a list of operations does not).
                    findings.Add(Refuse(r, patchPath + ".Target", "null",
                        $"{patchPath}.Patch is a JSON 6902 patch (a list of operations) without a Target: kustomize refuses it (must specify a target for JSON patch); name the object with Target",
                        First(patch.Target.Location, patch.Location, location)));
                }

                if (patch.Target.TryGet(out var target) && target is not null && SelectsNothingInParticular(target))
                {
                    findings.Add(Refuse(r, patchPath + ".Target", "empty",
                        $"{patchPath}.Target sets none of Group, Version, Kind, Name, Namespace, LabelSelector or AnnotationSelector: kustomize would patch every object of the chart; name the object (at least Kind or Name), or drop Target for a strategic-merge patch that names its own",
                        First(target.Location, patch.Target.Location, patch.Location, location)));
                }
            }

            for (var j = 0; j < pr.Images.Count; j++)
            {
                var image = pr.Images[j];
                var imagePath = path + "." + Topo.Index("Images", image.Index ?? j);
                var imageLocation = First(image.Location, location);
                if (image.Name.TryGet(out var name) && string.IsNullOrWhiteSpace(name))
                {
                    findings.Add(Refuse(r, imagePath + ".Name", name ?? "null",
                        $"{imagePath}.Name is empty: name the tag-less image the chart renders, such as goharbor/harbor-core",
                        First(image.Name.Location, imageLocation)));
                    continue;
                }

                if (image.NewName.Is(null) && image.NewTag.Is(null) && image.Digest.Is(null))
                {
                    findings.Add(Refuse(r, imagePath, name ?? "null",
                        $"{imagePath} ('{name}') sets none of NewName, NewTag or Digest: the image would stay as the chart renders it",
                        imageLocation));
                }

                if (image.Digest.TryGet(out var digest) && digest is not null)
                {
                    if (!ChartSourceValues.IsDigest(digest))
                    {
                        findings.Add(Refuse(r, imagePath + ".Digest", digest,
                            $"{imagePath}.Digest '{digest}' is not an image digest such as sha256:<64 lowercase hex digits>",
                            First(image.Digest.Location, imageLocation)));
                    }
                    else if (image.NewTag.TryGet(out var tag) && tag is not null)
                    {
                        findings.Add(Refuse(r, imagePath + ".NewTag", tag,
                            $"{imagePath} sets NewTag '{tag}' and Digest: Flux uses the digest and silently ignores NewTag; keep one",
                            First(image.NewTag.Location, imageLocation)));
                    }
                }
            }
        }
    }

    /// <summary>Whether a null list entry under <paramref name="prefix"/> is already refused (then the list is not "empty").</summary>
    private static bool HasNullEntryUnder(ResourceInfo r, string prefix)
    {
        foreach (var entry in r.NullEntries)
        {
            if (entry.TryGet(out var path) && path.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A JSON 6902 patch: a YAML or JSON list of operations (a strategic-merge patch is a mapping).</summary>
    private static bool IsJson6902(string patch)
    {
        foreach (var raw in patch.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("#", System.StringComparison.Ordinal) || line == "---")
            {
                continue;
            }

            return line.StartsWith("- ", System.StringComparison.Ordinal) || line == "-" || line.StartsWith("[", System.StringComparison.Ordinal);
        }

        return false;
    }

    /// <summary>Every field of the target known and empty (one unknown field may well be set).</summary>
    private static bool SelectsNothingInParticular(PatchTargetInfo target)
    {
        foreach (var field in target.Fields)
        {
            if (!field.TryGet(out var v) || !string.IsNullOrEmpty(v))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A direct Helm release installs the chart with Helm: what only Flux's OCIRepository does is refused.</summary>
    private void DirectHelm(ResourceInfo r, ChartSourceInfo src, object? location, List<Finding> findings)
    {
        if (src.Verify.TryGet(out var verify) && verify is not null && verify.Provider.TryGet(out var provider))
        {
            findings.Add(Refuse(r, "ChartSource.Verify", provider, ChartSourceValues.DirectHelmVerify, First(src.Verify.Location, verify.Location, location)));
        }

        if (src.SemverFilter.TryGet(out var filter) && filter is not null)
        {
            findings.Add(Refuse(r, "ChartSource.SemverFilter", filter, ChartSourceValues.DirectHelmSemverFilter, First(src.SemverFilter.Location, location)));
        }

        if (src.Digest.TryGet(out var digest) && digest is not null)
        {
            findings.Add(Refuse(r, "ChartSource.Digest", digest, ChartSourceValues.DirectHelmDigest, First(src.Digest.Location, location)));
        }

        if (src.Interval.TryGet(out var interval) && interval is not null)
        {
            findings.Add(Refuse(r, "ChartSource.Interval", interval, ChartSourceValues.DirectHelmInterval, First(src.Interval.Location, location)));
        }

        // Pull credentials: Flux reads them from Kubernetes objects at reconcile time; the Helm release's repositoryOpts take a
        // username, password and certificate files on the machine running pulumi, and have no plain-HTTP switch or cloud login.
        if (src.SecretName.TryGet(out var secret) && secret is not null)
        {
            findings.Add(Refuse(r, "ChartSource.SecretName", secret, ChartSourceValues.DirectHelmSecretName, First(src.SecretName.Location, location)));
        }

        if (src.Provider.TryGet(out var cloud) && cloud is not null && cloud != "generic")
        {
            findings.Add(Refuse(r, "ChartSource.Provider", cloud, ChartSourceValues.DirectHelmProvider, First(src.Provider.Location, location)));
        }

        if (src.CertSecretName.TryGet(out var cert) && cert is not null)
        {
            findings.Add(Refuse(r, "ChartSource.CertSecretName", cert, ChartSourceValues.DirectHelmCertSecretName, First(src.CertSecretName.Location, location)));
        }

        if (src.ServiceAccountName.TryGet(out var account) && account is not null)
        {
            findings.Add(Refuse(r, "ChartSource.ServiceAccountName", account, ChartSourceValues.DirectHelmServiceAccountName, First(src.ServiceAccountName.Location, location)));
        }

        if (src.Insecure.Is(true))
        {
            findings.Add(Refuse(r, "ChartSource.Insecure", "true", ChartSourceValues.DirectHelmInsecure, First(src.Insecure.Location, location)));
        }
    }

    private void Verification(ResourceInfo r, ChartVerificationInfo v, object? location, List<Finding> findings)
    {
        if (!v.Provider.TryGet(out var provider) || !v.SecretName.TryGet(out var secret))
        {
            return;
        }

        if (secret is not null && !IsDns1123Subdomain(secret))
        {
            findings.Add(Refuse(r, "ChartSource.Verify.SecretName", secret,
                $"ChartSource.Verify.SecretName '{secret}' is not a Secret name (lowercase DNS-1123 subdomain)", First(v.SecretName.Location, location)));
        }

        if (provider == "notation" && secret is null)
        {
            findings.Add(Refuse(r, "ChartSource.Verify.SecretName", "null",
                "notation verification needs SecretName: the Secret with the trust policy and certificates; without it Flux cannot verify and the source never becomes ready",
                First(v.SecretName.Location, location)));
        }

        if (v.MatchOidcIdentity.Count > 0 && (provider != "cosign" || secret is not null))
        {
            findings.Add(Refuse(r, "ChartSource.Verify.MatchOidcIdentity", provider,
                "MatchOidcIdentity applies to cosign keyless signatures only: drop it, or drop SecretName to verify keyless with cosign",
                First(v.MatchOidcIdentity.Location, location)));
        }

        for (var i = 0; i < v.MatchOidcIdentity.Count; i++)
        {
            var m = v.MatchOidcIdentity[i];
            var path = "ChartSource.Verify." + Topo.Index("MatchOidcIdentity", i);
            if (m.IsNull)
            {
                findings.Add(Refuse(r, path, "null", NullEntry, First(m.Location, v.MatchOidcIdentity.Location, location)));
                continue;
            }

            if (m.Issuer.TryGet(out var issuer) && string.IsNullOrWhiteSpace(issuer))
            {
                findings.Add(Refuse(r, path + ".Issuer", issuer ?? "null", "an OIDC identity match needs an Issuer (a Go regular expression such as ^https://token.actions.githubusercontent.com$)", First(m.Issuer.Location, m.Location, location)));
            }

            if (m.Subject.TryGet(out var subject) && string.IsNullOrWhiteSpace(subject))
            {
                findings.Add(Refuse(r, path + ".Subject", subject ?? "null", "an OIDC identity match needs a Subject (a Go regular expression over the signer's identity)", First(m.Subject.Location, m.Location, location)));
            }
        }
    }

    private const string NullEntry = "a list entry cannot be null: remove it or give it a value";

    /// <summary>The null entries of a resource's lists (kept aside by the builders, with the index the user wrote).</summary>
    private void NullEntries(ResourceInfo r, List<Finding> findings)
    {
        foreach (var entry in r.NullEntries)
        {
            if (entry.TryGet(out var path))
            {
                findings.Add(Refuse(r, path, "null", NullEntry, First(entry.Location, r.Location)));
            }
        }
    }

    private void Nodes(ResourceInfo r, ValList<Val<string>> nodes, List<Finding> findings)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].TryGet(out var n) && IpAddress.Explain(n) is { } why)
            {
                findings.Add(Refuse(r, Topo.Index("Nodes", i), n, $"node '{n}' is not an IP address: {why}", First(nodes[i].Location, nodes.Location)));
            }
        }
    }

    private void Ip(ResourceInfo r, string property, Val<string?> value, List<Finding> findings)
    {
        if (value.TryGet(out var ip) && ip is not null && IpAddress.Explain(ip) is { } why)
        {
            findings.Add(Refuse(r, property, ip, $"{property} '{ip}' is not an IP address: {why}", value.Location));
        }
    }

    private void Label(ResourceInfo r, string property, Val<string> value, List<Finding> findings)
    {
        if (value.TryGet(out var label) && !IsDns1123Label(label))
        {
            findings.Add(Refuse(r, property, label ?? "null", $"{property} '{label}' {Dns1123}", value.Location));
        }
    }

    private void Port(ResourceInfo r, string property, Val<int> value, List<Finding> findings)
    {
        if (value.TryGet(out var port) && (port < 1 || port > 65535))
        {
            var text = port.ToString(CultureInfo.InvariantCulture);
            findings.Add(Refuse(r, property, text, $"{property} {text} is not a port between 1 and 65535", value.Location));
        }
    }

    private static bool HasTlsSettings(TlsInfo tls) =>
        (tls.Ca.TryGet(out var ca) && ca is not null) ||
        (tls.ClientCertificate.TryGet(out var cert) && cert is not null) ||
        (tls.ClientKey.TryGet(out var key) && key is not null) ||
        tls.InsecureSkipVerify.Is(true);

    private static bool HasSchemeOrPath(string key) => key.IndexOf("://", System.StringComparison.Ordinal) >= 0 || key.IndexOf('/') >= 0;

    /// <summary>An absolute path that does not climb out with <c>..</c>.</summary>
    public static bool IsAbsolutePath(string? path) => path is not null && path.StartsWith("/", System.StringComparison.Ordinal) && path.IndexOf("..", System.StringComparison.Ordinal) < 0;

    /// <summary>A Kubernetes DNS-1123 label: lowercase letters, digits and '-', 1 to 63 characters, starting and ending alphanumeric.</summary>
    public static bool IsDns1123Label(string? value) =>
        value is { Length: > 0 and <= 63 } && value.IndexOf('.') < 0 && HostName.IsValid(value) && value == value.ToLowerInvariant();

    /// <summary>A Kubernetes object name: a DNS-1123 subdomain (DNS-1123 labels joined by '.', at most 253 characters).</summary>
    public static bool IsDns1123Subdomain(string? value)
    {
        if (value is not { Length: > 0 and <= 253 })
        {
            return false;
        }

        foreach (var label in value.Split('.'))
        {
            if (!IsDns1123Label(label))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A member of <c>ExternalRegistryKind</c> (the analyzer and <c>check</c> both spell an undefined value as its number).</summary>
    public static bool IsExternalRegistryKind(string? kind) => kind is "Harbor" or "Zot" or "Distribution" or "Cloud";

    /// <summary>An http(s) URL, or <c>oci://host/path</c>.</summary>
    public static bool IsChartRepository(string? url) =>
        url is not null && (url.StartsWith("oci://", System.StringComparison.Ordinal)
            ? EndpointUrl.TryParse("https://" + url.Substring("oci://".Length), out _)
            : EndpointUrl.TryParse(url, out _));
}
