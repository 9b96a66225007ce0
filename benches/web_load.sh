#!/usr/bin/env bash
# The web server under load (benches/web.rs), with the machine's conditions,
# appended to docs/perf-web.log. Loopback only; bounded in count and time
# (WEB_BENCH_ROUNDS walks per company, at most WEB_BENCH_SECONDS).
set -euo pipefail
cd "$(dirname "$0")/.."
log=docs/perf-web.log
{
    echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uname -sr), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    cargo bench --bench web 2>/dev/null
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$log"
