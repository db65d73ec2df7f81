using ClusterRegistry.Harbor;
using ClusterRegistry.Probe.Oci;
using ClusterRegistry.Probes;
using ClusterRegistry.Registries;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Probe.Running;

/// <summary>
/// Turns a stack's <see cref="PullLatencyProbe"/> resources into <see cref="ProbeRequest"/>s: image, budget, timeout, path
/// and nodes from the resource; for the registry path, plain HTTP when the stack's Harbor serves that host over http and
/// the robot credentials the machine patches give containerd for that host (resolved from the environment, like a node).
/// </summary>
public static class StackProbes
{
    public static IReadOnlyList<ProbeRequest> For(Stack stack, string? probeName, Func<ProbeRequest, ProbeRequest>? adjust = null, Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        var probes = stack.ResourcesOf<PullLatencyProbe>().ToList();
        if (probeName is not null)
        {
            probes = probes.Where(p => p.Name == probeName).ToList();
            if (probes.Count == 0)
            {
                throw new StackDefinitionException(probeName, "name", probeName,
                    $"stack '{stack.Name}' has no PullLatencyProbe named '{probeName}' (has: {string.Join(", ", stack.ResourcesOf<PullLatencyProbe>().Select(p => p.Name))})");
            }
        }

        var requests = new List<ProbeRequest>();
        foreach (var p in probes)
        {
            if (!ProbeViaText.TryParse(p.Args.Via, out var via))
            {
                throw new StackDefinitionException(p.Name, "Via", p.Args.Via, "expected 'cri', 'registry' or 'kubernetes'");
            }

            if (!PullReference.TryParse(p.Args.Image, out var reference, out var error))
            {
                throw new StackDefinitionException(p.Name, "Image", p.Args.Image, error);
            }

            if (p.Args.Budget <= TimeSpan.Zero)
            {
                throw new StackDefinitionException(p.Name, "Budget", p.Args.Budget.ToString(), "the budget must be positive");
            }

            var registry = new RegistryPullOptions
            {
                PlainHttp = ServesPlainHttp(stack, reference.Registry),
                Credentials = CredentialsFor(stack, reference.Registry, env),
            };
            var request = new ProbeRequest
            {
                Image = p.Args.Image,
                Via = via,
                Budget = p.Args.Budget,
                Timeout = p.Args.Timeout,
                ProbeName = p.Name,
                Registry = registry,
                Nodes = p.Args.Nodes.ToArray(),
            };
            requests.Add(adjust is null ? request : adjust(request));
        }

        return requests;
    }

    private static bool ServesPlainHttp(Stack stack, string host) =>
        stack.ResourcesOf<HarborRegistry>().Any(h =>
            (h.Args.ExternalUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme == "http" && u.Authority == host) ||
            (!h.Args.Tls && h.Args.LoadBalancerIP == host)) ||
        stack.ResourcesOf<ExternalRegistry>().Any(e => e.Scheme == "http" && e.RegistryHost == host);

    private static RegistryCredentials? CredentialsFor(Stack stack, string host, Func<string, string?> env)
    {
        foreach (var patch in stack.ResourcesOf<TalosMachinePatch>())
        {
            if (patch.Args.RegistryConfig.TryGetValue(host, out var config) && config.Auth is { } auth)
            {
                var user = auth.UsernameVariable is { } uv ? env(uv) ?? auth.Username : auth.Username;
                var password = auth.Password?.Resolve(env);
                if (user is not null && password is not null)
                {
                    return new RegistryCredentials(user, password);
                }
            }
        }

        return null;
    }
}
