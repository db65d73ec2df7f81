using ClusterRegistry.Rules;
using ClusterRegistry.Rules.Topology;

namespace ClusterRegistry.Rules.Tests;

/// <summary>
/// A snapshot built directly (as the analyzer would), equal to the homelab topology: every rule is silent on it. Each
/// value carries a string location "L:&lt;what&gt;" so tests can assert that a finding points at the narrowest span.
/// </summary>
public sealed class GoodSnapshot
{
    public GoodSnapshot()
    {
        Harbor = new HarborInfo
        {
            Name = V("harbor", "L:harbor.name"),
            Location = "L:harbor",
            Namespace = V("harbor", "L:harbor.Namespace"),
            ChartVersion = Val.Known<string?>("1.17.1", "L:harbor.ChartVersion"),
            LoadBalancerIP = Val.Known<string?>("192.168.1.105", "L:harbor.LoadBalancerIP"),
            ClusterIP = Val.Known<string?>("10.43.216.243", "L:harbor.ClusterIP"),
            ServiceSubnet = Val.Known<string?>("10.43.0.0/16", "L:harbor.ServiceSubnet"),
            ExternalUrl = Val.Known<string?>("http://192.168.1.105", "L:harbor.ExternalUrl"),
            Tls = Val.Known(false, "L:harbor.Tls"),
            PinClusterIP = Val.Known(true, "L:harbor.PinClusterIP"),
        };
        Harbor.AdminPassword = Val.Known<SecretInfo?>(SecretInfo.FromEnvironment("HARBOR_ADMIN_PASSWORD", "L:harbor.AdminPassword"), "L:harbor.AdminPassword");

        Robot = new RobotInfo
        {
            Name = V("cluster-pull", "L:robot.name"),
            Location = "L:robot",
            Registry = Val.Known<HarborInfo?>(Harbor),
            SecretVariable = "HARBOR_ROBOT_PASSWORD",
            Permissions = { PermissionInfo.Pull(V("library", "L:robot.Permissions[0].ns"), "L:robot.Permissions[0]") },
        };
        Robot.Permissions.Location = "L:robot.Permissions";

        Spegel = new SpegelInfo
        {
            Name = V("spegel", "L:spegel.name"),
            Location = "L:spegel",
            Namespace = V("kube-system", "L:spegel.Namespace"),
            ChartVersion = Val.Known<string?>("0.7.4", "L:spegel.ChartVersion"),
            PrependExisting = Val.Known(true, "L:spegel.PrependExisting"),
            ContainerdRegistryConfigPath = Val.Known<string?>("/etc/cri/conf.d/hosts", "L:spegel.ContainerdRegistryConfigPath"),
        };
        Spegel.MirroredRegistries.Location = "L:spegel.MirroredRegistries";
        var entries = new[] { "https://docker.io", "https://ghcr.io", "https://gcr.io", "https://registry.k8s.io", "https://quay.io", "https://mcr.microsoft.com", "http://192.168.1.105" };
        for (var i = 0; i < entries.Length; i++)
        {
            Spegel.MirroredRegistries.Add(V(entries[i], $"L:spegel.MirroredRegistries[{i}]"));
        }

        Auth = new AuthInfo
        {
            Username = Val.Known<string?>("robot$cluster-pull", "L:auth.Username"),
            UsernameRobot = Robot,
            UsernameVariable = Val.Known<string?>("HARBOR_ROBOT_USERNAME"),
            Password = Val.Known<SecretInfo?>(SecretInfo.FromRobot(Robot, "L:auth.Password"), "L:auth.Password"),
            Location = "L:auth",
        };

        Mirror = new MirrorInfo
        {
            Key = V("192.168.1.105", "L:mirror.Key"),
            Location = "L:mirror",
            Endpoints = { V("http://harbor.harbor.svc.cluster.local", "L:mirror.Endpoints[0]") },
        };

        Patch = new TalosPatchInfo
        {
            Name = V("machine-network", "L:patch.name"),
            Location = "L:patch",
            TalosVersion = V("v1.11", "L:patch.TalosVersion"),
            Nodes = { V("192.168.1.98", "L:patch.Nodes[0]"), V("192.168.1.99", "L:patch.Nodes[1]"), V("192.168.1.100", "L:patch.Nodes[2]") },
            Mirrors = { Mirror },
            RegistryConfigs =
            {
                new RegistryConfigInfo { Key = V("harbor.harbor.svc.cluster.local", "L:rc0.Key"), Auth = Val.Known<AuthInfo?>(Auth), Location = "L:rc0" },
                new RegistryConfigInfo { Key = V("192.168.1.105", "L:rc1.Key"), Auth = Val.Known<AuthInfo?>(Auth), Location = "L:rc1" },
            },
            HostEntries =
            {
                new HostEntryInfo { Ip = V("10.43.216.243", "L:host0.Ip"), Aliases = { V("harbor.harbor.svc.cluster.local", "L:host0.Aliases[0]") }, Location = "L:host0" },
            },
            CriCustomizations = { CriCustomizationInfo.SpegelKeepUnpackedLayers("L:cri0") },
        };
        Patch.CriCustomizations.Location = "L:patch.CriCustomizations";
        Patch.HostEntries.Location = "L:patch.ExtraHostEntries";
        Patch.Files.Location = "L:patch.Files";

        Probe = new ProbeInfo
        {
            Name = V("pull-latency", "L:probe.name"),
            Location = "L:probe",
            Image = V("192.168.1.105/library/myapp:v1", "L:probe.Image"),
            BudgetSeconds = Val.Known(1.0, "L:probe.Budget"),
            ExpectedSizeBytes = Val.Known<long?>(37_000_000, "L:probe.ExpectedSizeBytes"),
            LinkMegabitsPerSecond = Val.Known<double?>(1000, "L:probe.Link"),
        };

        Snapshot = new TopologySnapshot
        {
            StackName = "good",
            Harbors = { Harbor },
            Robots = { Robot },
            Spegels = { Spegel },
            TalosPatches = { Patch },
            Probes = { Probe },
        };
    }

    public HarborInfo Harbor { get; }
    public RobotInfo Robot { get; }
    public SpegelInfo Spegel { get; }
    public AuthInfo Auth { get; }
    public MirrorInfo Mirror { get; }
    public TalosPatchInfo Patch { get; }
    public ProbeInfo Probe { get; }
    public TopologySnapshot Snapshot { get; }

    public RegistryConfigInfo EndpointAuth => Patch.RegistryConfigs[0];
    public RegistryConfigInfo FallbackAuth => Patch.RegistryConfigs[1];

    public static Val<string> V(string value, string location) => Val.Known(value, location);

    public static Val<T> U<T>() => Val.Unknown<T>("L:unknown");

    /// <summary>Findings of one rule.</summary>
    public IReadOnlyList<Finding> Run(string id) => RuleEngine.Run(Snapshot).Where(f => f.Id == id).ToList();

    /// <summary>All findings.</summary>
    public IReadOnlyList<Finding> RunAll() => RuleEngine.Run(Snapshot);
}
