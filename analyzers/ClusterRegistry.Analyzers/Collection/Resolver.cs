using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>
    /// Resolves deferred values once a stack class is fully collected: fields to their single assignment, concatenations
    /// to strings, members of SDK objects to the assigned value, the model default, or a derived property computed the
    /// way the model computes it (<c>robot.FullName</c>, <c>harbor.ServiceHost</c>, ...).
    /// </summary>
    internal sealed class Resolver
    {
        private const int MaxDepth = 32;
        private readonly IReadOnlyDictionary<ISymbol, List<SymValue>> fields;

        public Resolver(IReadOnlyDictionary<ISymbol, List<SymValue>> fields)
        {
            this.fields = fields;
        }

        public SymValue Resolve(SymValue? value) => Resolve(value, 0);

        /// <summary>The resolved string, or null when unknown or not a string.</summary>
        public string? String(SymValue? value) => Resolve(value) is SymConst { Value: string s } ? s : null;

        /// <summary>The property's resolved value: assigned, or the model default, or unknown for an open object.</summary>
        public SymValue Property(SymObject obj, string name) => Member(obj, name, null, 0);

        private SymValue Resolve(SymValue? value, int depth)
        {
            if (value is null || depth > MaxDepth)
            {
                return new SymUnknown(value?.Location);
            }

            switch (value)
            {
                case SymFieldRef f:
                    return fields.TryGetValue(f.Field, out var assigned) && assigned.Count == 1
                        ? Resolve(assigned[0], depth + 1)
                        : new SymUnknown(f.Location);
                case SymConcat c:
                    {
                        var sb = new StringBuilder();
                        foreach (var part in c.Parts)
                        {
                            var r = Resolve(part, depth + 1);
                            if (r is SymConst { Value: null })
                            {
                                continue; // string concatenation reads null as "" (path = null; path += "/hosts" is "/hosts")
                            }

                            if (r is not SymConst k || k.Value is EnumValue || k.Value is System.TimeSpan)
                            {
                                return new SymUnknown(c.Location);
                            }

                            sb.Append(k.Value is bool b ? (b ? "True" : "False") : System.Convert.ToString(k.Value, CultureInfo.InvariantCulture));
                        }

                        return new SymConst(sb.ToString(), c.Location);
                    }

                case SymMember m:
                    {
                        var target = Resolve(m.Target, depth + 1);
                        return target is SymObject o ? Member(o, m.Member, m.Location, depth + 1) : new SymUnknown(m.Location);
                    }

                case SymList { Escaped: true }:
                case SymDict { Escaped: true }:
                    // Changed by code the analyzer does not follow: its elements are not known.
                    return new SymUnknown(value.Location);

                default:
                    return value;
            }
        }

        private SymValue Member(SymObject o, string name, Location? location, int depth)
        {
            if (depth > MaxDepth)
            {
                return new SymUnknown(location);
            }

            if (o.Escaped)
            {
                // Changed by code the analyzer does not follow: only what the object was constructed with (a resource's
                // name and args, which the model keeps read-only) is still known, and what derives from them.
                return Derived(o, name, location, depth + 1) ?? new SymUnknown(location);
            }

            if (o.Properties.TryGetValue(name, out var p))
            {
                return Resolve(p.Value, depth + 1);
            }

            var derived = Derived(o, name, location, depth + 1);
            if (derived is not null)
            {
                return derived;
            }

            if (!o.Open && ModelDefaults.TryGet(o.TypeName, name, out var d))
            {
                return new SymConst(d, location ?? o.TypeLocation);
            }

            return new SymUnknown(location);
        }

        private string? Str(SymObject o, string name, int depth) => Member(o, name, null, depth) is SymConst { Value: string s } ? s : null;

        private SymObject? Obj(SymObject o, string name, int depth) => Member(o, name, null, depth) as SymObject;

        private SymObject? Args(SymObject resource, int depth) => resource.Arguments.TryGetValue("args", out var a) ? Resolve(a, depth + 1) as SymObject : null;

        private string? Name(SymObject resource, int depth) =>
            resource.Arguments.TryGetValue("name", out var n) && Resolve(n, depth + 1) is SymConst { Value: string s } ? s : null;

        /// <summary>Derived properties of the SDK's resources, as the model computes them.</summary>
        private SymValue? Derived(SymObject o, string member, Location? location, int depth)
        {
            SymValue Known(string? s) => s is null ? new SymUnknown(location) : new SymConst(s, location);

            if (member == "Name" && o.Arguments.ContainsKey("name"))
            {
                return Resolve(o.Arguments["name"], depth);
            }

            if (member == "Args" && o.Arguments.ContainsKey("args"))
            {
                return Resolve(o.Arguments["args"], depth);
            }

            switch (o.TypeName + "." + member)
            {
                case "HarborRegistry.Scheme":
                    return Known(HarborScheme(o, depth));
                case "HarborRegistry.ServiceHost":
                    return Known(HarborServiceHost(o, depth));
                case "HarborRegistry.InternalEndpoint":
                    {
                        var scheme = HarborScheme(o, depth);
                        var host = HarborServiceHost(o, depth);
                        return Known(scheme is null || host is null ? null : scheme + "://" + host);
                    }

                case "HarborRegistry.ExternalUrl":
                    {
                        var args = Args(o, depth);
                        if (args is null)
                        {
                            return new SymUnknown(location);
                        }

                        var explicitUrl = Member(args, "ExternalUrl", null, depth);
                        if (explicitUrl is SymConst { Value: string url })
                        {
                            return Known(url);
                        }

                        if (explicitUrl is not SymConst { Value: null })
                        {
                            return new SymUnknown(location);
                        }

                        var ip = Member(args, "LoadBalancerIP", null, depth);
                        if (ip is SymConst { Value: null })
                        {
                            return new SymConst(null, location);
                        }

                        var scheme = HarborScheme(o, depth);
                        return Known(ip is SymConst { Value: string s } && scheme is not null ? scheme + "://" + s : null);
                    }

                case "RobotAccount.FullName":
                    {
                        var args = Args(o, depth);
                        var name = Name(o, depth);
                        if (args is null || name is null)
                        {
                            return new SymUnknown(location);
                        }

                        var level = Member(args, "Level", null, depth);
                        if (level is SymConst { Value: EnumValue { Member: "Project" } })
                        {
                            var project = Str(args, "Project", depth);
                            return Known(project is null ? null : "robot$" + project + "+" + name);
                        }

                        return level is SymConst { Value: EnumValue } ? Known("robot$" + name) : new SymUnknown(location);
                    }

                case "RobotAccount.UsernameVariable":
                case "RobotAccount.Secret":
                    {
                        var args = Args(o, depth);
                        var name = Name(o, depth);
                        if (args is null || name is null)
                        {
                            return new SymUnknown(location);
                        }

                        var stem = "HARBOR_ROBOT_" + new string(name.ToUpperInvariant().Select(c => (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_').ToArray());
                        if (member == "UsernameVariable")
                        {
                            var v = Member(args, "UsernameVariable", null, depth);
                            return v is SymConst { Value: null } ? Known(stem + "_USERNAME") : v;
                        }

                        var secretVar = Member(args, "SecretVariable", null, depth);
                        var secret = new SymObject("Secret.FromOutput", location, location);
                        secret.Arguments["owner"] = o;
                        secret.Arguments["output"] = new SymConst("secret", location);
                        secret.Arguments["variable"] = secretVar is SymConst { Value: null } ? new SymConst(stem + "_SECRET", location) : secretVar;
                        return secret;
                    }

                case "HarborProject.ProjectName":
                    {
                        var args = Args(o, depth);
                        if (args is null)
                        {
                            return new SymUnknown(location);
                        }

                        var pn = Member(args, "ProjectName", null, depth);
                        return pn is SymConst { Value: null } ? Known(Name(o, depth)) : pn;
                    }

                case "SpegelRelease.EffectiveRegistryConfigPath":
                    {
                        var args = Args(o, depth);
                        if (args is null)
                        {
                            return new SymUnknown(location);
                        }

                        var path = Member(args, "ContainerdRegistryConfigPath", null, depth);
                        return path is SymConst { Value: null } ? Known("/etc/containerd/certs.d") : path;
                    }

                default:
                    return null;
            }
        }

        private string? HarborScheme(SymObject harbor, int depth)
        {
            var args = Args(harbor, depth);
            return args is not null && Member(args, "Tls", null, depth) is SymConst { Value: bool tls } ? (tls ? "https" : "http") : null;
        }

        private string? HarborServiceHost(SymObject harbor, int depth)
        {
            var args = Args(harbor, depth);
            if (args is null)
            {
                return null;
            }

            var service = Str(args, "ServiceName", depth);
            var ns = Str(args, "Namespace", depth);
            return service is null || ns is null ? null : service + "." + ns + ".svc.cluster.local";
        }
    }
}
