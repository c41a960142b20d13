#!/usr/bin/env bash
# Builds what the site needs, then the site: the native build (its mml-manifest lists every
# figure), the WebAssembly module, and the static pages in build/site. With MML_DEBUG_RUNTIME=1
# (scripts/test.sh sets it) also the debug WebAssembly runtime (target mml-debug of the
# wasm-release build: the same code linked with assertions, stack and memory checks) and the same
# site with it in build/site-debug, which the browser tests run too.
#   scripts/build.sh [native-preset]     (default native-debug; the tests use native-asan)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh"
native="${1:-native-debug}"
cd "$MML_ROOT"
configure() {  # configure once; later runs only build
  local launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  [ -f "build/$1/build.ninja" ] || cmake --preset "$1" -DMML_IMGUI_DIR="$MML_IMGUI_DIR" "${launcher[@]}" >/dev/null
}
debug="${MML_DEBUG_RUNTIME:-0}"
quiet() { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
configure "$native"
configure wasm-release
# The two builds run side by side: each one's single-threaded steps (links, link-time
# optimization, wasm-opt) leave a core to the other.
# The site ships the split runtime (target mml-split): mml.js + mml.wasm, what every figure
# shares, and a side module per chapter, mml-<chapter>.wasm.
wasm_targets=(mml-split)
[ "$debug" = 1 ] && wasm_targets+=(mml-debug)
echo "build: wasm-release (split runtime: mml.js, mml.wasm and a side module per chapter$([ "$debug" = 1 ] && echo "; mml-debug: every figure in one module with assertions and memory checks, for the tests"))"
(cmake --build --preset wasm-release --target "${wasm_targets[@]}" 2>&1 | quiet | sed 's/^/wasm-release: /') &
wasm_build=$!
echo "build: $native (native code, tests, figure manifest)"
if ! cmake --build --preset "$native" 2>&1 | quiet; then
  kill "$wasm_build" 2>/dev/null || true
  echo "build: $native failed" >&2
  exit 1
fi
wait "$wasm_build" || { echo "build: wasm-release failed" >&2; exit 1; }
need=(build/wasm-release/web/split/mml.wasm build/wasm-release/web/split/modules.json "build/$native/web/mml-manifest")
[ "$debug" = 1 ] && need+=(build/wasm-release/web/debug/mml.wasm)
for f in "${need[@]}"; do
  [ -f "$f" ] || { echo "build: failed ($f is missing)" >&2; exit 1; }
done
"build/$native/web/mml-manifest" > build/manifest.json
node web/site/generate.mjs --manifest build/manifest.json --runtime build/wasm-release/web/split --out build/site \
  --posters "build/$native/web/mml-poster"
if [ "$debug" = 1 ]; then
  # The same pages with the debug runtime: every figure in one module (the one-module runtime
  # the element also loads), with Emscripten's assertions and memory checks.
  rm -rf build/site-debug
  cp -R build/site build/site-debug
  node web/site/generate.mjs --runtime-only --manifest build/manifest.json --runtime build/wasm-release/web/debug \
    --out build/site-debug >/dev/null
  echo "site: build/site-debug (the same pages with the debug runtime)"
fi
