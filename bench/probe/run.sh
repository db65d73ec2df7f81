#!/usr/bin/env bash
# Pull-latency probe bench: our probe against peer tools, all on ONE local docker-registry on loopback in one run.
#
#   bench/probe/run.sh [RUNS] [BIG_MB]        (defaults: 10 runs, a 1000 MB image for the memory check; BIG_MB=0 skips it)
#   NATIVE_ONLY=1 bench/probe/run.sh ...      only the native A/B section (the issue #14 goals)
#
# First, the native binary (src/ClusterRegistry.Tool/build-native.sh; built here when artifacts/clusterregistry is
# missing), A/B alternating in one loop of RUNS rounds, medians:
#   floor: curl of manifest + config + layer, 3 in parallel, each piped into `openssl dgst -sha256` and compared with
#     its digest (verification is part of the floor), wall time of the whole pipeline
#   native probe --via registry: wall time and peak RSS of the whole process, and its in-process durationMs
#   skopeo copy to a directory: wall time and peak RSS of the whole process
#   goals: native whole process <= 0.6x skopeo's time and <= 1.5x its peak RSS; in-process pull <= 1.2x the floor
# Then, each a median of RUNS cold runs (hyperfine for wall times):
#   registry path, ~40 MB single-layer image:
#     raw curl of manifest + config + layer, 3 in parallel (the floor: no verification, no resolution round trip)
#     ours --via registry, in-process figure (--json durationMs: HEAD + GET manifest, blobs in parallel, SHA-256 verified)
#     ours --via registry, wall time of the whole command (includes .NET start-up), JIT build and the ReadyToRun
#       stacks program that Pulumi's post-deploy probe step runs
#     skopeo copy to a directory;  ctr content fetch through a private containerd
#   CRI path: ours --via cri (PullImage, and the whole command) vs ctr image pull through the same private containerd
#   peak RSS of ours --via registry for the 40 MB and the BIG_MB image (constant memory: streamed, never buffered)
# Needs root (containerd), docker-registry, skopeo, containerd/ctr, curl, dotnet. Installs hyperfine with apt-get when
# missing (root only). Everything lives under one temp dir and every process is stopped on exit, Ctrl-C included.
set -euo pipefail

RUNS=${1:-10}
BIG_MB=${2:-1000}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

for tool in docker-registry skopeo containerd ctr curl dotnet; do
  command -v "$tool" >/dev/null || { echo "error: $tool is not installed" >&2; exit 2; }
done
[ "$(id -u)" = 0 ] || { echo "error: run as root (a private containerd needs it)" >&2; exit 2; }
if ! command -v hyperfine >/dev/null; then
  echo "installing hyperfine (apt-get)" >&2
  apt-get install -y hyperfine >/dev/null || { apt-get update >/dev/null && apt-get install -y hyperfine >/dev/null; }
fi

tmp=$(mktemp -d /tmp/probe-bench.XXXXXX)
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# --- the native binary ------------------------------------------------------------------------------------------------
native="$repo/artifacts/clusterregistry/clusterregistry"
if [ ! -x "$native" ]; then
  log "building the native binary (src/ClusterRegistry.Tool/build-native.sh, a few minutes)"
  "$repo/src/ClusterRegistry.Tool/build-native.sh" >"$tmp/native.log" 2>&1 || { cat "$tmp/native.log" >&2; exit 2; }
fi

# --- the tool -------------------------------------------------------------------------------------------------------
if [ "${NATIVE_ONLY:-0}" != 1 ]; then
log "building src/ClusterRegistry.Tool (Release)"
dotnet build "$repo/src/ClusterRegistry.Tool/ClusterRegistry.Tool.csproj" -c Release -v q -nologo >"$tmp/build.log" 2>&1 \
  || { cat "$tmp/build.log" >&2; exit 2; }
tool="$repo/src/ClusterRegistry.Tool/bin/Release/net10.0/ClusterRegistry.Tool"
# The binary Pulumi's post-deploy probe step runs: the stacks program published ReadyToRun (stacks/build-compiler.sh).
log "publishing the ReadyToRun stacks program (stacks/build-compiler.sh)"
"$repo/stacks/build-compiler.sh" "$tmp/r2r" >"$tmp/r2r.log" 2>&1 || { cat "$tmp/r2r.log" >&2; exit 2; }
r2r="$tmp/r2r/stacks"
fi

# --- the registry: loopback, port chosen by the kernel (addr :0), read back from its log -------------------------------
mkdir -p "$tmp/registry"
cat > "$tmp/registry/config.yml" <<YAML
version: 0.1
log:
  level: info
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $tmp/registry/data
http:
  addr: 127.0.0.1:0
  secret: bench-$(date +%s%N)
health:
  storagedriver:
    enabled: false
YAML
OTEL_TRACES_EXPORTER=none docker-registry serve "$tmp/registry/config.yml" >"$tmp/registry/log" 2>&1 &
pids+=($!)
port=""
for _ in $(seq 1 200); do
  port=$(grep -o 'listening on 127\.0\.0\.1:[0-9]*' "$tmp/registry/log" | head -1 | sed 's/.*://') || true
  [ -n "$port" ] && break
  sleep 0.05
done
[ -n "$port" ] || { cat "$tmp/registry/log" >&2; echo "error: registry did not start" >&2; exit 2; }
reg="127.0.0.1:$port"
log "registry at http://$reg"

# --- images -------------------------------------------------------------------------------------------------------------
push() { # push NAME SIZE_MB
  "$here/make-image.sh" "$tmp/layout-$1" "$2" v1 >"$tmp/layout-$1.txt"
  skopeo copy --quiet --dest-tls-verify=false "oci:$tmp/layout-$1:v1" "docker://$reg/bench/$1:v1"
  rm -rf "$tmp/layout-$1"
}
log "building and pushing the 40 MB image"
push img40 40
read -r _ manifest40 _ config40 _ layer40 _ <"$tmp/layout-img40.txt"
if [ "$BIG_MB" -gt 0 ]; then
  log "building and pushing the $BIG_MB MB image"
  push big "$BIG_MB"
fi
image="$reg/bench/img40:v1"

# --- a private containerd 1.6 (native snapshotter, own root/state/socket, hosts.toml for the registry) ------------------
cd_dir="$tmp/containerd"
mkdir -p "$cd_dir/root" "$cd_dir/state" "$cd_dir/hosts/$reg"
cat > "$cd_dir/hosts/$reg/hosts.toml" <<TOML
server = "http://$reg"
[host."http://$reg"]
  capabilities = ["pull", "resolve"]
TOML
cat > "$cd_dir/config.toml" <<TOML
version = 2
root = "$cd_dir/root"
state = "$cd_dir/state"
disabled_plugins = ["io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.zfs", "io.containerd.tracing.processor.v1.otlp", "io.containerd.internal.v1.tracing"]
[grpc]
  address = "$cd_dir/containerd.sock"
[ttrpc]
  address = "$cd_dir/containerd.sock.ttrpc"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "registry.k8s.io/pause:3.6"
  stream_server_address = "127.0.0.1"
  stream_server_port = "0"
  enable_selinux = false
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "native"
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "$cd_dir/root/cni-bin"
    conf_dir = "$cd_dir/root/cni-conf"
  [plugins."io.containerd.grpc.v1.cri".registry]
    config_path = "$cd_dir/hosts"
[plugins."io.containerd.internal.v1.opt"]
  path = "$cd_dir/root/opt"
TOML
containerd -c "$cd_dir/config.toml" >"$cd_dir/log" 2>&1 &
pids+=($!)
sock="$cd_dir/containerd.sock"
ctr_() { ctr --address "$sock" --namespace k8s.io "$@"; }
for _ in $(seq 1 200); do
  [ -S "$sock" ] && ctr_ version >/dev/null 2>&1 && break
  sleep 0.1
done
ctr_ version >/dev/null || { cat "$cd_dir/log" >&2; echo "error: containerd did not start" >&2; exit 2; }
log "containerd 1.6 at $sock"

# Cold state for ctr: no image record, no content (GC'd synchronously), nothing left in the native snapshotter.
cat > "$tmp/cold.sh" <<SH
#!/usr/bin/env bash
ctr --address "$sock" --namespace k8s.io image rm --sync "$image" >/dev/null 2>&1 || true
ctr --address "$sock" --namespace k8s.io content rm $manifest40 $config40 $layer40 >/dev/null 2>&1 || true
SH
chmod +x "$tmp/cold.sh"

# --- measurements ------------------------------------------------------------------------------------------------------
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "nan"} else if (NR%2) {print a[(NR+1)/2]} else {print (a[NR/2]+a[NR/2+1])/2}}'; }
hf() { # hf NAME PREPARE COMMAND -> median ms
  hyperfine --style none --warmup 1 --runs "$RUNS" --prepare "$2" --export-csv "$tmp/$1.csv" "$3" >"$tmp/$1.hf.log" 2>&1 \
    || { cat "$tmp/$1.hf.log" >&2; echo "error: $1 failed" >&2; exit 2; }
  awk -F, 'NR==2 {printf "%.1f\n", $4 * 1000}' "$tmp/$1.csv"
}
json_ms() { sed -n 's/^  "durationMs": \([0-9.]*\),$/\1/p'; }

if [ "${NATIVE_ONLY:-0}" != 1 ]; then
ours_registry="$tool probe $image --plain-http --no-history --json --timeout 2m --budget 1h"
ours_cri="$tool probe $image --via cri --socket $sock --no-history --json --timeout 2m --budget 1h"
fi

native_registry="$native probe $image --plain-http --no-history --json --timeout 2m --budget 1h"
log "checking the native binary once"
$native_registry >"$tmp/check.json" || { cat "$tmp/check.json" >&2; exit 2; }
grep -q '"ok": true' "$tmp/check.json" || { cat "$tmp/check.json" >&2; exit 2; }
bytes=$(sed -n 's/^  "bytes": \([0-9]*\),$/\1/p' "$tmp/check.json")

# --- native A/B: floor, native probe, skopeo, alternating in one loop ---------------------------------------------------
# The floor: the three documents fetched in parallel, each hashed by openssl and compared with its digest.
cat > "$tmp/floor.sh" <<SH
#!/usr/bin/env bash
set -euo pipefail
get() { # get URL DIGEST
  local got
  got=\$(curl -sf -H 'Accept: application/vnd.oci.image.manifest.v1+json' "\$1" | openssl dgst -sha256 -r | cut -d' ' -f1)
  [ "sha256:\$got" = "\$2" ] || { echo "digest mismatch for \$1: sha256:\$got" >&2; exit 1; }
}
get http://$reg/v2/bench/img40/manifests/v1 $manifest40 & a=\$!
get http://$reg/v2/bench/img40/blobs/$config40 $config40 & b=\$!
get http://$reg/v2/bench/img40/blobs/$layer40 $layer40 & c=\$!
wait \$a; wait \$b; wait \$c
SH
chmod +x "$tmp/floor.sh"
"$tmp/floor.sh" || { echo "error: the floor pipeline failed" >&2; exit 2; }

now_ns() { date +%s%N; }
timed() { # timed OUT_PREFIX COMMAND... -> appends wall ms to OUT_PREFIX.ms and peak RSS KiB to OUT_PREFIX.kb; stdout to OUT_PREFIX.out
  local t0 t1
  t0=$(now_ns)
  command time -f %M -o "$tmp/time.out" "${@:2}" >"$1.out" 2>"$1.err" || { cat "$1.err" "$1.out" >&2; echo "error: $2 failed" >&2; exit 2; }
  t1=$(now_ns)
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f\n", (b - a) / 1e6}' >>"$1.ms"
  tail -1 "$tmp/time.out" >>"$1.kb"
}
command time -f %M true >/dev/null 2>&1 || { echo "error: GNU time (/usr/bin/time) is needed for peak RSS" >&2; exit 2; }
log "native A/B: floor | native probe | skopeo, alternating, $RUNS rounds (+1 warm-up round)"
ab="$tmp/ab"
mkdir -p "$ab"
for i in $(seq 0 "$RUNS"); do
  rm -rf "$tmp/skopeo-ab"
  # Alternate the order every round so neither tool always runs right after the other.
  if [ $((i % 2)) = 0 ]; then order="floor native skopeo"; else order="skopeo native floor"; fi
  for what in $order; do
    case $what in
      floor) timed "$ab/floor" "$tmp/floor.sh" ;;
      native) timed "$ab/native" $native_registry; json_ms <"$ab/native.out" >>"$ab/native-inproc.ms" ;;
      skopeo) timed "$ab/skopeo" skopeo copy --quiet --src-tls-verify=false "docker://$image" "dir:$tmp/skopeo-ab" ;;
    esac
  done
  if [ "$i" = 0 ]; then rm -f "$ab"/*.ms "$ab"/*.kb; fi  # round 0 warms the page cache and the registry
done
m() { tail -n "$RUNS" "$ab/$1" | median; }
floor_ms=$(m floor.ms); native_ms=$(m native.ms); native_in_ms=$(m native-inproc.ms); skopeo_ab_ms=$(m skopeo.ms)
native_kb=$(m native.kb); skopeo_kb=$(m skopeo.kb)

if [ "${NATIVE_ONLY:-0}" != 1 ]; then
log "checking the JIT tool once"
$ours_registry >"$tmp/check-jit.json" || { cat "$tmp/check-jit.json" >&2; exit 2; }

curl_cmd="curl -sf --parallel --parallel-immediate --parallel-max 3 -H 'Accept: application/vnd.oci.image.manifest.v1+json'"
curl_cmd+=" -o /dev/null http://$reg/v2/bench/img40/manifests/v1"
curl_cmd+=" -o /dev/null http://$reg/v2/bench/img40/blobs/$config40 -o /dev/null http://$reg/v2/bench/img40/blobs/$layer40"

log "raw curl (the floor)"
curl_ms=$(hf curl "true" "$curl_cmd")

log "ours --via registry, in-process (durationMs of $RUNS runs)"
for _ in $(seq 1 "$RUNS"); do $ours_registry | json_ms; done >"$tmp/ours-inproc.txt"
ours_ms=$(median <"$tmp/ours-inproc.txt")

log "ours --via registry, whole command"
ours_wall_ms=$(hf ours-wall "true" "$ours_registry")

log "ours --via registry, whole command, ReadyToRun stacks program (as the Pulumi probe step runs it)"
ours_r2r_ms=$(hf ours-r2r "true" "$r2r probe $image --plain-http --no-history --json --timeout 2m --budget 1h")

log "skopeo copy to a directory"
skopeo_ms=$(hf skopeo "rm -rf $tmp/skopeo-out" "skopeo copy --quiet --src-tls-verify=false docker://$image dir:$tmp/skopeo-out")

log "ctr content fetch"
fetch_ms=$(hf ctr-fetch "$tmp/cold.sh" "ctr --address $sock --namespace k8s.io content fetch --plain-http --hosts-dir $cd_dir/hosts $image")

log "ctr image pull (unpacks, native snapshotter)"
ctrpull_ms=$(hf ctr-pull "$tmp/cold.sh" "ctr --address $sock --namespace k8s.io image pull --plain-http --hosts-dir $cd_dir/hosts --snapshotter native $image")

log "ours --via cri (PullImage of $RUNS cold runs; the tool removes the image first)"
"$tmp/cold.sh"
for _ in $(seq 1 "$RUNS"); do $ours_cri | json_ms; done >"$tmp/ours-cri.txt"
cri_ms=$(median <"$tmp/ours-cri.txt")
log "ours --via cri, whole command (removal + PullImage + status, .NET start-up)"
cri_wall_ms=$(hf ours-cri-wall "true" "$ours_cri")
log "ours --via cri, whole command, ReadyToRun stacks program"
cri_r2r_ms=$(hf ours-cri-r2r "true" "$r2r probe $image --via cri --socket $sock --no-history --json --timeout 2m --budget 1h")

peak_kb() { # peak_kb COMMAND... -> max RSS in KiB
  if command time -f %M true >/dev/null 2>&1; then
    command time -f %M -o "$tmp/time.out" "$@" >/dev/null
    tail -1 "$tmp/time.out"
  else
    "$@" >/dev/null & local pid=$! hwm=0 v
    while kill -0 "$pid" 2>/dev/null; do
      v=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$v" ] && hwm=$v
      sleep 0.01
    done
    wait "$pid"
    echo "$hwm"
  fi
}
log "peak memory"
mem40=$(for _ in 1 2 3; do peak_kb $ours_registry; done | median)
membig="n/a"
if [ "$BIG_MB" -gt 0 ]; then
  membig=$(for _ in 1 2 3; do peak_kb $tool probe "$reg/bench/big:v1" --plain-http --no-history --json --timeout 10m --budget 1h; done | median)
fi

fi

# --- table -----------------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }
verdict() { awk -v a="$1" -v b="$2" -v g="$3" 'BEGIN {printf "%.2fx (goal <= %sx: %s)", a / b, g, (a / b <= g) ? "met" : "NOT met"}'; }
mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
echo
echo "probe bench: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $RUNS runs each (medians)"
echo "image: $image, $bytes bytes (config + one gzip layer of random data); registry: docker-registry $(docker-registry --version 2>/dev/null | awk '{print $3}'), loopback"
echo
echo "native A/B ($RUNS alternating rounds; native binary $(du -h "$native" | cut -f1), $(basename "$native"))"
printf '%-58s %10s %10s\n' "" "median ms" "peak MB"
printf '%-58s %10s %10s\n' "floor: curl | openssl dgst -sha256, 3 parallel, verified" "$floor_ms" "-"
printf '%-58s %10s %10s\n' "native probe --via registry, in process (durationMs)" "$native_in_ms" "-"
printf '%-58s %10s %10s\n' "native probe --via registry, whole process" "$native_ms" "$(mb "$native_kb")"
printf '%-58s %10s %10s\n' "skopeo copy to dir:, whole process" "$skopeo_ab_ms" "$(mb "$skopeo_kb")"
echo "  time, native vs skopeo:        $(verdict "$native_ms" "$skopeo_ab_ms" 0.6)"
echo "  peak RSS, native vs skopeo:    $(verdict "$native_kb" "$skopeo_kb" 1.5)"
echo "  in-process pull vs the floor:  $(verdict "$native_in_ms" "$floor_ms" 1.2)"
[ "${NATIVE_ONLY:-0}" != 1 ] || exit 0
echo
printf '%-58s %10s %10s\n' "registry path (40 MB)" "median ms" "vs curl"
printf '%-58s %10s %10s\n' "raw curl, manifest + config + layer, 3 parallel (floor)" "$curl_ms" "1.00x"
printf '%-58s %10s %10s\n' "ours --via registry, in-process (--json durationMs)" "$ours_ms" "$(ratio "$ours_ms" "$curl_ms")"
printf '%-58s %10s %10s\n' "ours --via registry, whole command incl. .NET start-up" "$ours_wall_ms" "$(ratio "$ours_wall_ms" "$curl_ms")"
printf '%-58s %10s %10s\n' "ours, whole command, ReadyToRun (the Pulumi probe step)" "$ours_r2r_ms" "$(ratio "$ours_r2r_ms" "$curl_ms")"
printf '%-58s %10s %10s\n' "skopeo copy to dir:" "$skopeo_ms" "$(ratio "$skopeo_ms" "$curl_ms")"
printf '%-58s %10s %10s\n' "ctr content fetch (private containerd 1.6)" "$fetch_ms" "$(ratio "$fetch_ms" "$curl_ms")"
echo
printf '%-58s %10s %10s\n' "CRI path (40 MB, same containerd, unpacks)" "median ms" "vs ctr"
printf '%-58s %10s %10s\n' "ctr image pull" "$ctrpull_ms" "1.00x"
printf '%-58s %10s %10s\n' "ours --via cri, PullImage (--json durationMs)" "$cri_ms" "$(ratio "$cri_ms" "$ctrpull_ms")"
printf '%-58s %10s %10s\n' "ours --via cri, whole command (remove + pull + .NET)" "$cri_wall_ms" "$(ratio "$cri_wall_ms" "$ctrpull_ms")"
printf '%-58s %10s %10s\n' "ours --via cri, whole command, ReadyToRun" "$cri_r2r_ms" "$(ratio "$cri_r2r_ms" "$ctrpull_ms")"
echo
printf '%-58s %10s\n' "peak RSS of ours --via registry (median of 3)" "MB"
printf '%-58s %10s\n' "40 MB image" "$(awk -v k="$mem40" 'BEGIN {printf "%.1f", k / 1024}')"
if [ "$membig" != "n/a" ]; then
  printf '%-58s %10s\n' "$BIG_MB MB image" "$(awk -v k="$membig" 'BEGIN {printf "%.1f", k / 1024}')"
fi
