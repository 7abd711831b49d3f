#!/usr/bin/env bash
# Runs both real-VS-Code suites against a packaged extension:
#   1. extension-host mocha suite (test/vscode/suite/**/*.test.ts) in code-server  (run-host.mjs)
#   2. Playwright UI test in code-server + Chromium                                  (ui.mjs)
# Usage: bash test/vscode/run-all.sh path/to/factlint.vsix [workspace-dir]
# Needs: bash test/vscode/setup.sh (once). Ends with one "N passed, N failed" line for both.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VSIX="${1:?usage: run-all.sh EXT.vsix [WORKSPACE]}"
WS="${2:-$HERE/fixtures/workspace}"
LOGS="$(mktemp -d)"
trap 'rm -rf "$LOGS"' EXIT

node "$HERE/build-suite.mjs" || exit 1

node "$HERE/run-host.mjs" --vsix "$VSIX" --tests "$ROOT/out/test/suite/index.js" --workspace "$WS" | tee "$LOGS/host.log"
host_rc=${PIPESTATUS[0]}
node "$HERE/ui.mjs" --vsix "$VSIX" --workspace "$WS" | tee "$LOGS/ui.log"
ui_rc=${PIPESTATUS[0]}

# add up each runner's closing "N passed, N failed" line (a runner that died counts as 1 failed)
total_p=0; total_f=0
for f in "$LOGS/host.log" "$LOGS/ui.log"; do
  line="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$f" | tail -1)"
  if [ -n "$line" ]; then
    p="${line%% passed*}"; rest="${line#*passed, }"; fl="${rest%% failed*}"
    total_p=$((total_p + p)); total_f=$((total_f + fl))
  else
    total_f=$((total_f + 1))
  fi
done
if [ "$host_rc" -ne 0 ] || [ "$ui_rc" -ne 0 ]; then [ "$total_f" -eq 0 ] && total_f=1; fi
echo "vscode: ${total_p} passed, ${total_f} failed"
[ "$host_rc" -eq 0 ] && [ "$ui_rc" -eq 0 ]
