#!/usr/bin/env bash
# How much load one tokenbench injector generates on this machine (measured, never asserted):
#  1. streaming: the highest Poisson rate at which dispatch_lag p99 stays <= 5 ms (rate steps, one run each);
#  2. non-streaming: requests/s of the harness (closed model, C connections) vs wrk with the same C,
#     the same body and the same zero-latency mock process, in the same script run; prints the ratio.
# Usage: simulations/scripts/speed.sh [--quick]     (from the repository root; needs wrk and python3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
QUICK=0; [[ "${1:-}" == "--quick" ]] && QUICK=1
STEP_SECONDS=$(( QUICK ? 12 : 25 ))
WARMUP=5
RATES=(5 10 25 50 100 200 300 400 600 800 1200 1600)
CONNECTIONS=32
BENCH_SECONDS=$(( QUICK ? 10 : 20 ))
OUT="$(mktemp -d "${TMPDIR:-/tmp}/tokenbench-speed.XXXXXX")"
KEY=sk-tokenbench-local   # the mock's public default key
# extra run options, e.g. TOKENBENCH_SPEED_ARGS="--metrics-port 0 --metrics-grace 0s" (cost of the exposition)
read -r -a EXTRA <<<"${TOKENBENCH_SPEED_ARGS:-}"

if [[ ! -f simulations/target/classpath.txt || ! -f mock-upstream/target/mock-upstream.jar ]]; then
  ./mvnw -q -B -ntp -pl simulations -am -DskipTests package
fi
CP="simulations/target/simulations.jar:$(cat simulations/target/classpath.txt)"
# the JVM flags Gatling's own launcher uses
RUN=(java --add-opens=java.base/java.lang=ALL-UNNAMED -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12 -Xmx1G
     -cp "$CP" io.tokenbench.simulations.cli.TokenbenchRun run)
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"

MOCK_PID=""
start_mock() {   # start_mock LOG ARGS... ; sets MOCK_URL
  local log="$1"; shift
  java -jar mock-upstream/target/mock-upstream.jar --port 0 "$@" >"$log" 2>&1 &
  MOCK_PID=$!
  for _ in $(seq 1 120); do
    MOCK_URL="$(grep -o 'listening on http://[^ ]*' "$log" | head -1 | cut -d' ' -f3 || true)"
    [[ -n "$MOCK_URL" ]] && return 0
    sleep 0.5
  done
  echo "mock did not start; see $log" >&2; exit 1
}
stop_mock() { if [[ -n "$MOCK_PID" ]]; then kill "$MOCK_PID" 2>/dev/null || true; wait "$MOCK_PID" 2>/dev/null || true; fi; MOCK_PID=""; }
trap stop_mock EXIT

summary_field() {  # summary_field RUN_PARENT PYTHON_EXPR  (expr over s = summary.json)
  python3 - "$1" "$2" <<'PY'
import json, sys, glob
d = sorted(glob.glob(sys.argv[1] + "/*/summary.json"))[-1]
s = json.load(open(d))
print(eval(sys.argv[2]))
PY
}

echo "== 1. streaming: highest rate with dispatch_lag p99 <= 5 ms (mock: its default timing, separate process)"
start_mock "$OUT/mock-stream.log"
best=0
for rate in "${RATES[@]}"; do
  dir="$OUT/stream-$rate"
  POWERTOKENS_API_KEY=$KEY "${RUN[@]}" --base-url "$MOCK_URL" --rate "$rate" --duration "${STEP_SECONDS}s" \
      --warmup "${WARMUP}s" --grace 5s --out "$dir" ${EXTRA[@]+"${EXTRA[@]}"} >"$dir.log" 2>&1 || { echo "run failed: $dir.log"; break; }
  lag=$(summary_field "$dir" 's["metrics"]["dispatch_lag"]["p99"]')
  sent=$(summary_field "$dir" 's["throughput"]["sent_rps"]')
  ok=$(summary_field "$dir" 's["outcomes"].get("ok", 0)')
  printf '  rate %5s/s: sent %8.1f/s  ok %6s  dispatch_lag p99 %8.2f ms\n' "$rate" "$sent" "$ok" "$lag"
  if python3 -c "import sys; sys.exit(0 if float('$lag') <= 5.0 else 1)"; then best=$rate; else break; fi
done
stop_mock
echo "  => highest streaming rate with dispatch_lag p99 <= 5 ms: ${best}/s"

echo "== 2. non-streaming requests/s: tokenbench (closed, $CONNECTIONS users) vs wrk (-c $CONNECTIONS), same zero-latency mock"
start_mock "$OUT/mock-plain.log" --ttft 0ms --itl 0ms --output-tokens 16
BODY='{"model":"MiniMax-M3","messages":[{"role":"user","content":"Explain in two sentences what time to first token measures."}],"max_tokens":16}'
cat >"$OUT/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '$BODY'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $KEY"
LUA
dir="$OUT/plain"
POWERTOKENS_API_KEY=$KEY "${RUN[@]}" --scenario non-streaming --base-url "$MOCK_URL" --concurrency $CONNECTIONS \
    --duration "${BENCH_SECONDS}s" --warmup "${WARMUP}s" --grace 5s --max-tokens 16 --out "$dir" ${EXTRA[@]+"${EXTRA[@]}"} >"$dir.log" 2>&1
tb=$(summary_field "$dir" 's["throughput"]["completed_rps"]')
tbok=$(summary_field "$dir" 's["outcomes"].get("ok", 0)')
wrk -t1 -c$CONNECTIONS -d${WARMUP}s -s "$OUT/post.lua" "$MOCK_URL/v1/chat/completions" >/dev/null
wrkout=$(wrk -t1 -c$CONNECTIONS -d${BENCH_SECONDS}s -s "$OUT/post.lua" "$MOCK_URL/v1/chat/completions")
wrkrps=$(echo "$wrkout" | awk '/Requests\/sec/ {print $2}')
non2xx=$(echo "$wrkout" | awk '/Non-2xx/ {print $NF}')
stop_mock
printf '  tokenbench: %10.1f req/s (ok %s)\n  wrk:        %10.1f req/s (non-2xx: %s)\n' "$tb" "$tbok" "$wrkrps" "${non2xx:-0}"
python3 -c "print('  => ratio tokenbench / wrk: %.3f' % (float('$tb') / float('$wrkrps')))"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "logs and run folders: $OUT"
