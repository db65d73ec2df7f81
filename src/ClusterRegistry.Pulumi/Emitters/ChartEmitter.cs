using System.Text.Json.Nodes;
using ClusterRegistry.Charts;
using ClusterRegistry.Harbor;
using ClusterRegistry.Pulumi.Program;
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
                    var (spegelChart, spegelVersion) = s.Args.ChartSource is { } source && delivery == ReleaseDelivery.Helm
                        ? DirectOci(source)
                        : (s.Args.ChartRepository, s.Args.ChartVersion);
                    Emit(ctx, s, s.Args.Namespace, delivery, () => ctx.Manifests.FluxObjects(s), () => ctx.Manifests.HelmValues(s),
                        chart: spegelChart, repo: null, spegelVersion, dependsOn: Array.Empty<string>());
                    break;
            }
        }
    }

    private static void EmitHarbor(EmitContext ctx, HarborRegistry h)
    {
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
            var (chart, version) = DirectOci(source);
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
    /// A <see cref="OciChartSource"/> as a direct Helm release: the chart is the OCI URL and Helm's <c>version</c> takes the tag
    /// or the semver range (Helm resolves a range against the registry's tags). What only Flux does in the cluster (verify,
    /// a tag filter, a digest, an interval, pull credentials read from cluster objects, post-renderers) CRG001 refuses on a
    /// direct Helm release, and <see cref="PulumiProgramEmitter.Emit"/> runs that validation before any emitter.
    /// </summary>
    private static (string Chart, string? Version) DirectOci(OciChartSource source) => (source.Url, source.Tag ?? source.Semver);

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
