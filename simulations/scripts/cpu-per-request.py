#!/usr/bin/env python3
"""CPU per request of a tokenbench run over its measure phase (used by speed.sh; measures, never asserts).

usage: cpu-per-request.py RUNS_PARENT REPORT_JSON [MOCK_PID] -- COMMAND...

Runs COMMAND (a harness JVM writing one run folder under RUNS_PARENT) and polls every 20 ms its
/proc/PID/stat CPU time (all threads) and, if given, the mock's, noting both each time a new line of
outcomes.jsonl appears (the recorder appends one per interval, right after the interval boundary).
At the end the CPU spent between the line before the first measure-only interval and the last one
is divided by the requests completed in those intervals: JVM start, JIT warm-up and the grace stay
out. Writes {"harness_us": ..., "mock_us": ..., "completed": ..., "window_s": ...} to REPORT_JSON
and exits with COMMAND's status.
"""
import glob
import json
import os
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            s = f.read()
    except OSError:
        return None
    fields = s[s.rindex(")") + 2:].split()  # fields[0] is the state (3rd field of stat)
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def complete_lines(path):
    try:
        with open(path, "rb") as f:
            return f.read().count(b"\n")
    except OSError:
        return 0


def main():
    sep = sys.argv.index("--")
    runs, report = sys.argv[1], sys.argv[2]
    mock = sys.argv[3] if sep > 3 else None
    proc = subprocess.Popen(sys.argv[sep + 1:])
    marks = {}  # lines seen -> (harness cpu s, mock cpu s, monotonic s)
    seen = 0
    while proc.poll() is None:
        files = glob.glob(runs + "/*/outcomes.jsonl")
        n = complete_lines(files[0]) if files else 0
        if n != seen:
            h = cpu_seconds(proc.pid)
            if h is not None:
                marks[n] = (h, cpu_seconds(mock) if mock else None, time.monotonic())
            seen = n
        time.sleep(0.02)
    rc = proc.wait()
    result = {"harness_us": None, "mock_us": None, "completed": 0, "window_s": 0}
    files = glob.glob(runs + "/*/outcomes.jsonl")
    if files:
        lines = [json.loads(l) for l in open(files[0]) if l.strip()]
        measure_only = [
            i for i, l in enumerate(lines)
            if l["phases"].get("measure", {}).get("completed", 0) > 0
            and all(v.get("completed", 0) == 0 for k, v in l["phases"].items() if k != "measure")
        ]
        # marks[i]: CPU when line i-1 had just been written, i.e. at the start of interval i
        starts = [i for i in measure_only if i in marks]
        ends = [i for i in measure_only if (i + 1) in marks]
        if starts and ends and ends[-1] > starts[0]:
            a, b = starts[0], ends[-1]
            completed = sum(lines[i]["phases"]["measure"]["completed"] for i in range(a, b + 1))
            start, end = marks[a], marks[b + 1]
            result["completed"] = completed
            result["window_s"] = round(end[2] - start[2], 2)
            result["harness_us"] = round((end[0] - start[0]) * 1e6 / completed, 1)
            if start[1] is not None and end[1] is not None:
                result["mock_us"] = round((end[1] - start[1]) * 1e6 / completed, 1)
    with open(report, "w") as f:
        json.dump(result, f)
    sys.exit(rc)


if __name__ == "__main__":
    main()
