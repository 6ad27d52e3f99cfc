#!/usr/bin/env python3
"""Checks that a merged run folder adds up to its parts (ci/multi-injector-check.sh, ci/container-check.sh).

Usage: merged-adds-up.py MERGED_DIR PART_DIR...   (the parts in injector order 0..N-1)
Checks: requests (scheduled, sent, completed, attempted, good, unfinished) and every outcome count add
up exactly, every metric's histogram count equals the sum of the parts' counts, the merged load model
rate and measured offered/sent/completed rates equal the sum of the shares, and the parts are injectors
0..N-1. Exit 0 all hold, 1 a check failed.
"""
import json, sys, math
merged, parts = sys.argv[1], sys.argv[2:]
load = lambda d, f: json.load(open(f"{d}/{f}"))
m = load(merged, "summary.json"); ps = [load(p, "summary.json") for p in parts]
mr = load(merged, "run.json"); prs = [load(p, "run.json") for p in parts]
bad = []
def same(what, got, want, exact=True):
    ok = got == want if exact else math.isclose(got, want, rel_tol=1e-6, abs_tol=1e-9)
    print(f"{'ok  ' if ok else 'FAIL'} {what}: merged {got} vs sum of parts {want}")
    if not ok: bad.append(what)
for k in ("scheduled", "sent", "completed", "attempted", "good", "unfinished"):
    same(f"requests.{k}", m["requests"][k], sum(p["requests"][k] for p in ps))
for o in m["outcomes"]:
    same(f"outcomes.{o}", m["outcomes"][o], sum(p["outcomes"][o] for p in ps))
for name, v in m["metrics"].items():
    same(f"metrics.{name}.count", v["count"], sum(p["metrics"][name]["count"] for p in ps))
same("run.json load_model.rate_per_second", mr["load_model"]["rate_per_second"],
     sum(p["load_model"]["rate_per_second"] for p in prs), exact=False)
for k in ("offered_rps", "sent_rps", "completed_rps"):
    same(f"throughput.{k}", m["throughput"][k], sum(p["throughput"][k] for p in ps), exact=False)
if m["requests"]["scheduled"] == 0: bad.append("no requests")
idx = sorted(int(p["parameters"]["injector_index"]) for p in prs)
same("injector indexes", idx, list(range(len(parts))))
print("merged-adds-up:", "FAILED " + ", ".join(bad) if bad else
      f"{len(parts)} injectors add up ({m['requests']['completed']} requests, {mr['load_model']['rate_per_second']:.2f}/s offered)")
sys.exit(1 if bad else 0)
