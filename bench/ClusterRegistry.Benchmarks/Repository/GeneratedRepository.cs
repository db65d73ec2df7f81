using System.Globalization;

namespace ClusterRegistry.Benchmarks.Repository;

/// <summary>
/// A home-ops shaped repository of <c>apps × 5</c> YAML files (Flux Kustomization, kustomize file, HelmRelease,
/// OCIRepository, SOPS-encrypted Secret per app), plus a talhelper config with patch files, Spegel and Harbor releases.
/// Deterministic: the same count gives the same files.
/// </summary>
public static class GeneratedRepository
{
    public static string Create(string root, int yamlFiles)
    {
        Directory.CreateDirectory(root);
        var written = 0;
        void Write(string rel, string text)
        {
            var full = Path.Combine(root, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            if (rel.EndsWith(".yaml", StringComparison.Ordinal))
            {
                written++;
            }
        }

        Write("talos/talconfig.yaml", """
            clusterName: bench
            talosVersion: ${talosVersion}
            nodes:
              - {hostname: cp1, ipAddress: 10.0.0.1, controlPlane: true}
              - {hostname: cp2, ipAddress: 10.0.0.2, controlPlane: true}
              - {hostname: w1, ipAddress: 10.0.0.3}
            patches:
              - "@./patches/registries.yaml"
              - "@./patches/cri.yaml"
            """);
        Write("talos/talenv.yaml", "talosVersion: v1.11.5\n");
        Write("talos/patches/registries.yaml", """
            machine:
              registries:
                mirrors:
                  docker.io:
                    endpoints: [https://harbor.example.com/v2/proxy-docker.io]
                    overridePath: true
                  ghcr.io:
                    endpoints: [https://harbor.example.com/v2/proxy-ghcr.io]
                    overridePath: true
                config:
                  harbor.example.com:
                    auth:
                      username: robot$nodes
                      password: ${HARBOR_ROBOT_PASSWORD}
            """);
        Write("talos/patches/cri.yaml", """
            machine:
              files:
                - op: create
                  path: /etc/cri/conf.d/20-customization.part
                  content: |
                    [plugins."io.containerd.cri.v1.images"]
                      discard_unpacked_layers = false
            """);
        Write("kubernetes/apps/kube-system/spegel/app/helmrelease.yaml", """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: spegel, namespace: kube-system}
            spec:
              chartRef: {kind: OCIRepository, name: spegel}
              values:
                spegel:
                  containerdRegistryConfigPath: /etc/cri/conf.d/hosts
                  mirroredRegistries: [https://docker.io, https://ghcr.io]
                  prependExisting: true
            """);
        Write("kubernetes/apps/kube-system/spegel/app/ocirepository.yaml", """
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata: {name: spegel, namespace: kube-system}
            spec: {url: oci://ghcr.io/spegel-org/helm-charts/spegel, ref: {tag: 0.7.4}}
            """);
        Write("kubernetes/apps/registry/harbor/app/helmrelease.yaml", """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: harbor, namespace: registry}
            spec:
              chart: {spec: {chart: harbor, version: 1.17.1, sourceRef: {kind: HelmRepository, name: harbor}}}
              values:
                expose: {type: ingress, tls: {enabled: false}}
                externalURL: https://harbor.example.com
                existingSecretAdminPassword: harbor-admin
            """);

        for (var i = 0; written < yamlFiles; i++)
        {
            var app = "app" + i.ToString("D4", CultureInfo.InvariantCulture);
            var dir = $"kubernetes/apps/ns{i % 20}/{app}";
            Write($"{dir}/ks.yaml", """
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: APP, namespace: flux-system}
                spec:
                  path: ./DIR/app
                  targetNamespace: TARGETNS
                  sourceRef: {kind: GitRepository, name: flux-system}
                  postBuild:
                    substituteFrom: [{kind: Secret, name: cluster-secrets}]
                """.Replace("APP", app, StringComparison.Ordinal).Replace("DIR", dir, StringComparison.Ordinal).Replace("TARGETNS", "ns" + (i % 20).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            if (written >= yamlFiles)
            {
                break;
            }

            Write($"{dir}/app/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [./helmrelease.yaml, ./ocirepository.yaml, ./secret.sops.yaml]\n");
            if (written >= yamlFiles)
            {
                break;
            }

            Write($"{dir}/app/helmrelease.yaml", """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata:
                  name: APP
                spec:
                  interval: 1h
                  chartRef: {kind: OCIRepository, name: APP}
                  valuesFrom:
                    - {kind: Secret, name: APP-secret, valuesKey: values.yaml}
                  values:
                    controllers:
                      APP:
                        containers:
                          app:
                            image: {repository: ghcr.io/example/APP, tag: 1.2.3}
                            env: {TZ: Europe/Paris, HOST: "${SECRET_DOMAIN}"}
                            resources: {requests: {cpu: 10m, memory: 64Mi}, limits: {memory: 256Mi}}
                    service:
                      app: {controller: APP, ports: {http: {port: 8080}}}
                    route:
                      app:
                        hostnames: ["APP.${SECRET_DOMAIN}"]
                        parentRefs: [{name: internal, namespace: network}]
                """.Replace("APP", app, StringComparison.Ordinal));
            if (written >= yamlFiles)
            {
                break;
            }

            Write($"{dir}/app/ocirepository.yaml", """
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: OCIRepository
                metadata: {name: APP}
                spec: {url: oci://ghcr.io/bjw-s-labs/helm/app-template, ref: {tag: 4.2.0}}
                """.Replace("APP", app, StringComparison.Ordinal));
            if (written >= yamlFiles)
            {
                break;
            }

            Write($"{dir}/app/secret.sops.yaml", """
                apiVersion: v1
                kind: Secret
                metadata: {name: APP-secret}
                stringData:
                  values.yaml: ENC[AES256_GCM,data:cGxhY2Vob2xkZXI=,iv:cGxhY2Vob2xkZXI=,tag:cGxhY2Vob2xkZXI=,type:str]
                sops:
                  mac: ENC[AES256_GCM,data:cGxhY2Vob2xkZXI=,iv:cGxhY2Vob2xkZXI=,tag:cGxhY2Vob2xkZXI=,type:str]
                  version: 3.9.0
                """.Replace("APP", app, StringComparison.Ordinal));
        }

        return root;
    }
}
