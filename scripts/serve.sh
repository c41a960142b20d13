#!/usr/bin/env bash
# README command 1: install what is missing, build everything, serve the site on
# http://127.0.0.1:8000 (Ctrl+C stops it). MML_PORT picks another port.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/setup.sh"
"$here/build.sh" native-debug
source "$here/env.sh"
exec node "$MML_ROOT/web/site/serve.mjs" "$MML_ROOT/build/site" --port "${MML_PORT:-8000}" --host 127.0.0.1
