#!/usr/bin/env bash
# Records genre-vamp/genre-vamp.jsa, the class-data-sharing archive genre-vamp.so hands the JVM.
# It is only valid for this directory and this JDK (the class path is checked), so the build and
# install.sh both run this where the plugin will be loaded from.
# Usage: make-cds-archive.sh VAMP_DIR JAVA_HOME
set -euo pipefail
vamp=$(cd "$1" && pwd -P) java_home=$2
archive="$vamp/genre-vamp/genre-vamp.jsa"
rm -f "$archive"
# the same class path genre-vamp.so builds: genre-vamp/*.jar sorted by byte (lib/ is added at run time)
cp=$(cd "$vamp/genre-vamp" && LC_ALL=C ls -1 ./*.jar | sed "s|^\./|$vamp/genre-vamp/|" | tr '\n' ':' | sed 's/:$//')
# the same options that change what gets loaded at start-up
"$java_home/bin/java" -XX:ArchiveClassesAtExit="$archive" -Xlog:disable -Xlog:all=error:stderr \
    -Xrs -XX:-UsePerfData -XX:+UseSerialGC -Djava.awt.headless=true \
    -Djna.nosys=true -Djna.boot.library.path="$vamp/genre-vamp" -Dgenrevamp.home="$vamp" \
    -Dgenrevamp.lib="$vamp/genre-vamp/lib" --add-opens=java.base/jdk.internal.loader=ALL-UNNAMED \
    --enable-native-access=ALL-UNNAMED -Xmx1g \
    -cp "$cp" org.genrevamp.vamp.abi.ListingWarmup
