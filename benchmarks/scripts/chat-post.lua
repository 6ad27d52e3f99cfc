-- wrk script: POST a small non-streaming chat completion with a Bearer key (used by mock-vs-nginx.sh).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-tokenbench-local"
wrk.body = '{"model":"tokenbench-tiny","messages":[{"role":"user","content":"Say hello in five words."}]}'

done = function(summary, latency, requests)
   local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
   io.write(string.format("RESULT requests_per_sec=%.1f requests=%d errors=%d p50_us=%d p99_us=%d\n",
      summary.requests / (summary.duration / 1e6), summary.requests, errors,
      latency:percentile(50), latency:percentile(99)))
end
