#!/usr/bin/env bash
# Throughput of the mock's non-streaming chat endpoint (zero-latency profile) against nginx returning
# an identical body, in the same run, with keep-alive. Prints both req/s and the ratio.
#
# A third server is measured alongside as the floor: NettyFloorServer (benchmarks/.../mockload), one
# Netty epoll event loop answering each request with the mock's pre-encoded response bytes and no HTTP
# decoding. Its CPU per request is what the kernel and Netty's transport cost; the mock's excess over it
# is the mock's own work (HTTP codec, JSON parsing, gate, response building).
#
# CPU budget: each server is pinned to one core (taskset -c $SERVER_CPU, all of its threads: the mock's
# single event loop plus JIT/GC threads, nginx's single worker) and wrk to the other core
# (taskset -c $CLIENT_CPU), so both servers get exactly the same CPU.
#
# Both servers run side by side (idle while the other is measured); after one warm-up each, the wrk
# runs alternate mock, nginx, mock, nginx... for --rounds rounds and the median of each is reported,
# so drift in background load on a shared machine hits both alike.
#
# --transport (io_uring, epoll, nio, auto; default auto) is given to both the mock and the floor server.
#
# Usage: benchmarks/scripts/mock-vs-nginx.sh [--duration 10s] [--warmup 10s] [--rounds 3] [--connections 64]
#        [--transport auto] [--jfr FILE]   (--jfr: a JFR recording of the mock over the measured rounds)
# MOCK_ARGS (environment): more mock options, e.g. MOCK_ARGS="--jit-nice 19".
set -euo pipefail

DURATION=10s WARMUP=10s ROUNDS=3 CONNECTIONS=64 SERVER_CPU=1 CLIENT_CPU=0 TRANSPORT=auto JFR=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --transport) TRANSPORT="$2"; shift 2 ;;
    --jfr) JFR="$(realpath -m "$2")"; shift 2 ;;
    --help|-h) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "mock-vs-nginx: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/benchmarks/scripts"
# MOCK_JAR (environment) measures another build of the mock, e.g. one from before a change (as in
# mock-stream-soak.sh); the floor server is compiled against it (it only needs its Netty classes).
JAR="${MOCK_JAR:-$ROOT/mock-upstream/target/mock-upstream.jar}"
for tool in wrk nginx taskset curl java; do
  command -v "$tool" >/dev/null || { echo "mock-vs-nginx: $tool is not installed" >&2; exit 1; }
done
# Always (re)build, quietly: measuring a stale jar would report the wrong code.
if [[ -z "${MOCK_JAR:-}" ]]; then
  (cd "$ROOT" && ./mvnw -q -B -ntp -pl mock-upstream -am package -DskipTests)
fi
[[ -f "$JAR" ]] || { echo "mock-vs-nginx: no mock jar at $JAR" >&2; exit 1; }

WORK="$(mktemp -d)"
MOCK_PID="" NGINX_PID="" FLOOR_PID=""
cleanup() {
  [[ -n "$MOCK_PID" ]] && kill "$MOCK_PID" 2>/dev/null || true
  [[ -n "$NGINX_PID" ]] && kill "$NGINX_PID" 2>/dev/null || true
  [[ -n "$FLOOR_PID" ]] && kill "$FLOOR_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

warmup() { # url
  taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/chat-post.lua" "$1" >/dev/null
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system time of a process, in clock ticks

bench() { # name url pid -> "req/s cpu_us_per_request"
  local before after
  before="$(cpu_ticks "$3")"
  taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s "$HERE/chat-post.lua" "$2" >"$WORK/$1.txt"
  after="$(cpu_ticks "$3")"
  grep '^RESULT' "$WORK/$1.txt" | sed "s/^/  [$1] /" >&2
  python3 - "$(grep '^RESULT' "$WORK/$1.txt")" "$((after - before))" "$(getconf CLK_TCK)" <<'PY'
import re, sys
fields = dict(re.findall(r"(\w+)=([0-9.]+)", sys.argv[1]))
ticks, hz = int(sys.argv[2]), int(sys.argv[3])
print(f"{float(fields['requests_per_sec']):.1f} {ticks / hz * 1e6 / max(1, int(fields['requests'])):.2f}")
PY
}

# 1. The mock, zero-latency profile, one event loop thread, pinned to one core.
MOCK_PORT="$(free_port)"
# Leak detection off, as in Netty's own microbenchmarks (its default SIMPLE level records a stack trace
# for one allocation in 128); the tests run it at PARANOID.
taskset -c "$SERVER_CPU" java -XX:+UseParallelGC -Xms512m -Xmx512m -Dio.netty.leakDetection.level=disabled \
  -jar "$JAR" --port "$MOCK_PORT" --transport "$TRANSPORT" ${MOCK_ARGS:-} \
  --ttft 0ms --itl 0ms --output-tokens 16 --io-threads 1 >"$WORK/mock.out" 2>"$WORK/mock.err" &
MOCK_PID=$!
for _ in $(seq 1 100); do grep -q '^listening on' "$WORK/mock.out" 2>/dev/null && break; sleep 0.1; done
grep -q '^listening on' "$WORK/mock.out" || { echo "mock-vs-nginx: the mock did not start" >&2; cat "$WORK/mock.err" >&2; exit 1; }
grep -E '^mock: (transport|jit)' "$WORK/mock.err" >&2
MOCK_URL="http://127.0.0.1:$MOCK_PORT/v1/chat/completions"

# The body nginx will serve: one real response of the mock (same size and shape).
curl -s -X POST "$MOCK_URL" -H 'Content-Type: application/json' -H 'Authorization: Bearer sk-tokenbench-local' \
  -d '{"model":"tokenbench-tiny","messages":[{"role":"user","content":"Say hello in five words."}]}' >"$WORK/body.json"
BODY_BYTES=$(wc -c <"$WORK/body.json")
echo "mock body: $BODY_BYTES bytes" >&2

# 2. nginx, one worker, same body, pinned to the same core.
NGINX_PORT="$(free_port)"
mkdir -p "$WORK/nginx/logs"
cat >"$WORK/nginx/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 10000000;
  keepalive_timeout 120s;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location = /v1/chat/completions {
      default_type application/json;
      add_header x-request-id req_0123456789abcdef0123456789abcdef;
      return 200 '$(cat "$WORK/body.json")';
    }
  }
}
CONF
taskset -c "$SERVER_CPU" nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/logs/error.log" &
NGINX_PID=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/v1/chat/completions" -X POST && break; sleep 0.1; done
NGINX_URL="http://127.0.0.1:$NGINX_PORT/v1/chat/completions"
NGINX_BYTES=$(curl -s -X POST "$NGINX_URL" | wc -c)
[[ "$NGINX_BYTES" == "$BODY_BYTES" ]] || { echo "mock-vs-nginx: nginx body is $NGINX_BYTES bytes, mock's $BODY_BYTES" >&2; exit 1; }

# 3. The floor: raw Netty with the mock's response bytes, pinned to the same core. It needs only Netty,
# which the mock's jar carries.
javac -d "$WORK/classes" -cp "$JAR" "$ROOT"/benchmarks/src/main/java/io/tokenbench/benchmarks/mockload/NettyFloorServer.java
FLOOR_PORT="$(free_port)"
taskset -c "$SERVER_CPU" java -XX:+UseParallelGC -Xms512m -Xmx512m -Dio.netty.leakDetection.level=disabled \
  -cp "$JAR:$WORK/classes" io.tokenbench.benchmarks.mockload.NettyFloorServer "$FLOOR_PORT" "$WORK/body.json" "$TRANSPORT" \
  >"$WORK/floor.out" 2>"$WORK/floor.err" &
FLOOR_PID=$!
for _ in $(seq 1 100); do grep -q '^listening on' "$WORK/floor.out" 2>/dev/null && break; sleep 0.1; done
FLOOR_URL="http://127.0.0.1:$FLOOR_PORT/v1/chat/completions"
FLOOR_BYTES=$(curl -s -X POST "$FLOOR_URL" -d '{}' | wc -c)
[[ "$FLOOR_BYTES" == "$BODY_BYTES" ]] || { echo "mock-vs-nginx: floor body is $FLOOR_BYTES bytes, mock's $BODY_BYTES" >&2; exit 1; }

echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg); transport $TRANSPORT" >&2
echo "== mock: 1 event loop, nginx: worker_processes 1, both pinned to CPU $SERVER_CPU;" \
  "wrk -t1 -c$CONNECTIONS pinned to CPU $CLIENT_CPU; $ROUNDS rounds of $DURATION after $WARMUP warm-up each" >&2
warmup "$MOCK_URL"
warmup "$NGINX_URL"
warmup "$FLOOR_URL"
# --jfr: record the mock (JFR 'profile' settings: execution samples every 10 ms) over the measured rounds.
[[ -n "$JFR" ]] && jcmd "$MOCK_PID" JFR.start name=hot settings=profile >/dev/null
RESULTS=""
for round in $(seq 1 "$ROUNDS"); do
  RESULTS="$RESULTS $(bench mock "$MOCK_URL" "$MOCK_PID" | tr ' ' ':')"
  RESULTS="$RESULTS $(bench nginx "$NGINX_URL" "$NGINX_PID" | tr ' ' ':')"
  RESULTS="$RESULTS $(bench floor "$FLOOR_URL" "$FLOOR_PID" | tr ' ' ':')"
done
if [[ -n "$JFR" ]]; then
  jcmd "$MOCK_PID" JFR.stop name=hot filename="$JFR" >/dev/null
  echo "JFR recording of the mock: $JFR" >&2
fi

python3 - $RESULTS <<'PY'
import statistics, sys
runs = [tuple(float(v) for v in r.split(":")) for r in sys.argv[1:]]
mock, nginx, floor = runs[0::3], runs[1::3], runs[2::3]
m = statistics.median(r[0] for r in mock)
n = statistics.median(r[0] for r in nginx)
pairs = [a[0] / b[0] for a, b in zip(mock, nginx)]
mc = statistics.median(r[1] for r in mock)
nc = statistics.median(r[1] for r in nginx)
print(f"mock  req/s (median of {len(mock)}): {m:,.0f}   runs: {', '.join(f'{r[0]:,.0f}' for r in mock)}")
print(f"nginx req/s (median of {len(nginx)}): {n:,.0f}   runs: {', '.join(f'{r[0]:,.0f}' for r in nginx)}")
print(f"ratio mock/nginx: {m / n:.2f}x (target >= 1.0x); per round: {', '.join(f'{p:.2f}' for p in pairs)}")
f_ = statistics.median(r[0] for r in floor)
fc = statistics.median(r[1] for r in floor)
print(f"floor req/s (median of {len(floor)}): {f_:,.0f}   runs: {', '.join(f'{r[0]:,.0f}' for r in floor)}"
      f"   (raw Netty, same bytes, no HTTP decoding)")
print(f"server CPU per request (median): mock {mc:.1f} us, nginx {nc:.1f} us, floor {fc:.1f} us "
      f"(load-independent efficiency; ratio nginx/mock {nc / mc:.2f}x)")
print(f"the mock's own work per request (mock - floor): {mc - fc:.1f} us; "
      f"1.0x nginx needs it at or below {max(0.0, nc - fc):.1f} us")
PY
