using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using k8s.Models;

namespace ClusterRegistry.Probe.Kubernetes;

/// <summary>
/// The Job that makes kubelet on one node pull the probe image: pinned with <c>nodeName</c> (no scheduler, tolerates every
/// taint), <c>imagePullPolicy: Always</c> so kubelet asks the runtime to pull, no retries, a deadline, and cleanup after.
/// The container runs <c>true</c>: whether it starts or not, kubelet has already pulled and emitted its <c>Pulled</c> event.
/// </summary>
public static partial class ProbeJobManifest
{
    public const string NameLabel = "app.kubernetes.io/name";
    public const string RunLabel = "clusterregistry.io/probe-run";
    public const string AppName = "clusterregistry-probe";

    /// <summary>A DNS-1123 label (≤ 63) naming the Job for <paramref name="node"/> and <paramref name="runId"/>.</summary>
    public static string JobName(string node, string runId)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(node + "\n" + runId)))[..8];
        var slug = NonDns().Replace(node.ToLowerInvariant(), "-").Trim('-');
        var name = $"pull-probe-{(slug.Length > 30 ? slug[..30].TrimEnd('-') : slug)}-{hash}";
        return name;
    }

    public static V1Job Build(string image, string node, string @namespace, string runId, TimeSpan timeout)
    {
        var labels = new Dictionary<string, string> { [NameLabel] = AppName, [RunLabel] = runId };
        return new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new V1ObjectMeta { Name = JobName(node, runId), NamespaceProperty = @namespace, Labels = labels },
            Spec = new V1JobSpec
            {
                BackoffLimit = 0,
                ActiveDeadlineSeconds = (long)Math.Ceiling(timeout.TotalSeconds),
                TtlSecondsAfterFinished = 300,
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string>(labels) },
                    Spec = new V1PodSpec
                    {
                        NodeName = node,
                        RestartPolicy = "Never",
                        AutomountServiceAccountToken = false,
                        EnableServiceLinks = false,
                        TerminationGracePeriodSeconds = 0,
                        Tolerations = [new V1Toleration { OperatorProperty = "Exists" }],
                        Containers =
                        [
                            new V1Container
                            {
                                Name = "pull",
                                Image = image,
                                ImagePullPolicy = "Always",
                                Command = ["true"],
                                Resources = new V1ResourceRequirements
                                {
                                    Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("1m"), ["memory"] = new("4Mi") },
                                    Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("16Mi") },
                                },
                            },
                        ],
                    },
                },
            },
        };
    }

    /// <summary>Problems that would make the API server reject the Job or make it measure the wrong thing (empty when valid).</summary>
    public static IReadOnlyList<string> Validate(V1Job job)
    {
        var problems = new List<string>();
        var name = job.Metadata?.Name ?? "";
        if (name.Length is 0 or > 63 || !Dns1123Label().IsMatch(name))
        {
            problems.Add($"metadata.name '{name}' is not a DNS-1123 label of at most 63 characters");
        }

        if (string.IsNullOrEmpty(job.Metadata?.NamespaceProperty))
        {
            problems.Add("metadata.namespace is empty");
        }

        var pod = job.Spec?.Template?.Spec;
        if (pod is null)
        {
            problems.Add("spec.template.spec is missing");
            return problems;
        }

        if (pod.RestartPolicy is not ("Never" or "OnFailure"))
        {
            problems.Add($"spec.template.spec.restartPolicy must be Never or OnFailure for a Job (is '{pod.RestartPolicy}')");
        }

        if (string.IsNullOrEmpty(pod.NodeName))
        {
            problems.Add("spec.template.spec.nodeName is empty: the pull would land on an arbitrary node");
        }

        if (pod.Containers is not { Count: > 0 })
        {
            problems.Add("spec.template.spec.containers is empty");
        }
        else
        {
            foreach (var c in pod.Containers)
            {
                if (string.IsNullOrEmpty(c.Image))
                {
                    problems.Add($"container '{c.Name}' has no image");
                }

                if (c.ImagePullPolicy != "Always")
                {
                    problems.Add($"container '{c.Name}' has imagePullPolicy '{c.ImagePullPolicy}': kubelet would skip the pull of a present image");
                }

                if (string.IsNullOrEmpty(c.Name) || !Dns1123Label().IsMatch(c.Name))
                {
                    problems.Add($"container name '{c.Name}' is not a DNS-1123 label");
                }
            }
        }

        if (job.Spec!.BackoffLimit is not 0)
        {
            problems.Add("spec.backoffLimit should be 0: a retry would pull a warm image and report a wrong latency");
        }

        if (job.Spec.ActiveDeadlineSeconds is not > 0)
        {
            problems.Add("spec.activeDeadlineSeconds must be set: a probe never hangs");
        }

        var selector = job.Spec.Template.Metadata?.Labels;
        foreach (var (k, v) in job.Metadata?.Labels ?? new Dictionary<string, string>())
        {
            if (k.Length > 63 + 254 || v.Length > 63)
            {
                problems.Add($"label {k}={v} is too long");
            }

            if (selector is null || !selector.TryGetValue(k, out var tv) || tv != v)
            {
                problems.Add($"label {k} is not on the pod template, so the probe cannot find the pod");
            }
        }

        return problems;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex NonDns();
}
