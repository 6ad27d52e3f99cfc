#!/usr/bin/env bash
# Latency gate: builds (quietly, only what is stale), runs a short fixed load against the embedded mock
# (a separate process), compares it with the committed baseline using the reports gate and
# ci/latency-gate.rules, writes summary.md and junit.xml, and exits with the gate's code.
# Options and exit codes: usage() below (./tokenbench latency-gate --help).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
PRESET=full RUNS="" OUT="$ROOT/target/latency-gate" BASELINE="" RULES="$ROOT/ci/latency-gate.rules"
INCONCLUSIVE=pass REFRESH=0
die() { echo "latency-gate: $*" >&2; exit 2; }
usage() {
  cat <<'EOF'
Usage: ./tokenbench latency-gate [--quick] [--runs N] [--out DIR] [--baseline DIR] [--rules FILE]
                                 [--inconclusive pass|fail] [--refresh-baseline]
       (or ci/latency-gate.sh with the same options)
Runs a fixed streaming load (rate 8/s, seed 1) against the embedded mock and gates it against the
committed baseline with the reports gate (./tokenbench gate): summary.md and junit.xml in --out.

      --quick              one run of 12s after 3s of warm-up (about 30-40 s in all): the form
                             ./tokenbench test runs (default: the full preset, three runs of 30s
                             after 5s of warm-up, pooled by the gate so run-to-run noise counts)
      --runs N             number of current runs (default: 1 with --quick, 3 without)
      --out DIR            where the runs, summary.md, junit.xml and the logs go
                             (default: target/latency-gate)
      --baseline DIR       the directory holding the baseline run folders
                             (default: ci/baselines/quick with --quick, ci/baselines/full without)
      --rules FILE         gate rules (default: ci/latency-gate.rules)
      --inconclusive pass|fail
                           whether an inconclusive relative rule fails the gate (default: pass)
      --refresh-baseline   run, then replace the baseline of the preset with these runs (no gate);
                             review and commit the result
  -h, --help               Show this help message and exit.

Exit codes: 0 pass (inconclusive rules pass unless --inconclusive fail, and are reported),
1 regression, 2 could not evaluate (bad option, build or run failed, no baseline, bad rules).
EOF
}
bad_option() {
  echo "latency-gate: $1" >&2
  echo "Run './tokenbench latency-gate --help' for the options." >&2
  exit 2
}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) PRESET=quick ;;
    --runs) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || bad_option "--runs: '${2:-}' is not a whole number >= 1"; RUNS="$2"; shift ;;
    --out) [[ -n "${2:-}" && "${2:-}" != -* ]] || bad_option "--out: missing value"; OUT="$2"; shift ;;
    --baseline) [[ -d "${2:-}" ]] || bad_option "--baseline: '${2:-}' is not a directory"; BASELINE="$2"; shift ;;
    --rules) [[ -f "${2:-}" ]] || bad_option "--rules: '${2:-}' is not a file"; RULES="$2"; shift ;;
    --inconclusive) [[ "${2:-}" == pass || "${2:-}" == fail ]] || bad_option "--inconclusive: '${2:-}' is not pass or fail"
      INCONCLUSIVE="$2"; shift ;;
    --refresh-baseline) REFRESH=1 ;;
    -h|--help) usage; exit 0 ;;
    *) bad_option "unknown option '$1'" ;;
  esac
  shift
done
if [[ $PRESET == quick ]]; then LOAD=(--rate 8 --duration 12s --warmup 3s --grace 5s); RUNS="${RUNS:-1}"
else LOAD=(--rate 8 --duration 30s --warmup 5s --grace 5s); RUNS="${RUNS:-3}"; fi
BASE_DIR="${BASELINE:-$ROOT/ci/baselines/$PRESET}"

# Build what is stale (the same rule as the launcher: a jar older than any source or pom).
jars=("$ROOT/simulations/target/simulations.jar" "$ROOT/reports/target/reports.jar" "$ROOT/mock-upstream/target/mock-upstream.jar")
stale=0
for j in "${jars[@]}"; do [[ -f "$j" ]] || stale=1; done
if [[ $stale == 0 ]] && [[ -n "$(find "$ROOT/pom.xml" "$ROOT"/{simulations,reports,mock-upstream,options}/{pom.xml,src/main} -newer "${jars[0]}" -print -quit 2>/dev/null)" ]]; then
  stale=1
fi
mkdir -p "$OUT"
if [[ $stale == 1 ]]; then
  "$ROOT/mvnw" -q -B -ntp -f "$ROOT/pom.xml" -pl simulations,reports,mock-upstream -am -DskipTests package >"$OUT/build.log" 2>&1 \
    || { tail -n 30 "$OUT/build.log" >&2; die "build failed (log: $OUT/build.log)"; }
fi

# Fixed load: same seed, so the same schedule and prompts as the baseline; the embedded mock as its own JVM.
rm -rf "$OUT/runs"
for r in $(seq 1 "$RUNS"); do
  "$JAVA" --add-opens=java.base/java.lang=ALL-UNNAMED -Xmx512m -Dtokenbench.mockJar="${jars[2]}" \
    -cp "${jars[0]}:$(cat "$ROOT/simulations/target/classpath.txt")" io.tokenbench.simulations.cli.TokenbenchRun run \
    --scenario streaming "${LOAD[@]}" --seed 1 --out "$OUT/runs" >"$OUT/run-$r.log" 2>&1 \
    || { rc=$?; # 1: the run's own verdict failed (e.g. INVALID on a busy machine); the gate below decides
         [[ $rc == 1 ]] || { tail -n 20 "$OUT/run-$r.log" >&2; die "run $r failed (exit $rc, log: $OUT/run-$r.log)"; }; }
done
current=("$OUT"/runs/*-streaming)
[[ ${#current[@]} == "$RUNS" && -f "${current[0]}/summary.json" ]] || die "expected $RUNS run folders in $OUT/runs"

if [[ $REFRESH == 1 ]]; then
  rm -rf "$BASE_DIR" && mkdir -p "$BASE_DIR"
  for d in "${current[@]}"; do
    # the gate reads run.json, metrics.hlog and outcomes.jsonl; summary.md is kept for reviewers
    mkdir -p "$BASE_DIR/$(basename "$d")"
    cp "$d"/{run.json,metrics.hlog,outcomes.jsonl,summary.json,summary.md} "$BASE_DIR/$(basename "$d")/"
  done
  echo "latency-gate: baseline $BASE_DIR refreshed from ${#current[@]} run(s); review and commit it"
  exit 0
fi

baseline=("$BASE_DIR"/*/)
[[ -f "${baseline[0]}run.json" ]] || die "no baseline run folder under $BASE_DIR (make one with --refresh-baseline)"
args=()
for b in "${baseline[@]}"; do args+=(--baseline "${b%/}"); done
for c in "${current[@]}"; do args+=(--current "$c"); done
set +e
"$JAVA" -jar "${jars[1]}" gate --rules "$RULES" "${args[@]}" --inconclusive "$INCONCLUSIVE" \
  --markdown "$OUT/summary.md" --junit "$OUT/junit.xml" | tee "$OUT/gate.txt"
code=${PIPESTATUS[0]}
set -e
{
  echo
  echo "Load: streaming, ${LOAD[*]}, seed 1, $RUNS run(s) against the embedded mock; baseline: ${BASE_DIR#$ROOT/}."
  for c in "${current[@]}"; do grep -h "^INVALID" "$c/summary.md" 2>/dev/null | sed "s|^|$(basename "$c"): |" || true; done
} >>"$OUT/summary.md"
echo "latency-gate: exit $code; summary $OUT/summary.md, junit $OUT/junit.xml, runs $OUT/runs"
exit "$code"
