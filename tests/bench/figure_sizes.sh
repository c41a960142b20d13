#!/usr/bin/env bash
# What each figure adds to the one-module runtime: mml.wasm + mml.js linked with every figure, with
# none, and with all but one (CMake option MML_FIGURES), gzip -9 sizes, as a Markdown table.
# Its own build folder (build/wasm-sizes, the wasm-release preset's settings): the objects come
# from ccache, each configuration costs one link (LTO, then wasm-opt). About 1–2 minutes per
# figure on the shared 2-core machine.
#   tests/bench/figure_sizes.sh [figure-stem …]     (default: every web/figures/*.cpp)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../../scripts/env.sh
source "$here/../../scripts/env.sh"
cd "$MML_ROOT"
build=build/wasm-sizes
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
all=()
for f in web/figures/*.cpp; do
  stem="$(basename "$f" .cpp)"
  [ "$stem" = registry ] || all+=("$stem")
done
measure=("$@")
[ ${#measure[@]} -gt 0 ] || measure=("${all[@]}")

gz() { gzip -9 -c "$1" | wc -c; }
# link <label> <MML_FIGURES>: prints "label wasm_raw wasm_gz js_gz"
link() {
  cmake --preset wasm-release -B "$build" -DMML_IMGUI_DIR="$MML_IMGUI_DIR" "${launcher[@]}" \
    "-DMML_FIGURES=$2" >/dev/null
  cmake --build "$build" -j2 --target mml >/dev/null
  echo "$1 $(wc -c < "$build/web/mml.wasm") $(gz "$build/web/mml.wasm") $(gz "$build/web/mml.js")"
}
join() { local IFS=';'; echo "$*"; }
mkdir -p "$build"
results="$build/figure_sizes.txt"  # kept: the raw numbers of the last run
: > "$results"
link all "" | tee -a "$results" >&2
link none none | tee -a "$results" >&2
for stem in "${measure[@]}"; do
  rest=()
  for s in "${all[@]}"; do [ "$s" = "$stem" ] || rest+=("$s"); done
  link "$stem" "$(join "${rest[@]}")" | tee -a "$results" >&2
done
# Leave the folder configured with every figure again.
cmake --preset wasm-release -B "$build" -DMML_FIGURES= >/dev/null
cmake --build "$build" -j2 --target mml >/dev/null

awk '
  function kb(n) { return sprintf("%.1f", n / 1024) }
  $1 == "all" { raw = $2; wgz = $3; jgz = $4; next }
  $1 == "none" { nraw = $2; nwgz = $3; njgz = $4; next }
  { rows[++n] = $0 }
  END {
    printf "| module | mml.wasm raw | mml.wasm gzip -9 | mml.js gzip -9 |\n|---|---|---|---|\n"
    printf "| every figure (%d) | %s KB | %s KB | %s KB |\n", n, kb(raw), kb(wgz), kb(jgz)
    printf "| no figure (host, ImGui, the toolkit parts the host uses) | %s KB | %s KB | %s KB |\n\n", kb(nraw), kb(nwgz), kb(njgz)
    printf "| figure | marginal raw | marginal gzip -9 (wasm + js) |\n|---|---|---|\n"
    for (i = 1; i <= n; i++) {
      split(rows[i], f, " ")
      printf "| %s | %s KB | %s KB |\n", f[1], kb(raw - f[2]), kb((wgz + jgz) - (f[3] + f[4]))
      sum += (wgz + jgz) - (f[3] + f[4])
    }
    printf "| sum of the marginals | | %s KB |\n", kb(sum)
    printf "| all figures together (every figure − no figure) | %s KB | %s KB |\n", kb(raw - nraw), kb((wgz + jgz) - (nwgz + njgz))
  }' "$results"
