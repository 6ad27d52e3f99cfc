#!/usr/bin/env bash
# The live metrics checked by a real Prometheus, offline, on loopback only:
#   1. installs Debian's prometheus (with promtool), curl and jq with apt-get when missing (needs root);
#   2. starts the mock (its GET /metrics) and a Prometheus with a generated configuration that scrapes
#      the mock and the injector's --metrics-port every second;
#   3. runs a short streaming run against the mock with --metrics-port; while it lasts, `promtool check
#      metrics` must pass on both expositions;
#   4. after the run (the injector waits for one scrape of its final values, --metrics-grace), asks
#      Prometheus over its HTTP API (curl + jq) and checks that the request counts equal summary.json's
#      (measure phase: scheduled, completed and every outcome), that every ok request the injector
#      counted was answered 200 by the mock, and that the mock's counts equal its own /admin/stats;
#   5. removes its processes and its temporary folder (trap), also on failure or Ctrl-C.
# Usage: ci/prometheus-check.sh            (from anywhere; builds the jars when missing)
# Exit 0 all checks hold, 1 a check or a step failed, 2 prometheus cannot be installed or run here.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
STARTED=$SECONDS
KEY=sk-tokenbench-local   # the mock's public default key (MockConfig.DEFAULT_API_KEY)

fail() { echo "prometheus-check: FAILED: $*" >&2; exit 1; }
cannot() { echo "prometheus-check: cannot run: $*" >&2; exit 2; }

missing=()
command -v prometheus >/dev/null && command -v promtool >/dev/null || missing+=(prometheus)
for t in curl jq python3; do command -v "$t" >/dev/null || missing+=("$t"); done
if ((${#missing[@]})); then
  [[ $EUID -eq 0 ]] || cannot "${missing[*]} missing and not root (apt-get install ${missing[*]})"
  echo "prometheus-check: installing ${missing[*]}"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
    >/dev/null 2>&1 || cannot "apt-get install ${missing[*]} failed"
fi

if [[ ! -f simulations/target/classpath.txt || ! -f mock-upstream/target/mock-upstream.jar ]]; then
  ./mvnw -q -B -ntp -pl simulations -am -DskipTests package
fi
CP="simulations/target/simulations.jar:$(cat simulations/target/classpath.txt)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/tokenbench-prometheus.XXXXXX")"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
MOCK_PORT="$(free_port)"; INJECTOR_PORT="$(free_port)"; PROM_PORT="$(free_port)"
MOCK="http://127.0.0.1:$MOCK_PORT"; INJECTOR="http://127.0.0.1:$INJECTOR_PORT"; PROM="http://127.0.0.1:$PROM_PORT"

# the mock (its admin token is read from its log, in the temporary folder only)
java -jar mock-upstream/target/mock-upstream.jar --port "$MOCK_PORT" >"$WORK/mock.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do grep -q 'listening on' "$WORK/mock.log" && break; sleep 0.5; done
grep -q 'listening on' "$WORK/mock.log" || fail "the mock did not start: $(tail -5 "$WORK/mock.log")"
ADMIN_TOKEN="$(sed -n 's/^mock: admin token: //p' "$WORK/mock.log" | head -1)"
[[ -n "$ADMIN_TOKEN" ]] || fail "no admin token in the mock's output"

cat >"$WORK/prometheus.yml" <<YML
global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:
  - job_name: tokenbench-injector
    static_configs: [{targets: ["127.0.0.1:$INJECTOR_PORT"]}]
  - job_name: tokenbench-mock
    static_configs: [{targets: ["127.0.0.1:$MOCK_PORT"]}]
YML
promtool check config "$WORK/prometheus.yml" >/dev/null || fail "promtool rejects the generated configuration"
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/tsdb" \
  --web.listen-address="127.0.0.1:$PROM_PORT" >"$WORK/prometheus.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do curl -sf "$PROM/-/ready" >/dev/null && break; sleep 0.5; done
curl -sf "$PROM/-/ready" >/dev/null || cannot "prometheus did not start: $(tail -5 "$WORK/prometheus.log")"
echo "prometheus-check: $(prometheus --version 2>&1 | head -1) on $PROM, scraping the mock ($MOCK) and the injector ($INJECTOR) every 1 s"

# the load: 8 s at 20/s, 2 s of it warm-up; the injector waits up to 30 s for a scrape of its final values.
# No pre-flight: the mock's counts must equal the injector's, and a pre-flight request is one the run
# does not record. A generous lag budget: this checks counts, and a busy CI machine must not turn the
# run's verdict into a failure here.
POWERTOKENS_API_KEY=$KEY java --add-opens=java.base/java.lang=ALL-UNNAMED -Xmx1G -cp "$CP" \
  io.tokenbench.simulations.cli.TokenbenchRun run --base-url "$MOCK" --rate 20 --duration 8s --warmup 2s \
  --grace 3s --seed 7 --out "$WORK/runs" --metrics-port "$INJECTOR_PORT" --metrics-grace 30s \
  --no-preflight --lag-budget 10s \
  >"$WORK/run.log" 2>&1 &
RUN_PID=$!
PIDS+=("$RUN_PID")

# while the run lasts: both expositions pass promtool's checks
checked=0
while kill -0 "$RUN_PID" 2>/dev/null; do
  if curl -sf "$INJECTOR/metrics" -o "$WORK/injector.prom" && grep -q '^tokenbench_requests_total{' "$WORK/injector.prom"; then
    promtool check metrics <"$WORK/injector.prom" || fail "promtool check metrics: injector exposition (above)"
    curl -sf "$MOCK/metrics" | promtool check metrics || fail "promtool check metrics: mock exposition (above)"
    checked=1
    break
  fi
  sleep 0.5
done
((checked)) || fail "the injector's exposition never showed a request: $(tail -5 "$WORK/run.log")"
wait "$RUN_PID" || fail "the run failed: $(tail -20 "$WORK/run.log")"
RUN_DIR="$(ls -d "$WORK"/runs/*-streaming | head -1)"
RUN_ID="$(basename "$RUN_DIR")"
ENDED="$(date +%s)"

query() {  # query PROMQL -> the single value, or "none"
  curl -sf --data-urlencode "query=$1" "$PROM/api/v1/query" | jq -r '.data.result[0].value[1] // "none"'
}
# the mock's values are final once Prometheus scraped it after the run ended (the injector's last scrape
# was served before it exited); on a busy machine scrapes come late, so wait for one rather than sleep
for _ in $(seq 1 120); do
  scraped="$(query 'max(timestamp(up{job="tokenbench-mock"}))')"
  [[ "$scraped" != none ]] && python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) >= float(sys.argv[2]) + 1 else 1)' "$scraped" "$ENDED" && break
  sleep 0.5
done
same() {  # same WHAT EXPECTED ACTUAL
  python3 -c 'import sys; sys.exit(0 if sys.argv[2] != "none" and float(sys.argv[1]) == float(sys.argv[2]) else 1)' "$2" "$3" \
    || fail "$1: expected $2, Prometheus has $3"
  printf '  %-58s %s\n' "$1" "$3"
}
# counters of a target that is gone are stale now: their last value is their max over the run
last() { echo "sum(max_over_time($1[10m]))"; }
S="$RUN_DIR/summary.json"
echo "prometheus-check: run $RUN_ID"
M="run_id=\"$RUN_ID\",phase=\"measure\""
same "scheduled (measure) = summary.json requests.scheduled" \
  "$(jq .requests.scheduled "$S")" "$(query "$(last "tokenbench_requests_scheduled_total{$M}")")"
same "finished (measure) = completed + unfinished" \
  "$(jq '.requests.completed + .requests.unfinished' "$S")" "$(query "$(last "tokenbench_requests_total{$M}")")"
for outcome in $(jq -r '.outcomes | keys[]' "$S"); do
  expected="$(jq ".outcomes.$outcome" "$S")"
  actual="$(query "$(last "tokenbench_requests_total{$M,outcome=\"$outcome\"}")")"
  if [[ "$expected" == 0 && "$actual" == none ]]; then actual=0; fi   # a series never scraped non-zero
  same "outcome $outcome (measure)" "$expected" "$actual"
done
same "ttft observations = ok requests (all phases)" \
  "$(query "$(last "tokenbench_requests_total{run_id=\"$RUN_ID\",outcome=\"ok\"}")")" \
  "$(query "$(last "tokenbench_ttft_seconds_count{run_id=\"$RUN_ID\"}")")"
same "final scrape seen (tokenbench_run_ended)" 1 "$(query "$(last "tokenbench_run_ended{run_id=\"$RUN_ID\"}")")"

STATS="$(curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" "$MOCK/admin/stats")"
same "mock admissions = /admin/stats requests_admitted" \
  "$(jq .requests_admitted <<<"$STATS")" "$(query "$(last tokenbench_mock_admissions_total)")"
same "mock settled completed = /admin/stats settled.completed" \
  "$(jq .settled.completed <<<"$STATS")" "$(query "$(last 'tokenbench_mock_settled_total{end="completed"}')")"
same "mock rejections = /admin/stats requests_rejected" \
  "$(jq .requests_rejected <<<"$STATS")" "$(query "$(last tokenbench_mock_rejections_total) or vector(0)")"
same "mock chat 200s = injector ok requests (all phases)" \
  "$(query "$(last "tokenbench_requests_total{run_id=\"$RUN_ID\",outcome=\"ok\"}")")" \
  "$(query "$(last 'tokenbench_mock_responses_total{route="/v1/chat/completions",status="200"}')")"
same "mock scheduling-lag observations = /admin/stats count" \
  "$(jq .scheduling_lag_us.count <<<"$STATS")" "$(query "$(last tokenbench_mock_scheduling_lag_seconds_count)")"
curl -sf "$MOCK/metrics" | grep -qF "$ADMIN_TOKEN" && fail "the mock's /metrics shows its admin token"
echo "prometheus-check: ok ($((SECONDS - STARTED)) s)"
