#!/usr/bin/env bash
# ClusterRegistry local sandbox: the whole pipeline of the `local` stack on this machine, on loopback only.
#
#   ./sandbox.sh                 # as root (or: sudo ./sandbox.sh) on Debian with the .NET SDK
#
# 1. installs containerd, docker-registry, skopeo (and htpasswd) with apt-get when they are missing;
# 2. builds the stacks program;
# 3. starts a registry (CNCF distribution, the registry inside Harbor) on the "Harbor ClusterIP" 127.0.0.243:80 with
#    htpasswd basic auth for the pull robot `robot$cluster-pull` and a generated password (HARBOR_ROBOT_PASSWORD), and
#    empty registries answering 404 on Spegel's ports 127.0.0.1:30020/30021 (a Spegel whose peers lack the image);
# 4. generates an image and pushes it with skopeo;
# 5. renders the `local` stack's node view for node 127.0.0.1 and applies it to a private containerd root that mirrors a
#    Talos node (<root>/etc/cri/conf.d/hosts, <root>/etc/cri/conf.d/cri.toml, <root>/etc/hosts, <root>/var/lib/containerd),
#    translated to containerd 1.6's CRI keys, secrets resolved from the environment;
# 6. starts containerd under `unshare --mount` with <root>/etc/hosts bind-mounted over /etc/hosts inside that namespace
#    only (harbor.harbor.svc.cluster.local -> 127.0.0.243): nothing in the machine's /etc is changed;
# 7. runs `check --stack local`, the probe `--via cri` against 127.0.0.105/library/app:v1 (the name pods use; with the
#    native binary artifacts/clusterregistry/clusterregistry when it is built, else the stacks program) and
#    `doctor` on the sandbox root, then prints a short report;
# 8. stops everything it started, also on Ctrl-C and on failure.
#
# Environment: SANDBOX_DIR (default <repo>/out/sandbox), SANDBOX_IMAGE_MB (default 40), SANDBOX_NO_INSTALL=1 (never apt-get).
# Exit code: 0 all steps passed, 1 a step failed (pull over budget, findings), 2 the sandbox could not run.
set -Eeuo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SANDBOX=${SANDBOX_DIR:-$REPO/out/sandbox}
ROOT=$SANDBOX/node
RESULTS=$SANDBOX/results
HISTORY=$SANDBOX/history.db     # kept across runs: every sandbox pull adds a point
STACK=local
NODE=127.0.0.1
REGISTRY_ADDR=127.0.0.243     # LocalStack.ClusterIp: what harbor.harbor.svc.cluster.local resolves to on the node
IMAGE=127.0.0.105/library/app:v1   # LocalStack.RegistryName: the "LoadBalancer" name pods reference
PUSH_REF=$REGISTRY_ADDR/library/app:v1
IMAGE_MB=${SANDBOX_IMAGE_MB:-40}
ROBOT='robot$cluster-pull'

START=$(date +%s%N)
INSTALL_NS=0
PIDS=()
STEPS=()
FAILED=0

say() { printf '\033[1m==>\033[0m [%6.1fs] %s\n' "$(( ($(date +%s%N) - START) / 1000000 ))e-3" "$*"; }
now_ms() { echo $(( ($(date +%s%N) - START) / 1000000 )); }

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  [ ${#PIDS[@]} -eq 0 ] || say "stopped the sandbox registry and containerd"
  exit "$code"
}
trap cleanup EXIT
trap 'echo; say "interrupted"; exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------------- preflight
missing=()
declare -A PKG=([containerd]=containerd [docker-registry]=docker-registry [skopeo]=skopeo [htpasswd]=apache2-utils)
to_install=()
[ "$(id -u)" = 0 ] || missing+=("root: containerd and a private mount namespace need it (run: sudo $0)")
command -v dotnet >/dev/null || missing+=(".NET SDK 10: 'dotnet' is not on PATH (https://dot.net/download)")
command -v unshare >/dev/null && command -v mount >/dev/null || missing+=("util-linux: 'unshare' and 'mount' are needed for the private /etc/hosts")
for bin in containerd docker-registry skopeo htpasswd; do
  command -v "$bin" >/dev/null || to_install+=("${PKG[$bin]}")
done
if [ ${#to_install[@]} -gt 0 ]; then
  if [ "${SANDBOX_NO_INSTALL:-0}" = 1 ]; then
    missing+=("packages ${to_install[*]} (SANDBOX_NO_INSTALL=1 forbids installing them)")
  elif ! command -v apt-get >/dev/null; then
    missing+=("packages ${to_install[*]}: no apt-get on this machine; install them with your package manager")
  fi
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "sandbox: cannot run here; missing:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 2
fi

if [ ${#to_install[@]} -gt 0 ]; then
  say "installing ${to_install[*]} (apt-get)"
  t=$(date +%s%N)
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${to_install[@]}" >/dev/null
  INSTALL_NS=$(( $(date +%s%N) - t ))
fi

for addr in "$REGISTRY_ADDR/80" "$NODE/30020" "$NODE/30021"; do
  if (exec 3<>"/dev/tcp/$addr") 2>/dev/null; then
    echo "sandbox: something already listens on ${addr/\//:} (another sandbox run?); stop it first" >&2
    exit 2
  fi
done

# ------------------------------------------------------------------------------------------------------------- build
say "building the stacks program"
dotnet build "$REPO/stacks/Stacks.csproj" -c Release --nologo -v q -clp:ErrorsOnly >/dev/null
STACKS_DLL=$REPO/stacks/bin/Release/net10.0/stacks.dll
stacks() { dotnet "$STACKS_DLL" "$@"; }

# ---------------------------------------------------------------------------------------------------------- registry
rm -rf "$ROOT" "$SANDBOX/registry" "$SANDBOX/image" "$RESULTS"
mkdir -p "$SANDBOX/registry/data" "$RESULTS"
export HARBOR_ROBOT_USERNAME=$ROBOT
export HARBOR_ROBOT_PASSWORD
HARBOR_ROBOT_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
export HARBOR_ADMIN_PASSWORD
HARBOR_ADMIN_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')

htpasswd -Bbn "$ROBOT" "$HARBOR_ROBOT_PASSWORD" > "$SANDBOX/registry/htpasswd" 2>/dev/null
cat > "$SANDBOX/registry/config.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $SANDBOX/registry/data
http:
  addr: $REGISTRY_ADDR:80
auth:
  htpasswd:
    realm: harbor-sandbox
    path: $SANDBOX/registry/htpasswd
EOF
say "starting the registry on $REGISTRY_ADDR:80 (htpasswd auth for $ROBOT)"
docker-registry serve "$SANDBOX/registry/config.yml" >"$SANDBOX/registry/registry.log" 2>&1 &
PIDS+=($!)
wait_for() { # what, seconds, test command...
  local what=$1 secs=$2; shift 2
  for _ in $(seq $((secs * 10))); do "$@" 2>/dev/null && return 0; sleep 0.1; done
  echo "sandbox: $what did not come up within ${secs}s" >&2
  return 1
}
wait_for "the registry" 15 bash -c "exec 3<>/dev/tcp/$REGISTRY_ADDR/80" || { tail -20 "$SANDBOX/registry/registry.log" >&2; exit 2; }

# Spegel's ports on the node answer like a Spegel whose peers lack the image: 404 (an empty registry, no auth). A refused
# port would be containerd 1.6's first error and hide the registry's 401 if the robot's password were wrong.
for port in 30020 30021; do
  mkdir -p "$SANDBOX/registry/spegel-$port"
  printf 'version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: %s:%s\n' \
    "$SANDBOX/registry/spegel-$port" "$NODE" "$port" > "$SANDBOX/registry/spegel-$port.yml"
  docker-registry serve "$SANDBOX/registry/spegel-$port.yml" >"$SANDBOX/registry/spegel-$port.log" 2>&1 &
  PIDS+=($!)
  wait_for "the empty mirror on $NODE:$port" 15 bash -c "exec 3<>/dev/tcp/$NODE/$port" || { tail -20 "$SANDBOX/registry/spegel-$port.log" >&2; exit 2; }
done

# ------------------------------------------------------------------------------------------------------------- image
say "generating a ${IMAGE_MB} MB image and pushing it as $PUSH_REF (skopeo)"
L=$SANDBOX/image
mkdir -p "$L/blobs/sha256" "$L/rootfs"
head -c $((IMAGE_MB * 1024 * 1024)) /dev/urandom > "$L/rootfs/app.bin"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$L/rootfs" -cf "$L/layer.tar" app.bin
diff_id=$(sha256sum "$L/layer.tar" | cut -d' ' -f1)
gzip -1 -n -c "$L/layer.tar" > "$L/layer.tar.gz"
blob() { # file -> moves it into blobs/, prints "digest size"
  local d s; d=$(sha256sum "$1" | cut -d' ' -f1); s=$(stat -c %s "$1"); mv "$1" "$L/blobs/sha256/$d"; echo "$d $s"
}
read -r layer_digest layer_size < <(blob "$L/layer.tar.gz")
printf '{"architecture":"%s","os":"linux","config":{"Cmd":["/app.bin"]},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
  "$(dpkg --print-architecture 2>/dev/null || echo amd64)" "$diff_id" > "$L/config.json"
read -r config_digest config_size < <(blob "$L/config.json")
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s}]}' \
  "$config_digest" "$config_size" "$layer_digest" "$layer_size" > "$L/manifest.json"
read -r manifest_digest manifest_size < <(blob "$L/manifest.json")
printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"v1"}}]}' \
  "$manifest_digest" "$manifest_size" > "$L/index.json"
echo '{"imageLayoutVersion":"1.0.0"}' > "$L/oci-layout"
rm -rf "$L/rootfs" "$L/layer.tar"
skopeo copy -q --dest-tls-verify=false --dest-creds "$ROBOT:$HARBOR_ROBOT_PASSWORD" "oci:$L:v1" "docker://$PUSH_REF"

# ------------------------------------------------------------------------------------------------- node view + containerd
say "applying the '$STACK' stack's node view for $NODE to $ROOT (containerd 1.6 keys, secrets from the environment)"
stacks sandbox apply --stack "$STACK" --node "$NODE" --root "$ROOT"
SOCKET=$ROOT/run/containerd/containerd.sock
CONFIG=$ROOT/etc/cri/conf.d/cri.toml

say "starting containerd with a private /etc/hosts (unshare --mount; the machine's /etc/hosts is untouched)"
unshare --mount --propagation private -- /bin/sh -c 'mount --bind "$1" /etc/hosts && exec containerd --config "$2"' \
  sh "$ROOT/etc/hosts" "$CONFIG" >"$SANDBOX/containerd.log" 2>&1 &
PIDS+=($!)
wait_for "containerd" 30 test -S "$SOCKET" || { tail -30 "$SANDBOX/containerd.log" >&2; exit 2; }

# -------------------------------------------------------------------------------------------------------------- steps
step() { # name, command...
  local name=$1; shift
  local t; t=$(date +%s%N)
  say "$name"
  set +e
  "$@" 2>&1 | tee "$RESULTS/$name.log"
  local code=${PIPESTATUS[0]}
  set -e
  local ms=$(( ($(date +%s%N) - t) / 1000000 ))
  if [ "$code" = 0 ]; then STEPS+=("PASS  $name (${ms} ms)"); else STEPS+=("FAIL  $name (exit $code, ${ms} ms; log: $RESULTS/$name.log)"); FAILED=1; fi
}

step check stacks check --stack "$STACK"
# The stack's PullLatencyProbe (127.0.0.105/library/app:v1, its budget), through containerd's CRI like kubelet.
# With the native binary built (src/ClusterRegistry.Tool/build-native.sh), the probe runs there, with the command line
# the Pulumi probe step renders for it (`compile`: the stack's probe spelled out, since that binary has no stacks).
NATIVE=$REPO/artifacts/clusterregistry/clusterregistry
native_args=""
if [ -x "$NATIVE" ]; then
  native_args=$(stacks compile --stack "$STACK" \
    | sed -n 's/.*"create": "if \[ -x ${clusterregistryCommand} \]; then ${clusterregistryCommand} \(probe [^;]*\);.*/\1/p' | head -n 1)
  [ -n "$native_args" ] || echo "sandbox: no native probe command in the compiled program; using the stacks program" >&2
fi
if [ -n "$native_args" ]; then
  say "probe: native binary $NATIVE"
  PROBE_BY="native clusterregistry"
  # shellcheck disable=SC2086 # the rendered arguments are words without spaces
  # The rendered line's --json, --via and --nodes give way to this node's (an option given twice is refused).
  native_args=$(printf '%s\n' "$native_args" | sed -E 's/ --json( |$)/ /; s/ --via [^ ]+//; s/ --nodes [^ ]+//')
  step probe "$NATIVE" $native_args --via cri --node "$NODE" --socket "$SOCKET" --history "$HISTORY"
else
  PROBE_BY="stacks program"
  step probe stacks probe --stack "$STACK" --via cri --node "$NODE" --socket "$SOCKET" --history "$HISTORY"
fi
stacks probe report --history "$HISTORY" --out "$RESULTS/pull-latency.png" >/dev/null 2>&1 \
  || echo "sandbox: could not plot the history (see 'probe report')" >&2
step doctor stacks doctor --stack "$STACK" --node "$NODE" --root "$ROOT"

# ------------------------------------------------------------------------------------------------------------- report
total_ms=$(( ($(date +%s%N) - START - INSTALL_NS) / 1000000 ))
echo
echo "sandbox report ($STACK stack, node $NODE, image $IMAGE, ${IMAGE_MB} MB)"
printf '  %s\n' "${STEPS[@]}"
latency=$(grep -hE '^(ok|OVER BUDGET|FAILED) ' "$RESULTS/probe.log" 2>/dev/null | tail -1 || true)
[ -z "$latency" ] || echo "  pull: $latency (probe run by the $PROBE_BY)"
[ ! -f "$RESULTS/pull-latency.png" ] || echo "  report image: $RESULTS/pull-latency.png"
[ ! -f "$HISTORY" ] || echo "  history: $HISTORY (probe history --history $HISTORY)"
echo "  step logs: $RESULTS"
echo "  node root: $ROOT   containerd log: $SANDBOX/containerd.log"
echo "  time: $((total_ms / 1000)).$(printf '%03d' $((total_ms % 1000))) s end to end$([ "$INSTALL_NS" = 0 ] || echo ", package install excluded ($((INSTALL_NS / 1000000)) ms)")"
if [ "$FAILED" = 0 ]; then echo "  result: PASS"; else echo "  result: FAIL"; fi
exit "$FAILED"
