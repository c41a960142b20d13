#!/usr/bin/env bash
# README command 2: install what is missing, build everything (native code with AddressSanitizer
# and UndefinedBehaviorSanitizer, the WebAssembly module, the site) and run every test with ctest:
# unit tests of core/, the headless figure test, the site generator tests and the browser tests.
# Ends with ctest's summary; exits non-zero when anything fails.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/setup.sh"
"$here/build.sh" native-asan
source "$here/env.sh"
cd "$MML_ROOT"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --preset native-asan -j2 --timeout 900
