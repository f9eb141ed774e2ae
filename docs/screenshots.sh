#!/usr/bin/env bash
# Regenerates the README's screenshots: runs ./mmm demo, then photographs the demo's report.html and simulator.html
# (with a scenario in its address) in headless Chromium. Needs chromium (Debian: apt-get install chromium).
# Usage: docs/screenshots.sh   (from anywhere; writes docs/report.png and docs/simulator.png)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null 2>&1 || { echo "screenshots: chromium is not installed" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
./mmm demo --out "$out/demo" > "$out/demo.log"
shot() { # shot URL FILE WIDTH HEIGHT
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$out/profile" --window-size="$3,$4" \
    --screenshot="$2" "$1" > "$out/chromium.log" 2>&1
  test -s "$2" || { echo "screenshots: chromium wrote no $2 (see $out/chromium.log)" >&2; cat "$out/chromium.log" >&2; exit 1; }
}
shot "file://$out/demo/report.html" docs/report.png 1100 2200
shot "file://$out/demo/simulator.html#tv=60000&search=30000" docs/simulator.png 1280 1200
echo "screenshots: wrote docs/report.png and docs/simulator.png"
