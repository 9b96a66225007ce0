#!/usr/bin/env bash
# Startup benchmark: spawn the release binary in a fresh 120×40 pseudo-terminal
# and time until its first full screen, with the built-in questionnaire and
# 1,000 saved sessions in the data directory; paired with `dialog --menu`
# (apt package `dialog`) in the same run when it is installed.
#
#   bash benches/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-30}"
cargo build --release --quiet
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
mkdir -p "$data/sessions"
for i in $(seq -w 1 1000); do
  cat > "$data/sessions/20261101-120000-$i.toml" <<TOML
questionnaire = "exportbehov"
version = "2026.1"

[company]
name = "Företag $i AB"
municipality = "Växjö"
employees = $((10#$i % 300))

[answers]
exporterar = "ja_ibland"
anstallda = $((10#$i % 300))

[meta]
id = "20261101-120000-$i"
created = "2026-11-01T12:00:00Z"
updated = "2026-11-01T12:30:00Z"
mode = "advisor"
TOML
done
echo "machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
BEHOVSANALYS_DATA_DIR="$data" python3 benches/ptytime.py -n "$runs" --marker "Gemensam" --kill-at-first -- target/release/behovsanalys
if command -v dialog >/dev/null; then
  python3 benches/ptytime.py -n "$runs" --marker "OptionZeta" --kill-at-first -- \
    dialog --menu "Pick one" 20 60 10 a OptionAlpha b OptionBeta c OptionZeta
fi
