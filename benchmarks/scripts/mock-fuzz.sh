#!/usr/bin/env bash
# Hostile-input fuzz of the mock over loopback: starts the mock jar, sends --count malformed requests
# (default 100,000; bad methods, paths, percent-escapes, headers, chunking, truncated and oversized
# bodies, malformed JSON / multipart / WAV, raw garbage), one connection each, from --threads client
# threads, plus --slow clients that send a request head one byte per second (closed at the mock's
# request deadline, 30 s). Reports status counts, 5xx, dropped answers (connections closed without
# any response), the mock's heap and RSS before/after and any Netty leak report from its log.
# Exit 1 on any 5xx, dropped answer or leak report. Bounded: --count requests, --timeout seconds.
#
# Usage: benchmarks/scripts/mock-fuzz.sh [--count 100000] [--threads 16] [--slow 200] [--seed 1]
#        [--timeout 1800] [--no-build]
set -euo pipefail

COUNT=100000 THREADS=16 SLOW=200 SEED=1 TIMEOUT=1800 BUILD=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --count) COUNT="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --slow) SLOW="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --help|-h) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "mock-fuzz: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

ulimit -n 65536 2>/dev/null || true
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
MOCK_JAR="$ROOT/mock-upstream/target/mock-upstream.jar"
BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
if [[ "$BUILD" == 1 ]]; then
  (cd "$ROOT" && ./mvnw -q -B -ntp -pl benchmarks -am package -DskipTests)
fi

WORK="$(mktemp -d)"
MOCK_PID=""
cleanup() {
  [[ -n "$MOCK_PID" ]] && kill "$MOCK_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
# ADVANCED leak detection samples 1 allocation in 128 with its access records: a leak shows up in
# the log as "LEAK:" without slowing the mock as PARANOID would.
java -Xms256m -Xmx512m -Dio.netty.leakDetection.level=advanced -jar "$MOCK_JAR" --host 127.0.0.1 \
  --port "$PORT" --io-threads 2 >"$WORK/mock.out" 2>"$WORK/mock.err" &
MOCK_PID=$!
for _ in $(seq 1 100); do
  grep -q "listening on" "$WORK/mock.out" 2>/dev/null && break
  sleep 0.1
done
grep -q "listening on" "$WORK/mock.out" || { echo "mock-fuzz: the mock did not start" >&2; cat "$WORK/mock.err" >&2; exit 1; }

memory() {
  local heap rss
  heap="$(jcmd "$MOCK_PID" GC.heap_info 2>/dev/null | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}')"
  rss="$(awk '/VmRSS/ {print $2 " " $3}' "/proc/$MOCK_PID/status")"
  echo "heap used ${heap:-?}, RSS ${rss}"
}
echo "mock before: $(memory)"

set +e
timeout "$TIMEOUT" java -cp "$BENCH_JAR" io.tokenbench.benchmarks.fuzz.MockFuzz "$PORT" "$COUNT" "$THREADS" "$SLOW" "$SEED"
STATUS=$?
set -e

jcmd "$MOCK_PID" GC.run >/dev/null 2>&1 || true
echo "mock after (after a GC): $(memory)"
LEAKS="$(grep -c "LEAK:" "$WORK/mock.err" || true)"
ERRORS="$(grep -c "SEVERE\|ERROR" "$WORK/mock.err" || true)"
echo "leak reports in the mock's log: $LEAKS; error records: $ERRORS"
if [[ "$ERRORS" != 0 ]]; then grep -m 5 -A 3 "SEVERE\|ERROR" "$WORK/mock.err"; fi
if [[ "$STATUS" == 124 ]]; then echo "mock-fuzz: timed out after ${TIMEOUT}s" >&2; fi
[[ "$STATUS" == 0 && "$LEAKS" == 0 ]] || exit 1
