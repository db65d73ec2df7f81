using ClusterRegistry.Harbor;
using ClusterRegistry.Probes;
using ClusterRegistry.Spegel;
using ClusterRegistry.Talos;
using ClusterRegistry.Tests.Support;
using ClusterRegistry.Validation;

namespace ClusterRegistry.Tests.Validation;

public sealed class StackValidatorTests
{
    [Theory]
    [InlineData("homelab")]
    [InlineData("local")]
    public void Repository_stacks_are_valid(string name) => StackValidator.Validate(Stacks.StackDirectory.Catalog.Build(name));

    public static IEnumerable<object[]> BadValues() =>
    [
        ["IP", "TalosMachinePatch 'p'", "Nodes[2]", "192.168.1.300"],
        ["IP", "HarborRegistry 'harbor'", "LoadBalancerIP", "192.168.1"],
        ["IP", "TalosMachinePatch 'p'", "ExtraHostEntries[0].Ip", "10.43.216.243/32"],
        ["hostname", "TalosMachinePatch 'p'", "ExtraHostEntries[0].Aliases[1]", "harbor_svc!"],
        ["hostname", "HarborRegistry 'harbor'", "Namespace", "Harbor"],
        ["CIDR", "HarborRegistry 'harbor'", "ServiceSubnet", "10.43.0.0/33"],
        ["URL", "HarborRegistry 'harbor'", "ExternalUrl", "ftp://192.168.1.105"],
        ["URL", "TalosMachinePatch 'p'", "Mirrors[\"192.168.1.105\"].Endpoints[1]", "harbor.harbor.svc.cluster.local"],
        ["URL", "SpegelRelease 'spegel'", "MirroredRegistries[2]", "https://harbor/v2/proxy"],
        ["image", "PullLatencyProbe 'probe'", "Image", "192.168.1.105/Library/MyApp:v1"],
        ["duplicate", "TalosMachinePatch 'p'", "Nodes[2]", "192.168.1.98"],
        ["duplicate", "SpegelRelease 'spegel'", "MirroredRegistries[2]", "https://docker.io"],
        ["version", "TalosMachinePatch 'p'", "TalosVersion", "eleven"],
        ["wildcard TLS", "TalosMachinePatch 'p'", "RegistryConfig[\"*\"].Tls", "*"],
    ];

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Each_bad_value_is_reported_with_resource_property_and_value(string kind, string resource, string property, string value)
    {
        var stack = StackWith(property, value);
        var e = Assert.Throws<StackDefinitionException>(() => StackValidator.Validate(stack));
        Assert.True((resource, property, value) == (e.Resource, e.Property, e.Value), $"{kind}: got {e.Message}");
        Assert.StartsWith($"{resource}: {property} = '{value}': ", e.Message);
    }

    /// <summary>
    /// A resource name ends up in rendered file names (<c>talos/patches/global/NAME.yaml</c>): one that climbs out with
    /// <c>../</c> is refused like a robot's name, exit 2 naming the resource, the property and the value.
    /// </summary>
    [Theory]
    [InlineData("HarborRegistry", "../../etc/cron.d/x")]
    [InlineData("HarborRegistry", "..")]
    [InlineData("TalosMachinePatch", "../escape")]
    [InlineData("TalosMachinePatch", "a/../../b")]
    [InlineData("TalosMachinePatch", "..\\windows")]
    public void A_resource_name_that_is_a_path_is_refused_naming_it(string kind, string name)
    {
        var stack = LambdaStack.Build(() =>
        {
            var harbor = new HarborArgs { LoadBalancerIP = "192.168.1.105", ClusterIP = "10.43.216.243", ServiceSubnet = "10.43.0.0/16", ExternalUrl = "http://192.168.1.105", Tls = false };
            new HarborRegistry(kind == "HarborRegistry" ? name : "harbor", harbor);
            new TalosMachinePatch(kind == "TalosMachinePatch" ? name : "p", new TalosMachinePatchArgs { Nodes = { "192.168.1.98" } });
        });

        var e = Assert.Throws<StackDefinitionException>(() => StackValidator.Validate(stack));

        Assert.Equal(("name", name), (e.Property, e.Value));
        Assert.StartsWith($"{kind} '{name}': name = '{name}': ", e.Message);
        Assert.EndsWith("(CRG002)", e.Message);
    }

    /// <summary>A valid homelab-like stack with exactly one property set to <paramref name="value"/>.</summary>
    public static Stack StackWith(string property, string value) => LambdaStack.Build(() =>
    {
        var harbor = new HarborArgs { LoadBalancerIP = "192.168.1.105", ClusterIP = "10.43.216.243", ServiceSubnet = "10.43.0.0/16", ExternalUrl = "http://192.168.1.105", Tls = false };
        var spegel = new SpegelArgs { ChartVersion = "0.7.4", MirroredRegistries = { "https://docker.io", "http://192.168.1.105" }, PrependExisting = true, ContainerdRegistryConfigPath = "/etc/cri/conf.d/hosts" };
        var mirror = new TalosMirror { Endpoints = { "http://harbor.harbor.svc.cluster.local" } };
        var patch = new TalosMachinePatchArgs
        {
            Nodes = { "192.168.1.98", "192.168.1.99" },
            Mirrors = { ["192.168.1.105"] = mirror },
            ExtraHostEntries = { new TalosHostEntry { Ip = "10.43.216.243", Aliases = { "harbor.harbor.svc.cluster.local" } } },
        };
        var probe = new PullLatencyProbeArgs { Image = "192.168.1.105/library/myapp:v1" };
        switch (property)
        {
            case "Nodes[2]": patch.Nodes.Add(value); break;
            case "LoadBalancerIP": harbor.LoadBalancerIP = value; break;
            case "ExtraHostEntries[0].Ip": patch.ExtraHostEntries[0].Ip = value; break;
            case "ExtraHostEntries[0].Aliases[1]": patch.ExtraHostEntries[0].Aliases.Add(value); break;
            case "Namespace": harbor.Namespace = value; break;
            case "ServiceSubnet": harbor.ServiceSubnet = value; break;
            case "ExternalUrl": harbor.ExternalUrl = value; break;
            case "Mirrors[\"192.168.1.105\"].Endpoints[1]": mirror.Endpoints.Add(value); break;
            case "MirroredRegistries[2]": spegel.MirroredRegistries.Add(value); break;
            case "Image": probe.Image = value; break;
            case "TalosVersion": patch.TalosVersion = value; break;
            case "RegistryConfig[\"*\"].Tls":
                patch.RegistryConfig[value] = new TalosRegistryConfig { Tls = new TalosRegistryTls { InsecureSkipVerify = true } };
                break;
            default: throw new ArgumentOutOfRangeException(nameof(property), property, null);
        }

        new HarborRegistry("harbor", harbor);
        new SpegelRelease("spegel", spegel);
        new TalosMachinePatch("p", patch);
        new PullLatencyProbe("probe", probe);
    });

    [Fact]
    public void The_baseline_of_the_bad_value_stacks_is_valid()
    {
        // Guards the theory above: each stack fails only because of the one value it sets.
        StackValidator.Validate(StackWith("Nodes[2]", "192.168.1.100"));
        StackValidator.Validate(StackWith("ExtraHostEntries[0].Aliases[1]", "harbor"));
        StackValidator.Validate(StackWith("RegistryConfig[\"*\"].Tls", "harbor.example.org"));
    }

    /// <summary>The validator is the rule engine restricted to the input-validation rules: nothing else refuses, nothing is lost.</summary>
    [Fact]
    public void The_validator_runs_exactly_the_input_validation_rules()
    {
        Assert.Equal(["CRG001", "CRG002", "CRG110", "CRG206", "CRG215"], StackValidator.Rules.Select(r => r.Descriptor.Id));
    }

    /// <summary>
    /// A refusal is the first finding of those rules, word for word: the same resource, property path, value and message
    /// that <c>check</c> reports for the same stack, with the rule ID and how many more there are.
    /// </summary>
    [Fact]
    public void A_refusal_is_the_check_finding_word_for_word()
    {
        var stack = LambdaStack.Build(() =>
        {
            new SpegelRelease("spegel", new SpegelArgs { Namespace = "Kube_System", RegistryHostPort = 0, ContainerdRegistryConfigPath = "etc/cri/conf.d/hosts" });
        });

        var findings = ClusterRegistry.Rules.RuleEngine.Run(ClusterRegistry.Topology.SnapshotBuilder.Build(stack)).Where(f => f.Rule.RefusesInput).ToList();
        Assert.Equal(3, findings.Count);
        var e = Assert.Throws<StackDefinitionException>(() => StackValidator.Validate(stack));
        var first = findings[0];
        Assert.Equal((first.Resource, first.PropertyPath, first.Value, first.Id), (e.Resource, e.Property, e.Value, e.RuleId));
        Assert.Equal($"{first.Resource}: {first.PropertyPath} = '{first.Value}': {first.Message} ({first.Id}); 2 more refused value(s), which `check` lists", e.Message);
    }
}
