#!/usr/bin/env bash
# One-time, idempotent setup of the real-VS-Code test harness (Debian 12, run as root).
#   - Debian packages: code-server's native-module build deps, ripgrep, chromium
#   - ripgrep cache tarball so @vscode/ripgrep's postinstall works offline
#   - code-server@4.100.3 + playwright-core into test/vscode/server/ via `npm ci`
# Needs only the npm registry and Debian apt. Safe to re-run (skips finished steps).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SERVER_DIR="$HERE/server"
CODE_SERVER_VERSION="4.100.3"
RG_VERSION_DIR="vscode-ripgrep-cache-1.15.11"
RG_ARCHIVE="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
export DEBIAN_FRONTEND=noninteractive
log() { printf '[vscode-setup] %s\n' "$*"; }
START=$SECONDS

# ---- 1. Debian packages -------------------------------------------------------
# libkrb5-dev: kerberos module; python3/make/g++/pkg-config: node-gyp builds (node-pty, spdlog,
# argon2 falls back to a source build offline); ripgrep: packed into the cache below;
# fonts: legible screenshots (chromium only recommends them).
APT_PKGS=(libkrb5-dev python3 make g++ pkg-config ripgrep chromium fonts-liberation fonts-dejavu-core ca-certificates)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  log "apt-get install: ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
else
  log "Debian packages already installed"
fi

# ---- 2. code-server (skip when the right version is fully installed) -------------
installed_ok() {
  local pj="$SERVER_DIR/node_modules/code-server/package.json"
  [ -f "$pj" ] || return 1
  [ "$(node -p "require('$pj').version")" = "$CODE_SERVER_VERSION" ] || return 1
  # code-server's postinstall runs `npm install` in lib/vscode; without it the server can't start.
  [ -d "$SERVER_DIR/node_modules/code-server/lib/vscode/node_modules/node-pty" ] || return 1
  [ -x "$SERVER_DIR/node_modules/@vscode/ripgrep/bin/rg" ] \
    || [ -x "$SERVER_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] || return 1
  [ -f "$SERVER_DIR/node_modules/playwright-core/package.json" ] || return 1
  # marker written after a successful npm ci with the same lockfile
  [ -f "$SERVER_DIR/node_modules/.factlint-installed" ] \
    && cmp -s "$SERVER_DIR/node_modules/.factlint-installed" "$SERVER_DIR/package-lock.json"
}

if installed_ok; then
  log "code-server $CODE_SERVER_VERSION already installed in $SERVER_DIR"
else
  # ---- 2a. ripgrep cache: @vscode/ripgrep looks here before downloading from GitHub
  TMP_ROOT="$(node -p 'require("os").tmpdir()')"
  RG_CACHE="$TMP_ROOT/$RG_VERSION_DIR"
  if [ ! -s "$RG_CACHE/$RG_ARCHIVE" ]; then
    log "packing /usr/bin/rg into $RG_CACHE/$RG_ARCHIVE"
    mkdir -p "$RG_CACHE"
    stage="$(mktemp -d)"
    cp /usr/bin/rg "$stage/rg"
    tar -C "$stage" -czf "$RG_CACHE/$RG_ARCHIVE.tmp" rg
    mv "$RG_CACHE/$RG_ARCHIVE.tmp" "$RG_CACHE/$RG_ARCHIVE"
    rm -rf "$stage"
  fi

  log "npm ci in $SERVER_DIR (code-server postinstall builds native modules; ~45 s with a fast registry)"
  rm -f "$SERVER_DIR/node_modules/.factlint-installed"
  # npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which would wait for a "yes".
  # --unsafe-perm: code-server's postinstall refuses to run as root otherwise.
  # allowScripts in server/package.json approves code-server's postinstall (npm 11 policy);
  # the nested `npm install` that postinstall runs in lib/vscode has no such field, so allow
  # all scripts for this one install (the dependency set is pinned by the lockfile).
  (
    cd "$SERVER_DIR"
    export npm_config_yes=true CI=true npm_config_unsafe_perm=true
    export npm_config_dangerously_allow_all_scripts=true
    # node-gyp must not download Node headers (offline): use the ones the nodejs package ships.
    if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ] \
       && [ "$(npm config get nodedir 2>/dev/null)" = "undefined" -o -z "$(npm config get nodedir 2>/dev/null)" ]; then
      export npm_config_nodedir=/usr
    fi
    export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
    npm ci --unsafe-perm --no-audit --no-fund </dev/null
  )
  # verify the postinstall really ran
  if [ ! -d "$SERVER_DIR/node_modules/code-server/lib/vscode/node_modules/node-pty" ]; then
    log "ERROR: code-server postinstall did not populate lib/vscode/node_modules"; exit 1
  fi
  cp "$SERVER_DIR/package-lock.json" "$SERVER_DIR/node_modules/.factlint-installed"
  installed_ok || { log "ERROR: install incomplete (see checks in installed_ok)"; exit 1; }
fi

log "code-server $(node -p "require('$SERVER_DIR/node_modules/code-server/package.json').version"), playwright-core $(node -p "require('$SERVER_DIR/node_modules/playwright-core/package.json').version"), $(chromium --version 2>/dev/null | head -1)"
log "done in $((SECONDS - START)) s"
