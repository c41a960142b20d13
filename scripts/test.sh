#!/usr/bin/env bash
# README command 2: install what is missing, build everything (native code with AddressSanitizer
# and UndefinedBehaviorSanitizer, the WebAssembly module, the site) and run every test with ctest:
# unit tests of core/, the headless figure test, the site generator tests and the browser tests.
# Each browser test's name says which runtime it used: "browser: <name> (release runtime)" or
# "(debug runtime)". Ends with ctest's summary; exits non-zero when anything fails.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/setup.sh"
# The browser tests run against the release runtime (build/site) and, for the runtime, fault and
# bad-input tests, against the debug runtime too (build/site-debug).
MML_DEBUG_RUNTIME=1 "$here/build.sh" native-asan
source "$here/env.sh"
cd "$MML_ROOT"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Four at a time on two cores: the browser tests spend much of their time waiting for frames,
# screenshots and timers (three lanes kept only 1.4 cores busy), so a fourth keeps both busy.
ctest --preset native-asan -j4 --timeout 900
