#!/usr/bin/env python3
"""Checks that a merged run folder adds up to its parts (ci/multi-injector-check.sh, ci/container-check.sh).

Usage: merged-adds-up.py MERGED_DIR PART_DIR...   (the parts in injector order 0..N-1)
Checks: requests (scheduled, sent, completed, attempted, good, unfinished) and every outcome count add
up exactly, every metric's histogram count equals the sum of the parts' counts, its max the parts' max,
its mean their count-weighted mean, its p50 and p99 lie between the parts' ones, the merged load model
rate and measured offered/sent/completed rates equal the sum of the shares, and the parts are injectors
0..N-1. Exit 0 all hold, 1 a check failed.
"""
import json, sys, math
merged, parts = sys.argv[1], sys.argv[2:]
load = lambda d, f: json.load(open(f"{d}/{f}"))
m = load(merged, "summary.json"); ps = [load(p, "summary.json") for p in parts]
mr = load(merged, "run.json"); prs = [load(p, "run.json") for p in parts]
bad = []
def same(what, got, want, exact=True, of="sum of parts"):
    ok = got == want if exact else math.isclose(got, want, rel_tol=1e-6, abs_tol=1e-5)
    print(f"{'ok  ' if ok else 'FAIL'} {what}: merged {got} vs {of} {want}")
    if not ok: bad.append(what)
for k in ("scheduled", "sent", "completed", "attempted", "good", "unfinished"):
    same(f"requests.{k}", m["requests"][k], sum(p["requests"][k] for p in ps))
for o in m["outcomes"]:
    same(f"outcomes.{o}", m["outcomes"][o], sum(p["outcomes"][o] for p in ps))
def within(what, got, lo, hi):
    ok = lo - 1e-6 <= got <= hi + 1e-6
    print(f"{'ok  ' if ok else 'FAIL'} {what}: merged {got} within the parts' [{lo}, {hi}]")
    if not ok: bad.append(what)
for name, v in m["metrics"].items():
    same(f"metrics.{name}.count", v["count"], sum(p["metrics"][name]["count"] for p in ps))
    full = [p["metrics"][name] for p in ps if p["metrics"][name]["count"] > 0]
    if v["count"] == 0 or not full:
        continue
    # the merged histogram is the sum of the parts': its max is the parts' max, its mean their
    # count-weighted mean, and any percentile of a mixture lies between the parts' percentiles
    same(f"metrics.{name}.max", v["max"], max(p["max"] for p in full), of="max of parts")
    same(f"metrics.{name}.mean", v["mean"],
         sum(p["mean"] * p["count"] for p in full) / sum(p["count"] for p in full), exact=False,
         of="weighted mean of parts")
    for q in ("p50", "p99"):
        within(f"metrics.{name}.{q}", v[q], min(p[q] for p in full), max(p[q] for p in full))
same("run.json load_model.rate_per_second", mr["load_model"]["rate_per_second"],
     sum(p["load_model"]["rate_per_second"] for p in prs), exact=False)
for k in ("offered_rps", "sent_rps", "completed_rps"):
    same(f"throughput.{k}", m["throughput"][k], sum(p["throughput"][k] for p in ps), exact=False)
if m["requests"]["scheduled"] == 0: bad.append("no requests")
idx = sorted(int(p["parameters"]["injector_index"]) for p in prs)
same("injector indexes", idx, list(range(len(parts))), of="expected")
print("merged-adds-up:", "FAILED " + ", ".join(bad) if bad else
      f"{len(parts)} injectors add up ({m['requests']['completed']} requests, {mr['load_model']['rate_per_second']:.2f}/s offered)")
sys.exit(1 if bad else 0)
