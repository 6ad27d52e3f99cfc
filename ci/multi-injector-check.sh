#!/usr/bin/env bash
# Proof that split injectors add up: one mock process and three injector JVMs on loopback, each taking
# its share (--injector-index I --injector-count 3) of one seeded Poisson schedule; their run folders are
# merged with the reports CLI and the merged summary is checked against the parts:
#   - requests (scheduled, sent, completed, attempted, good) and every outcome count add up exactly,
#   - every metric's histogram count equals the sum of the parts' counts (max, mean, p50/p99 consistent),
#   - the merged offered load (run.json load_model) and measured rates equal the sum of the shares.
# Usage: ci/multi-injector-check.sh [--keep]   (exit 0 all checks hold, 1 a check failed, 2 setup failed)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
KEEP=0; [[ "${1:-}" == "--keep" ]] && KEEP=1
WORK="$(mktemp -d "${TMPDIR:-/tmp}/tokenbench-multi.XXXXXX")"
MOCK_PID=""
cleanup() {
  [[ -n "$MOCK_PID" ]] && kill "$MOCK_PID" 2>/dev/null && wait "$MOCK_PID" 2>/dev/null || true
  if [[ $KEEP == 0 ]]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT

if ! "$ROOT/mvnw" -q -B -ntp -f "$ROOT/pom.xml" -pl simulations,reports,mock-upstream -am -DskipTests package >"$WORK/build.log" 2>&1; then
  tail -n 30 "$WORK/build.log" >&2; echo "multi-injector-check: build failed" >&2; exit 2
fi

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$JAVA" -jar "$ROOT/mock-upstream/target/mock-upstream.jar" --port "$PORT" >"$WORK/mock.log" 2>&1 &
MOCK_PID=$!
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null 2>/dev/null -H "Authorization: Bearer sk-tokenbench-local" "http://127.0.0.1:$PORT/v1/models" && break
  sleep 0.1
done

COUNT=3
pids=()
for i in $(seq 0 $((COUNT - 1))); do
  # the index comes from JOB_COMPLETION_INDEX for one of them, as in a Kubernetes Indexed Job
  if [[ $i == 2 ]]; then idx=(); else idx=(--injector-index "$i"); fi
  JOB_COMPLETION_INDEX=$i POWERTOKENS_API_KEY=sk-tokenbench-local \
  "$JAVA" --add-opens=java.base/java.lang=ALL-UNNAMED -Xmx384m \
    -cp "$ROOT/simulations/target/simulations.jar:$(cat "$ROOT/simulations/target/classpath.txt")" \
    io.tokenbench.simulations.cli.TokenbenchRun run --base-url "http://127.0.0.1:$PORT" \
    --rate 24 --duration 4s --warmup 1s --grace 5s --seed 11 --lag-budget 10s \
    "${idx[@]}" --injector-count "$COUNT" --out "$WORK/runs" >"$WORK/injector-$i.log" 2>&1 &
  pids+=($!)
done
for i in "${!pids[@]}"; do
  # exit 1 is the injector's own verdict (checked through the merged numbers below); 2 or more: it could not run
  rc=0; wait "${pids[$i]}" || rc=$?
  if (( rc > 1 )); then tail -n 20 "$WORK/injector-$i.log" >&2; echo "multi-injector-check: injector $i failed (exit $rc)" >&2; exit 2; fi
done

parts=()
for i in $(seq 0 $((COUNT - 1))); do
  d=("$WORK"/runs/*-streaming-i${i}of${COUNT})
  [[ -f "${d[0]}/summary.json" ]] || { echo "multi-injector-check: no run folder of injector $i" >&2; exit 2; }
  parts+=("${d[0]}")
done
"$JAVA" -jar "$ROOT/reports/target/reports.jar" merge "$WORK/merged" "${parts[@]}" >"$WORK/merge.log" 2>&1 \
  || { cat "$WORK/merge.log" >&2; echo "multi-injector-check: merge failed" >&2; exit 2; }

python3 "$ROOT/ci/merged-adds-up.py" "$WORK/merged" "${parts[@]}"
