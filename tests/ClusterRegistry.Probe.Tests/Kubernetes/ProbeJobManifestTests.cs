using ClusterRegistry.Probe.Kubernetes;
using k8s;
using k8s.Models;

namespace ClusterRegistry.Probe.Tests.Kubernetes;

/// <summary>No API server runs here: the Job is checked against the API's own model (round trip) and the rules a probe needs.</summary>
public sealed class ProbeJobManifestTests
{
    [Fact]
    public void Job_pins_the_node_pulls_always_never_retries_and_validates()
    {
        var job = ProbeJobManifest.Build("192.168.1.105/library/myapp:v1", "talos-worker-1", "clusterregistry", "1767225600000", TimeSpan.FromMinutes(2));
        Assert.Empty(ProbeJobManifest.Validate(job));
        var pod = job.Spec.Template.Spec;
        Assert.Equal("talos-worker-1", pod.NodeName);
        Assert.Equal("Always", pod.Containers.Single().ImagePullPolicy);
        Assert.Equal("Never", pod.RestartPolicy);
        Assert.Equal(0, job.Spec.BackoffLimit);
        Assert.Equal(120, job.Spec.ActiveDeadlineSeconds);

        // Round trip through the client's YAML/JSON model: what the API server would receive.
        var yaml = KubernetesYaml.Serialize(job);
        Assert.Contains("imagePullPolicy: Always", yaml);
        Assert.Contains("nodeName: talos-worker-1", yaml);
        var back = KubernetesYaml.Deserialize<V1Job>(yaml);
        Assert.Equal("batch/v1", back.ApiVersion);
        Assert.Equal("Job", back.Kind);
        Assert.Empty(ProbeJobManifest.Validate(back));
    }

    [Fact]
    public void Job_names_are_dns_labels_even_for_long_or_odd_node_names()
    {
        var name = ProbeJobManifest.JobName("Talos_Node.With.A.Very-Long-Name-That-Goes-On-And-On-And-On", "42");
        Assert.True(name.Length <= 63);
        Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", name);
        Assert.NotEqual(name, ProbeJobManifest.JobName("Talos_Node.With.A.Very-Long-Name-That-Goes-On-And-On-And-On", "43"));
    }

    [Fact]
    public void Validation_catches_what_would_measure_the_wrong_thing()
    {
        var job = ProbeJobManifest.Build("img", "n1", "ns", "1", TimeSpan.FromSeconds(30));
        job.Spec.Template.Spec.Containers[0].ImagePullPolicy = "IfNotPresent";
        job.Spec.Template.Spec.NodeName = null;
        job.Spec.BackoffLimit = 6;
        job.Spec.Template.Spec.RestartPolicy = "Always";
        var problems = ProbeJobManifest.Validate(job);
        Assert.Contains(problems, p => p.Contains("imagePullPolicy"));
        Assert.Contains(problems, p => p.Contains("nodeName"));
        Assert.Contains(problems, p => p.Contains("backoffLimit"));
        Assert.Contains(problems, p => p.Contains("restartPolicy"));
    }
}
