#!/usr/bin/env bash
# How much load one tokenbench injector generates on this machine (measured, never asserted):
#  1. streaming: the highest Poisson rate at which dispatch_lag p99 stays <= 5 ms (rate steps, one run each);
#  2. non-streaming: requests/s of the harness (closed model, C connections) vs wrk and vs a minimal Netty
#     client (the JVM floor: codec and aggregator only) with the same C, the same body and the same
#     zero-latency mock process, in the same script run; prints the ratios and the CPU per request of the
#     harness and of the mock over the measure phase (simulations/scripts/cpu-per-request.py);
#  3. the Gatling floor (simulations/scripts/GatlingFloorSimulation.java, plain Gatling Java DSL, no tokenbench
#     code, run in-process through Gatling's runner): non-streaming with the same C users, body and mock in the
#     same script run (req/s, ratio to wrk, CPU per request), and streaming at the same rates as part 1
#     (Gatling's response times and its CPU per stream): the ceiling of the required engine here.
# Usage: simulations/scripts/speed.sh [--quick] [--only stream|plain] [--rates "R1 R2 ..."] [--jfr]
#   (from the repository root; needs wrk, python3 and a JDK: javac compiles the Gatling floor)
#   --only   run one part;  --rates  the streaming steps (default 5 10 25 ... 1600; every given step runs, even
#   after one exceeded 5 ms, so a fixed rate can be compared across runs);  --jfr  record every harness JVM (and Gatling floor JVM)
#   with JFR (settings=profile) into the out folder
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
QUICK=0; ONLY=all; JFR=0; GIVEN_RATES=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --only) ONLY="${2:-}"; shift
            [[ "$ONLY" == stream || "$ONLY" == plain ]] || { echo "--only: stream or plain" >&2; exit 2; } ;;
    --rates) GIVEN_RATES="${2:-}"; shift
             [[ "$GIVEN_RATES" =~ ^[0-9]+( [0-9]+)*$ ]] || { echo "--rates: rates per second, e.g. \"200 400\"" >&2; exit 2; } ;;
    --jfr) JFR=1 ;;
    *) echo "unknown option $1; usage: $0 [--quick] [--only stream|plain] [--rates \"R1 R2 ...\"] [--jfr]" >&2; exit 2 ;;
  esac
  shift
done
command -v python3 >/dev/null || { echo "speed.sh needs python3" >&2; exit 2; }
if [[ "$ONLY" != stream ]] && ! command -v wrk >/dev/null; then
  echo "speed.sh needs wrk for the non-streaming part (apt-get install wrk), or use --only stream" >&2; exit 2
fi
STEP_SECONDS=$(( QUICK ? 12 : 25 ))
WARMUP=5
RATES=(5 10 25 50 100 200 300 400 600 800 1200 1600)
[[ -n "$GIVEN_RATES" ]] && read -r -a RATES <<<"$GIVEN_RATES"
CONNECTIONS=32
BENCH_SECONDS=$(( QUICK ? 10 : 20 ))
OUT="$(mktemp -d "${TMPDIR:-/tmp}/tokenbench-speed.XXXXXX")"
KEY=sk-tokenbench-local   # the mock's public default key
# extra run options, e.g. TOKENBENCH_SPEED_ARGS="--metrics-port 0 --metrics-grace 0s" (cost of the exposition)
read -r -a EXTRA <<<"${TOKENBENCH_SPEED_ARGS:-}"
# extra JVM options of the harness, e.g. TOKENBENCH_SPEED_JVM="-Dgatling.netty.useIoUring=true" (Gatling's transport)
read -r -a EXTRA_JVM <<<"${TOKENBENCH_SPEED_JVM:-}"

# Always (re)build, quietly: a jar left from an earlier build would measure the wrong code.
./mvnw -q -B -ntp -pl simulations -am -DskipTests package
CP="simulations/target/simulations.jar:$(cat simulations/target/classpath.txt)"
# the JVM flags Gatling's own launcher uses
JVM=(java --add-opens=java.base/java.lang=ALL-UNNAMED -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12 -Xmx1G)
run_harness() {  # run_harness NAME ARGS... : one harness JVM; its run folder under $OUT/NAME, log $OUT/NAME.log
  local name="$1"; shift
  local jfr=()
  [[ $JFR == 1 ]] && jfr=("-XX:StartFlightRecording=settings=profile,filename=$OUT/$name.jfr")
  POWERTOKENS_API_KEY=$KEY python3 simulations/scripts/cpu-per-request.py "$OUT/$name" "$OUT/$name.cpu.json" \
      ${MOCK_PID:+"$MOCK_PID"} -- "${JVM[@]}" ${EXTRA_JVM[@]+"${EXTRA_JVM[@]}"} ${jfr[@]+"${jfr[@]}"} -cp "$CP" io.tokenbench.simulations.cli.TokenbenchRun run \
      "$@" --out "$OUT/$name" ${EXTRA[@]+"${EXTRA[@]}"} >"$OUT/$name.log" 2>&1
}
# the Gatling floor: compiled once per script run against the injector's class path (kept out of the product jar)
FLOOR_CLASSES="$OUT/gatling-floor-classes"
compile_gatling_floor() {
  [[ -f "$FLOOR_CLASSES/GatlingFloorSimulation.class" ]] && return 0
  command -v javac >/dev/null || { echo "speed.sh needs javac (a JDK) for the Gatling floor" >&2; exit 2; }
  mkdir -p "$FLOOR_CLASSES"
  javac -nowarn -cp "$CP" -d "$FLOOR_CLASSES" simulations/scripts/GatlingFloorSimulation.java
}
admin_received() {  # admin_received: the mock's requests_received so far (GET /admin/stats with its admin token)
  python3 - "$MOCK_URL" "$MOCK_ADMIN" <<'PY'
import json, sys, urllib.request
r = urllib.request.Request(sys.argv[1] + "/admin/stats", headers={"Authorization": "Bearer " + sys.argv[2]})
print(json.load(urllib.request.urlopen(r, timeout=10))["requests_received"])
PY
}
# run_gatling_floor NAME WARMUP_S MEASURE_S -Dfloor.x=... : one plain-Gatling JVM against $MOCK_URL; waits for
# Gatling's "Simulation ... started", then counts the mock's received requests and the CPU of the floor JVM and
# of the mock over MEASURE_S after WARMUP_S (as for wrk: from outside). Sets FLOOR_REQ, FLOOR_CPU_S, FLOOR_MOCK_CPU_S.
run_gatling_floor() {
  local name="$1" warm="$2" measure="$3"; shift 3
  compile_gatling_floor
  local jfr=()
  [[ $JFR == 1 ]] && jfr=("-XX:StartFlightRecording=settings=profile,filename=$OUT/$name.jfr")
  "${JVM[@]}" ${EXTRA_JVM[@]+"${EXTRA_JVM[@]}"} ${jfr[@]+"${jfr[@]}"} -Dfloor.url="$MOCK_URL" -Dfloor.key="$KEY" "$@" \
      -Dfloor.seconds=$(( warm + measure + 10 )) -cp "$FLOOR_CLASSES:$CP" GatlingFloorSimulation "$OUT/$name" \
      >"$OUT/$name.log" 2>&1 &
  local pid=$!
  FLOOR_REQ=0; FLOOR_CPU_S=0; FLOOR_MOCK_CPU_S=0
  for _ in $(seq 1 240); do
    grep -q 'Simulation GatlingFloorSimulation started' "$OUT/$name.log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if ! grep -q 'Simulation GatlingFloorSimulation started' "$OUT/$name.log"; then
    echo "  the Gatling floor did not start (counted as 0): $OUT/$name.log"
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    return 0
  fi
  sleep "$warm"
  local r0 c0 m0 r1 c1 m1
  r0=$(admin_received); c0=$(proc_cpu "$pid"); m0=$(proc_cpu "$MOCK_PID")
  sleep "$measure"
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "  the Gatling floor ended before its measure window did (counted as 0): $OUT/$name.log"
    wait "$pid" 2>/dev/null || true
    return 0
  fi
  r1=$(admin_received); c1=$(proc_cpu "$pid"); m1=$(proc_cpu "$MOCK_PID")
  wait "$pid" || echo "  (the Gatling floor exited $?: $OUT/$name.log)"
  FLOOR_REQ=$(( r1 - r0 )); FLOOR_CPU_S=$(python3 -c "print($c1 - $c0)"); FLOOR_MOCK_CPU_S=$(python3 -c "print($m1 - $m0)")
}
cpu_field() { python3 -c "import json,sys; v=json.load(open(sys.argv[1])).get(sys.argv[2]); print('n/a' if v is None else v)" "$1" "$2"; }
proc_cpu() {  # proc_cpu PID: user+system CPU seconds so far
  python3 -c "import os,sys; s=open('/proc/%s/stat' % sys.argv[1]).read(); f=s[s.rindex(')')+2:].split(); print((int(f[11])+int(f[12]))/os.sysconf('SC_CLK_TCK'))" "$1"
}
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start${EXTRA[*]:+; run options: ${EXTRA[*]}}${EXTRA_JVM[*]:+; JVM options: ${EXTRA_JVM[*]}}"
MOCK_PID=""
start_mock() {   # start_mock LOG ARGS... ; sets MOCK_URL
  local log="$1"; shift
  java -jar mock-upstream/target/mock-upstream.jar --port 0 "$@" >"$log" 2>&1 &
  MOCK_PID=$!
  for _ in $(seq 1 120); do
    MOCK_URL="$(grep -o 'listening on http://[^ ]*' "$log" | head -1 | cut -d' ' -f3 || true)"
    MOCK_ADMIN="$(grep -o 'admin token: [^ ]*' "$log" | head -1 | cut -d' ' -f3 || true)"
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

if [[ "$ONLY" != plain ]]; then
echo "== 1. streaming: highest rate with dispatch_lag p99 <= 5 ms (mock: its default timing, separate process);"
echo "   under each rate, plain Gatling (simulations/scripts/GatlingFloorSimulation.java) at the same rate"
start_mock "$OUT/mock-stream.log"
STREAM_BODY='{"model":"MiniMax-M3","messages":[{"role":"user","content":"Explain in two sentences what time to first token measures."}],"stream":true}'
best=0
for rate in "${RATES[@]}"; do
  name="stream-$rate"
  # exit 1 is a verdict (a dispatch lag over the budget makes the run INVALID): still a measurement
  run_harness "$name" --base-url "$MOCK_URL" --rate "$rate" --duration "${STEP_SECONDS}s" \
      --warmup "${WARMUP}s" --grace 5s || true
  ls "$OUT/$name"/*/summary.json >/dev/null 2>&1 || { echo "run failed (no summary.json): $OUT/$name.log"; break; }
  lag=$(summary_field "$OUT/$name" 's["metrics"]["dispatch_lag"]["p99"]')
  sent=$(summary_field "$OUT/$name" 's["throughput"]["sent_rps"]')
  ok=$(summary_field "$OUT/$name" 's["outcomes"].get("ok", 0)')
  printf '  rate %5s/s: sent %8.1f/s  ok %6s  dispatch_lag p99 %8.2f ms  harness CPU %s us/request  (load %s)\n' \
      "$rate" "$sent" "$ok" "$lag" "$(cpu_field "$OUT/$name.cpu.json" harness_us)" "$(cut -d' ' -f1 /proc/loadavg)"
  # the Gatling floor at the same rate: Gatling's own response times (send to last byte, its warm-up included;
  # the mock's ideal stream takes 200 ms + 63 x 20 ms = 1,460 ms, so p99 - min is the delay added) and CPU per stream
  run_gatling_floor "gatling-stream-$rate" "$WARMUP" "$STEP_SECONDS" -Dfloor.mode=stream -Dfloor.rate="$rate" \
      -Dfloor.reports=true "-Dfloor.body=$STREAM_BODY"
  printf '  %13s gatling floor: %s  CPU %s us/stream  (load %s)\n' "" \
      "$(python3 - "$OUT/gatling-stream-$rate.log" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r"> " + re.escape(label) + r" \(ms\)\s+\|\s+([\d,]+)", text)
    return int(m.group(1).replace(",", "")) if m else None
n = re.search(r"> request count\s+\|\s+([\d,]+)\s+\|\s+([\d,]+)", text)
lo, p50, p99 = ms("min response time"), ms("response time 50th percentile"), ms("response time 99th percentile")
if n is None or lo is None:
    print("no summary (see %s)" % sys.argv[1])
else:
    print("requests %s ok %s  response time min %d p50 %d p99 %d ms (p99 - min %d ms)"
          % (n.group(1), n.group(2), lo, p50, p99, p99 - lo))
PY
)" "$(python3 -c "print(round($FLOOR_CPU_S * 1e6 / max(1, $FLOOR_REQ), 1))")" "$(cut -d' ' -f1 /proc/loadavg)"
  if python3 -c "import sys; sys.exit(0 if float('$lag') <= 5.0 else 1)"; then
    best=$rate
  elif [[ -z "$GIVEN_RATES" ]]; then
    break
  fi
done
stop_mock
echo "  => highest streaming rate with dispatch_lag p99 <= 5 ms: ${best}/s${GIVEN_RATES:+ (of the given rates)}"
fi

if [[ "$ONLY" != stream ]]; then
echo "== 2. non-streaming requests/s, $CONNECTIONS connections each, same zero-latency mock: tokenbench (closed model)"
echo "   vs wrk vs a minimal Netty client (simulations/scripts/NettyFloorClient.java: the JVM floor)"
echo "   vs plain Gatling (simulations/scripts/GatlingFloorSimulation.java: the engine's floor)"
start_mock "$OUT/mock-plain.log" --ttft 0ms --itl 0ms --output-tokens 16
BODY='{"model":"MiniMax-M3","messages":[{"role":"user","content":"Explain in two sentences what time to first token measures."}],"max_tokens":16}'
printf '%s' "$BODY" >"$OUT/body.json"
cat >"$OUT/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '$BODY'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $KEY"
LUA
run_harness plain --scenario non-streaming --base-url "$MOCK_URL" --concurrency $CONNECTIONS \
    --duration "${BENCH_SECONDS}s" --warmup "${WARMUP}s" --grace 5s --max-tokens 16 || true
ls "$OUT/plain"/*/summary.json >/dev/null 2>&1 || { echo "run failed (no summary.json): $OUT/plain.log"; exit 1; }
tb=$(summary_field "$OUT/plain" 's["throughput"]["completed_rps"]')
tbok=$(summary_field "$OUT/plain" 's["outcomes"].get("ok", 0)')
load_tb=$(cut -d' ' -f1 /proc/loadavg)
wrk -t1 -c$CONNECTIONS -d${WARMUP}s -s "$OUT/post.lua" "$MOCK_URL/v1/chat/completions" >/dev/null
mock0=$(proc_cpu "$MOCK_PID")
wrkout=$(wrk -t1 -c$CONNECTIONS -d${BENCH_SECONDS}s -s "$OUT/post.lua" "$MOCK_URL/v1/chat/completions")
mock1=$(proc_cpu "$MOCK_PID")
wrkrps=$(echo "$wrkout" | awk '/Requests\/sec/ {print $2}')
wrkreq=$(echo "$wrkout" | awk '/requests in/ {print $1}')
non2xx=$(echo "$wrkout" | awk '/Non-2xx/ {print $NF}')
load_wrk=$(cut -d' ' -f1 /proc/loadavg)
mock2=$(proc_cpu "$MOCK_PID")
floorout=$(java -cp "$CP" simulations/scripts/NettyFloorClient.java "$MOCK_URL/v1/chat/completions" "$OUT/body.json" \
    "$KEY" $CONNECTIONS $WARMUP $BENCH_SECONDS 2>"$OUT/floor.log")
mock3=$(proc_cpu "$MOCK_PID")
floorrps=$(echo "$floorout" | awk '/requests\/s/ {print $2}')
floorreq=$(echo "$floorout" | awk '/requests\/s/ {print $6}')
floorbad=$(echo "$floorout" | awk '/requests\/s/ {print $4}')
load_floor=$(cut -d' ' -f1 /proc/loadavg)
run_gatling_floor gatling-plain "$WARMUP" "$BENCH_SECONDS" -Dfloor.mode=plain -Dfloor.users=$CONNECTIONS "-Dfloor.body=$BODY"
gfrps=$(python3 -c "print(round($FLOOR_REQ / $BENCH_SECONDS, 1))")
gfus=$(python3 -c "print(round($FLOOR_CPU_S * 1e6 / max(1, $FLOOR_REQ), 1))")
gfmock=$(python3 -c "print(round($FLOOR_MOCK_CPU_S * 1e6 / max(1, $FLOOR_REQ), 1))")
load_gf=$(cut -d' ' -f1 /proc/loadavg)
stop_mock
printf '  tokenbench: %10.1f req/s (ok %s; CPU per request: harness %s us, mock %s us; load %s)\n' "$tb" "$tbok" \
    "$(cpu_field "$OUT/plain.cpu.json" harness_us)" "$(cpu_field "$OUT/plain.cpu.json" mock_us)" "$load_tb"
printf '  wrk:        %10.1f req/s (non-2xx: %s; mock %s us CPU per request; load %s)\n' "$wrkrps" "${non2xx:-0}" \
    "$(python3 -c "print(round(($mock1 - $mock0) * 1e6 / max(1, int('$wrkreq')), 1))")" "$load_wrk"
printf '  netty floor:%10.1f req/s (non-2xx: %s; mock %s us CPU per request, its warm-up included; load %s)\n' "${floorrps:-0}" \
    "${floorbad:-n/a}" "$(python3 -c "print(round(($mock3 - $mock2) * 1e6 / max(1, int('${floorreq:-0}')), 1))")" "$load_floor"
printf '  gatling floor:%8.1f req/s (received by the mock; CPU per request: Gatling %s us, mock %s us; load %s)\n' \
    "$gfrps" "$gfus" "$gfmock" "$load_gf"
python3 -c "
tb, wrk, floor, gf = float('$tb'), float('$wrkrps'), float('${floorrps:-0}'), float('$gfrps')
print('  => ratio tokenbench / wrk: %.3f   netty floor / wrk: %.3f   gatling floor / wrk: %.3f   tokenbench / gatling floor: %s'
      % (tb / wrk, floor / wrk, gf / wrk, '%.3f' % (tb / gf) if gf else 'n/a'))"
fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "logs and run folders: $OUT"
