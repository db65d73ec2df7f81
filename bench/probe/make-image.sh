#!/usr/bin/env bash
# Writes an OCI image layout holding one single-layer linux image for the probe bench.
#
#   bench/probe/make-image.sh OUT_DIR SIZE_MB [TAG]
#
# The layer is a gzip (-1) tar of SIZE_MB (10^6 bytes) of random data, so it does not compress: the bytes on the wire
# are the layer size, as for layers of binaries. The config names the layer's diff_id so containerd can unpack it.
# Push the result with: skopeo copy --dest-tls-verify=false oci:OUT_DIR:TAG docker://HOST/REPO:TAG
set -euo pipefail

out=${1:?usage: make-image.sh OUT_DIR SIZE_MB [TAG]}
size_mb=${2:?usage: make-image.sh OUT_DIR SIZE_MB [TAG]}
tag=${3:-v1}
case "$(uname -m)" in
  x86_64) arch=amd64 ;;
  aarch64) arch=arm64 ;;
  *) arch=$(uname -m) ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/probe-image.XXXXXX")
trap 'rm -rf "$work"' EXIT
blobs="$out/blobs/sha256"
mkdir -p "$blobs"

# Random payload in a tar with fixed metadata (owner 0, mtime 0), then gzip -1 -n straight into the blob store.
mkdir "$work/rootfs"
head -c $((size_mb * 1000 * 1000)) /dev/urandom > "$work/rootfs/payload.bin"
tar -C "$work/rootfs" --owner=0 --group=0 --numeric-owner --mtime=@0 --sort=name -cf "$work/layer.tar" payload.bin
rm -f "$work/rootfs/payload.bin"
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
gzip -1 -n -c "$work/layer.tar" > "$work/layer.tar.gz"
rm -f "$work/layer.tar"
layer_digest=$(sha256sum "$work/layer.tar.gz" | cut -d' ' -f1)
layer_size=$(stat -c %s "$work/layer.tar.gz")
mv "$work/layer.tar.gz" "$blobs/$layer_digest"

put() { # put FILE -> prints "digest size", moving FILE into the blob store
  local d s
  d=$(sha256sum "$1" | cut -d' ' -f1)
  s=$(stat -c %s "$1")
  mv "$1" "$blobs/$d"
  echo "$d $s"
}

printf '{"architecture":"%s","os":"linux","config":{"Cmd":["/payload.bin"]},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
  "$arch" "$diff_id" > "$work/config.json"
read -r config_digest config_size < <(put "$work/config.json")

printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s}]}' \
  "$config_digest" "$config_size" "$layer_digest" "$layer_size" > "$work/manifest.json"
read -r manifest_digest manifest_size < <(put "$work/manifest.json")

printf '{"imageLayoutVersion":"1.0.0"}' > "$out/oci-layout"
printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"%s"}}]}' \
  "$manifest_digest" "$manifest_size" "$tag" > "$out/index.json"

echo "manifest sha256:$manifest_digest config sha256:$config_digest layer sha256:$layer_digest ($layer_size bytes)"
