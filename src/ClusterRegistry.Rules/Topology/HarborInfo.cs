using System.Collections.Generic;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Topology;

/// <summary>How the Harbor chart exposes its Service (mirrors <c>ClusterRegistry.Harbor.HarborExpose</c>).</summary>
public enum HarborExposeKind
{
    LoadBalancer,
    ClusterIP,
    NodePort,
    Ingress,

    /// <summary>A Gateway API HTTPRoute (<c>expose.type: route</c>).</summary>
    Route,
}

/// <summary>
/// A <c>HarborRegistry</c>. Properties start at the SDK's defaults (<c>HarborArgs</c>), so a builder only overwrites what
/// the stack assigns. Derived values (<see cref="ServiceHost"/>, <see cref="RegistryHost"/>, …) are computed here exactly as
/// the model computes them, so the analyzer and <c>check</c> see the same thing.
/// </summary>
public sealed class HarborInfo : ResourceInfo
{
    public override string Kind => External ? "ExternalRegistry" : "HarborRegistry";

    /// <summary>
    /// An <c>ExternalRegistry</c> (a registry outside the cluster): its <see cref="ExternalUrl"/> is the URL clients use, its
    /// <see cref="Tls"/> that URL's scheme; it has no Service, no ClusterIP, no chart and no robots the stack declares.
    /// </summary>
    public bool External { get; set; }

    /// <summary>For <see cref="External"/>: <c>Harbor</c>, <c>Zot</c>, <c>Distribution</c> or <c>Cloud</c>.</summary>
    public Val<string> ExternalKind { get; set; } = "Harbor";

    /// <summary>
    /// For <see cref="External"/>: whether pulls need no credentials (null: not said; a Harbor is then judged by
    /// <see cref="DeclaredProjects"/>).
    /// </summary>
    public Val<bool?> AnonymousPull { get; set; } = Val<bool?>.Known(null);

    /// <summary>For <see cref="External"/>: the projects the stack describes on that registry (not managed, not resources).</summary>
    public ValList<ProjectInfo> DeclaredProjects { get; set; } = new();

    /// <summary>True for an in-cluster Harbor, or an external registry of kind Harbor (projects and robot logins apply).</summary>
    public bool IsHarbor => !External || ExternalKind.Is("Harbor");

    public Val<string> Namespace { get; set; } = "harbor";

    public Val<string?> ChartVersion { get; set; } = Val<string?>.Known(null);

    public Val<string> ChartRepository { get; set; } = "https://helm.goharbor.io";

    /// <summary><c>ChartSource</c>: the chart's OCI source in full (null: <see cref="ChartRepository"/>/<see cref="ChartVersion"/>).</summary>
    public Val<ChartSourceInfo?> ChartSource { get; set; } = Val<ChartSourceInfo?>.Known(null);

    /// <summary><c>PostRenderers</c>: the user's Flux post-renderers, in order.</summary>
    public ValList<PostRendererInfo> PostRenderers { get; set; } = new();

    /// <summary>
    /// True for a direct Helm release (<c>Delivery = ReleaseDelivery.Helm</c>, a cluster without Flux): Helm installs the
    /// chart from the machine running pulumi, so what only Flux does in the cluster (an OCIRepository's verify, filter,
    /// digest, interval and pull credentials; post-renderers) is refused (CRG001). Located on the <c>Delivery</c> setting.
    /// </summary>
    public Val<bool> DirectHelm { get; set; } = false;

    /// <summary>The chart version the release installs (<see cref="ChartSource"/>'s tag when set; unknown for a range or digest).</summary>
    public Val<string?> EffectiveChartVersion => ChartSourceInfo.EffectiveVersion(ChartSource, ChartVersion);

    /// <summary>Where the chart comes from (<see cref="ChartSource"/>'s URL when set).</summary>
    public Val<string> EffectiveChartRepository => ChartSourceInfo.EffectiveRepository(ChartSource, ChartRepository);

    public Val<HarborExposeKind> Expose { get; set; } = HarborExposeKind.LoadBalancer;

    public Val<string> ServiceName { get; set; } = "harbor";

    public Val<string?> LoadBalancerIP { get; set; } = Val<string?>.Known(null);

    public Val<string?> ClusterIP { get; set; } = Val<string?>.Known(null);

    public Val<bool> PinClusterIP { get; set; } = true;

    public Val<string?> ServiceSubnet { get; set; } = Val<string?>.Known(null);

    /// <summary>The <c>ExternalUrl</c> argument as written (null: derived from the LoadBalancer IP).</summary>
    public Val<string?> ExternalUrl { get; set; } = Val<string?>.Known(null);

    public Val<bool> Tls { get; set; } = true;

    public Val<SecretInfo?> AdminPassword { get; set; } = Val<SecretInfo?>.Known(null);

    /// <summary><c>ExistingAdminPasswordSecret</c>: the name of a Secret something else manages (null: none).</summary>
    public Val<string?> ExistingAdminPasswordSecret { get; set; } = Val<string?>.Known(null);

    /// <summary><c>ExistingAdminPasswordSecretKey</c>.</summary>
    public Val<string> ExistingAdminPasswordSecretKey { get; set; } = "HARBOR_ADMIN_PASSWORD";

    /// <summary><c>ExtraValues</c> (dotted Helm keys).</summary>
    public ValList<KeyValueInfo> ExtraValues { get; set; } = new();

    /// <summary><c>Values</c>: the escape-hatch values tree, leaf by leaf (deep-merged over everything else).</summary>
    public ValList<HelmValueInfo> Values { get; set; } = new();

    /// <summary><c>http</c> or <c>https</c>: what the chart itself serves (<c>expose.tls.enabled</c>).</summary>
    public Val<string> Scheme => Tls.Map(t => t ? "https" : "http");

    /// <summary>
    /// The scheme clients use: that of the explicit <see cref="ExternalUrl"/> when set (TLS may end at an ingress or a
    /// Gateway while the chart's TLS is off), else <see cref="Scheme"/>. Computed as <c>HarborRegistry.ClientScheme</c>.
    /// </summary>
    public Val<string> ClientScheme
    {
        get
        {
            if (!ExternalUrl.IsKnown)
            {
                return Val<string>.Unknown(ExternalUrl.Location);
            }

            if (ExternalUrl.Value is { } text && EndpointUrl.TryParse(text, out var url))
            {
                return Val<string>.Known(url.Scheme, ExternalUrl.Location);
            }

            return Scheme;
        }
    }

    /// <summary>
    /// The scheme a client reaching this Harbor at <paramref name="host"/> must use, or unknown: the chart's
    /// <see cref="Scheme"/> on the nginx Service (its DNS names, ClusterIP, and the LoadBalancer IP) for the Service expose
    /// types; <see cref="ClientScheme"/> on the external URL's host. For Ingress/Route the in-cluster Service is not the
    /// chart's nginx, so its scheme is unknown. Computed as <c>HarborRegistry.SchemeForHost</c>.
    /// </summary>
    public Val<string> SchemeForHost(string host)
    {
        if (External)
        {
            return RegistryHost.TryGet(out var erh) && erh is not null && HostPort.Normalize(erh) == HostPort.Normalize(host) ? ClientScheme : Val<string>.Unknown(RegistryHost.Location);
        }

        if (!Expose.TryGet(out var expose))
        {
            return Val<string>.Unknown(Expose.Location);
        }

        var servedByChartService = expose == HarborExposeKind.LoadBalancer || expose == HarborExposeKind.ClusterIP || expose == HarborExposeKind.NodePort;
        var h = HostPort.Normalize(host);
        var chartHost = IsServiceHost(host) ||
                        (ClusterIP.TryGet(out var cip) && cip is not null && HostPort.Normalize(cip) == h) ||
                        (expose == HarborExposeKind.LoadBalancer && LoadBalancerIP.TryGet(out var lb) && lb is not null && HostPort.Normalize(lb) == h);
        if (chartHost)
        {
            return servedByChartService ? Scheme : Val<string>.Unknown(Expose.Location);
        }

        return RegistryHost.TryGet(out var rh) && rh is not null && HostPort.Normalize(rh) == h ? ClientScheme : Val<string>.Unknown(RegistryHost.Location);
    }

    /// <summary><c>{ServiceName}.{Namespace}.svc.cluster.local</c>.</summary>
    public Val<string> ServiceHost =>
        ServiceName.IsKnown && Namespace.IsKnown
            ? Val<string>.Known(ServiceName.Value + "." + Namespace.Value + ".svc.cluster.local", ServiceName.Location ?? Namespace.Location)
            : Val<string>.Unknown();

    /// <summary>The in-cluster DNS names that reach the Service: <c>svc.ns.svc.cluster.local</c>, <c>svc.ns.svc</c>, <c>svc.ns</c>.</summary>
    public IReadOnlyList<string> ServiceHostForms =>
        !External && ServiceName.IsKnown && Namespace.IsKnown
            ? new[]
            {
                ServiceName.Value + "." + Namespace.Value + ".svc.cluster.local",
                ServiceName.Value + "." + Namespace.Value + ".svc",
                ServiceName.Value + "." + Namespace.Value,
            }
            : new string[0];

    /// <summary><c>{Scheme}://{ServiceHost}</c>.</summary>
    public Val<string> InternalEndpoint =>
        Scheme.IsKnown && ServiceHost.IsKnown ? Val<string>.Known(Scheme.Value + "://" + ServiceHost.Value) : Val<string>.Unknown();

    /// <summary>The external URL: explicit, or <c>{Scheme}://{LoadBalancerIP}</c>, or null.</summary>
    public Val<string?> EffectiveExternalUrl
    {
        get
        {
            if (!ExternalUrl.IsKnown)
            {
                return Val<string?>.Unknown(ExternalUrl.Location);
            }

            if (ExternalUrl.Value is not null)
            {
                return ExternalUrl;
            }

            if (!LoadBalancerIP.IsKnown || !Scheme.IsKnown)
            {
                return Val<string?>.Unknown(LoadBalancerIP.Location);
            }

            return Val<string?>.Known(LoadBalancerIP.Value is null ? null : Scheme.Value + "://" + LoadBalancerIP.Value, LoadBalancerIP.Location);
        }
    }

    /// <summary>
    /// The registry host that image references use (<c>host[:port]</c> of <see cref="EffectiveExternalUrl"/>, default
    /// ports dropped; else the LoadBalancer IP). This is the Talos mirror key and Spegel registry of this Harbor.
    /// </summary>
    public Val<string?> RegistryHost
    {
        get
        {
            var url = EffectiveExternalUrl;
            if (!url.IsKnown)
            {
                return Val<string?>.Unknown(url.Location);
            }

            if (url.Value is not null && EndpointUrl.TryParse(url.Value, out var parsed))
            {
                return Val<string?>.Known(parsed.HostPortWithoutDefault, url.Location);
            }

            return LoadBalancerIP;
        }
    }

    /// <summary>
    /// Every known host[:port] that reaches this Harbor: the Service DNS forms, the ClusterIP, the LoadBalancer IP and the
    /// registry host. Used to tell whether an endpoint or an auth key "points at Harbor".
    /// </summary>
    public IReadOnlyList<string> KnownHosts
    {
        get
        {
            var hosts = new List<string>(ServiceHostForms);
            if (ClusterIP.TryGet(out var cip) && cip is not null)
            {
                hosts.Add(cip);
            }

            if (LoadBalancerIP.TryGet(out var lb) && lb is not null)
            {
                hosts.Add(lb);
            }

            if (RegistryHost.TryGet(out var rh) && rh is not null && !hosts.Contains(rh))
            {
                hosts.Add(rh);
            }

            return hosts;
        }
    }

    /// <summary>True when <paramref name="host"/> (host or host:port, any case) is one of <see cref="KnownHosts"/>.</summary>
    public bool IsHost(string host)
    {
        var h = HostPort.Normalize(host);
        foreach (var k in KnownHosts)
        {
            if (HostPort.Normalize(k) == h)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="host"/> is one of the Service's in-cluster DNS names.</summary>
    public bool IsServiceHost(string host)
    {
        var h = HostPort.Normalize(host);
        foreach (var k in ServiceHostForms)
        {
            if (HostPort.Normalize(k) == h)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A key/value pair (Helm extra values, namespace labels).</summary>
public sealed class KeyValueInfo
{
    public KeyValueInfo(Val<string> key, Val<string> value, object? location = null)
    {
        Key = key;
        Value = value;
        Location = location;
    }

    public Val<string> Key { get; }

    public Val<string> Value { get; }

    /// <summary>Where the element is written.</summary>
    public object? Location { get; }
}
