#!/usr/bin/env bash
# genre-vamp in one command on a fresh Debian machine: installs the Debian packages, builds, installs
# the plugin into ~/vamp and annotates AUDIO_FILE through a real Vamp host (vamp-simple-host) with
# the default model: first the track-level genre, then the genre segments.
#
# Usage: ./setup.sh AUDIO_FILE          e.g. ./setup.sh ../shared/data/songs/reggae.mp3
#        ./setup.sh --packages-only     only the Debian packages (what CI runs before `mvn -B verify`)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Hosts and tools the build, the tests and the main job use (one list, shared with CI).
PACKAGES=(vamp-examples vamp-plugin-sdk sonic-visualiser xvfb xauth
          python3-numpy python3-scipy python3-soundfile sox libsox-fmt-mp3
          gcc make libc6-dev binutils)

install_packages() {
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    local extra=()
    command -v javac >/dev/null || extra+=(openjdk-17-jdk-headless)
    command -v mvn >/dev/null || extra+=(maven)
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${PACKAGES[@]}" "${extra[@]}"
}

build_and_install() {
    (cd "$here" && mvn -B -q -DskipTests package)
    "$here/install.sh" "$HOME/vamp"
}

annotate() {
    local audio=$1
    echo "== track genre of $audio" >&2
    vamp-simple-host genre-vamp:genre:track "$audio"
    echo "== genre segments of $audio (start, duration: genre index, label)" >&2
    vamp-simple-host genre-vamp:genre:segments "$audio"
}

case "${1:-}" in
    --packages-only) install_packages ;;
    ""|-h|--help) sed -n '2,9p' "$0" >&2; exit 2 ;;
    *)
        [ -f "$1" ] || { echo "setup.sh: no such audio file: $1" >&2; exit 2; }
        audio=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
        install_packages
        build_and_install
        annotate "$audio"
        ;;
esac
