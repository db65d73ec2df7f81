using ClusterRegistry.Charts;
using ClusterRegistry.Harbor;
using ClusterRegistry.Probes;
using ClusterRegistry.Registries;
using ClusterRegistry.Rules.Topology;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;

namespace ClusterRegistry.Topology;

/// <summary>
/// Builds the rules' <see cref="TopologySnapshot"/> from a built <see cref="Stack"/>: every value is known except resource
/// outputs (robot secrets), and every location is the resource's <see cref="Resource.Source"/>. References the model
/// computes (a robot's <c>Secret</c>, <c>FullName</c>, its Harbor) become the same symbolic references the analyzer
/// builds from source, so a rule sees the same thing in both places.
/// </summary>
public static class SnapshotBuilder
{
    public static TopologySnapshot Build(Stack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var context = new Context();
        var snapshot = new TopologySnapshot { StackName = stack.Name };

        foreach (var h in stack.ResourcesOf<HarborRegistry>())
        {
            snapshot.Harbors.Add(context.Harbor(h));
        }

        foreach (var e in stack.ResourcesOf<ExternalRegistry>())
        {
            snapshot.Harbors.Add(External(e));
        }

        foreach (var e in stack.ResourcesOf<ExistingSecret>())
        {
            var info = new ExistingSecretInfo
            {
                Name = e.Name,
                Location = Where(e),
                Namespace = e.Args.Namespace ?? "",
                SecretName = Val<string?>.Known(e.Args.SecretName),
            };
            info.Keys = Strings(info, "Keys", e.Args.Keys);
            snapshot.ExistingSecrets.Add(info);
        }

        foreach (var r in stack.ResourcesOf<RobotAccount>())
        {
            snapshot.Robots.Add(context.Robot(r));
        }

        foreach (var p in stack.ResourcesOf<HarborProject>())
        {
            snapshot.Projects.Add(new ProjectInfo
            {
                Name = p.Name,
                Location = Where(p),
                Registry = Val<HarborInfo?>.Known(p.Args.Registry is { } reg ? context.Harbor(reg) : null),
                ProjectName = Val<string?>.Known(p.Args.ProjectName),
                Public = p.Args.Public,
                ProxyUpstream = Val<string?>.Known(p.Args.ProxyCache?.Upstream),
            });
        }

        foreach (var s in stack.ResourcesOf<SpegelRelease>())
        {
            var info = new SpegelInfo
            {
                Name = s.Name,
                Location = Where(s),
                Namespace = s.Args.Namespace,
                ChartVersion = Val<string?>.Known(s.Args.ChartVersion),
                ChartRepository = s.Args.ChartRepository,
                ChartSource = Val<ChartSourceInfo?>.Known(ChartSource(s.Args.ChartSource, Where(s))),
                DirectHelm = Val<bool>.Known(s.Args.Delivery == ReleaseDelivery.Helm, Where(s)),
                RegistryHostPort = s.Args.RegistryHostPort,
                RegistryNodePort = s.Args.RegistryNodePort,
                PrependExisting = s.Args.PrependExisting,
                ContainerdRegistryConfigPath = Val<string?>.Known(s.Args.ContainerdRegistryConfigPath),
                NamespaceLabels = new ValList<KeyValueInfo>(s.Args.NamespaceLabels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new KeyValueInfo(kv.Key, kv.Value))),
                Values = Leaves(s.Args.Values),
            };
            info.MirroredRegistries = Strings(info, "MirroredRegistries", s.Args.MirroredRegistries);
            info.AdditionalMirrorTargets = Strings(info, "AdditionalMirrorTargets", s.Args.AdditionalMirrorTargets);
            Strings(info, "RegistryFilters", s.Args.RegistryFilters); // not judged otherwise: only its null entries
            NullsOnly(Entries(info, "ValuesFrom", s.Args.ValuesFrom));
            info.PostRenderers = PostRenderers(info, s.Args.PostRenderers, Where(s));
            snapshot.Spegels.Add(info);
        }

        foreach (var t in stack.ResourcesOf<TalosMachinePatch>())
        {
            snapshot.TalosPatches.Add(context.Patch(t));
        }

        foreach (var p in stack.ResourcesOf<PullLatencyProbe>())
        {
            var probe = new ProbeInfo
            {
                Name = p.Name,
                Location = Where(p),
                Image = p.Args.Image,
                BudgetSeconds = p.Args.Budget.TotalSeconds,
                ExpectedSizeBytes = Val<long?>.Known(p.Args.ExpectedSizeBytes),
                LinkMegabitsPerSecond = Val<double?>.Known(p.Args.LinkMegabitsPerSecond),
            };
            probe.Nodes = Strings(probe, "Nodes", p.Args.Nodes);
            snapshot.Probes.Add(probe);
        }

        return snapshot;
    }

    /// <summary>
    /// An <see cref="ExternalRegistry"/> as the rules see it: a registry whose URL is the one clients use (so its scheme is
    /// what <c>Tls</c> says), without Service, chart or declared robots; its projects described on it.
    /// </summary>
    public static HarborInfo External(ExternalRegistry e)
    {
        var a = e.Args;
        var info = new HarborInfo
        {
            Name = e.Name,
            Location = Where(e),
            External = true,
            ExternalKind = a.Kind.ToString(),
            AnonymousPull = Val<bool?>.Known(a.AnonymousPull),
            ExternalUrl = Val<string?>.Known(a.Url),
            Tls = e.Scheme != "http",
            ChartRepository = "",
            PinClusterIP = false,
        };
        foreach (var p in a.Projects)
        {
            if (p is null)
            {
                // CRG001 refuses it; its name and properties are unknown, so no other rule judges it.
                info.DeclaredProjects.Add(new ProjectInfo
                {
                    Location = Where(e),
                    Registry = Val<HarborInfo?>.Known(info),
                    IsNull = true,
                    Public = Val<bool>.Unknown(),
                    ProxyUpstream = Val<string?>.Unknown(),
                });
                continue;
            }

            info.DeclaredProjects.Add(new ProjectInfo
            {
                Name = p.Name,
                Location = Where(e),
                Registry = Val<HarborInfo?>.Known(info),
                Public = p.Public,
                ProxyUpstream = Val<string?>.Known(p.ProxyCacheUpstream),
            });
        }

        return info;
    }

    /// <summary>
    /// The entries of a list of objects with the index the user wrote: a null one is recorded in the resource's
    /// <see cref="ResourceInfo.NullEntries"/> (CRG001 refuses it) and left out, so the rules see only real entries, and
    /// each entry after it keeps its own index (the analyzer does the same).
    /// </summary>
    private static IEnumerable<(T Item, int Index)> Entries<T>(ResourceInfo info, string property, List<T> list)
        where T : class
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                info.NullEntries.Add(Val<string>.Known(Rules.Topo.Index(property, i), info.Location));
            }
            else
            {
                yield return (list[i], i);
            }
        }
    }

    /// <summary>Walks a list for its null entries only (a list no rule judges otherwise).</summary>
    private static void NullsOnly<T>(IEnumerable<T> entries)
    {
        foreach (var _ in entries)
        {
        }
    }

    /// <summary>
    /// A list of strings: a null entry is recorded in <see cref="ResourceInfo.NullEntries"/> (CRG001) and stays in the
    /// list as an unknown value, so no other rule judges it and the entries after it keep their index (as the analyzer does).
    /// </summary>
    private static ValList<Val<string>> Strings(ResourceInfo info, string property, List<string> list)
    {
        var values = new ValList<Val<string>>();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                info.NullEntries.Add(Val<string>.Known(Rules.Topo.Index(property, i), info.Location));
                values.Add(Val<string>.Unknown(info.Location));
            }
            else
            {
                values.Add(K(list[i]));
            }
        }

        return values;
    }

    /// <summary>The location <c>check</c> reports: the resource's repository-relative file and line.</summary>
    public static SourceFileLocation Where(Resource r) => new(r.Source.RelativePath, r.Source.Line);

    private static Val<string> K(string value) => Val<string>.Known(value);

    /// <summary>An <see cref="OciChartSource"/> as the rules see it (null stays null).</summary>
    public static ChartSourceInfo? ChartSource(OciChartSource? source, object? location)
    {
        if (source is null)
        {
            return null;
        }

        ChartVerificationInfo? verify = null;
        if (source.Verify is { } v)
        {
            verify = new ChartVerificationInfo
            {
                Provider = v.Provider == ChartVerificationProvider.Notation ? "notation" : "cosign",
                SecretName = Val<string?>.Known(v.SecretName),
                MatchOidcIdentity = new ValList<OidcIdentityInfo>(v.MatchOidcIdentity.Select(m => m is null
                    ? new OidcIdentityInfo { IsNull = true, Location = location }
                    : new OidcIdentityInfo { Issuer = m.Issuer ?? "", Subject = m.Subject ?? "", Location = location })),
                Location = location,
            };
        }

        return new ChartSourceInfo
        {
            Url = source.Url,
            Tag = Val<string?>.Known(source.Tag),
            Semver = Val<string?>.Known(source.Semver),
            SemverFilter = Val<string?>.Known(source.SemverFilter),
            Digest = Val<string?>.Known(source.Digest),
            Interval = Val<string?>.Known(source.Interval),
            Verify = Val<ChartVerificationInfo?>.Known(verify),
            SecretName = Val<string?>.Known(source.SecretName),
            Provider = Val<string?>.Known(source.Provider?.CrdName()),
            CertSecretName = Val<string?>.Known(source.CertSecretName),
            ServiceAccountName = Val<string?>.Known(source.ServiceAccountName),
            Insecure = source.Insecure,
            Location = location,
        };
    }

    /// <summary>A release's <see cref="HelmPostRenderer"/>s as the rules see them (a null entry is an empty one, which CRG001 refuses).</summary>
    public static ValList<PostRendererInfo> PostRenderers(ResourceInfo owner, List<HelmPostRenderer> renderers, object? location) =>
        new(Entries(owner, "PostRenderers", renderers).Select(r => new PostRendererInfo
        {
            Patches = new ValList<KustomizePatchInfo>(Entries(owner, Rules.Topo.Index("PostRenderers", r.Index) + ".Patches", r.Item.Patches).Select(p => new KustomizePatchInfo
            {
                Patch = p.Item.Patch ?? "",
                Target = Val<PatchTargetInfo?>.Known(p.Item.Target is { } t
                    ? new PatchTargetInfo
                    {
                        Group = Val<string?>.Known(t.Group),
                        Version = Val<string?>.Known(t.Version),
                        Kind = Val<string?>.Known(t.Kind),
                        Name = Val<string?>.Known(t.Name),
                        Namespace = Val<string?>.Known(t.Namespace),
                        LabelSelector = Val<string?>.Known(t.LabelSelector),
                        AnnotationSelector = Val<string?>.Known(t.AnnotationSelector),
                        Location = location,
                    }
                    : null),
                Location = location,
                Index = p.Index,
            }).ToList()),
            Images = new ValList<KustomizeImageInfo>(Entries(owner, Rules.Topo.Index("PostRenderers", r.Index) + ".Images", r.Item.Images).Select(i => new KustomizeImageInfo
            {
                Name = i.Item.Name ?? "",
                NewName = Val<string?>.Known(i.Item.NewName),
                NewTag = Val<string?>.Known(i.Item.NewTag),
                Digest = Val<string?>.Known(i.Item.Digest),
                Location = location,
                Index = i.Index,
            }).ToList()),
            Location = location,
            Index = r.Index,
        }).ToList());

    /// <summary>The leaves of a values tree as the rules see them (lists as <c>List&lt;object?&gt;</c>, integers as long).</summary>
    public static ValList<HelmValueInfo> Leaves(HelmValues values) =>
        new(values.Leaves().Select(l => new HelmValueInfo(l.Path, Val<object?>.Known(Normalize(l.Value)))));

    private static object? Normalize(object? v) => v switch
    {
        int i => (long)i,
        float f => (double)f,
        HelmValues { Count: 0 } => new List<object?>(),
        string => v,
        System.Collections.IEnumerable e => e.Cast<object?>().Select(Normalize).ToList(),
        _ => v,
    };

    private sealed class Context
    {
        private readonly Dictionary<HarborRegistry, HarborInfo> harbors = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<RobotAccount, RobotInfo> robots = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<TalosRegistryAuth, AuthInfo> auths = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<Secret, SecretInfo> secrets = new(ReferenceEqualityComparer.Instance);

        public HarborInfo Harbor(HarborRegistry h)
        {
            if (harbors.TryGetValue(h, out var info))
            {
                return info;
            }

            var a = h.Args;
            info = new HarborInfo
            {
                Name = h.Name,
                Location = Where(h),
                Namespace = a.Namespace,
                ChartVersion = Val<string?>.Known(a.ChartVersion),
                ChartRepository = a.ChartRepository,
                ChartSource = Val<ChartSourceInfo?>.Known(ChartSource(a.ChartSource, Where(h))),
                DirectHelm = Val<bool>.Known(a.Delivery == ReleaseDelivery.Helm, Where(h)),
                Expose = (HarborExposeKind)(int)a.Expose,
                ServiceName = a.ServiceName,
                LoadBalancerIP = Val<string?>.Known(a.LoadBalancerIP),
                ClusterIP = Val<string?>.Known(a.ClusterIP),
                PinClusterIP = a.PinClusterIP,
                ServiceSubnet = Val<string?>.Known(a.ServiceSubnet),
                ExternalUrl = Val<string?>.Known(a.ExternalUrl),
                Tls = a.Tls,
                ExistingAdminPasswordSecret = Val<string?>.Known(a.ExistingAdminPasswordSecret),
                ExistingAdminPasswordSecretKey = a.ExistingAdminPasswordSecretKey ?? "",
                Values = Leaves(a.Values),
                ExtraValues = new ValList<KeyValueInfo>(a.ExtraValues.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new KeyValueInfo(kv.Key, kv.Value))),
            };
            harbors[h] = info;
            info.AdminPassword = Val<SecretInfo?>.Known(SecretOf(a.AdminPassword));
            NullsOnly(Entries(info, "RouteParents", a.RouteParents)); // not judged otherwise: only its null entries
            info.PostRenderers = PostRenderers(info, a.PostRenderers, Where(h));
            return info;
        }

        public RobotInfo Robot(RobotAccount r)
        {
            if (robots.TryGetValue(r, out var info))
            {
                return info;
            }

            var a = r.Args;
            info = new RobotInfo
            {
                Name = r.Name,
                Location = Where(r),
                Registry = Val<HarborInfo?>.Known(a.Registry is { } reg ? Harbor(reg) : null),
                Level = a.Level == RobotLevel.Project ? RobotLevelKind.Project : RobotLevelKind.System,
                Project = Val<string?>.Known(a.Project),
                DurationDays = a.DurationDays,
                SecretVariable = r.Secret.Variable,
            };
            foreach (var (p, index) in Entries(info, "Permissions", a.Permissions))
            {
                var perm = new PermissionInfo { Kind = p.Kind, Namespace = p.Namespace, Index = index };
                for (var j = 0; j < p.Access.Count; j++)
                {
                    if (p.Access[j] is not { } access)
                    {
                        info.NullEntries.Add(Val<string>.Known(Rules.Topo.Index("Permissions", index) + "." + Rules.Topo.Index("Access", j), info.Location));
                        continue;
                    }

                    perm.Access.Add(new AccessInfo(access.Resource, access.Action));
                }

                info.Permissions.Add(perm);
            }

            robots[r] = info;
            return info;
        }

        public TalosPatchInfo Patch(TalosMachinePatch t)
        {
            var a = t.Args;
            var info = new TalosPatchInfo
            {
                Name = t.Name,
                Location = Where(t),
                TalosVersion = a.TalosVersion ?? "",
                LegacyRegistryFormChosen = a.RegistryConfigForm == TalosConfigForm.Legacy,
                DocumentsFormChosen = a.RegistryConfigForm == TalosConfigForm.Documents,
                RendersLegacyRegistryFields = a.RegistryConfigForm == TalosConfigForm.Legacy,
            };
            info.Nodes = Strings(info, "Nodes", a.Nodes);
            var mirrorIndex = 0;
            foreach (var (key, mirror) in a.Mirrors)
            {
                info.Mirrors.Add(mirror is null
                    ? new MirrorInfo { Key = key, IsNull = true }
                    : new MirrorInfo
                    {
                        Key = key,
                        Endpoints = Strings(info, Rules.Topo.Entry("Mirrors", key, mirrorIndex) + ".Endpoints", mirror.Endpoints),
                        OverridePath = Val<bool?>.Known(mirror.OverridePath),
                        SkipFallback = Val<bool?>.Known(mirror.SkipFallback),
                    });
                mirrorIndex++;
            }

            foreach (var (key, config) in a.RegistryConfig)
            {
                info.RegistryConfigs.Add(new RegistryConfigInfo
                {
                    Key = key,
                    IsNull = config is null,
                    Auth = Val<AuthInfo?>.Known(config?.Auth is { } auth ? Auth(auth, t.Stack) : null),
                    Tls = Val<TlsInfo?>.Known(config?.Tls is { } tls
                        ? new TlsInfo
                        {
                            InsecureSkipVerify = Val<bool?>.Known(tls.InsecureSkipVerify),
                            Ca = Val<string?>.Known(tls.Ca),
                            ClientCertificate = Val<string?>.Known(tls.ClientCertificate),
                            ClientKey = Val<SecretInfo?>.Known(SecretOf(tls.ClientKey)),
                        }
                        : null),
                });
            }

            foreach (var (e, index) in Entries(info, "ExtraHostEntries", a.ExtraHostEntries))
            {
                info.HostEntries.Add(new HostEntryInfo { Ip = e.Ip ?? "", Aliases = Strings(info, Rules.Topo.Index("ExtraHostEntries", index) + ".Aliases", e.Aliases), Index = index });
            }

            foreach (var (f, index) in Entries(info, "Files", a.Files))
            {
                info.Files.Add(new TalosFileInfo { Path = f.Path ?? "", Content = f.Content ?? "", Op = f.Op.ToString().ToLowerInvariant(), Index = index });
            }

            foreach (var (c, index) in Entries(info, "CriCustomizations", a.CriCustomizations))
            {
                info.CriCustomizations.Add(new CriCustomizationInfo { Name = c.Name ?? "", Content = c.Content ?? "", Index = index });
            }

            return info;
        }

        private AuthInfo Auth(TalosRegistryAuth auth, Stack stack)
        {
            if (auths.TryGetValue(auth, out var info))
            {
                return info;
            }

            info = new AuthInfo
            {
                Username = Val<string?>.Known(auth.Username),
                UsernameVariable = Val<string?>.Known(auth.UsernameVariable),
                Password = Val<SecretInfo?>.Known(SecretOf(auth.Password)),
                AuthString = Val<SecretInfo?>.Known(SecretOf(auth.Auth)),
                IdentityToken = Val<SecretInfo?>.Known(SecretOf(auth.IdentityToken)),
            };

            // Username = robot.FullName in source is a reference to the robot; the built model only has the string.
            if (auth.Username is not null)
            {
                var robot = stack.ResourcesOf<RobotAccount>().FirstOrDefault(r => r.FullName == auth.Username);
                if (robot is not null)
                {
                    info.UsernameRobot = Robot(robot);
                }
            }

            auths[auth] = info;
            return info;
        }

        private SecretInfo? SecretOf(Secret? secret)
        {
            if (secret is null)
            {
                return null;
            }

            if (secrets.TryGetValue(secret, out var info))
            {
                return info;
            }

            info = secret.Source switch
            {
                SecretSource.ResourceOutput when secret.Owner is RobotAccount robot => SecretInfo.FromRobot(Robot(robot)),
                SecretSource.ResourceOutput => new SecretInfo(SecretKind.ResourceOutput) { Variable = secret.Variable },
                SecretSource.Plaintext => SecretInfo.Plaintext(secret.Variable),
                _ => SecretInfo.FromEnvironment(secret.Variable),
            };
            secrets[secret] = info;
            return info;
        }
    }
}
