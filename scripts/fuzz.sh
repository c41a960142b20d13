#!/usr/bin/env bash
# Fuzzes the parsers of untrusted input (core/expression, core/params) with libFuzzer, ASan and
# UBSan: scripts/fuzz.sh [runs-per-target] (default 100000). Each target tests/fuzz/fuzz_<t>.cpp
# is built into build/fuzz/ and run from its seed corpus tests/fuzz/corpus/<t>/, with the
# dictionary tests/fuzz/<t>.dict when there is one (new inputs go to
# build/fuzz/corpus/<t>/, so the committed seeds stay small). Prints executions per second and
# the result per target; exits non-zero on any crash, leak, timeout or failed check, leaving the
# input in build/fuzz/<t>-crash-*. Turn such an input into a unit test.
# Needs clang 14 with its fuzzer runtime (Debian: apt-get install -y clang libclang-rt-14-dev).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs="${1:-100000}"
out="$root/build/fuzz"
cxx="$(command -v clang++-14 || command -v clang++ || true)"
if [[ -z "$cxx" ]]; then
  echo "fuzz.sh: clang++ not found; apt-get install -y clang libclang-rt-14-dev" >&2
  exit 2
fi
mkdir -p "$out"

# target name and the core sources it links
targets=(
  "expression core/expression.cpp"
  "params core/params.cpp core/format.cpp"
)

failed=0
summary=()
for entry in "${targets[@]}"; do
  read -r name sources <<<"$entry"
  binary="$out/fuzz_$name"
  echo "== fuzz_$name: building"
  sources_abs=()
  for s in $sources; do sources_abs+=("$root/$s"); done
  if ! "$cxx" -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined \
      -fno-sanitize-recover=undefined -I"$root" -isystem /usr/include/eigen3 \
      "$root/tests/fuzz/fuzz_$name.cpp" "${sources_abs[@]}" -o "$binary"; then
    summary+=("fuzz_$name: BUILD FAILED")
    failed=1
    continue
  fi
  mkdir -p "$out/corpus/$name"
  log="$out/fuzz_$name.log"
  echo "== fuzz_$name: $runs runs"
  dict=()
  [[ -f "$root/tests/fuzz/$name.dict" ]] && dict=(-dict="$root/tests/fuzz/$name.dict")
  start=$(date +%s%N)
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    "$binary" -runs="$runs" -max_len=600 -timeout=5 -print_final_stats=1 "${dict[@]}" \
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
    artifact="$(grep -o "Test unit written to [^ ]*" "$log" | tail -1 | sed 's/Test unit written to //')"
    summary+=("fuzz_$name: FAILED (exit $status) after ${execs:-?} executions; input: ${artifact:-none}; log: $log")
    grep -m 5 -E "^(fuzz_|==[0-9]+==ERROR|SUMMARY|.*runtime error)" "$log" | sed 's/^/    /'
  fi
done

echo
printf '%s\n' "${summary[@]}"
exit $failed
