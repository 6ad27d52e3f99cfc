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
#        [--io-threads 1] [--mock-cpus 1] [--client-cpus 0] [--transport auto] [--jfr FILE] [--gc-log FILE]
#        [--emission-tick-us N] [--tokens 2000] [--lengths uniform|fixed] [--jit-cpus LIST]
# --transport (io_uring, epoll, nio, auto) is given to both the mock and the soak client.
# --jfr FILE: a JFR recording of the mock (settings=profile) over the measured window only.
# --gc-log FILE: the mock's GC and safepoint log (-Xlog:gc*,safepoint, uptime in ms) to line pauses up
# with the lag tail. --emission-tick-us N: the mock's emission tick (system property
# tokenbench.mock.emissionTickMicros; default 0: the mock wakes at each due time exactly; 100 rounds wake-ups up to 100 us).
# --tokens N: the mean stream length in tokens; --lengths uniform (default) draws each stream's length
# from 1 to 2N-1, so completions spread over time (the steady state); fixed gives every stream N tokens,
# so the streams the ramp started together end together every N x itl (completion waves).
# --jit-cpus LIST: once the mock is up, its JIT compiler threads are moved to these CPUs (taskset),
# so that compilations, which go on for minutes for code a request runs once, do not take the event
# loop's core; default: they stay on --mock-cpus. JIT_NICE=N (environment): the mock's --jit-nice N.
set -euo pipefail

TOKENS=2000 LENGTHS=uniform JIT_CPUS="" STREAMS=5000 ITL_MS=10 WARMUP=10 DURATION=30 IO_THREADS=1 MOCK_CPUS=1 CLIENT_CPUS=0 TRANSPORT=auto JFR="" GC_LOG="" TICK_US=""
# Whole numbers >= 1: the counts, and the seconds TimerJitter takes as well.
whole() { [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || { echo "mock-stream-soak: $1: '${2:-}' is not a whole number >= 1" >&2; exit 2; }; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --streams) whole "$1" "${2:-}"; STREAMS="$2"; shift 2 ;;
    --itl-ms) whole "$1" "${2:-}"; ITL_MS="$2"; shift 2 ;;
    --tokens) whole "$1" "${2:-}"; TOKENS="$2"; shift 2 ;;
    --lengths) [[ "${2:-}" == uniform || "${2:-}" == fixed ]] || { echo "mock-stream-soak: --lengths: '${2:-}' is not uniform or fixed" >&2; exit 2; }; LENGTHS="$2"; shift 2 ;;
    --warmup) whole "$1" "${2:-}"; WARMUP="$2"; shift 2 ;;
    --duration) whole "$1" "${2:-}"; DURATION="$2"; shift 2 ;;
    --io-threads) whole "$1" "${2:-}"; IO_THREADS="$2"; shift 2 ;;
    --mock-cpus) [[ -n "${2:-}" ]] || { echo "mock-stream-soak: --mock-cpus: missing value" >&2; exit 2; }; MOCK_CPUS="$2"; shift 2 ;;
    --jit-cpus) [[ -n "${2:-}" ]] || { echo "mock-stream-soak: --jit-cpus: missing value" >&2; exit 2; }; JIT_CPUS="$2"; shift 2 ;;
    --client-cpus) [[ -n "${2:-}" ]] || { echo "mock-stream-soak: --client-cpus: missing value" >&2; exit 2; }; CLIENT_CPUS="$2"; shift 2 ;;
    --transport) [[ -n "${2:-}" ]] || { echo "mock-stream-soak: --transport: missing value" >&2; exit 2; }; TRANSPORT="$2"; shift 2 ;;
    --jfr) [[ -n "${2:-}" ]] || { echo "mock-stream-soak: --jfr: missing value" >&2; exit 2; }; JFR="$(realpath -m "$2")"; shift 2 ;;
    --gc-log) [[ -n "${2:-}" ]] || { echo "mock-stream-soak: --gc-log: missing value" >&2; exit 2; }; GC_LOG="$(realpath -m "$2")"; shift 2 ;;
    --emission-tick-us) [[ "${2:-}" =~ ^[0-9]+$ ]] || { echo "mock-stream-soak: --emission-tick-us: '${2:-}' is not a whole number" >&2; exit 2; }; TICK_US="$2"; shift 2 ;;
    --help|-h) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
# MOCK_JAR (environment) measures another build of the mock, e.g. one from before a change.
JAR="${MOCK_JAR:-$ROOT/mock-upstream/target/mock-upstream.jar}"
BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
# Always (re)build, quietly: measuring a stale jar would report the wrong code. benchmarks.jar holds
# the soak client with what it needs (Netty, picocli, the option layer).
(cd "$ROOT" && ./mvnw -q -B -ntp -pl mock-upstream,benchmarks -am package -DskipTests)

WORK="$(mktemp -d)"
MOCK_PID=""
cleanup() {
  [[ -n "$MOCK_PID" ]] && kill "$MOCK_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  # MOCK_OUT (environment: a directory) keeps the mock's stdout and stderr.
  [[ -n "${MOCK_OUT:-}" ]] && mkdir -p "$MOCK_OUT" && cp "$WORK"/mock.out "$WORK"/mock.err "$MOCK_OUT"/ 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
export MOCK_ADMIN_TOKEN="adm-soak-$RANDOM$RANDOM$RANDOM"
# Leak detection off, as in mock-vs-nginx.sh (its default SIMPLE level records a stack trace for one
# allocation in 128); the tests run it at PARANOID.
MOCK_JVM=(-Xms1g -Xmx1g -XX:+UseParallelGC -Dio.netty.leakDetection.level=disabled)
# MOCK_JVM_ARGS (environment): more JVM options for the mock, e.g. "-XX:+PrintCompilation".
[[ -n "${MOCK_JVM_ARGS:-}" ]] && read -r -a EXTRA_JVM <<<"$MOCK_JVM_ARGS" && MOCK_JVM+=("${EXTRA_JVM[@]}")
[[ -n "$TICK_US" ]] && MOCK_JVM+=("-Dtokenbench.mock.emissionTickMicros=$TICK_US")
[[ -n "$GC_LOG" ]] && MOCK_JVM+=("-Xlog:gc*,safepoint:file=$GC_LOG:uptime,level,tags")
MOCK_ARGS=()
if [[ -n "${JIT_NICE:-}" ]] && jar tf "$JAR" 2>/dev/null | grep -q 'io/tokenbench/mock/cli/JitPriority.class'; then
  MOCK_ARGS+=(--jit-nice "$JIT_NICE")
fi
taskset -c "$MOCK_CPUS" java "${MOCK_JVM[@]}" -jar "$JAR" --port "$PORT" "${MOCK_ARGS[@]}" \
  --io-threads "$IO_THREADS" --transport "$TRANSPORT" --admin-token "$MOCK_ADMIN_TOKEN" >"$WORK/mock.out" 2>"$WORK/mock.err" &
MOCK_PID=$!
for _ in $(seq 1 100); do grep -q '^listening on' "$WORK/mock.out" 2>/dev/null && break; sleep 0.1; done
grep -q '^listening on' "$WORK/mock.out" || { echo "mock-stream-soak: the mock did not start" >&2; cat "$WORK/mock.err" >&2; exit 1; }
grep '^mock: transport' "$WORK/mock.err" >&2
# JIT_NICE=N (environment): the mock's JIT compiler threads at nice N, so that on the one pinned CPU a
# compilation yields to the event loop instead of taking whole time slices from it. A mock jar with
# --jit-nice got it as an option above; an older one (MOCK_JAR from before the option) is reniced here.
if [[ -n "${JIT_NICE:-}" ]]; then
  if grep -q '^mock: jit compiler threads' "$WORK/mock.err"; then
    grep '^mock: jit compiler threads' "$WORK/mock.err" >&2
  else
    for t in /proc/"$MOCK_PID"/task/*; do
      [[ "$(cat "$t/comm")" == C[12]\ CompilerThre* ]] && renice -n "$JIT_NICE" -p "${t##*/}" >/dev/null
    done
    echo "mock: JIT compiler threads reniced to $JIT_NICE (by the script)" >&2
  fi
fi

if [[ -n "$JIT_CPUS" ]]; then
  moved=0
  for t in /proc/"$MOCK_PID"/task/*; do
    if [[ "$(cat "$t/comm")" == C[12]\ CompilerThre* ]]; then
      taskset -pc "$JIT_CPUS" "${t##*/}" >/dev/null || { echo "mock-stream-soak: --jit-cpus: taskset failed" >&2; exit 2; }
      moved=$((moved + 1))
    fi
  done
  echo "mock: $moved JIT compiler thread(s) moved to CPU(s) $JIT_CPUS (the event loop stays on $MOCK_CPUS)" >&2
fi

taskset -c "$MOCK_CPUS" java -Xms1g -Xmx1g -XX:+UseParallelGC -cp "$BENCH_JAR" \
  io.tokenbench.benchmarks.mockload.TimerJitter "$STREAMS" "$ITL_MS" "$WARMUP" "$DURATION"

echo "== $STREAMS streams, ${ITL_MS} ms between tokens, lengths $LENGTHS (mean $TOKENS tokens); mock: $IO_THREADS event loop(s) on CPU(s) $MOCK_CPUS;" \
  "client on CPU(s) $CLIENT_CPUS; warm-up ${WARMUP}s, window ${DURATION}s" >&2
# --jfr: the recording starts when the window does (after the ramp at 1,000 connects/s and the warm-up).
if [[ -n "$JFR" ]]; then
  jcmd "$MOCK_PID" JFR.start name=soak settings=profile delay=$((WARMUP + STREAMS / 1000 + 1))s >/dev/null
fi
# The mock's user and system CPU (/proc/PID/stat) and its event loops' time on a CPU and run-queue wait
# (/proc/PID/task/TID/schedstat: runnable but not running, the CPU taken by another process), sampled when
# the window starts and ends. The event loops are the threads named multiThreadIoEv... .
proc_sample() {
  local ticks run=0 wait=0 t
  ticks="$(awk '{print $14, $15}' "/proc/$MOCK_PID/stat")"
  for t in /proc/"$MOCK_PID"/task/*; do
    [[ "$(cat "$t/comm" 2>/dev/null)" == multiThreadIoEv* ]] || continue
    read -r r w _ <"$t/schedstat" || continue
    run=$((run + r)) wait=$((wait + w))
  done
  # Host steal (the hypervisor running something else on our virtual CPUs), all CPUs, USER_HZ ticks.
  echo "$ticks $run $wait $(awk '/^cpu /{print $9}' /proc/stat)"
  # Every thread of the mock, for the other threads' share of its CPU (JIT compilers, GC, timers).
  for t in /proc/"$MOCK_PID"/task/*; do
    read -r r _ _ <"$t/schedstat" 2>/dev/null || continue
    printf '%s\t%s\t%s\n' "${t##*/}" "$r" "$(cat "$t/comm" 2>/dev/null)" >>"$1"
  done
}
(sleep $((WARMUP + STREAMS / 1000 + 1)); proc_sample "$WORK/threads.start" >"$WORK/proc.start") &
taskset -c "$CLIENT_CPUS" java -Xms512m -Xmx512m -cp "$BENCH_JAR" io.tokenbench.benchmarks.mockload.StreamSoak \
  --base-url "http://127.0.0.1:$PORT" --streams "$STREAMS" --itl-ms "$ITL_MS" --warmup "${WARMUP}s" \
  --duration "${DURATION}s" --transport "$TRANSPORT" --tokens "$TOKENS" --lengths "$LENGTHS" | tee "$WORK/soak.txt"
proc_sample "$WORK/threads.end" >"$WORK/proc.end"
if [[ -n "$JFR" ]]; then
  jcmd "$MOCK_PID" JFR.stop name=soak filename="$JFR" >/dev/null
  echo "JFR recording of the mock: $JFR" >&2
fi

python3 - "$WORK/soak.txt" "$WORK/proc.start" "$WORK/proc.end" "$(getconf CLK_TCK)" "$WORK/threads.start" "$WORK/threads.end" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
at_reset = json.loads(next(l for l in lines if l.startswith("mock /admin/stats at reset: ")).split(": ", 1)[1])
stats = json.loads(next(l for l in lines if l.startswith("mock /admin/stats: ")).split(": ", 1)[1])
lag = stats["scheduling_lag_us"]
cpu_ms = stats["process_cpu_ms"] - at_reset["process_cpu_ms"]
print(f"scheduling lag (us): p50 {lag['p50']:.0f}  p90 {lag['p90']:.0f}  p99 {lag['p99']:.0f}  "
      f"p99.9 {lag['p99_9']:.0f}  max {lag['max']:.0f}  over {lag['count']:,} emissions")
tick = stats.get("emissions_per_tick")
if tick and tick["ticks"]:
    last = stats["tick_last_lag_us"]
    print(f"mock wake-ups (ticks): {tick['ticks']:,}, emissions per tick mean {tick['mean']:.1f} p50 {tick['p50']:.0f} "
          f"p99 {tick['p99']:.0f} p99.9 {tick['p99_9']:.0f} max {tick['max']:.0f}; lag of a tick's last emission (us): "
          f"p50 {last['p50']:.0f} p99 {last['p99']:.0f} p99.9 {last['p99_9']:.0f} max {last['max']:.0f}")
print(f"open streams at the end: {stats['open_streams']}, back-pressure pauses: {stats['back_pressure_pauses']}")
if lag["count"]:
    print(f"mock CPU in the window: {cpu_ms / 1000:.1f} s = {cpu_ms * 1000 / lag['count']:.1f} us per emission")
try:
    u0, s0, r0, w0, st0 = map(int, open(sys.argv[2]).read().split())
    u1, s1, r1, w1, st1 = map(int, open(sys.argv[3]).read().split())
    hz = int(sys.argv[4])
    print(f"mock CPU in the window (/proc): user {(u1 - u0) / hz:.1f} s, system {(s1 - s0) / hz:.1f} s; "
          f"event loop(s) on a CPU {(r1 - r0) / 1e9:.2f} s, runnable but waiting for a CPU taken by "
          f"another process {(w1 - w0) / 1e9:.2f} s; host steal (all CPUs) {(st1 - st0) / hz:.2f} s")
except (OSError, ValueError):
    pass
try:
    def threads(path):
        out = {}
        for line in open(path):
            tid, run, comm = line.rstrip("\n").split("\t", 2)
            out[tid] = (int(run), comm)
        return out
    t0, t1 = threads(sys.argv[5]), threads(sys.argv[6])
    others = sorted(((run - t0.get(tid, (0, comm))[0], comm) for tid, (run, comm) in t1.items()
                     if not comm.startswith("multiThreadIoEv")), reverse=True)
    print("the mock's other threads on a CPU in the window (ms): "
          + ", ".join(f"{comm} {ns / 1e6:.0f}" for ns, comm in others[:4] if ns > 0))
except (OSError, ValueError):
    pass
print(f"p99 target <= 1000 us: {'met' if lag['p99'] <= 1000 else 'NOT met'}")
PY
