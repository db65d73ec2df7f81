using ClusterRegistry.Rules.Topology;
using static ClusterRegistry.Rules.Tests.GoodSnapshot;

namespace ClusterRegistry.Rules.Tests.Rules;

public sealed class GeneralRuleTests
{
    [Fact]
    public void CRG001_fires_on_a_malformed_host_entry_ip_with_the_exact_path()
    {
        var g = new GoodSnapshot();
        g.Patch.HostEntries[0].Ip = V("10.43.216.256", "L:host0.Ip");
        var f = Assert.Single(g.Run("CRG001"));
        Assert.Equal("ExtraHostEntries[0].Ip", f.PropertyPath);
        Assert.Equal("L:host0.Ip", f.Location);
        Assert.Contains("'10.43.216.256'", f.Message);
    }

    [Theory]
    [InlineData("cidr")]
    [InlineData("lb")]
    [InlineData("alias")]
    [InlineData("endpoint")]
    [InlineData("image")]
    [InlineData("version")]
    [InlineData("node")]
    public void CRG001_fires_for_each_value_class(string which)
    {
        var g = new GoodSnapshot();
        var expectedPath = which switch
        {
            "cidr" => Set(() => g.Harbor.ServiceSubnet = Val.Known<string?>("10.43.0.0/33"), "ServiceSubnet"),
            "lb" => Set(() => g.Harbor.LoadBalancerIP = Val.Known<string?>("192.168.1.105:80"), "LoadBalancerIP"),
            "alias" => Set(() => g.Patch.HostEntries[0].Aliases.Add("bad_name!"), "ExtraHostEntries[0].Aliases[1]"),
            "endpoint" => Set(() => g.Mirror.Endpoints.Add("harbor.lan"), "Mirrors[\"192.168.1.105\"].Endpoints[1]"),
            "image" => Set(() => g.Probe.Image = "192.168.1.105/Library/myapp:v1", "Image"),
            "version" => Set(() => g.Patch.TalosVersion = "eleven", "TalosVersion"),
            _ => Set(() => g.Patch.Nodes.Add("192.168.1"), "Nodes[3]"),
        };
        Assert.Equal(expectedPath, Assert.Single(g.Run("CRG001")).PropertyPath);
    }

    private static string Set(Action a, string path)
    {
        a();
        return path;
    }

    [Fact]
    public void CRG001_near_miss_ipv6_and_fqdn_values()
    {
        var g = new GoodSnapshot();
        g.Patch.HostEntries.Add(new HostEntryInfo { Ip = "fd00::10", Aliases = { "harbor.lan." } });
        g.Patch.Nodes.Add("fd00::1");
        Assert.Empty(g.Run("CRG001"));
    }

    [Fact]
    public void CRG001_silent_for_unknown_values()
    {
        var g = new GoodSnapshot();
        g.Patch.HostEntries[0].Ip = U<string>();
        g.Harbor.ServiceSubnet = U<string?>();
        g.Probe.Image = U<string>();
        Assert.Empty(g.Run("CRG001"));
    }

    [Fact]
    public void CRG002_fires_on_the_second_resource_of_a_kind_with_a_name()
    {
        var g = new GoodSnapshot();
        g.Snapshot.Robots.Add(new RobotInfo { Name = V("cluster-pull", "L:robot2.name"), Location = "L:robot2" });
        var f = Assert.Single(g.Run("CRG002"));
        Assert.Equal("L:robot2.name", f.Location);
        Assert.Contains("two RobotAccount resources are named 'cluster-pull'", f.Message);
    }

    [Fact]
    public void CRG002_near_miss_same_name_different_kinds()
    {
        var g = new GoodSnapshot();
        g.Snapshot.Projects.Add(new ProjectInfo { Name = "harbor" });
        Assert.Empty(g.Run("CRG002"));
    }

    [Fact]
    public void CRG002_silent_when_one_of_the_two_may_not_exist()
    {
        // Two alternative constructors (or two branches) that each create the robot: only one of them runs.
        var g = new GoodSnapshot();
        g.Snapshot.Robots.Add(new RobotInfo { Name = V("cluster-pull", "L:robot2.name"), Location = "L:robot2", MayNotExist = true });
        Assert.Empty(g.Run("CRG002"));
    }

    [Fact]
    public void CRG002_silent_when_a_name_is_unknown()
    {
        var g = new GoodSnapshot();
        g.Snapshot.Robots.Add(new RobotInfo { Name = U<string>() });
        Assert.Empty(g.Run("CRG002"));
    }

    [Fact]
    public void A_snapshot_of_unknowns_fires_nothing_and_never_throws()
    {
        var s = new TopologySnapshot
        {
            Harbors = { new HarborInfo { Namespace = U<string>(), ServiceName = U<string>(), Tls = U<bool>(), ExternalUrl = U<string?>(), LoadBalancerIP = U<string?>(), ClusterIP = U<string?>(), ChartVersion = U<string?>(), ChartRepository = U<string>() } },
            Robots = { new RobotInfo { Permissions = { new PermissionInfo { Kind = U<string>(), Access = { new AccessInfo(U<string>(), U<string>()) } } }, Level = U<RobotLevelKind>(), DurationDays = U<int>() } },
            Spegels = { new SpegelInfo { MirroredRegistries = { U<string>() }, PrependExisting = U<bool>(), ContainerdRegistryConfigPath = U<string?>(), Namespace = U<string>(), ChartVersion = U<string?>(), ChartRepository = U<string>(), RegistryHostPort = U<int>(), RegistryNodePort = U<int>(), AdditionalMirrorTargets = { U<string>() } } },
            TalosPatches =
            {
                new TalosPatchInfo
                {
                    TalosVersion = U<string>(),
                    Mirrors = { new MirrorInfo { Key = U<string>(), Endpoints = { U<string>() }, SkipFallback = U<bool?>() } },
                    RegistryConfigs = { new RegistryConfigInfo { Key = U<string>(), Auth = U<AuthInfo?>(), Tls = U<TlsInfo?>() }, new RegistryConfigInfo { Key = Val<string>.Known("*"), Tls = new TlsInfo { Ca = U<string?>(), ClientCertificate = U<string?>(), InsecureSkipVerify = U<bool?>() } } },
                    HostEntries = { new HostEntryInfo { Ip = U<string>(), Aliases = { U<string>() } } },
                    CriCustomizations = { new CriCustomizationInfo { Name = U<string>(), Content = U<string>() } },
                    Files = { new TalosFileInfo { Path = U<string>(), Content = U<string>() } },
                },
            },
            Probes = { new ProbeInfo { Image = U<string>(), BudgetSeconds = U<double>(), ExpectedSizeBytes = U<long?>(), LinkMegabitsPerSecond = U<double?>(), Nodes = { U<string>() } } },
        };
        Assert.Empty(RuleEngine.Run(s));
    }

    /// <summary>
    /// The SDK's own input contract (x.y.z chart versions, chart repository URLs, CRI customisation names, names usable as
    /// file names) is not applied to a repository written by hand: Flux accepts a version range. A false alarm there would
    /// break a real repository's check.
    /// </summary>
    [Theory]
    [InlineData(false, 4)]
    [InlineData(true, 0)]
    public void The_SDK_input_contract_is_not_applied_to_a_repository(bool fromRepository, int expected)
    {
        var s = new TopologySnapshot
        {
            FromRepository = fromRepository,
            Spegels = { new SpegelInfo { Name = "spegel", ChartVersion = Val<string?>.Known("0.x"), ChartRepository = "ghcr.io/spegel-org/helm-charts/spegel" } },
            TalosPatches = { new TalosPatchInfo { Name = "a b", CriCustomizations = { new CriCustomizationInfo { Name = "customization", Content = "" } } } },
        };
        var findings = RuleEngine.Run(s).Where(f => f.Id is "CRG001" or "CRG002").ToList();
        Assert.True(findings.Count == expected, string.Join("\n", findings));
    }
}
