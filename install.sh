#!/usr/bin/env bash
# Installs the built Vamp plugin (target/vamp, made by `mvn -B verify`) where hosts look for it.
# Usage: ./install.sh [VAMP_DIR]   (default: ~/vamp, on every host's default Vamp path)
set -euo pipefail

# Copies target/vamp into $1, names the JDK the build used in genre-vamp.conf, and records the
# class-data-sharing archive for the installed paths (the archive is only valid where it was made).
install_plugin() {
    local dest=$1
    local here src java_home
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
    src="$here/target/vamp"
    if [ ! -f "$src/genre-vamp.so" ]; then
        echo "install.sh: $src/genre-vamp.so missing: build first with 'mvn -B verify'" >&2
        return 1
    fi
    java_home=$(sed -n 's/^jvm=//p' "$src/genre-vamp.conf")
    if [ ! -f "$java_home/lib/server/libjvm.so" ]; then
        echo "install.sh: the JDK the build used ($java_home) is gone: rebuild" >&2
        return 1
    fi
    mkdir -p "$dest"
    local model_line=""   # a user's own model (model=...) survives reinstalling
    [ -f "$dest/genre-vamp.conf" ] && model_line=$(grep '^model=' "$dest/genre-vamp.conf" || true)
    rm -rf "$dest/genre-vamp"
    cp -R "$src/genre-vamp" "$dest/"
    cp "$src/genre-vamp.so" "$src/genre-vamp.cat" "$src/genre-vamp.n3" "$dest/"
    printf '# JDK that genre-vamp.so starts (written by install.sh)\njvm=%s\n' "$java_home" > "$dest/genre-vamp.conf"
    [ -z "$model_line" ] || printf '%s\n' "$model_line" >> "$dest/genre-vamp.conf"
    bash "$dest/genre-vamp/make-cds-archive.sh" "$dest" "$java_home"
    # ND4J's native libraries go to the javacpp cache on first use: extract them now, not in a host
    local cp
    cp=$(ls "$dest"/genre-vamp/*.jar "$dest"/genre-vamp/lib/*.jar | tr '\n' ':')
    "$java_home/bin/java" -cp "$cp" org.genrevamp.model.runtime.NativeWarmup || echo "install.sh: ND4J warm-up failed; the first analysis will extract its libraries" >&2
    echo "installed genre-vamp into $dest (Java: $java_home)"
}

install_plugin "${1:-$HOME/vamp}"
