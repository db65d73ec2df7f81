using System.Collections.Generic;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules.General;

/// <summary>
/// CRG002: the model refuses a resource or a list: two resources of one kind share a name in a stack, a name is blank or
/// cannot be a file name (it holds a space or a slash, or is <c>.</c>/<c>..</c>), a list holds a value twice (nodes,
/// registries, an external registry's projects, an existing Secret's keys), an existing Secret has the name of a Secret
/// the stack generates (a Harbor's <c>&lt;name&gt;-admin</c>), or a resource is created before the stack's constructor
/// runs (a field initialiser). An input-validation rule: <c>synth</c> refuses the stack on
/// its findings (exit 2).
/// </summary>
public sealed class Crg002DuplicateName : Rule
{
    public static readonly RuleDescriptor Id = new(RuleIds.Crg002, "Duplicate or unusable name, value listed twice, or resource created outside the constructor", RuleSeverity.Error, "General",
        "Resource names (of every kind, including ExternalRegistry and ExistingSecret) are non-blank and unique per kind within a stack and end up in file names, Pulumi URNs and Helm release names, so they cannot be . or .. or hold spaces or slashes, nor can a Harbor project name; node and registry lists, an external registry's project names and an existing Secret's keys hold each value once; an existing Secret does not take the name of a Secret the stack generates (a Harbor's <name>-admin); resources are created inside the constructor of a Stack subclass.",
        refusesInput: true);

    public override RuleDescriptor Descriptor => Id;

    public override IEnumerable<Finding> Evaluate(TopologySnapshot s)
    {
        var all = new List<ResourceInfo>();
        all.AddRange(s.Harbors);
        all.AddRange(s.Projects);
        all.AddRange(s.Robots);
        all.AddRange(s.Spegels);
        all.AddRange(s.TalosPatches);
        all.AddRange(s.Probes);
        all.AddRange(s.ExistingSecrets);
        var seen = new Dictionary<string, ResourceInfo>();
        foreach (var r in all)
        {
            if (r.CreatedOutsideConstructor)
            {
                yield return Refuse(r, "", r.Kind, $"{r.Label} is created before the stack's constructor runs (a field or property initialiser, or a static constructor): the model refuses it, resources must be created inside the constructor of a Stack subclass", r.Location);
                continue;
            }

            if (r.Name.TryGet(out var given) && string.IsNullOrWhiteSpace(given))
            {
                // The model refuses it as the resource is constructed (check exits 2 before any rule runs), with this message.
                yield return Refuse(r, "name", given ?? "", BlankName, First(r.Name.Location, r.Location));
                continue;
            }

            if (!s.FromRepository && UsableAsFileName(r) && r.Name.TryGet(out var fileName) && !IsFileName(fileName))
            {
                yield return Refuse(r, "name", fileName, $"{r.Kind} name '{fileName}' is not usable as a file name: no spaces or slashes, and not . or ..", First(r.Name.Location, r.Location));
            }

            if (!s.FromRepository && r is ProjectInfo p && p.ProjectName.TryGet(out var projectName) && projectName is not null && !IsFileName(projectName))
            {
                yield return Refuse(r, "ProjectName", projectName, $"ProjectName '{projectName}' is not usable as a name: no spaces or slashes, and not . or ..", First(p.ProjectName.Location, r.Location));
            }

            // Two declarations that may not both run (alternative constructors, two branches) are not a duplicate.
            if (r.MayNotExist || !r.Name.TryGet(out var name))
            {
                continue;
            }

            var key = r.Kind + "\n" + name;
            if (seen.ContainsKey(key))
            {
                yield return Refuse(r, "name", name, $"two {r.Kind} resources are named '{name}' in this stack", First(r.Name.Location, r.Location));
            }
            else
            {
                seen[key] = r;
            }
        }

        foreach (var p in s.TalosPatches)
        {
            foreach (var f in Twice(p, "Nodes", p.Nodes, "node"))
            {
                yield return f;
            }
        }

        foreach (var sp in s.Spegels)
        {
            foreach (var f in Twice(sp, "MirroredRegistries", sp.MirroredRegistries, "registry"))
            {
                yield return f;
            }
        }

        foreach (var pr in s.Probes)
        {
            foreach (var f in Twice(pr, "Nodes", pr.Nodes, "node"))
            {
                yield return f;
            }
        }

        foreach (var h in s.Harbors)
        {
            if (h.External)
            {
                foreach (var f in DeclaredProjectNames(s, h))
                {
                    yield return f;
                }
            }
        }

        foreach (var e in s.ExistingSecrets)
        {
            foreach (var f in Twice(e, "Keys", e.Keys, "key"))
            {
                yield return f;
            }
        }

        foreach (var f in GeneratedSecretsDoNotCollide(s))
        {
            yield return f;
        }
    }

    /// <summary>The message of a blank resource name, the same as the model's (<c>Resource</c>'s constructor).</summary>
    public const string BlankName = "a resource needs a non-empty name";

    /// <summary>The projects described on an external registry: each name usable as a name (a blank one is CRG001's), and listed once.</summary>
    private IEnumerable<Finding> DeclaredProjectNames(TopologySnapshot s, HarborInfo h)
    {
        if (h.DeclaredProjects.HasUnknownEntries)
        {
            yield break; // an entry the analyzer cannot see shifts the indexes of the ones after it
        }

        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        for (var i = 0; i < h.DeclaredProjects.Count; i++)
        {
            var p = h.DeclaredProjects[i];
            if (p.IsNull || !p.Name.TryGet(out var name) || string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            var path = Topo.Index("Projects", i) + ".Name";
            var location = First(p.Name.Location, p.Location);
            if (!s.FromRepository && !IsFileName(name))
            {
                yield return Refuse(h, path, name, $"project name '{name}' is not usable as a name: no spaces or slashes, and not . or ..", location);
            }
            else if (!seen.Add(name))
            {
                yield return Refuse(h, path, name, $"project '{name}' is listed twice in Projects", location);
            }
        }
    }

    /// <summary>
    /// The Secrets the stack generates (a Harbor's <c>&lt;name&gt;-admin</c> for its AdminPassword) must not be an
    /// <c>ExistingSecret</c>: Flux or Pulumi would overwrite what the ExternalSecret or SOPS writes, and the two owners would
    /// fight over it. The finding is on the ExistingSecret's name.
    /// </summary>
    private IEnumerable<Finding> GeneratedSecretsDoNotCollide(TopologySnapshot s)
    {
        foreach (var h in s.Harbors)
        {
            if (h.External || h.MayNotExist || !h.AdminPassword.TryGet(out var password) || password is null
                || !h.Name.TryGet(out var harbor) || !h.Namespace.TryGet(out var ns))
            {
                continue;
            }

            var generated = harbor + "-admin";
            foreach (var e in s.ExistingSecrets)
            {
                var secretName = e.EffectiveSecretName;
                if (!e.MayNotExist && !e.CreatedOutsideConstructor && secretName.Is(generated) && e.Namespace.Is(ns))
                {
                    yield return Refuse(e, "SecretName", generated,
                        $"{h.Kind} '{harbor}' generates Secret {ns}/{generated} for its AdminPassword; a Secret that something else manages must not have its name (both would write it): name the existing one in ExistingAdminPasswordSecret and drop AdminPassword",
                        First(secretName.Location, e.Location));
                }
            }
        }
    }

    /// <summary>The resources whose name the renderers use in file names (Spegel's and the probe's are fixed or not rendered).</summary>
    private static bool UsableAsFileName(ResourceInfo r) => r is HarborInfo || r is ProjectInfo || r is RobotInfo || r is TalosPatchInfo || r is ExistingSecretInfo;

    private static bool IsFileName(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value == "." || value == "..")
        {
            return false;
        }

        foreach (var c in value!)
        {
            if (char.IsWhiteSpace(c) || c == '/' || c == '\\')
            {
                return false;
            }
        }

        return true;
    }

    private IEnumerable<Finding> Twice(ResourceInfo r, string property, ValList<Val<string>> list, string what)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].TryGet(out var v) && v is not null && !seen.Add(v))
            {
                yield return Refuse(r, Topo.Index(property, i), v, $"{what} '{v}' is listed twice in {property}", First(list[i].Location, list.Location));
            }
        }
    }
}
