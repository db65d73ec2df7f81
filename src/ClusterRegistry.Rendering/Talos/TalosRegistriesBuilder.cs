using ClusterRegistry.Talos;

namespace ClusterRegistry.Rendering.Talos;

/// <summary>
/// Folds the <see cref="TalosMachinePatch"/>es that apply to a node into the <see cref="TalosRegistries"/> Talos renders
/// from. Patches merge like Talos strategic-merge patches: mirror endpoint lists are appended, flags and per-host
/// auth/TLS blocks are replaced by later patches.
/// </summary>
public static class TalosRegistriesBuilder
{
    /// <param name="patches">Patches in apply order.</param>
    /// <param name="secretText">
    /// The text written for a secret; defaults to its <c>${VAR}</c> placeholder. Pass a resolver only when producing
    /// the configuration that is applied to a machine.
    /// </param>
    public static TalosRegistries Build(IEnumerable<TalosMachinePatch> patches, Func<Secret, string>? secretText = null)
    {
        ArgumentNullException.ThrowIfNull(patches);
        secretText ??= s => s.Placeholder;
        var result = new TalosRegistries();
        foreach (var patch in patches)
        {
            foreach (var (registry, mirror) in patch.Args.Mirrors)
            {
                if (!result.Mirrors.TryGetValue(registry, out var spec))
                {
                    result.Mirrors[registry] = spec = new TalosRegistries.MirrorSpec();
                }

                var overridePath = mirror.OverridePath ?? false;
                spec.Endpoints.AddRange(mirror.Endpoints.Select(e => new TalosRegistries.EndpointSpec(e, overridePath)));
                if (mirror.SkipFallback is { } skip)
                {
                    spec.SkipFallback = skip;
                }
            }

            foreach (var (host, config) in patch.Args.RegistryConfig)
            {
                if (config.Auth is { } auth)
                {
                    result.Auths[host] = new TalosRegistries.AuthSpec
                    {
                        Username = auth.Username ?? (auth.UsernameVariable is { } v ? "${" + v + "}" : ""),
                        Password = auth.Password is { } p ? secretText(p) : "",
                        Auth = auth.Auth is { } a ? secretText(a) : "",
                        IdentityToken = auth.IdentityToken is { } t ? secretText(t) : "",
                    };
                }

                if (config.Tls is { } tls)
                {
                    result.Tls[host] = new TalosRegistries.TlsSpec
                    {
                        InsecureSkipVerify = tls.InsecureSkipVerify ?? false,
                        Ca = tls.Ca,
                        ClientCertificate = tls.ClientCertificate,
                        ClientKey = tls.ClientKey is { } k ? secretText(k) : null,
                    };
                }
            }
        }

        return result;
    }
}
