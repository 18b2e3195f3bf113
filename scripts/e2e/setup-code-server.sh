#!/usr/bin/env bash
# Installs what the e2e tests need, outside the project's own dependencies, and reuses it when present:
#   - code-server 4.100.3 (= VS Code 1.100.3; the last one whose engines allow Node 20) into a cache folder
#   - Debian's chromium (driven by playwright-core), ripgrep and libkrb5-dev (build deps), via apt-get, only if missing
# Nothing is downloaded from anywhere but the npm registry and Debian.
# Usage: scripts/e2e/setup-code-server.sh            (prints the code-server binary path on its last line)
# Env:   ATTRIBUTION_LENS_E2E_CACHE  cache folder (default $HOME/.cache/attribution-lens-e2e)
set -euo pipefail

CS_VERSION=4.100.3        # pinned: the test payload and codeAutomationExit are VS Code internals
RG_PKG_VERSION=1.15.11    # @vscode/ripgrep pinned by code-server 4.100.3's lib/vscode shrinkwrap
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
CACHE=${ATTRIBUTION_LENS_E2E_CACHE:-$HOME/.cache/attribution-lens-e2e}
DEST=$CACHE/code-server-$CS_VERSION
BIN=$DEST/node_modules/.bin/code-server
STAMP=$DEST/.installed-ok

log() { echo "[e2e setup] $*" >&2; }

# --- system packages (apt only when something is missing) -------------------------------------
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
[ -f "$STAMP" ] || {   # build-time needs only matter when code-server still has to be installed
  command -v rg  >/dev/null 2>&1 || need+=(ripgrep)
  command -v g++ >/dev/null 2>&1 || need+=(g++)
  command -v make >/dev/null 2>&1 || need+=(make)
  command -v python3 >/dev/null 2>&1 || need+=(python3)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
}
if [ ${#need[@]} -gt 0 ]; then
  log "apt-get install ${need[*]}"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# --- code-server (cached) ---------------------------------------------------------------------
if [ -f "$STAMP" ] && [ -x "$BIN" ]; then
  log "code-server $CS_VERSION cached in $DEST"
  echo "$BIN"; exit 0
fi

log "installing code-server $CS_VERSION into $DEST (cold: about a minute)"
t0=$(date +%s)
mkdir -p "$DEST" "$CACHE/tmp"
# keep npm's and the postinstalls' temporary files (ripgrep cache, node-gyp) inside the cache folder
export TMPDIR=$CACHE/tmp
# node-gyp: use /usr/include/node from the nodejs deb instead of downloading headers from nodejs.org
export npm_config_nodedir=${npm_config_nodedir:-/usr}
# @vscode/ripgrep's postinstall downloads rg from GitHub; pre-seed its download cache with Debian's rg
RG_CACHE="$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION"
mkdir -p "$RG_CACHE"
if [ ! -s "$RG_CACHE/$RG_ASSET" ]; then
  tmp=$(mktemp -d); cp "$(command -v rg)" "$tmp/rg"; tar -czf "$RG_CACHE/$RG_ASSET" -C "$tmp" rg; rm -rf "$tmp"
fi
cd "$DEST"
[ -f package.json ] || echo '{"name":"attribution-lens-e2e-host","private":true}' > package.json
# unsafe_perm: code-server's postinstall refuses to run as root without it.
# yes: node-pty's postinstall runs `npx node-gyp ...`, which fetches node-gyp from the npm registry.
npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund --loglevel=error \
  "code-server@$CS_VERSION" >&2
# --version writes a default config file: keep it inside the cache, not in $HOME
v=$(XDG_CONFIG_HOME=$TMPDIR/cfg XDG_DATA_HOME=$TMPDIR/data "$BIN" --version 2>/dev/null | grep -E "^[0-9]" | head -1)
rm -rf "$TMPDIR/cfg" "$TMPDIR/data"
case "$v" in "$CS_VERSION "*) ;; *) log "unexpected code-server version: '$v'"; exit 1;; esac
touch "$STAMP"
log "code-server $v installed in $(( $(date +%s) - t0 )) s"
echo "$BIN"
