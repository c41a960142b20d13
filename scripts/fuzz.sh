#!/usr/bin/env bash
# Fuzzes every parser of outside input with libFuzzer, ASan and UBSan:
#   scripts/fuzz.sh [runs-per-target] [target ...]   (default 100000 runs, every target)
# Targets (tests/fuzz/fuzz_<t>.cpp):
#   expression  typed function expressions (core/expression)
#   params      attribute and URL state syntax of every parameter type (core/params)
#   figures     every figure end to end through the figure host, the path the WebAssembly C API
#               takes: attributes/URL state (configure), the state it writes back, the data the
#               figures accept (formulas, seeds, points), then scripted input and frames. One
#               input costs whole frames of a figure (milliseconds, not microseconds), so this
#               target runs runs-per-target / 100 inputs.
# Each target is built into build/fuzz/ and run from its seed corpus tests/fuzz/corpus/<t>/, with
# the dictionary tests/fuzz/<t>.dict when there is one (new inputs go to build/fuzz/corpus/<t>/,
# so the committed seeds stay small). The figures target links the runtime built by CMake with
# clang's fuzzer instrumentation in build/fuzz/cmake (incremental). Prints executions per second
# and the result per target; exits non-zero on any crash, leak, timeout or failed check, leaving
# the input in build/fuzz/<t>-crash-*. Turn such an input into a regression test.
# Needs clang 14 with its fuzzer runtime (Debian: apt-get install -y clang libclang-rt-14-dev).
set -uo pipefail

main() {
  local here root runs out cxx
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  root="$(dirname "$here")"
  runs="${1:-100000}"
  shift || true
  out="$root/build/fuzz"
  cxx="$(command -v clang++-14 || command -v clang++ || true)"
  if [[ -z "$cxx" ]]; then
    echo "fuzz.sh: clang++ not found; apt-get install -y clang libclang-rt-14-dev" >&2
    return 2
  fi
  mkdir -p "$out"
  # shellcheck source=env.sh
  source "$here/env.sh"

  local sanitize="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
  # target name, divisor of the run count, per-input time limit in seconds, and the core sources
  # it links ("cmake": the whole figure runtime from build/fuzz/cmake)
  local all=(
    "expression 1 5 core/expression.cpp"
    "params 1 5 core/params.cpp core/format.cpp"
    "figures 100 20 cmake"
  )
  local selected=("$@")
  local failed=0 summary=() entry name divisor timeout sources target_runs
  for entry in "${all[@]}"; do
    read -r name divisor timeout sources <<<"$entry"
    if [[ ${#selected[@]} -gt 0 && " ${selected[*]} " != *" $name "* ]]; then continue; fi
    local binary="$out/fuzz_$name"
    echo "== fuzz_$name: building"
    local inputs=()
    if [[ "$sources" == cmake ]]; then
      if ! build_runtime "$root" "$out/cmake" "$cxx"; then
        summary+=("fuzz_$name: BUILD FAILED (runtime, see $out/cmake-build.log)")
        failed=1
        continue
      fi
      local lib="$out/cmake/web"
      inputs=("$lib/libmml_host.a" "$lib/libmml_figures.a" "$lib/libmml_toolkit.a" "$lib/libmml_plot_math.a"
              "$out/cmake/core/libmml_core.a" "$lib/libmml_imgui.a" "$lib/libmml_assets.a"
              -isystem "$MML_IMGUI_DIR" -DIMGUI_DISABLE_OBSOLETE_FUNCTIONS)
    else
      for s in $sources; do inputs+=("$root/$s"); done
    fi
    # shellcheck disable=SC2086
    if ! "$cxx" -std=c++20 -gline-tables-only -O1 $sanitize -I"$root" -isystem /usr/include/eigen3 \
        "$root/tests/fuzz/fuzz_$name.cpp" "${inputs[@]}" -o "$binary"; then
      summary+=("fuzz_$name: BUILD FAILED")
      failed=1
      continue
    fi
    mkdir -p "$out/corpus/$name"
    local log="$out/fuzz_$name.log"
    target_runs=$(( runs / divisor > 0 ? runs / divisor : 1 ))
    echo "== fuzz_$name: $target_runs runs"
    local dict=()
    [[ -f "$root/tests/fuzz/$name.dict" ]] && dict=(-dict="$root/tests/fuzz/$name.dict")
    local start status seconds execs speed
    start=$(date +%s%N)
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
      "$binary" -runs="$target_runs" -max_len=600 -timeout="$timeout" -print_final_stats=1 "${dict[@]}" \
      -artifact_prefix="$out/$name-" "$out/corpus/$name" "$root/tests/fuzz/corpus/$name" \
      >"$log" 2>&1
    status=$?
    seconds=$(( ($(date +%s%N) - start) / 1000000 ))
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    # libFuzzer's own average rounds to whole seconds; this one counts the whole run.
    speed="?"
    [[ -n "$execs" && $seconds -gt 0 ]] && speed=$(( execs * 1000 / seconds ))
    if [[ $status -eq 0 ]]; then
      summary+=("fuzz_$name: ok, ${execs:-?} executions in ${seconds} ms, ${speed} exec/s")
    else
      failed=1
      local artifact
      artifact="$(grep -o "Test unit written to [^ ]*" "$log" | tail -1 | sed 's/Test unit written to //')"
      summary+=("fuzz_$name: FAILED (exit $status) after ${execs:-?} executions; input: ${artifact:-none}; log: $log")
      grep -m 5 -E "^(fuzz_|==[0-9]+==ERROR|SUMMARY|.*runtime error)" "$log" | sed 's/^/    /'
    fi
  done

  echo
  printf '%s\n' "${summary[@]}"
  return $failed
}

# The figure runtime (core, toolkit, ImGui, every figure, the figure host) instrumented for the
# fuzzer: the project's own CMake build with clang, so it rebuilds only what changed.
build_runtime() {
  local root="$1" dir="$2" cxx="$3"
  local flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
  {
    if [[ ! -f "$dir/CMakeCache.txt" ]]; then
      cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_CXX_FLAGS="$flags" \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DMML_IMGUI_DIR="$MML_IMGUI_DIR" || return 1
    fi
    cmake --build "$dir" -j2 --target mml_host mml_figures mml_toolkit mml_plot_math mml_core mml_imgui mml_assets
  } >"$(dirname "$dir")/cmake-build.log" 2>&1
}

main "$@"
exit $?
