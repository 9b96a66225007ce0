#!/usr/bin/env bash
# Every figure of docs/PERFORMANCE.md in one run, with the machine's
# conditions. Takes 10–15 minutes on 2 cores (most of it generating 100,000
# sessions the first time and the benchmarks' samples).
#
#   bash benches/run_all.sh [BEFORE_BINARY] 2>&1 | tee /tmp/perf-run.log
#
# BEFORE_BINARY (optional): an older release binary to time `report` against
# in the same run (before/after).
set -uo pipefail
cd "$(dirname "$0")/.."
before="${1:-}"
if [ -z "$before" ] && [ -x target/perf-before/behovsanalys ]; then before=target/perf-before/behovsanalys; fi
cond() {
  echo "== $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg); rustc/cc running: $(pgrep -c -x 'rustc|cc|ld|cc1' || true)"
}
echo "machine: $(nproc) cores, $(uname -sr), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
cargo build --release --quiet
cargo bench --no-run --quiet 2>/dev/null
cond
echo "## engine (load, scoring, answers, save)"
cargo bench --quiet --bench engine 2>/dev/null
cond
echo "## wizard: update + view per key"
cargo bench --quiet --bench tui 2>/dev/null
cond
echo "## wizard: keypress -> frame latency (2,000 questions, real writer)"
for i in 1 2 3; do cargo bench --quiet --bench keys 2>/dev/null | tail -1; done
cond
echo "## report (library, all cores)"
cargo bench --quiet --bench report 2>/dev/null
cond
echo "## report (command line): wall time and peak memory"
for n in 1000 10000 100000; do
  d="${TMPDIR:-/tmp}/behovsanalys-bench-sessions-$n"
  for b in target/release/behovsanalys $before; do
    for i in 1 2 3; do
      /usr/bin/time -f "$n sessions  $b  %e s  %M KB" "$b" report --data-dir "$d" --date 2026-12-31 >/dev/null
    done
  done
done
cond
echo "## peer: Python tomllib parsing the same files (2 processes)"
for n in 1000 10000 100000; do
  /usr/bin/time -f "  %e s  %M KB" python3 benches/report_tomllib.py "${TMPDIR:-/tmp}/behovsanalys-bench-sessions-$n"
done
cond
echo "## questionnaire load (command line, check)"
for n in 2000 20000; do
  f="${TMPDIR:-/tmp}/behovsanalys-q$n.toml"
  [ -f "$f" ] || cargo run --quiet --release --example gen_questionnaire -- "$n" "$f"
  for i in 1 2 3; do /usr/bin/time -f "$n questions  %e s  %M KB" target/release/behovsanalys check "$f" >/dev/null; done
done
cond
echo "## start-up in a pty, 120x40 (benches/startup.sh)"
bash benches/startup.sh 20
cond
