using System.Text.Json.Nodes;
using ClusterRegistry.Charts;
using ClusterRegistry.Harbor;
using ClusterRegistry.Pulumi.Program;
using ClusterRegistry.Rules.Values;
using ClusterRegistry.Spegel;

namespace ClusterRegistry.Pulumi.Emitters;

/// <summary>
/// Harbor and Spegel: Flux objects inside a <c>kubernetes:yaml/v2:ConfigGroup</c> (<c>CustomResource</c> is refused in
/// YAML, pulumi/pulumi-yaml pkg/pulumiyaml/packages.go), or a <c>kubernetes:helm.sh/v3:Release</c> when the stack asks
/// for a direct install.
/// </summary>
public static class ChartEmitter
{
    public static void Emit(EmitContext ctx)
    {
        foreach (var r in ctx.Stack.Resources)
        {
            switch (r)
            {
                case HarborRegistry h:
                    EmitHarbor(ctx, h);
                    break;
                case SpegelRelease s:
                    var delivery = s.Args.Delivery;
                    RefusePostRenderersWithHelm(s, s.Args.PostRenderers, delivery);
                    var (spegelChart, spegelVersion) = s.Args.ChartSource is { } source && delivery == ReleaseDelivery.Helm
                        ? DirectOci(s, source)
                        : (s.Args.ChartRepository, s.Args.ChartVersion);
                    Emit(ctx, s, s.Args.Namespace, delivery, () => ctx.Manifests.FluxObjects(s), () => ctx.Manifests.HelmValues(s),
                        chart: spegelChart, repo: null, spegelVersion, dependsOn: Array.Empty<string>());
                    break;
            }
        }
    }

    private static void EmitHarbor(EmitContext ctx, HarborRegistry h)
    {
        RefusePostRenderersWithHelm(h, h.Args.PostRenderers, h.Args.Delivery);
        var deps = new List<string>();
        if (h.Args.AdminPassword is { } admin)
        {
            // The chart reads the initial admin password from a Secret (existingSecretAdminPassword); its value comes from
            // secret stack config and stays a secret in Pulumi's state.
            var key = LogicalNames.AdminPasswordSecret(h);
            var (secretName, secretKey) = ctx.Manifests.AdminPasswordSecret(h);
            var secret = new ProgramResource(key, "kubernetes:core/v1:Secret", h);
            secret.Properties["metadata"] = new JsonObject
            {
                ["name"] = Expr.Literal(secretName),
                ["namespace"] = Expr.Literal(h.Args.Namespace),
            };
            secret.Properties["type"] = "Opaque";
            secret.Properties["stringData"] = new JsonObject
            {
                [secretKey] = ctx.Secrets.References[admin.Variable],
            };
            AddNamespaceDependency(ctx, secret, h.Args.Namespace);
            ctx.Add(secret);
            deps.Add(key);
        }

        if (h.Args.ChartSource is { } source && h.Args.Delivery == ReleaseDelivery.Helm)
        {
            var (chart, version) = DirectOci(h, source);
            Emit(ctx, h, h.Args.Namespace, h.Args.Delivery, () => ctx.Manifests.FluxObjects(h), () => ctx.Manifests.HelmValues(h),
                chart, repo: null, version, deps);
            return;
        }

        var isOci = h.Args.ChartRepository.StartsWith("oci://", StringComparison.Ordinal);
        Emit(ctx, h, h.Args.Namespace, h.Args.Delivery, () => ctx.Manifests.FluxObjects(h), () => ctx.Manifests.HelmValues(h),
            chart: isOci ? h.Args.ChartRepository.TrimEnd('/') + "/harbor" : "harbor", repo: isOci ? null : h.Args.ChartRepository,
            h.Args.ChartVersion, deps);
    }

    /// <summary>
    /// Flux <c>postRenderers</c> are kustomize passes helm-controller runs in the cluster; the Helm release's <c>postrender</c>
    /// runs an executable on the machine running pulumi instead, so a direct install refuses them (exit 2) rather than
    /// installing the chart without the patches.
    /// </summary>
    private static void RefusePostRenderersWithHelm(Resource release, List<HelmPostRenderer> postRenderers, ReleaseDelivery delivery)
    {
        if (delivery != ReleaseDelivery.Helm || postRenderers.Count == 0)
        {
            return;
        }

        var first = postRenderers[0];
        var value = first is null ? "null" : $"kustomize: {first.Patches.Count} patch(es), {first.Images.Count} image(s)";
        throw new StackDefinitionException($"{release.Kind} '{release.Name}'", "PostRenderers[0]", value,
            ChartSourceValues.DirectHelmPostRenderers);
    }

    /// <summary>
    /// A <see cref="OciChartSource"/> as a direct Helm release: the chart is the OCI URL and Helm's <c>version</c> takes the tag
    /// or the semver range (Helm resolves a range against the registry's tags). What only Flux's OCIRepository does, a
    /// direct install cannot: CRG001 refuses it before emitting (the same texts, <see cref="ChartSourceValues"/>); the
    /// checks here keep a program from dropping it without a word should the validator ever be bypassed.
    /// </summary>
    internal static (string Chart, string? Version) DirectOci(Resource release, OciChartSource source)
    {
        var owner = $"{release.Kind} '{release.Name}'";
        if (source.Verify is not null)
        {
            throw new StackDefinitionException(owner, "ChartSource.Verify", source.Verify.Provider.ToString().ToLowerInvariant(),
                ChartSourceValues.DirectHelmVerify);
        }

        if (source.SemverFilter is { } filter)
        {
            throw new StackDefinitionException(owner, "ChartSource.SemverFilter", filter,
                ChartSourceValues.DirectHelmSemverFilter);
        }

        if (source.Digest is { } digest)
        {
            throw new StackDefinitionException(owner, "ChartSource.Digest", digest,
                ChartSourceValues.DirectHelmDigest);
        }

        if (source.Interval is { } interval)
        {
            throw new StackDefinitionException(owner, "ChartSource.Interval", interval,
                ChartSourceValues.DirectHelmInterval);
        }

        // Pull credentials: Flux reads them from Kubernetes objects at reconcile time; the Helm release's repositoryOpts take a
        // username, password and certificate files on the machine running pulumi, and has no plain-HTTP switch or cloud login.
        if (source.SecretName is { } pull)
        {
            throw new StackDefinitionException(owner, "ChartSource.SecretName", pull,
                ChartSourceValues.DirectHelmSecretName);
        }

        if (source.Provider is { } provider && provider != OciRepositoryProvider.Generic)
        {
            throw new StackDefinitionException(owner, "ChartSource.Provider", Rendering.Flux.FluxObjects.OciProviderName(provider),
                ChartSourceValues.DirectHelmProvider);
        }

        if (source.CertSecretName is { } cert)
        {
            throw new StackDefinitionException(owner, "ChartSource.CertSecretName", cert,
                ChartSourceValues.DirectHelmCertSecretName);
        }

        if (source.ServiceAccountName is { } account)
        {
            throw new StackDefinitionException(owner, "ChartSource.ServiceAccountName", account,
                ChartSourceValues.DirectHelmServiceAccountName);
        }

        if (source.Insecure)
        {
            throw new StackDefinitionException(owner, "ChartSource.Insecure", "true",
                ChartSourceValues.DirectHelmInsecure);
        }

        return (source.Url, source.Tag ?? source.Semver);
    }

    private static void Emit(EmitContext ctx, Resource release, string ns, ReleaseDelivery delivery, Func<IReadOnlyList<JsonObject>> flux,
        Func<JsonObject> values, string chart, string? repo, string? version, IReadOnlyList<string> dependsOn)
    {
        var key = LogicalNames.Release(release);
        ProgramResource res;
        if (delivery == ReleaseDelivery.Flux)
        {
            res = new ProgramResource(key, "kubernetes:yaml/v2:ConfigGroup", release);
            res.Properties["objs"] = new JsonArray(flux().Select(o => ctx.Interpolate(o)).ToArray());
        }
        else
        {
            res = new ProgramResource(key, "kubernetes:helm.sh/v3:Release", release);
            var p = res.Properties;
            p["name"] = Expr.Literal(release.Name);
            p["namespace"] = Expr.Literal(ns);
            p["chart"] = Expr.Literal(chart);
            if (version is not null)
            {
                p["version"] = Expr.Literal(version);
            }

            if (repo is not null)
            {
                p["repositoryOpts"] = new JsonObject { ["repo"] = Expr.Literal(repo) };
            }

            // The namespace is a resource of its own (it carries labels); Helm must not create it.
            p["createNamespace"] = false;
            p["timeout"] = 600;
            p["values"] = ctx.Interpolate(values());
        }

        res.DependsOn.AddRange(dependsOn);
        AddNamespaceDependency(ctx, res, ns);
        ctx.Add(res);
        ctx.InstalledBy[release] = key;
    }

    internal static void AddNamespaceDependency(EmitContext ctx, ProgramResource res, string ns)
    {
        if (ctx.NamespaceKeys.TryGetValue(ns, out var nsKey))
        {
            res.DependsOn.Add(nsKey);
        }
    }
}
