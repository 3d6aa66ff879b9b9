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
    local wanted=("${PACKAGES[@]}")
    command -v javac >/dev/null || wanted+=(openjdk-17-jdk-headless)
    command -v mvn >/dev/null || wanted+=(maven)
    local missing=() p
    for p in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} = 0 ]; then
        echo "setup.sh: Debian packages already installed" >&2
        return
    fi
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        if ! command -v sudo >/dev/null; then
            # no root and no sudo: name the packages and the command, instead of "sudo: command not found"
            echo "setup.sh: missing Debian packages: ${missing[*]}" >&2
            echo "setup.sh: installing them needs root and sudo is not installed; as root, run:" >&2
            echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
            echo "setup.sh: then run ./setup.sh again as this user" >&2
            exit 3
        fi
        sudo="sudo"
    fi
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Megabytes under ~/.m2/repository (0 before the first build).
m2_megabytes() {
    if [ -d "$HOME/.m2/repository" ]; then du -sm "$HOME/.m2/repository" | cut -f1; else echo 0; fi
}

build_and_install() {
    # .mvn/maven.config passes --no-transfer-progress: Maven's ~1000 Downloading/Downloaded lines
    # become one line with the size
    local before
    before=$(m2_megabytes)
    [ -d "$HOME/.m2/repository/org/nd4j" ] || echo "setup.sh: first build: Maven downloads ~400 MB of dependencies into ~/.m2 (a few minutes)" >&2
    (cd "$here" && mvn -B -DskipTests package)
    echo "setup.sh: Maven downloaded $(( $(m2_megabytes) - before )) MB into ~/.m2" >&2
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
