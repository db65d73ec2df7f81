namespace ClusterRegistry.Analyzers.Tests.Infrastructure;

/// <summary>
/// The pieces of a correct stack (the homelab stack, trimmed): cases replace one piece with a broken, a nearly broken
/// or a non-constant variant, so each case differs from a clean stack in exactly what it is about.
/// </summary>
public static class Fragments
{
    public const string Harbor = """
                var harbor = new HarborRegistry("harbor", new HarborArgs
                {
                    ChartVersion = "1.17.1",
                    LoadBalancerIP = "192.168.1.105",
                    ClusterIP = "10.43.216.243",
                    ServiceSubnet = "10.43.0.0/16",
                    ExternalUrl = "http://192.168.1.105",
                    Tls = false,
                    AdminPassword = Secret.FromEnvironment("HARBOR_ADMIN_PASSWORD"),
                });
        """;

    public const string Robot = """
                var robot = new RobotAccount("cluster-pull", new RobotAccountArgs
                {
                    Registry = harbor,
                    Permissions = { RobotPermission.Pull("library") },
                });
        """;

    public const string Auth = """
                var auth = new TalosRegistryConfig
                {
                    Auth = new TalosRegistryAuth { Username = robot.FullName, UsernameVariable = robot.UsernameVariable, Password = robot.Secret },
                };
        """;

    public const string Spegel = """
                new SpegelRelease("spegel", new SpegelArgs
                {
                    ChartVersion = "0.7.4",
                    MirroredRegistries = { "https://docker.io", "http://192.168.1.105" },
                    PrependExisting = true,
                    ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts",
                });
        """;

    public const string Patch = """
                new TalosMachinePatch("machine-network", new TalosMachinePatchArgs
                {
                    TalosVersion = "v1.11",
                    Nodes = { "192.168.1.98" },
                    Mirrors = { ["192.168.1.105"] = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } } },
                    RegistryConfig = { ["harbor.harbor.svc.cluster.local"] = auth, ["192.168.1.105"] = auth },
                    ExtraHostEntries = { new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor.harbor.svc.cluster.local" } } },
                    CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() },
                });
        """;

    public const string Probe = """
                new PullLatencyProbe("pull-latency", new PullLatencyProbeArgs
                {
                    Image = "192.168.1.105/library/myapp:v1",
                    Budget = TimeSpan.FromSeconds(1),
                    ExpectedSizeBytes = 37_000_000,
                    LinkMegabitsPerSecond = 1000,
                });
        """;

    /// <summary>A stack body: every piece, each replaced when given (an empty string drops it).</summary>
    public static string Stack(string? harbor = null, string? robot = null, string? auth = null, string? spegel = null, string? patch = null, string? probe = null, string extra = "") =>
        string.Join("\n", new[] { harbor ?? Harbor, robot ?? Robot, auth ?? Auth, spegel ?? Spegel, patch ?? Patch, probe ?? Probe, extra }.Where(p => p.Length > 0));

    /// <summary>
    /// A Talos patch like <see cref="Patch"/> with one part replaced (mirrors, registry config, host entries, CRI
    /// customisations; <c>more</c> adds initializer lines).
    /// </summary>
    public static string PatchWith(
        string? version = null,
        string? mirrors = null,
        string? registryConfig = null,
        string? hostEntries = null,
        string? cri = null,
        string more = "") => Compact($$"""
                new TalosMachinePatch("machine-network", new TalosMachinePatchArgs
                {
                    {{Line(version, "TalosVersion = \"v1.11\"")}}
                    Nodes = { "192.168.1.98" },
                    {{Line(mirrors, "Mirrors = { [\"192.168.1.105\"] = new TalosMirror { Endpoints = { \"http://harbor.harbor.svc.cluster.local\" } } }")}}
                    {{Line(registryConfig, "RegistryConfig = { [\"harbor.harbor.svc.cluster.local\"] = auth, [\"192.168.1.105\"] = auth }")}}
                    {{Line(hostEntries, "ExtraHostEntries = { new TalosHostEntry { Ip = \"10.43.216.243\", Aliases = { \"harbor.harbor.svc.cluster.local\" } } }")}}
                    {{Line(cri, "CriCustomizations = { TalosCriCustomization.SpegelKeepUnpackedLayers() }")}}
                    {{more}}
                });
        """);

    /// <summary>A Spegel release like <see cref="Spegel"/> with parts replaced.</summary>
    public static string SpegelWith(
        string? registries = null,
        string? prepend = null,
        string? path = null,
        string more = "") => Compact($$"""
                new SpegelRelease("spegel", new SpegelArgs
                {
                    ChartVersion = "0.7.4",
                    {{Line(registries, "MirroredRegistries = { \"https://docker.io\", \"http://192.168.1.105\" }")}}
                    {{Line(prepend, "PrependExisting = true")}}
                    {{Line(path, "ContainerdRegistryConfigPath = \"/etc/cri/conf.d/hosts\"")}}
                    {{more}}
                });
        """);

    /// <summary>A Harbor like <see cref="Harbor"/> with lines replaced or added.</summary>
    public static string HarborWith(
        string? externalUrl = null,
        string? tls = null,
        string? clusterIp = null,
        string? chart = null,
        string more = "") => Compact($$"""
                var harbor = new HarborRegistry("harbor", new HarborArgs
                {
                    {{Line(chart, "ChartVersion = \"1.17.1\"")}}
                    LoadBalancerIP = "192.168.1.105",
                    {{Line(clusterIp, "ClusterIP = \"10.43.216.243\"")}}
                    ServiceSubnet = "10.43.0.0/16",
                    {{Line(externalUrl, "ExternalUrl = \"http://192.168.1.105\"")}}
                    {{Line(tls, "Tls = false")}}
                    AdminPassword = Secret.FromEnvironment("HARBOR_ADMIN_PASSWORD"),
                    {{more}}
                });
        """);

    /// <summary>Drops the blank lines left by omitted parts, so fixed code compares equal whatever the formatter does with them.</summary>
    private static string Compact(string code) => string.Join("\n", code.Split('\n').Where(l => l.Trim().Length > 0));

    private static string Line(string? value, string fallback) => (value ?? fallback) is { Length: > 0 } v ? v + "," : "";
}
