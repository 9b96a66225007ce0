#!/usr/bin/env python3
"""The peer figure for `behovsanalys report`: Python's tomllib parsing the
same session files (parse only — no scoring, no counting), on as many
processes as there are cores (like the report's worker threads).

    python3 benches/report_tomllib.py DATA_DIR [PROCESSES]

DATA_DIR is a data directory (its sessions/ folder is read), e.g. the one
`cargo bench --bench report` generates:
$TMPDIR/behovsanalys-bench-sessions-100000.
Prints files parsed, failures, wall time and the peak RSS of the largest
process (main or worker)."""
import os, sys, time, tomllib, resource
from multiprocessing import Pool


def parse_chunk(paths):
    ok = bad = 0
    for p in paths:
        try:
            with open(p, "rb") as f:
                tomllib.load(f)
            ok += 1
        except Exception:
            bad += 1
    return ok, bad


def main():
    root = sys.argv[1]
    procs = int(sys.argv[2]) if len(sys.argv) > 2 else os.cpu_count() or 1
    d = os.path.join(root, "sessions")
    t0 = time.perf_counter()
    paths = [os.path.join(d, n) for n in os.listdir(d) if n.endswith(".toml")]
    chunks = [paths[i::procs * 8] for i in range(procs * 8)]
    if procs == 1:
        results = [parse_chunk(paths)]
    else:
        with Pool(procs) as pool:
            results = pool.map(parse_chunk, chunks)
    ok = sum(r[0] for r in results)
    bad = sum(r[1] for r in results)
    dt = time.perf_counter() - t0
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    print(f"tomllib: {ok} parsed, {bad} failed, {dt:.2f} s on {procs} process(es), peak RSS {peak / 1024:.0f} MB")


if __name__ == "__main__":
    main()
