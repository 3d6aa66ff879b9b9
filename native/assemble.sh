#!/usr/bin/env bash
# Assembles the ready-to-use Vamp plugin directory from the Maven staging area:
#   <vamp>/genre-vamp.so  .cat  .n3  genre-vamp.conf (names the JDK of this build)
#   <vamp>/genre-vamp/    plugin jar, JNA jar, libjnidispatch.so, class-data-sharing archive
#   <vamp>/genre-vamp/lib runtime jars the plugin needs after start-up
# Usage: assemble.sh STAGING_DIR VAMP_DIR JAVA_HOME
set -euo pipefail
staging=$1 vamp=$2 java_home=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$vamp"
mkdir -p "$vamp/genre-vamp/lib"
cp "$here/target/genre-vamp.so" "$here/src/main/vamp/genre-vamp.cat" "$here/src/main/vamp/genre-vamp.n3" "$vamp/"
cp "$staging"/start/*.jar "$staging/start/libjnidispatch.so" "$vamp/genre-vamp/"
cp "$staging"/lib/*.jar "$vamp/genre-vamp/lib/"
cp "$here/src/main/vamp/make-cds-archive.sh" "$vamp/genre-vamp/"
printf '# JDK that genre-vamp.so starts (written by the build / install.sh)\njvm=%s\n' "$java_home" > "$vamp/genre-vamp.conf"
bash "$vamp/genre-vamp/make-cds-archive.sh" "$vamp" "$java_home"
