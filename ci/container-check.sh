#!/usr/bin/env bash
# The distributed path run for real, in containers, offline: the Jib image and deploy/kubernetes/.
#   1. installs podman, runc, debootstrap, jq and yq with apt-get when missing (needs root);
#   2. podman reads ci/containers.conf (CONTAINERS_CONF): runc, ulimits this VM allows, host network;
#   3. a Java 17 base image from Debian packages (debootstrap minbase + openjdk-17-jre-headless),
#      cached as a docker-archive in ${XDG_CACHE_HOME:-~/.cache}/tokenbench, keyed by its package list;
#   4. the tokenbench image built by Jib on it (-Pimage -Dimage.base=tar://...), loaded into podman;
#   5. the mock started from the image (host network, loopback, port 0);
#   6. the PVC, ConfigMap and Secret "applied" (a podman volume; the ConfigMap with the run shortened and
#      aimed at the mock; the Secret with the mock's key), then the injectors of injectors-job.yaml, one
#      container per completion index, all at once (ci/kube-to-podman.jq turns a Job's pod into podman
#      arguments: JOB_COMPLETION_INDEX, $(VAR), configMapKeyRef/secretKeyRef, the PVC as a volume with
#      fsGroup, securityContext, memory limit), then merge-job.yaml;
#   7. checks that every injector wrote a complete run folder and that the merged run adds up to the
#      parts (ci/merged-adds-up.py, as ci/multi-injector-check.sh);
#   8. removes every container, volume and image it made (trap), also on failure or Ctrl-C.
# Usage: ci/container-check.sh [--keep]    (--keep: keep the work folder with the results and logs)
# Exit 0 all checks hold, 1 a check or a step failed, 2 podman cannot run here at all.
# Environment: TOKENBENCH_DEBIAN_MIRROR (default: the Debian mirror of /etc/apt/sources.list*).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KEEP=0; [[ "${1:-}" == "--keep" ]] && KEEP=1
RUN_TAG="check-$(date +%s)-$RANDOM"       # names and labels every object this run makes
PREFIX="tokenbench-$RUN_TAG"
LABEL="io.tokenbench.check=$RUN_TAG"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/tokenbench-containers.XXXXXX")"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/tokenbench"
SUITE=bookworm
BASE_PACKAGES=(openjdk-17-jre-headless)
COUNT_EXPECTED=3
export CONTAINERS_CONF="$ROOT/ci/containers.conf"

log() { printf '[%3ds] %s\n' "$SECONDS" "$*"; }
fail() { echo "container-check: FAILED: $*" >&2; exit 1; }
cannot_run() { echo "container-check: podman cannot run here: $*" >&2; exit 2; }

IMAGES=(); VOLUMES=()
cleanup() {
  local code=$?
  if command -v podman >/dev/null; then
    local ids; ids="$(podman ps -aq --filter "label=$LABEL" 2>/dev/null || true)"
    [[ -n "$ids" ]] && podman rm -f -t 0 $ids >/dev/null 2>&1 || true
    for v in "${VOLUMES[@]}"; do podman volume rm -f "$v" >/dev/null 2>&1 || true; done
    for i in "${IMAGES[@]}"; do podman rmi -f "$i" >/dev/null 2>&1 || true; done
  fi
  if [[ $KEEP == 0 ]]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. tools ----------------------------------------------------------------------------------------
# root: debootstrap, and rootful podman (the results volume is given to the pods' fsGroup as a kubelet does)
[[ $EUID == 0 ]] || cannot_run "needs root (debootstrap; rootful podman for the fsGroup of the volume)"
missing=()
for t in podman runc debootstrap jq yq python3; do command -v "$t" >/dev/null || missing+=("$t"); done
if ((${#missing[@]})); then
  pkgs=("${missing[@]}")
  command -v apt-get >/dev/null || cannot_run "missing ${missing[*]} and no apt-get"
  log "installing ${pkgs[*]} (apt-get)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}"; } \
    >"$WORK/apt.log" 2>&1 || { tail -n 20 "$WORK/apt.log" >&2; cannot_run "apt-get install ${pkgs[*]} failed"; }
fi
podman info >/dev/null 2>"$WORK/podman-info.log" \
  || { cat "$WORK/podman-info.log" >&2; cannot_run "'podman info' fails (with CONTAINERS_CONF=$CONTAINERS_CONF)"; }

# --- 2. the Debian base image (cached) -----------------------------------------------------------------
debian_mirror() {
  local m
  m="$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources \
        | grep -oE 'https?://[^ ]*/debian/?( |$)' | grep -v security | head -n 1 | tr -d ' ')"
  echo "${m:-http://deb.debian.org/debian}"
}
KEY="$(printf '%s\n' "v1 $SUITE minbase" "${BASE_PACKAGES[@]}" | sha256sum | cut -c1-16)"
BASE_TAR="$CACHE_DIR/debian-$SUITE-jre17-$KEY.tar"
if [[ -s "$BASE_TAR" ]]; then
  log "base image: cached $BASE_TAR"
else
  MIRROR="${TOKENBENCH_DEBIAN_MIRROR:-$(debian_mirror)}"
  log "base image: debootstrap $SUITE minbase + ${BASE_PACKAGES[*]} from $MIRROR"
  mkdir -p "$CACHE_DIR"
  rootfs="$WORK/rootfs"
  debootstrap --variant=minbase --include="$(IFS=,; echo "${BASE_PACKAGES[*]}")" "$SUITE" "$rootfs" "$MIRROR" \
    >"$WORK/debootstrap.log" 2>&1 || { tail -n 20 "$WORK/debootstrap.log" >&2; fail "debootstrap failed"; }
  # docs, translations, apt's caches and lists: not needed to run Java (~190 MB)
  rm -rf "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* \
    "$rootfs"/var/log/*.log "$rootfs"/var/log/apt/*
  dpkg-query --admindir="$rootfs/var/lib/dpkg" -W >"$BASE_TAR.packages"
  base_ref="localhost/tokenbench-base:$RUN_TAG"
  tar --numeric-owner -C "$rootfs" -cf - . \
    | podman import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'ENV LANG=C.UTF-8' - "$base_ref" >/dev/null 2>"$WORK/import.log" \
    || { cat "$WORK/import.log" >&2; fail "podman import of the base image failed"; }
  IMAGES+=("$base_ref")
  podman save -q --format docker-archive -o "$BASE_TAR.tmp" "$base_ref" >/dev/null
  mv "$BASE_TAR.tmp" "$BASE_TAR"
  rm -rf "$rootfs"
  log "base image: $(du -h "$BASE_TAR" | cut -f1) in $BASE_TAR ($(wc -l <"$BASE_TAR.packages") packages)"
fi

# --- 3. the tokenbench image (Jib) ---------------------------------------------------------------------
IMAGE="localhost/tokenbench:$RUN_TAG"
log "image: Jib on the base image"
"$ROOT/mvnw" -q -B -ntp -f "$ROOT/pom.xml" -pl simulations -am -Pimage -DskipTests \
  -Dimage.base="tar://$BASE_TAR" -Dimage.name="$IMAGE" -Djib.outputPaths.tar="$WORK/tokenbench-image.tar" \
  package >"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log" >&2; fail "the Jib build failed"; }
IMAGES+=("$IMAGE")
podman load -q -i "$WORK/tokenbench-image.tar" >"$WORK/load.log" 2>&1 \
  || { cat "$WORK/load.log" >&2; fail "podman load of the Jib image failed"; }
rm -f "$WORK/tokenbench-image.tar"
image_user="$(podman image inspect --format '{{.Config.User}}' "$IMAGE")"
podman run --rm --label "$LABEL" --network host --entrypoint /bin/sh "$IMAGE" \
  -c 'test "$(pwd)" = /work && test "$(id -u)" != 0 && touch runs-probe && rm runs-probe' >"$WORK/workdir.log" 2>&1 \
  || { cat "$WORK/workdir.log" >&2; fail "the image's working directory /work is missing or not writable by its user"; }
log "image: $IMAGE, $(podman image inspect --format '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}'), user $image_user"

# --- 4. the mock, from the image -----------------------------------------------------------------------
log "mock: starting from the image"
podman run -d --name "$PREFIX-mock" --label "$LABEL" --network host "$IMAGE" mock --port 0 >/dev/null \
  2>"$WORK/mock-start.log" || { cat "$WORK/mock-start.log" >&2; cannot_run "podman cannot start a container"; }
MOCK_URL=""
for _ in $(seq 1 150); do
  MOCK_URL="$(podman logs "$PREFIX-mock" 2>&1 | grep -oE 'listening on http://[0-9.:]+' | head -n 1 | cut -d' ' -f3 || true)"
  [[ -n "$MOCK_URL" ]] && break
  [[ "$(podman inspect --format '{{.State.Running}}' "$PREFIX-mock")" == true ]] || break
  sleep 0.2
done
[[ -n "$MOCK_URL" ]] || { podman logs "$PREFIX-mock" >&2 || true; fail "the mock did not start"; }
log "mock: $MOCK_URL"

# --- 5. the manifests "applied" ------------------------------------------------------------------------
K8S="$ROOT/deploy/kubernetes"
RUN_ID="container-check"
# the PVC: a podman volume per claim
claims='{}'
claim="$(yq -r '.metadata.name' "$K8S/results-pvc.yaml")"
VOLUMES+=("$PREFIX-$claim")
podman volume create --label "$LABEL" "$PREFIX-$claim" >/dev/null
claims="$(jq -c --arg c "$claim" --arg v "$PREFIX-$claim" '. + {($c): $v}' <<<"$claims")"
# the ConfigMap, shortened and aimed at the mock (the same overrides one would `kubectl edit`); metrics
# on any free port (the pods share the host network here) and no wait for a scrape; three injector JVMs
# and the mock share this machine's cores, so dispatch lag is not judged here (it checks the path, not speed)
configmaps="$(yq -c --arg url "$MOCK_URL" --arg run "$RUN_ID" '{(.metadata.name): (.data + {
    BASE_URL: $url, LOAD: "poisson(24/s)", DURATION: "4s", WARMUP: "1s", GRACE: "5s", SEED: "11",
    MAX_TOKENS: "32", RUN_ID: $run, METRICS_PORT: "0", METRICS_GRACE: "0s",
    LAG_BUDGET: "10s"})}' "$K8S/configmap.yaml")"
count="$(jq -r '.[].INJECTOR_COUNT' <<<"$configmaps")"
# the Secret: every key given the mock's default key (MockConfig.DEFAULT_API_KEY)
MOCK_KEY="sk-tokenbench-local"
secrets="$(yq -c --arg k "$MOCK_KEY" '{(.metadata.name): ((.stringData // (.data | map_values(@base64d))) | map_values($k))}' \
  "$K8S/secret.example.yaml")"

# one pod of a Job as a podman container, created (not started); prints the container name
run_pod() { # job.yaml index
  local spec name args=() fs user
  spec="$(yq -c . "$1" | jq -c --arg index "$2" --argjson configmaps "$configmaps" --argjson secrets "$secrets" \
            --argjson claims "$claims" -f "$ROOT/ci/kube-to-podman.jq")" || fail "cannot convert $1"
  name="$PREFIX-$(jq -r .name <<<"$spec")"
  [[ "$(jq -r .image <<<"$spec")" == tokenbench:* ]] || fail "$1: unexpected image $(jq -r .image <<<"$spec")"
  # env through a file (mode 600): secret values never appear in a process's arguments
  (umask 077; jq -r '.env | to_entries[] | "\(.key)=\(.value)"' <<<"$spec" >"$WORK/$name.env")
  user="$(jq -r '[.runAsUser, .runAsGroup] | map(select(. != null) | tostring) | join(":")' <<<"$spec")"
  if [[ "$(jq -r .runAsNonRoot <<<"$spec")" == true ]]; then  # what the kubelet refuses
    local uid="${user%%:*}"; [[ -n "$uid" ]] || uid="${image_user%%:*}"
    [[ -n "$uid" && "$uid" != 0 && "$uid" != root ]] || fail "$1: runAsNonRoot but the image runs as root"
  fi
  [[ -n "$user" ]] && args+=(--user "$user")
  fs="$(jq -r '.fsGroup // empty' <<<"$spec")"
  if [[ -n "$fs" ]]; then  # the kubelet gives the volume to the fsGroup (setgid, group-writable)
    args+=(--group-add "$fs")
    while read -r vol; do
      mp="$(podman volume inspect --format '{{.Mountpoint}}' "$vol")"; chgrp "$fs" "$mp"; chmod 2775 "$mp"
    done < <(jq -r '.mounts[].volume' <<<"$spec")
  fi
  while IFS=$'\t' read -r vol path ro; do
    args+=(-v "$vol:$path$([[ $ro == true ]] && echo :ro)")
  done < <(jq -r '.mounts[] | [.volume, .path, .readOnly] | @tsv' <<<"$spec")
  [[ "$(jq -r '.memory // empty' <<<"$spec")" ]] && args+=(--memory "$(jq -r .memory <<<"$spec")")
  [[ "$(jq -r .workingDir <<<"$spec")" ]] && args+=(--workdir "$(jq -r .workingDir <<<"$spec")")
  local a=()
  if [[ "$(jq '.command | length' <<<"$spec")" -gt 0 ]]; then
    args+=(--entrypoint "$(jq -c .command <<<"$spec")")
  fi
  # args may hold newlines (a shell script): read them NUL-separated
  while IFS= read -r -d '' x; do a+=("$x"); done < <(jq -j '.args[] | ., "\u0000"' <<<"$spec")
  podman create --name "$name" --hostname "$(jq -r .name <<<"$spec")" --label "$LABEL" --network host \
    --env-file "$WORK/$name.env" "${args[@]}" "$IMAGE" "${a[@]}" >/dev/null 2>"$WORK/$name.start" \
    || { cat "$WORK/$name.start" >&2; fail "podman create $name failed"; }
  echo "$name"
}

# --- 6. the injectors (Indexed Job: one container per completion index, all at once), then merge -----
completions="$(yq -r .spec.completions "$K8S/injectors-job.yaml")"
[[ "$(yq -r .spec.completionMode "$K8S/injectors-job.yaml")" == Indexed ]] || fail "injectors-job.yaml is not Indexed"
[[ "$completions" == "$count" && "$completions" == "$COUNT_EXPECTED" ]] \
  || fail "completions ($completions) and INJECTOR_COUNT ($count) must both be $COUNT_EXPECTED"
log "injectors: $completions containers of injectors-job.yaml"
pods=()
for i in $(seq 0 $((completions - 1))); do pods+=("$(run_pod "$K8S/injectors-job.yaml" "$i")"); done
podman start "${pods[@]}" >/dev/null   # together, as parallelism = completions does
for p in "${pods[@]}"; do   # a bound only against a hang: the run itself takes about 10 s plus JVM start
  code="$(timeout 600 podman wait "$p")" || fail "$p did not end within 10 minutes"
  podman logs "$p" >"$WORK/$p.log" 2>&1 || true
  [[ "$code" == 0 ]] || { tail -n 30 "$WORK/$p.log" >&2; fail "$p exited $code"; }
done
log "merge: merge-job.yaml"
merge="$(run_pod "$K8S/merge-job.yaml" "")"
podman start "$merge" >/dev/null
code="$(timeout 600 podman wait "$merge")" || fail "$merge did not end within 10 minutes"
podman logs "$merge" >"$WORK/$merge.log" 2>&1 || true
[[ "$code" == 0 ]] || { tail -n 30 "$WORK/$merge.log" >&2; fail "$merge exited $code"; }

# --- 7. checks --------------------------------------------------------------------------------------
results="$(podman volume inspect --format '{{.Mountpoint}}' "$PREFIX-$claim")/$RUN_ID"
parts=()
for i in $(seq 0 $((count - 1))); do
  d=("$results"/*-streaming-i${i}of${count})
  [[ -d "${d[0]}" ]] || fail "no run folder of injector $i in $results"
  for f in run.json metrics.hlog summary.json report.html gatling/index.html; do
    [[ -e "${d[0]}/$f" ]] || fail "injector $i: ${d[0]##*/}/$f missing"
  done
  owner="$(stat -c %u "${d[0]}")"
  [[ "$owner" != 0 ]] || fail "injector $i wrote its run folder as root"
  parts+=("${d[0]}")
done
leftovers="$(find "$results" -maxdepth 1 -name '.*' ! -name . | wc -l)"
[[ "$leftovers" == 0 ]] || fail "temporary files left in the results folder: $(ls -A "$results")"
[[ -f "$results/merged/summary.json" && -f "$results/merged/report.html" ]] || fail "no merged run"
if [[ $KEEP == 1 ]]; then cp -r "$results" "$WORK/results"; fi
python3 "$ROOT/ci/merged-adds-up.py" "$results/merged" "${parts[@]}" || fail "the merged run does not add up"
log "container-check: ok ($count injector containers and the merge Job; image $image_user)"
