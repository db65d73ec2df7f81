using ClusterRegistry.Harbor;
using ClusterRegistry.Registries;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Validation;

/// <summary>
/// The input checks of the resources that describe things managed outside the stack (<see cref="ExternalRegistry"/>,
/// <see cref="ExistingSecret"/>), run by <see cref="StackValidator.Validate"/> after the input-validation rules. They refuse
/// with the same one-line shape (resource, property, value, reason, exit 2) but are not rules yet, so the IDE does not
/// squiggle them: moving them into CRG001/CRG002 is the remaining step of the one-validation work.
/// </summary>
internal static class OutsideResourceChecks
{
    public static void Validate(Stack stack)
    {
        GeneratedSecretsDoNotCollide(stack);
        foreach (var r in stack.Resources)
        {
            switch (r)
            {
                case ExternalRegistry e:
                    Label(e, "Name", e.Name);
                    External(e);
                    break;
                case ExistingSecret secret:
                    Label(secret, "Name", secret.Name);
                    if (!IsDns1123Label(secret.Args.Namespace))
                    {
                        Fail(secret, "Namespace", secret.Args.Namespace, "expected a DNS-1123 label (lowercase letters, digits, '-')");
                    }

                    if (string.IsNullOrEmpty(secret.SecretName) || secret.SecretName.Length > 253 || !secret.SecretName.Split('.').All(IsDns1123Label))
                    {
                        Fail(secret, "SecretName", secret.SecretName, "expected a Kubernetes object name (DNS-1123 subdomain: lowercase letters, digits, '-' and '.')");
                    }

                    Duplicates(secret, "Keys", secret.Args.Keys);
                    break;
            }
        }
    }

    /// <summary>
    /// The Secrets the renderers generate (a Harbor's <c>&lt;name&gt;-admin</c> for <see cref="HarborArgs.AdminPassword"/>)
    /// must not be an <see cref="ExistingSecret"/>: Flux or Pulumi would overwrite what the ExternalSecret/SOPS writes, and the
    /// two owners would fight over it. Also refuses a Harbor with both an AdminPassword and an existing admin Secret.
    /// </summary>
    private static void GeneratedSecretsDoNotCollide(Stack stack)
    {
        var existing = stack.ResourcesOf<ExistingSecret>().ToList();
        foreach (var h in stack.ResourcesOf<HarborRegistry>())
        {
            if (h.Args.AdminPassword is null)
            {
                continue;
            }

            if (h.Args.ExistingAdminPasswordSecret is { } named)
            {
                Fail(h, "ExistingAdminPasswordSecret", named,
                    "set either AdminPassword (the stack generates the Secret) or ExistingAdminPasswordSecret (something else manages it), not both");
            }

            var generated = h.Name + "-admin";
            var clash = existing.FirstOrDefault(e => e.SecretName == generated && e.Args.Namespace == h.Args.Namespace);
            if (clash is not null)
            {
                Fail(clash, "SecretName", generated,
                    $"{h.Kind} '{h.Name}' generates Secret {h.Args.Namespace}/{generated} for its AdminPassword; a Secret that something else manages must not have its name (both would write it): name the existing one in ExistingAdminPasswordSecret and drop AdminPassword");
            }
        }
    }

    private static void External(ExternalRegistry e)
    {
        // Its Url is judged by CRG001 (a rule, so the IDE squiggles it too), which runs before these checks.
        var a = e.Args;
        if (a.Kind != ExternalRegistryKind.Harbor && a.Projects.Count > 0)
        {
            Fail(e, "Projects", string.Join(", ", a.Projects.Select(p => p?.Name)), $"projects are Harbor's; a {a.Kind} registry has none (declare Kind = Harbor)");
        }

        foreach (var p in a.Projects)
        {
            if (p is null || string.IsNullOrWhiteSpace(p.Name))
            {
                Fail(e, "Projects", p?.Name ?? "null", "a project needs a Name");
            }

            Label(e, "Projects.Name", p!.Name);
            if (p.ProxyCacheUpstream is { } up && !MirrorKey.IsValid(up, out var problem, out _))
            {
                Fail(e, "Projects.ProxyCacheUpstream", up, "expected a registry host such as docker.io: " + problem);
            }
        }

        Duplicates(e, "Projects", a.Projects.Select(p => p.Name).ToList());
    }

    // Names end up in rendered paths and object names: no separators, and not "." or "..".
    private static void Label(Resource r, string property, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value is "." or ".." || value.IndexOfAny(['/', '\\', ' ']) >= 0)
        {
            Fail(r, property, value, "expected a name without spaces or path separators");
        }
    }

    private static void Duplicates(Resource r, string property, IEnumerable<string> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            if (!seen.Add(v))
            {
                Fail(r, property, v, "listed twice");
            }
        }
    }

    private static bool IsDns1123Label(string? value) =>
        value is { Length: > 0 and <= 63 } && !value.Contains('.') && HostName.IsValid(value) && value == value.ToLowerInvariant();

    private static void Fail(Resource r, string property, string? value, string reason) =>
        throw new StackDefinitionException($"{r.Kind} '{r.Name}'", property, value ?? "null", reason);
}
