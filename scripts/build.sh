#!/usr/bin/env bash
# Builds what the site needs, then the site: the native build (its mml-manifest lists every
# figure), the WebAssembly module, and the static pages in build/site.
#   scripts/build.sh [native-preset]     (default native-debug; the tests use native-asan)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh"
native="${1:-native-debug}"
cd "$MML_ROOT"
configure() {  # configure once; later runs only build
  [ -f "build/$1/build.ninja" ] || cmake --preset "$1" -DMML_IMGUI_DIR="$MML_IMGUI_DIR" >/dev/null
}
echo "build: $native (native code, tests, figure manifest)"
configure "$native"
cmake --build --preset "$native" | grep -vE '^\[[0-9]+/[0-9]+\] ' || true
echo "build: wasm-release (mml.js + mml.wasm)"
configure wasm-release
cmake --build --preset wasm-release | grep -vE '^\[[0-9]+/[0-9]+\] ' || true
[ -f build/wasm-release/web/mml.wasm ] && [ -x "build/$native/web/mml-manifest" ] || { echo "build: failed" >&2; exit 1; }
"build/$native/web/mml-manifest" > build/manifest.json
node web/site/generate.mjs --manifest build/manifest.json --runtime build/wasm-release/web --out build/site \
  --posters "build/$native/web/mml-poster"
