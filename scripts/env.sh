# Shared environment for the scripts: where things live. Sourced, not run.
MML_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Downloads and tool caches live outside the repository so a clean clone reuses them.
MML_CACHE="${MML_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mml-companion}"
MML_IMGUI_DIR="$MML_CACHE/imgui-1.86"
mkdir -p "$MML_CACHE"
# Debian's emcc finds its JS dependencies (acorn, terser) only through NODE_PATH.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
# Emscripten's own cache (system libraries it builds on first use) must be writable when not root.
if [ "$(id -u)" != 0 ]; then export EM_CACHE="${EM_CACHE:-$MML_CACHE/emscripten}"; fi
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export npm_config_cache="${npm_config_cache:-$MML_CACHE/npm}"
# Compiler cache (Debian: ccache) beside the other downloads, so a fresh clone on a machine that
# built before recompiles nothing that did not change.
export CCACHE_DIR="${CCACHE_DIR:-$MML_CACHE/ccache}" CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
export MML_ROOT MML_CACHE MML_IMGUI_DIR
