using System.Collections.Generic;

namespace ClusterRegistry.Rules.Secrets;

/// <summary>
/// Where goharbor/harbor-helm takes a key out of a Secret named by a chart value (templates/core/core-dpl.yaml,
/// jobservice/jobservice-dpl.yaml, registry/registry-dpl.yaml): the value naming the Secret, the value naming the key
/// (null when the template fixes the key) and the key used when that value is unset, and how the pod reads it.
/// </summary>
public sealed class HarborSecretReference
{
    public HarborSecretReference(string[] namePath, string[]? keyPath, string key, bool mounted)
    {
        NamePath = namePath;
        KeyPath = keyPath;
        Key = key;
        Mounted = mounted;
    }

    /// <summary>The chart value holding the Secret's name, e.g. <c>existingSecretAdminPassword</c>.</summary>
    public string[] NamePath { get; }

    /// <summary>The chart value holding the key (<c>existingSecretAdminPasswordKey</c>), or null when the template fixes it.</summary>
    public string[]? KeyPath { get; }

    /// <summary>The chart's default key (or the fixed one).</summary>
    public string Key { get; }

    /// <summary>True when the key is a volume item (the pod cannot mount), false for an env <c>secretKeyRef</c> (the container cannot be created).</summary>
    public bool Mounted { get; }

    /// <summary>The references of chart 1.19 (goharbor/harbor-helm main).</summary>
    public static IReadOnlyList<HarborSecretReference> All { get; } = new[]
    {
        new HarborSecretReference(new[] { "existingSecretAdminPassword" }, new[] { "existingSecretAdminPasswordKey" }, "HARBOR_ADMIN_PASSWORD", false),
        new HarborSecretReference(new[] { "existingSecretSecretKey" }, null, "secretKey", true),
        new HarborSecretReference(new[] { "core", "existingSecret" }, null, "secret", false),
        new HarborSecretReference(new[] { "core", "existingXsrfSecret" }, new[] { "core", "existingXsrfSecretKey" }, "CSRF_KEY", false),
        new HarborSecretReference(new[] { "jobservice", "existingSecret" }, new[] { "jobservice", "existingSecretKey" }, "JOBSERVICE_SECRET", false),
        new HarborSecretReference(new[] { "registry", "existingSecret" }, new[] { "registry", "existingSecretKey" }, "REGISTRY_HTTP_SECRET", false),
        new HarborSecretReference(new[] { "registry", "credentials", "existingSecret" }, null, "REGISTRY_PASSWD", false),
        new HarborSecretReference(new[] { "registry", "credentials", "existingSecret" }, null, "REGISTRY_HTPASSWD", true),
        new HarborSecretReference(new[] { "database", "external", "existingSecret" }, null, "password", false),
    };
}
