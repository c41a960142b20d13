#!/usr/bin/env bash
# Installs what the build needs and nothing else; a second run downloads nothing.
#   - Debian packages (only the missing ones; apt-get update only when something is missing)
#   - Dear ImGui 1.86 sources from Debian's `imgui` source package, checksum-verified against
#     its .dsc, unpacked into the cache outside the repository ($MML_CACHE)
#   - npm packages pinned by package-lock.json (skipped when node_modules matches the lockfile)
# Prints one line per step. Source it through scripts/env.sh for the paths it exports.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh"

PACKAGES=(build-essential cmake ninja-build pkg-config git ca-certificates xz-utils ccache
  libeigen3-dev catch2 zlib1g-dev emscripten clang libclang-rt-14-dev libglfw3-dev libgles-dev
  libgl1-mesa-dri xvfb xauth
  chromium fonts-dejavu-core python3 fonttools nodejs)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "setup: need root to run: $*  (run as root, or install sudo)" >&2; exit 1; fi
}

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Debian's nodejs package ships npm separately; a NodeSource nodejs includes it.
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then
  echo "setup: missing Debian packages; ask an administrator to run:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: Debian packages present"
fi

# --- Dear ImGui 1.86 sources -------------------------------------------------------------------
imgui_stamp="$MML_IMGUI_DIR/.verified"
if [ -f "$imgui_stamp" ] && [ -f "$MML_IMGUI_DIR/imgui.cpp" ]; then
  echo "setup: imgui sources cached in $MML_IMGUI_DIR"
else
  src="$MML_CACHE/imgui-src"
  mkdir -p "$src/lists/partial"
  if ! ls "$src"/imgui_1.86*.dsc >/dev/null 2>&1; then
    echo "setup: fetching Debian source package imgui into $src"
    # The machine's own Debian mirrors, with deb-src added, in a private list: either the deb822
    # form (debian.sources, Docker and newer installs) or the one-line form (sources.list).
    rm -f "$src/src.sources" "$src/src.list"
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
      list="$src/src.sources"
      sed 's/^Types: deb$/Types: deb deb-src/' /etc/apt/sources.list.d/debian.sources > "$list"
    else
      list="$src/src.list"
      grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | sed 's/^deb /deb-src /' > "$list" || true
      [ -s "$list" ] || echo "deb-src http://deb.debian.org/debian bookworm main" > "$list"
    fi
    apt_opts=(-o "Dir::Etc::SourceList=$list" -o Dir::Etc::SourceParts=/dev/null
      -o "Dir::State::Lists=$src/lists" -o Debug::NoLocking=1)
    [ "$(id -u)" = 0 ] && apt_opts+=(-o APT::Sandbox::User=root)
    apt-get "${apt_opts[@]}" update -qq
    (cd "$src" && apt-get "${apt_opts[@]}" source --download-only imgui=1.86+ds-1 >/dev/null)
  fi
  dsc=$(ls "$src"/imgui_1.86*.dsc | head -n1)
  orig=$(ls "$src"/imgui_1.86*.orig.tar.* | head -n1)
  # The .dsc lists "sha256 size name" under Checksums-Sha256; the tarball must match it.
  want=$(awk '/^Checksums-Sha256:/{f=1;next} /^[^ ]/{f=0} f && $3 ~ /orig\.tar/ {print $1}' "$dsc")
  have=$(sha256sum "$orig" | cut -d' ' -f1)
  if [ -z "$want" ] || [ "$want" != "$have" ]; then
    echo "setup: checksum mismatch for $orig (dsc: ${want:-none}, file: $have)" >&2
    rm -f "$orig"; exit 1
  fi
  rm -rf "$MML_IMGUI_DIR.tmp" && mkdir -p "$MML_IMGUI_DIR.tmp"
  tar -xf "$orig" -C "$MML_IMGUI_DIR.tmp" --strip-components=1
  rm -rf "$MML_IMGUI_DIR" && mv "$MML_IMGUI_DIR.tmp" "$MML_IMGUI_DIR"
  echo "$have  $(basename "$orig")" > "$imgui_stamp"
  echo "setup: imgui 1.86 sources verified (sha256 $have) in $MML_IMGUI_DIR"
fi

# --- Emscripten's cache when not root ------------------------------------------------------------
# Debian ships emcc's prebuilt system libraries in /usr/share/emscripten/cache, which only root can
# write (emcc locks it); other users get a private cache (EM_CACHE, see env.sh) of symbolic links
# to those files (a few kilobytes, not 750 MB), where emcc may add what it builds itself.
if [ -n "${EM_CACHE:-}" ] && [ ! -f "$EM_CACHE/.mml-linked" ]; then
  echo "setup: linking Emscripten's prebuilt libraries into $EM_CACHE"
  mkdir -p "$EM_CACHE"
  cp -as /usr/share/emscripten/cache/sysroot "$EM_CACHE/"
  cp /usr/share/emscripten/cache/sysroot_install.stamp "$EM_CACHE/" 2>/dev/null || true
  touch "$EM_CACHE/.mml-linked"
fi

# --- npm packages --------------------------------------------------------------------------------
lock_hash=$(sha256sum "$MML_ROOT/package-lock.json" | cut -d' ' -f1)
if [ -f "$MML_ROOT/node_modules/.mml-lock" ] && [ "$(cat "$MML_ROOT/node_modules/.mml-lock")" = "$lock_hash" ]; then
  echo "setup: npm packages match package-lock.json"
else
  echo "setup: npm ci (cache: $npm_config_cache)"
  (cd "$MML_ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$lock_hash" > "$MML_ROOT/node_modules/.mml-lock"
fi
