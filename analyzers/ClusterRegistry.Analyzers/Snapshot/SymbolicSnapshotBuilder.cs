using System;
using System.Collections.Generic;
using System.Linq;
using ClusterRegistry.Analyzers.Collection;
using ClusterRegistry.Rules.Topology;
using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers.Snapshot
{
    /// <summary>
    /// Turns what the collector found in one stack class into the rule library's <see cref="TopologySnapshot"/>. Every
    /// value carries the Roslyn location of the narrowest syntax that set it (the assignment, the element); a property
    /// never set carries the location of its object's <c>new X</c>. Anything not constant becomes unknown.
    /// </summary>
    internal sealed class SymbolicSnapshotBuilder
    {
        private readonly Resolver r;
        private readonly Dictionary<SymObject, ResourceInfo> infos = new Dictionary<SymObject, ResourceInfo>(ReferenceEqualityComparer.Instance);

        private SymbolicSnapshotBuilder(Resolver resolver)
        {
            r = resolver;
        }

        public static TopologySnapshot Build(StackDeclarations declarations, Resolver resolver) =>
            new SymbolicSnapshotBuilder(resolver).BuildCore(declarations);

        private TopologySnapshot BuildCore(StackDeclarations d)
        {
            var identifier = d.StackClass.Locations.FirstOrDefault(l => l.IsInSource);
            var snapshot = new TopologySnapshot
            {
                StackName = d.Name is null ? Val<string>.Unknown(identifier) : Str(d.Name, identifier),
                Location = identifier,
                HasUnknownResources = d.Open,
            };

            // First create every resource, so references between them (robot → Harbor, secret → robot) resolve to one object.
            foreach (var decl in d.Resources)
            {
                ResourceInfo? info = decl.Resource.TypeName switch
                {
                    "HarborRegistry" => new HarborInfo(),
                    "ExternalRegistry" => new HarborInfo { External = true, ChartRepository = "", PinClusterIP = false },
                    "HarborProject" => new ProjectInfo(),
                    "RobotAccount" => new RobotInfo(),
                    "SpegelRelease" => new SpegelInfo(),
                    "TalosMachinePatch" => new TalosPatchInfo(),
                    "PullLatencyProbe" => new ProbeInfo(),
                    "ExistingSecret" => new ExistingSecretInfo(),
                    _ => null,
                };
                if (info is null)
                {
                    snapshot.HasUnknownResources = true;
                    continue;
                }

                info.Location = decl.Resource.TypeLocation ?? decl.Resource.Location;
                info.MayNotExist = decl.Conditional;
                info.CreatedOutsideConstructor = decl.OutsideConstructor;
                // The name argument itself is where a finding about the name belongs (CRG002, CRG301).
                info.Name = decl.Resource.Arguments.TryGetValue("name", out var n) ? Str(n, n.Location ?? info.Location) : Val<string>.Unknown(info.Location);
                infos[decl.Resource] = info;
                switch (info)
                {
                    case HarborInfo h: snapshot.Harbors.Add(h); break;
                    case ProjectInfo p: snapshot.Projects.Add(p); break;
                    case RobotInfo ro: snapshot.Robots.Add(ro); break;
                    case SpegelInfo s: snapshot.Spegels.Add(s); break;
                    case TalosPatchInfo t: snapshot.TalosPatches.Add(t); break;
                    case ProbeInfo pr: snapshot.Probes.Add(pr); break;
                    case ExistingSecretInfo es: snapshot.ExistingSecrets.Add(es); break;
                }
            }

            foreach (var kv in infos)
            {
                var args = kv.Key.Arguments.TryGetValue("args", out var a) ? r.Resolve(a) as SymObject : null;
                if (args is null)
                {
                    // Args built somewhere the analyzer cannot see: every property is unknown.
                    args = new SymObject("?", kv.Value.Location as Location, kv.Value.Location as Location) { Open = true };
                }

                switch (kv.Value)
                {
                    case HarborInfo { External: true } e: FillExternal(e, args); break;
                    case HarborInfo h: FillHarbor(h, args); break;
                    case ProjectInfo p: FillProject(p, args); break;
                    case RobotInfo ro: FillRobot(ro, args); break;
                    case SpegelInfo s: FillSpegel(s, args); break;
                    case TalosPatchInfo t: FillPatch(t, args); break;
                    case ProbeInfo pr: FillProbe(pr, args); break;
                    case ExistingSecretInfo es: FillExistingSecret(es, args); break;
                }
            }

            return snapshot;
        }

        private void FillHarbor(HarborInfo h, SymObject a)
        {
            h.Namespace = Str(a, "Namespace");
            h.ChartVersion = NStr(a, "ChartVersion");
            h.ChartRepository = Str(a, "ChartRepository");
            h.ChartSource = Nested(a, "ChartSource", ChartSource);
            h.PostRenderers = PostRenderers(h, a);
            h.DirectHelm = DirectHelm(a);
            h.Expose = Enum(a, "Expose", HarborExposeKind.LoadBalancer);
            h.ServiceName = Str(a, "ServiceName");
            h.LoadBalancerIP = NStr(a, "LoadBalancerIP");
            h.ClusterIP = NStr(a, "ClusterIP");
            h.PinClusterIP = Bool(a, "PinClusterIP");
            h.ServiceSubnet = NStr(a, "ServiceSubnet");
            h.ExternalUrl = NStr(a, "ExternalUrl");
            h.Tls = Bool(a, "Tls");
            h.AdminPassword = Secret(a, "AdminPassword");
            h.ExistingAdminPasswordSecret = NStr(a, "ExistingAdminPasswordSecret");
            h.ExistingAdminPasswordSecretKey = Str(a, "ExistingAdminPasswordSecretKey");
            h.ExtraValues = KeyValues(a, "ExtraValues");
            h.Values = HelmValueLeaves(a, "Values");
            NullEntries(h, a, "RouteParents");
        }

        /// <summary>An <c>ExternalRegistry</c>: its URL is the client URL (Tls follows its scheme), its projects are described on it.</summary>
        private void FillExternal(HarborInfo h, SymObject a)
        {
            var url = Str(a, "Url");
            h.ExternalUrl = url.IsKnown ? Val<string?>.Known(url.Value, url.Location) : Val<string?>.Unknown(url.Location);
            h.Tls = url.IsKnown
                ? Val<bool>.Known(!(ClusterRegistry.Rules.Values.EndpointUrl.TryParse(url.Value, out var parsed) && parsed.Scheme == "http"), url.Location)
                : Val<bool>.Unknown(url.Location);
            var kindLocation = PropertyLocation(a, "Kind");
            h.ExternalKind = r.Property(a, "Kind") is SymConst { Value: EnumValue kind } ? Val<string>.Known(kind.Member, kindLocation) : Val<string>.Unknown(kindLocation);
            h.AnonymousPull = NBool(a, "AnonymousPull");
            var (items, open, location) = List(a, "Projects");
            h.DeclaredProjects = new ValList<ProjectInfo> { HasUnknownEntries = open, Location = location };
            foreach (var item in items)
            {
                if (r.Resolve(item) is SymObject { TypeName: "ExternalRegistryProject" } po)
                {
                    h.DeclaredProjects.Add(new ProjectInfo
                    {
                        Name = Str(po, "Name"),
                        Location = item.Location ?? h.Location,
                        Registry = Val<HarborInfo?>.Known(h),
                        Public = Bool(po, "Public"),
                        ProxyUpstream = NStr(po, "ProxyCacheUpstream"),
                    });
                }
                else if (r.Resolve(item) is SymConst { Value: null })
                {
                    // A null entry (CRG001): nothing else about it is known.
                    h.DeclaredProjects.Add(new ProjectInfo
                    {
                        Location = item.Location ?? location ?? h.Location,
                        Registry = Val<HarborInfo?>.Known(h),
                        IsNull = true,
                        Public = Val<bool>.Unknown(item.Location),
                        ProxyUpstream = Val<string?>.Unknown(item.Location),
                    });
                }
                else
                {
                    h.DeclaredProjects.HasUnknownEntries = true;
                }
            }
        }

        private void FillExistingSecret(ExistingSecretInfo e, SymObject a)
        {
            e.Namespace = Str(a, "Namespace");
            e.SecretName = NStr(a, "SecretName");
            e.Keys = StrList(a, "Keys", e);
        }

        private void FillProject(ProjectInfo p, SymObject a)
        {
            p.Registry = Ref<HarborInfo>(a, "Registry");
            p.ProjectName = NStr(a, "ProjectName");
            p.Public = Bool(a, "Public");
            var proxyLocation = PropertyLocation(a, "ProxyCache");
            p.ProxyUpstream = r.Property(a, "ProxyCache") switch
            {
                SymConst { Value: null } => Val<string?>.Known(null, proxyLocation),
                SymObject { TypeName: "HarborProxyCacheArgs" } po => Str(po, "Upstream") is { IsKnown: true } up ? Val<string?>.Known(up.Value, up.Location) : Val<string?>.Unknown(proxyLocation),
                _ => Val<string?>.Unknown(proxyLocation),
            };
        }

        private void FillRobot(RobotInfo ro, SymObject a)
        {
            ro.Registry = Ref<HarborInfo>(a, "Registry");
            ro.Level = Enum(a, "Level", RobotLevelKind.System);
            ro.Project = NStr(a, "Project");
            ro.DurationDays = Int(a, "DurationDays");
            var secretVariable = NStr(a, "SecretVariable");
            ro.SecretVariable = secretVariable.IsKnown && secretVariable.Value is null && ro.Name.IsKnown
                ? Val<string>.Known("HARBOR_ROBOT_" + VariableStem(ro.Name.Value) + "_SECRET", secretVariable.Location)
                : secretVariable.IsKnown && secretVariable.Value is { } sv ? Val<string>.Known(sv, secretVariable.Location) : Val<string>.Unknown(secretVariable.Location);
            var (items, open, location) = List(a, "Permissions");
            ro.Permissions = new ValList<PermissionInfo> { HasUnknownEntries = open, Location = location };
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (NullEntry(ro, "Permissions", i, item))
                {
                    continue;
                }

                var perm = Permission(r.Resolve(item), item.Location, ro, i);
                if (perm is null)
                {
                    ro.Permissions.HasUnknownEntries = true;
                }
                else
                {
                    perm.Index = i;
                    ro.Permissions.Add(perm);
                }
            }
        }

        private PermissionInfo? Permission(SymValue v, Location? location, RobotInfo robot, int index)
        {
            if (v is not SymObject o)
            {
                return null;
            }

            switch (o.TypeName)
            {
                case "RobotPermission.Pull":
                    return PermissionInfo.Pull(Arg(o, "project"), location);
                case "RobotPermission.Push":
                    return PermissionInfo.Push(Arg(o, "project"), location);
                case "RobotPermission":
                    {
                        var p = new PermissionInfo { Kind = Arg(o, "Kind"), Namespace = Arg(o, "Namespace"), Location = location };
                        var access = o.Arguments.TryGetValue("Access", out var acc) ? r.Resolve(acc) : null;
                        if (access is SymList list)
                        {
                            p.Access.HasUnknownEntries = list.Open;
                            var items = list.OpenAt < list.Items.Count ? list.Items.Take(list.OpenAt).ToList() : list.Items;
                            for (var j = 0; j < items.Count; j++)
                            {
                                var e = items[j];
                                if (NullEntry(robot, ClusterRegistry.Rules.Topo.Index("Permissions", index) + ".Access", j, e))
                                {
                                    continue;
                                }

                                if (r.Resolve(e) is SymObject { TypeName: "RobotAccess" } ao)
                                {
                                    p.Access.Add(new AccessInfo(Arg(ao, "Resource"), Arg(ao, "Action"), e.Location));
                                }
                                else
                                {
                                    p.Access.HasUnknownEntries = true;
                                }
                            }
                        }
                        else
                        {
                            p.Access.HasUnknownEntries = true;
                        }

                        return p;
                    }

                default:
                    return null;
            }
        }

        private void FillSpegel(SpegelInfo s, SymObject a)
        {
            s.Namespace = Str(a, "Namespace");
            s.ChartVersion = NStr(a, "ChartVersion");
            s.ChartRepository = Str(a, "ChartRepository");
            s.ChartSource = Nested(a, "ChartSource", ChartSource);
            s.PostRenderers = PostRenderers(s, a);
            s.DirectHelm = DirectHelm(a);
            s.RegistryHostPort = Int(a, "RegistryHostPort");
            s.RegistryNodePort = Int(a, "RegistryNodePort");
            s.MirroredRegistries = StrList(a, "MirroredRegistries", s);
            s.PrependExisting = Bool(a, "PrependExisting");
            s.ContainerdRegistryConfigPath = NStr(a, "ContainerdRegistryConfigPath");
            s.AdditionalMirrorTargets = StrList(a, "AdditionalMirrorTargets", s);
            s.NamespaceLabels = KeyValues(a, "NamespaceLabels");
            s.Values = HelmValueLeaves(a, "Values");
            NullEntries(s, a, "RegistryFilters");
            NullEntries(s, a, "ValuesFrom");
        }

        /// <summary>The release's <c>Delivery</c>: a direct Helm release cannot do what only Flux does in the cluster (CRG001).</summary>
        private Val<bool> DirectHelm(SymObject args)
        {
            var loc = PropertyLocation(args, "Delivery");
            return r.Property(args, "Delivery") is SymConst { Value: EnumValue ev }
                ? Val<bool>.Known(ev.Member == "Helm", loc)
                : Val<bool>.Unknown(loc);
        }

        /// <summary>An <c>OciChartSource</c> (Harbor's or Spegel's <c>ChartSource</c>).</summary>
        private ChartSourceInfo ChartSource(SymObject o, Location? location) => new ChartSourceInfo
        {
            Url = Str(o, "Url"),
            Tag = NStr(o, "Tag"),
            Semver = NStr(o, "Semver"),
            SemverFilter = NStr(o, "SemverFilter"),
            Digest = NStr(o, "Digest"),
            Interval = NStr(o, "Interval"),
            Verify = Nested(o, "Verify", Verification),
            SecretName = NStr(o, "SecretName"),
            Provider = r.Property(o, "Provider") switch
            {
                SymConst { Value: EnumValue ev } => Val<string?>.Known(ev.Member.ToLowerInvariant(), PropertyLocation(o, "Provider")),
                SymConst { Value: null } => Val<string?>.Known(null, PropertyLocation(o, "Provider")),
                _ => Val<string?>.Unknown(PropertyLocation(o, "Provider")),
            },
            CertSecretName = NStr(o, "CertSecretName"),
            ServiceAccountName = NStr(o, "ServiceAccountName"),
            Insecure = Bool(o, "Insecure"),
            Location = location ?? o.Location,
        };

        /// <summary>
        /// <c>PostRenderers</c> of HarborArgs or SpegelArgs: each <c>new HelmPostRenderer</c> with its patches and images; an
        /// item the collector cannot see through (a call, a variable of unknown content) leaves its list open, so CRG001 never
        /// calls a post-renderer empty when it may not be.
        /// </summary>
        /// <summary>
        /// A release's <c>PostRenderers</c>, each entry and each patch or image with the index the stack wrote: a literal null
        /// is recorded in the owner's <c>NullEntries</c> (CRG001) and left out, as <c>check</c>'s builder does.
        /// </summary>
        private ValList<PostRendererInfo> PostRenderers(ResourceInfo owner, SymObject args)
        {
            var (items, open, location) = List(args, "PostRenderers");
            var list = new ValList<PostRendererInfo> { HasUnknownEntries = open, Location = location };
            for (var n = 0; n < items.Count; n++)
            {
                var item = items[n];
                if (NullEntry(owner, "PostRenderers", n, item))
                {
                    continue;
                }

                if (r.Resolve(item) is not SymObject { TypeName: "HelmPostRenderer" } po)
                {
                    list.HasUnknownEntries = true;
                    continue;
                }

                var path = ClusterRegistry.Rules.Topo.Index("PostRenderers", n);
                var info = new PostRendererInfo { Location = item.Location ?? po.Location, Index = n };
                var (patches, patchesOpen, patchesLocation) = List(po, "Patches");
                info.Patches = new ValList<KustomizePatchInfo> { HasUnknownEntries = patchesOpen, Location = patchesLocation };
                for (var k = 0; k < patches.Count; k++)
                {
                    var p = patches[k];
                    if (NullEntry(owner, path + ".Patches", k, p))
                    {
                        continue;
                    }

                    if (r.Resolve(p) is SymObject { TypeName: "KustomizePatch" } ko)
                    {
                        info.Patches.Add(new KustomizePatchInfo
                        {
                            Patch = Str(ko, "Patch"),
                            Target = Nested(ko, "Target", PatchTarget),
                            Location = p.Location ?? ko.Location,
                            Index = k,
                        });
                    }
                    else
                    {
                        info.Patches.HasUnknownEntries = true;
                    }
                }

                var (images, imagesOpen, imagesLocation) = List(po, "Images");
                info.Images = new ValList<KustomizeImageInfo> { HasUnknownEntries = imagesOpen, Location = imagesLocation };
                for (var k = 0; k < images.Count; k++)
                {
                    var i = images[k];
                    if (NullEntry(owner, path + ".Images", k, i))
                    {
                        continue;
                    }

                    if (r.Resolve(i) is SymObject { TypeName: "KustomizeImage" } io)
                    {
                        info.Images.Add(new KustomizeImageInfo
                        {
                            Name = Str(io, "Name"),
                            NewName = NStr(io, "NewName"),
                            NewTag = NStr(io, "NewTag"),
                            Digest = NStr(io, "Digest"),
                            Location = i.Location ?? io.Location,
                            Index = k,
                        });
                    }
                    else
                    {
                        info.Images.HasUnknownEntries = true;
                    }
                }

                list.Add(info);
            }

            return list;
        }

        private PatchTargetInfo PatchTarget(SymObject o, Location? location) => new PatchTargetInfo
        {
            Group = NStr(o, "Group"),
            Version = NStr(o, "Version"),
            Kind = NStr(o, "Kind"),
            Name = NStr(o, "Name"),
            Namespace = NStr(o, "Namespace"),
            LabelSelector = NStr(o, "LabelSelector"),
            AnnotationSelector = NStr(o, "AnnotationSelector"),
            Location = location ?? o.Location,
        };

        private ChartVerificationInfo Verification(SymObject o, Location? location)
        {
            var providerLocation = PropertyLocation(o, "Provider");
            var v = new ChartVerificationInfo
            {
                Provider = r.Property(o, "Provider") is SymConst { Value: EnumValue ev }
                    ? Val<string>.Known(ev.Member.ToLowerInvariant(), providerLocation)
                    : Val<string>.Unknown(providerLocation),
                SecretName = NStr(o, "SecretName"),
                Location = location,
            };
            var (items, open, listLocation) = List(o, "MatchOidcIdentity");
            v.MatchOidcIdentity = new ValList<OidcIdentityInfo> { HasUnknownEntries = open, Location = listLocation };
            foreach (var item in items)
            {
                if (r.Resolve(item) is SymObject { TypeName: "OidcIdentityMatch" } mo)
                {
                    v.MatchOidcIdentity.Add(new OidcIdentityInfo { Issuer = Str(mo, "Issuer"), Subject = Str(mo, "Subject"), Location = item.Location });
                }
                else if (r.Resolve(item) is SymConst { Value: null })
                {
                    v.MatchOidcIdentity.Add(new OidcIdentityInfo { IsNull = true, Location = item.Location });
                }
                else
                {
                    v.MatchOidcIdentity.HasUnknownEntries = true;
                }
            }

            return v;
        }

        private void FillPatch(TalosPatchInfo t, SymObject a)
        {
            t.TalosVersion = Str(a, "TalosVersion");
            t.Nodes = StrList(a, "Nodes", t);
            var formLocation = PropertyLocation(a, "RegistryConfigForm");
            t.LegacyRegistryFormChosen = r.Property(a, "RegistryConfigForm") is SymConst { Value: EnumValue form }
                ? Val<bool>.Known(form.Member == "Legacy", formLocation)
                : Val<bool>.Unknown(formLocation);
            t.RendersLegacyRegistryFields = t.LegacyRegistryFormChosen;
            t.DocumentsFormChosen = r.Property(a, "RegistryConfigForm") is SymConst { Value: EnumValue documents }
                ? Val<bool>.Known(documents.Member == "Documents", formLocation)
                : Val<bool>.Unknown(formLocation);

            var (mirrors, mirrorsOpen, mirrorsLocation) = Dict(a, "Mirrors");
            t.Mirrors = new ValList<MirrorInfo> { HasUnknownEntries = mirrorsOpen, Location = mirrorsLocation };
            for (var i = 0; i < mirrors.Count; i++)
            {
                var e = mirrors[i];
                var m = new MirrorInfo { Key = Str(e.Key, e.Location), Location = e.Location };
                if (r.Resolve(e.Value) is SymObject mo)
                {
                    // A null endpoint is named by its mirror's key: check names it so, so only a known key can name it.
                    m.Endpoints = StrList(mo, "Endpoints", t, m.Key.IsKnown ? ClusterRegistry.Rules.Topo.Entry("Mirrors", m.Key, i) + ".Endpoints" : null);
                    m.OverridePath = NBool(mo, "OverridePath");
                    m.SkipFallback = NBool(mo, "SkipFallback");
                }
                else if (r.Resolve(e.Value) is SymConst { Value: null })
                {
                    m.IsNull = true;
                }
                else
                {
                    m.Endpoints = new ValList<Val<string>> { HasUnknownEntries = true, Location = e.Location };
                    m.OverridePath = Val<bool?>.Unknown(e.Location);
                    m.SkipFallback = Val<bool?>.Unknown(e.Location);
                }

                t.Mirrors.Add(m);
            }

            var (configs, configsOpen, configsLocation) = Dict(a, "RegistryConfig");
            t.RegistryConfigs = new ValList<RegistryConfigInfo> { HasUnknownEntries = configsOpen, Location = configsLocation };
            foreach (var e in configs)
            {
                var c = new RegistryConfigInfo { Key = Str(e.Key, e.Location), Location = e.Location };
                if (r.Resolve(e.Value) is SymObject co)
                {
                    c.Auth = Nested(co, "Auth", Auth);
                    c.Tls = Nested(co, "Tls", Tls);
                }
                else if (r.Resolve(e.Value) is SymConst { Value: null })
                {
                    c.IsNull = true;
                }
                else
                {
                    c.Auth = Val<AuthInfo?>.Unknown(e.Location);
                    c.Tls = Val<TlsInfo?>.Unknown(e.Location);
                }

                t.RegistryConfigs.Add(c);
            }

            var (hosts, hostsOpen, hostsLocation) = List(a, "ExtraHostEntries");
            t.HostEntries = new ValList<HostEntryInfo> { HasUnknownEntries = hostsOpen, Location = hostsLocation };
            for (var i = 0; i < hosts.Count; i++)
            {
                var item = hosts[i];
                if (NullEntry(t, "ExtraHostEntries", i, item))
                {
                    continue;
                }

                if (r.Resolve(item) is SymObject { TypeName: "TalosHostEntry" } ho)
                {
                    t.HostEntries.Add(new HostEntryInfo { Ip = Str(ho, "Ip"), Aliases = StrList(ho, "Aliases", t, ClusterRegistry.Rules.Topo.Index("ExtraHostEntries", i) + ".Aliases"), Location = item.Location, Index = i });
                }
                else
                {
                    t.HostEntries.HasUnknownEntries = true;
                }
            }

            var (files, filesOpen, filesLocation) = List(a, "Files");
            t.Files = new ValList<TalosFileInfo> { HasUnknownEntries = filesOpen, Location = filesLocation };
            for (var i = 0; i < files.Count; i++)
            {
                var item = files[i];
                if (NullEntry(t, "Files", i, item))
                {
                    continue;
                }

                if (r.Resolve(item) is SymObject { TypeName: "TalosFile" } fo)
                {
                    var op = r.Property(fo, "Op") is SymConst { Value: EnumValue ev }
                        ? Val<string>.Known(ev.Member.ToLowerInvariant(), PropertyLocation(fo, "Op"))
                        : Val<string>.Unknown(PropertyLocation(fo, "Op"));
                    t.Files.Add(new TalosFileInfo { Path = Str(fo, "Path"), Content = Str(fo, "Content"), Op = op, Location = item.Location, Index = i });
                }
                else
                {
                    t.Files.HasUnknownEntries = true;
                }
            }

            var (cris, crisOpen, crisLocation) = List(a, "CriCustomizations");
            t.CriCustomizations = new ValList<CriCustomizationInfo> { HasUnknownEntries = crisOpen, Location = crisLocation };
            for (var i = 0; i < cris.Count; i++)
            {
                var item = cris[i];
                if (NullEntry(t, "CriCustomizations", i, item))
                {
                    continue;
                }

                switch (r.Resolve(item))
                {
                    case SymObject { TypeName: "TalosCriCustomization.SpegelKeepUnpackedLayers" }:
                        var keep = CriCustomizationInfo.SpegelKeepUnpackedLayers(item.Location);
                        keep.Index = i;
                        t.CriCustomizations.Add(keep);
                        break;
                    case SymObject { TypeName: "TalosCriCustomization" } co:
                        t.CriCustomizations.Add(new CriCustomizationInfo { Name = Str(co, "Name"), Content = Str(co, "Content"), Location = item.Location, Index = i });
                        break;
                    default:
                        t.CriCustomizations.HasUnknownEntries = true;
                        break;
                }
            }
        }

        private AuthInfo Auth(SymObject o, Location? location)
        {
            var auth = new AuthInfo
            {
                Username = NStr(o, "Username"),
                UsernameVariable = NStr(o, "UsernameVariable"),
                Password = Secret(o, "Password"),
                AuthString = Secret(o, "Auth"),
                IdentityToken = Secret(o, "IdentityToken"),
                Location = location,
            };

            // robot.FullName keeps its robot, so CRG208 can tell "the name of a declared robot" from a look-alike string.
            if (o.Properties.TryGetValue("Username", out var p) && p.Value is SymMember { Member: "FullName" } m &&
                r.Resolve(m.Target) is SymObject ro && infos.TryGetValue(ro, out var info) && info is RobotInfo robot)
            {
                auth.UsernameRobot = robot;
            }

            return auth;
        }

        private TlsInfo Tls(SymObject o, Location? location) => new TlsInfo
        {
            InsecureSkipVerify = NBool(o, "InsecureSkipVerify"),
            Ca = NStr(o, "Ca"),
            ClientCertificate = NStr(o, "ClientCertificate"),
            ClientKey = Secret(o, "ClientKey"),
            Location = location,
        };

        private void FillProbe(ProbeInfo p, SymObject a)
        {
            p.Image = Str(a, "Image");
            p.Nodes = StrList(a, "Nodes", p);
            var budget = r.Property(a, "Budget");
            p.BudgetSeconds = budget is SymConst { Value: TimeSpan ts }
                ? Val<double>.Known(ts.TotalSeconds, PropertyLocation(a, "Budget"))
                : Val<double>.Unknown(PropertyLocation(a, "Budget"));
            var size = r.Property(a, "ExpectedSizeBytes");
            p.ExpectedSizeBytes = size is SymConst { Value: null } ? Val<long?>.Known(null, PropertyLocation(a, "ExpectedSizeBytes"))
                : size is SymConst { Value: { } sz } && IsNumber(sz) ? Val<long?>.Known(System.Convert.ToInt64(sz, System.Globalization.CultureInfo.InvariantCulture), PropertyLocation(a, "ExpectedSizeBytes"))
                : Val<long?>.Unknown(PropertyLocation(a, "ExpectedSizeBytes"));
            var link = r.Property(a, "LinkMegabitsPerSecond");
            p.LinkMegabitsPerSecond = link is SymConst { Value: null } ? Val<double?>.Known(null, PropertyLocation(a, "LinkMegabitsPerSecond"))
                : link is SymConst { Value: { } lk } && IsNumber(lk) ? Val<double?>.Known(System.Convert.ToDouble(lk, System.Globalization.CultureInfo.InvariantCulture), PropertyLocation(a, "LinkMegabitsPerSecond"))
                : Val<double?>.Unknown(PropertyLocation(a, "LinkMegabitsPerSecond"));
        }

        // ---- value helpers -------------------------------------------------------------------------------------------

        private static bool IsNumber(object o) => o is int || o is long || o is double || o is float || o is decimal || o is short || o is byte;

        /// <summary>The assignment of <paramref name="name"/>, or <c>new X</c> when the property keeps its default.</summary>
        private static Location? PropertyLocation(SymObject o, string name) =>
            o.Properties.TryGetValue(name, out var p) && p.Location is not null ? p.Location : o.TypeLocation ?? o.Location;

        private Val<string> Str(SymValue v, object? location) =>
            r.Resolve(v) is SymConst { Value: string s } ? Val<string>.Known(s, location) : Val<string>.Unknown(location);

        private Val<string> Arg(SymObject o, string name) =>
            o.Arguments.TryGetValue(name, out var v) ? Str(v, v.Location ?? o.Location) : Val<string>.Unknown(o.Location);

        private Val<string> Str(SymObject o, string name) =>
            r.Property(o, name) is SymConst { Value: string s } ? Val<string>.Known(s, PropertyLocation(o, name)) : Val<string>.Unknown(PropertyLocation(o, name));

        private Val<string?> NStr(SymObject o, string name) => r.Property(o, name) switch
        {
            SymConst { Value: string s } => Val<string?>.Known(s, PropertyLocation(o, name)),
            SymConst { Value: null } => Val<string?>.Known(null, PropertyLocation(o, name)),
            _ => Val<string?>.Unknown(PropertyLocation(o, name)),
        };

        private Val<bool> Bool(SymObject o, string name) =>
            r.Property(o, name) is SymConst { Value: bool b } ? Val<bool>.Known(b, PropertyLocation(o, name)) : Val<bool>.Unknown(PropertyLocation(o, name));

        private Val<bool?> NBool(SymObject o, string name) => r.Property(o, name) switch
        {
            SymConst { Value: bool b } => Val<bool?>.Known(b, PropertyLocation(o, name)),
            SymConst { Value: null } => Val<bool?>.Known(null, PropertyLocation(o, name)),
            _ => Val<bool?>.Unknown(PropertyLocation(o, name)),
        };

        private Val<int> Int(SymObject o, string name) =>
            r.Property(o, name) is SymConst { Value: int i } ? Val<int>.Known(i, PropertyLocation(o, name)) : Val<int>.Unknown(PropertyLocation(o, name));

        private Val<T> Enum<T>(SymObject o, string name, T fallback)
            where T : struct
        {
            var loc = PropertyLocation(o, name);
            return r.Property(o, name) is SymConst { Value: EnumValue ev } && System.Enum.TryParse<T>(ev.Member, out var parsed)
                ? Val<T>.Known(parsed, loc)
                : Val<T>.Unknown(loc);
        }

        private Val<T?> Ref<T>(SymObject o, string name)
            where T : ResourceInfo
        {
            var loc = PropertyLocation(o, name);
            return r.Property(o, name) switch
            {
                SymConst { Value: null } => Val<T?>.Known(null, loc),
                SymObject ro when infos.TryGetValue(ro, out var info) && info is T t => Val<T?>.Known(t, loc),
                _ => Val<T?>.Unknown(loc),
            };
        }

        private Val<SecretInfo?> Secret(SymObject o, string name)
        {
            var loc = PropertyLocation(o, name);
            var v = r.Property(o, name);
            if (v is SymConst { Value: null })
            {
                return Val<SecretInfo?>.Known(null, loc);
            }

            if (v is not SymObject so)
            {
                return Val<SecretInfo?>.Unknown(loc);
            }

            var secretLocation = so.Location ?? loc;
            switch (so.TypeName)
            {
                case "Secret.FromEnvironment":
                    return Val<SecretInfo?>.Known(SecretInfo.FromEnvironment(Arg(so, "variable"), secretLocation), loc);
                case "Secret.FromPlaintextUnsafe":
                    return Val<SecretInfo?>.Known(SecretInfo.Plaintext(Arg(so, "variable"), secretLocation), loc);
                case "Secret.FromOutput":
                    {
                        if (so.Arguments.TryGetValue("owner", out var owner) && r.Resolve(owner) is SymObject ro &&
                            infos.TryGetValue(ro, out var info) && info is RobotInfo robot)
                        {
                            var s = SecretInfo.FromRobot(robot, secretLocation);
                            s.Variable = Arg(so, "variable");
                            return Val<SecretInfo?>.Known(s, loc);
                        }

                        return Val<SecretInfo?>.Known(new SecretInfo(SecretKind.ResourceOutput, secretLocation) { Variable = Arg(so, "variable") }, loc);
                    }

                default:
                    return Val<SecretInfo?>.Unknown(loc);
            }
        }

        private Val<T?> Nested<T>(SymObject o, string name, Func<SymObject, Location?, T> build)
            where T : class
        {
            var loc = PropertyLocation(o, name);
            return r.Property(o, name) switch
            {
                SymConst { Value: null } => Val<T?>.Known(null, loc),
                SymObject no when !no.TypeName.Contains(".") => Val<T?>.Known(build(no, loc), loc),
                _ => Val<T?>.Unknown(loc),
            };
        }

        /// <summary>
        /// A list property: its items, whether it may hold more, and where it is written. Only the items whose index is
        /// certain are given: one added after the list became open (after an element added on some paths only) may stand
        /// at a larger index in the built list, and findings name indexes, so it is left out (the list stays open).
        /// </summary>
        private (IReadOnlyList<SymValue> Items, bool Open, Location? Location) List(SymObject o, string name)
        {
            var loc = PropertyLocation(o, name);
            if (!o.Properties.ContainsKey(name))
            {
                return (Array.Empty<SymValue>(), o.Open, loc);
            }

            return r.Property(o, name) is SymList list
                ? (list.OpenAt < list.Items.Count ? list.Items.Take(list.OpenAt).ToList() : list.Items, list.Open, loc)
                : (Array.Empty<SymValue>(), true, loc);
        }

        private (IReadOnlyList<SymEntry> Entries, bool Open, Location? Location) Dict(SymObject o, string name)
        {
            var loc = PropertyLocation(o, name);
            if (!o.Properties.ContainsKey(name))
            {
                return (Array.Empty<SymEntry>(), o.Open, loc);
            }

            return r.Property(o, name) is SymDict dict ? (dict.Entries, dict.Open, loc) : (Array.Empty<SymEntry>(), true, loc);
        }

        /// <summary>
        /// A list of strings of <paramref name="owner"/>: a literal null is recorded in the owner's <c>NullEntries</c>
        /// (CRG001) under <paramref name="path"/> (empty: <paramref name="name"/>; null: a path the analyzer cannot name as
        /// <c>check</c> does, so it records nothing) and stays in the list as an unknown value, as <c>check</c>'s builder
        /// does; anything else not constant is unknown.
        /// </summary>
        private ValList<Val<string>> StrList(SymObject o, string name, ResourceInfo owner, string? path = "")
        {
            var (items, open, loc) = List(o, name);
            var list = new ValList<Val<string>> { HasUnknownEntries = open, Location = loc };
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (r.Resolve(item) is SymConst { Value: null })
                {
                    if (path is not null)
                    {
                        owner.NullEntries.Add(Val<string>.Known(ClusterRegistry.Rules.Topo.Index(path.Length == 0 ? name : path, i), item.Location ?? owner.Location as Location));
                    }

                    list.Add(Val<string>.Unknown(item.Location));
                }
                else
                {
                    list.Add(Str(item, item.Location));
                }
            }

            return list;
        }

        /// <summary>The literal null entries of a list no rule judges otherwise (CRG001 refuses them).</summary>
        private void NullEntries(ResourceInfo info, SymObject o, string name)
        {
            var (items, _, _) = List(o, name);
            for (var i = 0; i < items.Count; i++)
            {
                NullEntry(info, name, i, items[i]);
            }
        }

        /// <summary>
        /// A literal null entry of a list of objects: recorded in the resource's <c>NullEntries</c> with its index (CRG001)
        /// and left out of the list, as <c>check</c>'s builder does; the entries after it carry their own index.
        /// </summary>
        private bool NullEntry(ResourceInfo info, string property, int index, SymValue item)
        {
            if (!(r.Resolve(item) is SymConst { Value: null }))
            {
                return false;
            }

            info.NullEntries.Add(Val<string>.Known(ClusterRegistry.Rules.Topo.Index(property, index), item.Location ?? info.Location as Location));
            return true;
        }

        private ValList<KeyValueInfo> KeyValues(SymObject o, string name)
        {
            var (entries, open, loc) = Dict(o, name);
            var list = new ValList<KeyValueInfo> { HasUnknownEntries = open, Location = loc };
            foreach (var e in entries)
            {
                list.Add(new KeyValueInfo(Str(e.Key, e.Key.Location ?? e.Location), Str(e.Value, e.Value.Location ?? e.Location), e.Location));
            }

            return list;
        }

        /// <summary>
        /// A <c>HelmValues</c> tree, leaf by leaf: nested dictionaries are walked, constants and lists of constants become
        /// known leaves; a key that is not a constant, or a value the analyzer cannot follow, makes the list open.
        /// </summary>
        private ValList<HelmValueInfo> HelmValueLeaves(SymObject o, string name)
        {
            var (entries, open, loc) = Dict(o, name);
            var list = new ValList<HelmValueInfo> { HasUnknownEntries = open, Location = loc };
            Walk(entries, new List<string>(), list, 0);
            return list;
        }

        private void Walk(IReadOnlyList<SymEntry> entries, List<string> prefix, ValList<HelmValueInfo> list, int depth)
        {
            if (depth > 16)
            {
                list.HasUnknownEntries = true;
                return;
            }

            foreach (var e in entries)
            {
                if (!(r.Resolve(e.Key) is SymConst { Value: string key }))
                {
                    list.HasUnknownEntries = true;
                    continue;
                }

                var path = new List<string>(prefix) { key };
                var location = e.Location ?? e.Value.Location;
                switch (r.Resolve(e.Value))
                {
                    case SymDict nested:
                        if (nested.Open)
                        {
                            list.HasUnknownEntries = true;
                        }

                        if (nested.Entries.Count == 0 && !nested.Open)
                        {
                            list.Add(new HelmValueInfo(path, Val<object?>.Known(Array.Empty<object?>(), location), location));
                        }

                        Walk(nested.Entries, path, list, depth + 1);
                        break;
                    case SymConst { Value: var value } when value is null || value is string || value is bool || IsNumber(value):
                        list.Add(new HelmValueInfo(path, Val<object?>.Known(Normalize(value), location), location));
                        break;
                    case SymList items when !items.Open:
                        {
                            var values = new List<object?>();
                            var known = true;
                            foreach (var item in items.Items)
                            {
                                if (r.Resolve(item) is SymConst { Value: var iv } && (iv is null || iv is string || iv is bool || IsNumber(iv)))
                                {
                                    values.Add(Normalize(iv));
                                }
                                else
                                {
                                    known = false;
                                }
                            }

                            list.Add(new HelmValueInfo(path, known ? Val<object?>.Known(values, location) : Val<object?>.Unknown(location), location));
                            break;
                        }

                    default:
                        // A map the analyzer cannot walk may hold any key: the tree is not fully known.
                        list.Add(new HelmValueInfo(path, Val<object?>.Unknown(location), location));
                        list.HasUnknownEntries = true;
                        break;
                }
            }
        }

        private static object? Normalize(object? v) => v switch
        {
            int i => (long)i,
            short sh => (long)sh,
            byte b => (long)b,
            float f => (double)f,
            decimal d => (double)d,
            _ => v,
        };

        private static string VariableStem(string name) =>
            new string(name.ToUpperInvariant().Select(c => (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_').ToArray());

        private sealed class ReferenceEqualityComparer : IEqualityComparer<SymObject>
        {
            public static readonly ReferenceEqualityComparer Instance = new ReferenceEqualityComparer();

            public bool Equals(SymObject? x, SymObject? y) => ReferenceEquals(x, y);

            public int GetHashCode(SymObject obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }
}
