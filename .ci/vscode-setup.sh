#!/usr/bin/env bash
# CI hook: one-time setup of the real-VS-Code harness (Debian packages, ripgrep cache,
# code-server 4.100.3 + playwright-core in test/vscode/server/). Idempotent; see test/vscode/README.md.
set -euo pipefail
exec bash "$(cd "$(dirname "$0")/.." && pwd)/test/vscode/setup.sh" "$@"
