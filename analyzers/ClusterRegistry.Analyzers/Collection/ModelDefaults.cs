using System;
using System.Collections.Generic;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>
    /// The model's property defaults (what a property holds when stack code never sets it). The analyzer cannot run the
    /// model, so it keeps this table; a test compares it with the real model by reflection, property by property.
    /// </summary>
    internal static class ModelDefaults
    {
        /// <summary>Type → property → default (null where the model defaults to null).</summary>
        public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> Table =
            new Dictionary<string, IReadOnlyDictionary<string, object?>>(StringComparer.Ordinal)
            {
                ["HarborArgs"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Namespace"] = "harbor",
                    ["ChartVersion"] = null,
                    ["ChartRepository"] = "https://helm.goharbor.io",
                    ["ChartSource"] = null,
                    ["Expose"] = new EnumValue("HarborExpose", "LoadBalancer"),
                    ["ServiceName"] = "harbor",
                    ["LoadBalancerIP"] = null,
                    ["ClusterIP"] = null,
                    ["PinClusterIP"] = true,
                    ["ServiceSubnet"] = null,
                    ["ExternalUrl"] = null,
                    ["Tls"] = true,
                    ["IngressClassName"] = null,
                    ["AdminPassword"] = null,
                    ["ExistingAdminPasswordSecret"] = null,
                    ["ExistingAdminPasswordSecretKey"] = "HARBOR_ADMIN_PASSWORD",
                    ["RegistryStorageSize"] = "5Gi",
                    ["StorageClass"] = null,
                    ["Trivy"] = false,
                },
                ["OciChartSource"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Url"] = "",
                    ["Tag"] = null,
                    ["Semver"] = null,
                    ["SemverFilter"] = null,
                    ["Digest"] = null,
                    ["Interval"] = null,
                    ["Verify"] = null,
                    ["SecretName"] = null,
                    ["Provider"] = null,
                    ["CertSecretName"] = null,
                    ["ServiceAccountName"] = null,
                    ["Insecure"] = false,
                },
                ["KustomizePatch"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Patch"] = "",
                    ["Target"] = null,
                },
                ["KustomizePatchTarget"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Group"] = null,
                    ["Version"] = null,
                    ["Kind"] = null,
                    ["Name"] = null,
                    ["Namespace"] = null,
                    ["LabelSelector"] = null,
                    ["AnnotationSelector"] = null,
                },
                ["KustomizeImage"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Name"] = "",
                    ["NewName"] = null,
                    ["NewTag"] = null,
                    ["Digest"] = null,
                },
                ["ChartVerification"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Provider"] = new EnumValue("ChartVerificationProvider", "Cosign"),
                    ["SecretName"] = null,
                },
                ["OidcIdentityMatch"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Issuer"] = "",
                    ["Subject"] = "",
                },
                ["ExistingSecretArgs"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Namespace"] = "",
                    ["SecretName"] = null,
                    ["ManagedBy"] = new EnumValue("SecretManager", "ExternalSecret"),
                },
                ["ExternalRegistryArgs"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Url"] = "",
                    ["Kind"] = new EnumValue("ExternalRegistryKind", "Harbor"),
                    ["AnonymousPull"] = null,
                },
                ["ExternalRegistryProject"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Name"] = "",
                    ["Public"] = false,
                    ["ProxyCacheUpstream"] = null,
                },
                ["HarborProjectArgs"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Registry"] = null,
                    ["ProjectName"] = null,
                    ["Public"] = false,
                    ["ProxyCache"] = null,
                    ["StorageQuotaGiB"] = null,
                },
                ["HarborProxyCacheArgs"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Upstream"] = "",
                    ["EndpointUrl"] = null,
                    ["ProviderName"] = null,
                    ["AccessId"] = null,
                    ["AccessSecret"] = null,
                },
                ["HarborRouteParent"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Name"] = "",
                    ["Namespace"] = null,
                    ["SectionName"] = null,
                },
                ["RobotAccountArgs"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Registry"] = null,
                    ["Level"] = new EnumValue("RobotLevel", "System"),
                    ["Project"] = null,
                    ["DurationDays"] = -1,
                    ["Description"] = null,
                    ["SecretVariable"] = null,
                    ["UsernameVariable"] = null,
                },
                ["PullLatencyProbeArgs"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Image"] = "",
                    ["Budget"] = TimeSpan.FromSeconds(1),
                    ["ExpectedSizeBytes"] = null,
                    ["LinkMegabitsPerSecond"] = null,
                    ["Via"] = "cri",
                    ["Timeout"] = TimeSpan.FromMinutes(2),
                },
                ["SpegelArgs"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Namespace"] = "kube-system",
                    ["ChartVersion"] = null,
                    ["ChartRepository"] = "oci://ghcr.io/spegel-org/helm-charts/spegel",
                    ["ChartSource"] = null,
                    ["PrependExisting"] = false,
                    ["ContainerdRegistryConfigPath"] = null,
                    ["ResolveTags"] = true,
                    ["RegistryHostPort"] = 30020,
                    ["RegistryNodePort"] = 30021,
                    ["ContainerdSock"] = null,
                    ["MirrorResolveRetries"] = null,
                    ["MirrorResolveTimeout"] = null,
                    ["LogLevel"] = null,
                    ["ServiceMonitor"] = false,
                    ["GrafanaDashboard"] = false,
                    ["Persistence"] = null,
                },
                ["HelmValuesReference"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Kind"] = "ConfigMap",
                    ["Name"] = "",
                    ["ValuesKey"] = null,
                    ["TargetPath"] = null,
                    ["Optional"] = false,
                },
                ["TalosMachinePatchArgs"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["TalosVersion"] = "v1.11",
                    ["RegistryConfigForm"] = new EnumValue("TalosConfigForm", "Auto"),
                },
                ["TalosMirror"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["OverridePath"] = null,
                    ["SkipFallback"] = null,
                },
                ["TalosHostEntry"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Ip"] = "",
                },
                ["TalosFile"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Path"] = "",
                    ["Content"] = "",
                    ["Op"] = new EnumValue("TalosFileOp", "Create"),
                    ["Permissions"] = null,
                },
                ["TalosCriCustomization"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Name"] = "",
                    ["Content"] = "",
                },
                ["TalosRegistryConfig"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Auth"] = null,
                    ["Tls"] = null,
                },
                ["TalosRegistryAuth"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["Username"] = null,
                    ["UsernameVariable"] = null,
                    ["Password"] = null,
                    ["Auth"] = null,
                    ["IdentityToken"] = null,
                },
                ["TalosRegistryTls"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["InsecureSkipVerify"] = null,
                    ["Ca"] = null,
                    ["ClientCertificate"] = null,
                    ["ClientKey"] = null,
                },
            };

        public static bool TryGet(string type, string property, out object? value)
        {
            value = null;
            return Table.TryGetValue(type, out var props) && props.TryGetValue(property, out value);
        }
    }
}
