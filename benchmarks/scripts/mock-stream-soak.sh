#!/usr/bin/env bash
# Streaming soak of the mock: N concurrent SSE streams (default 5,000) with 10 ms between tokens, then
# the mock's own scheduling lag (actual - intended emit time) from GET /admin/stats. Target: p99 <= 1 ms.
#
# First it measures the machine's floor: TimerJitter runs as many timers as there are streams, at the
# same period, on one idle Netty event loop pinned like the mock, with no sockets (same lag definition).
# The mock cannot do better than that line; the difference is what its sockets and work add.
#
# The mock runs as its own JVM pinned to --mock-cpus with --io-threads event loops; the soak client
# (io.tokenbench.benchmarks.mockload.StreamSoak from benchmarks.jar, one Netty event loop; its own
# options: java -cp benchmarks/target/benchmarks.jar io.tokenbench.benchmarks.mockload.StreamSoak --help)
# is pinned to --client-cpus. --warmup and --duration are whole seconds here.
#
# Usage: benchmarks/scripts/mock-stream-soak.sh [--streams 5000] [--itl-ms 10] [--warmup 10] [--duration 30]
#        [--io-threads 1] [--mock-cpus 1] [--client-cpus 0] [--transport auto]
# --transport (io_uring, epoll, nio, auto) is given to both the mock and the soak client.
set -euo pipefail

STREAMS=5000 ITL_MS=10 WARMUP=10 DURATION=30 IO_THREADS=1 MOCK_CPUS=1 CLIENT_CPUS=0 TRANSPORT=auto
# Whole numbers >= 1: the counts, and the seconds TimerJitter takes as well.
whole() { [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || { echo "mock-stream-soak: $1: '${2:-}' is not a whole number >= 1" >&2; exit 2; }; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --streams) whole "$1" "${2:-}"; STREAMS="$2"; shift 2 ;;
    --itl-ms) whole "$1" "${2:-}"; ITL_MS="$2"; shift 2 ;;
    --warmup) whole "$1" "${2:-}"; WARMUP="$2"; shift 2 ;;
    --duration) whole "$1" "${2:-}"; DURATION="$2"; shift 2 ;;
    --io-threads) whole "$1" "${2:-}"; IO_THREADS="$2"; shift 2 ;;
    --mock-cpus) [[ -n "${2:-}" ]] || { echo "mock-stream-soak: --mock-cpus: missing value" >&2; exit 2; }; MOCK_CPUS="$2"; shift 2 ;;
    --client-cpus) [[ -n "${2:-}" ]] || { echo "mock-stream-soak: --client-cpus: missing value" >&2; exit 2; }; CLIENT_CPUS="$2"; shift 2 ;;
    --transport) [[ -n "${2:-}" ]] || { echo "mock-stream-soak: --transport: missing value" >&2; exit 2; }; TRANSPORT="$2"; shift 2 ;;
    --help|-h) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "mock-stream-soak: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

# Two sockets per stream (client and mock side) plus headroom.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
NEEDED=$((STREAMS + 1024))
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt "$NEEDED" ]]; then
  echo "mock-stream-soak: ulimit -n is $(ulimit -n), need at least $NEEDED" >&2; exit 1
fi

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="$ROOT/mock-upstream/target/mock-upstream.jar"
BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
# Always (re)build, quietly: measuring a stale jar would report the wrong code. benchmarks.jar holds
# the soak client with what it needs (Netty, picocli, the option layer).
(cd "$ROOT" && ./mvnw -q -B -ntp -pl mock-upstream,benchmarks -am package -DskipTests)

WORK="$(mktemp -d)"
MOCK_PID=""
cleanup() {
  [[ -n "$MOCK_PID" ]] && kill "$MOCK_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
export MOCK_ADMIN_TOKEN="adm-soak-$RANDOM$RANDOM$RANDOM"
# Leak detection off, as in mock-vs-nginx.sh (its default SIMPLE level records a stack trace for one
# allocation in 128); the tests run it at PARANOID.
taskset -c "$MOCK_CPUS" java -Xms1g -Xmx1g -XX:+UseParallelGC -Dio.netty.leakDetection.level=disabled -jar "$JAR" --port "$PORT" \
  --io-threads "$IO_THREADS" --transport "$TRANSPORT" --admin-token "$MOCK_ADMIN_TOKEN" >"$WORK/mock.out" 2>"$WORK/mock.err" &
MOCK_PID=$!
for _ in $(seq 1 100); do grep -q '^listening on' "$WORK/mock.out" 2>/dev/null && break; sleep 0.1; done
grep -q '^listening on' "$WORK/mock.out" || { echo "mock-stream-soak: the mock did not start" >&2; cat "$WORK/mock.err" >&2; exit 1; }
grep '^mock: transport' "$WORK/mock.err" >&2

taskset -c "$MOCK_CPUS" java -Xms1g -Xmx1g -XX:+UseParallelGC -cp "$BENCH_JAR" \
  io.tokenbench.benchmarks.mockload.TimerJitter "$STREAMS" "$ITL_MS" "$WARMUP" "$DURATION"

echo "== $STREAMS streams, ${ITL_MS} ms between tokens; mock: $IO_THREADS event loop(s) on CPU(s) $MOCK_CPUS;" \
  "client on CPU(s) $CLIENT_CPUS; warm-up ${WARMUP}s, window ${DURATION}s" >&2
taskset -c "$CLIENT_CPUS" java -Xms512m -Xmx512m -cp "$BENCH_JAR" io.tokenbench.benchmarks.mockload.StreamSoak \
  --base-url "http://127.0.0.1:$PORT" --streams "$STREAMS" --itl-ms "$ITL_MS" --warmup "${WARMUP}s" \
  --duration "${DURATION}s" --transport "$TRANSPORT" | tee "$WORK/soak.txt"

python3 - "$WORK/soak.txt" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
at_reset = json.loads(next(l for l in lines if l.startswith("mock /admin/stats at reset: ")).split(": ", 1)[1])
stats = json.loads(next(l for l in lines if l.startswith("mock /admin/stats: ")).split(": ", 1)[1])
lag = stats["scheduling_lag_us"]
cpu_ms = stats["process_cpu_ms"] - at_reset["process_cpu_ms"]
print(f"scheduling lag (us): p50 {lag['p50']:.0f}  p90 {lag['p90']:.0f}  p99 {lag['p99']:.0f}  "
      f"p99.9 {lag['p99_9']:.0f}  max {lag['max']:.0f}  over {lag['count']:,} emissions")
print(f"open streams at the end: {stats['open_streams']}, back-pressure pauses: {stats['back_pressure_pauses']}")
if lag["count"]:
    print(f"mock CPU in the window: {cpu_ms / 1000:.1f} s = {cpu_ms * 1000 / lag['count']:.1f} us per emission")
print(f"p99 target <= 1000 us: {'met' if lag['p99'] <= 1000 else 'NOT met'}")
PY
