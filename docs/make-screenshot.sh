#!/usr/bin/env bash
# Regenerates docs/screenshot.png: Sonic Visualiser (under Xvfb, private HOME) runs the genre segments
# over a medley of GTZAN excerpts (metal, reggae, country, jazz; two excerpts each, 44.1 kHz stereo)
# and exports its pane. Usage: docs/make-screenshot.sh [VAMP_DIR (default target/vamp)] [MODEL.zip]
# (MODEL.zip: a bundle other than the plugin's default, via GENRE_VAMP_MODEL).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
vamp=$(cd "${1:-$here/../target/vamp}" && pwd)
data=$here/../../shared/data/gtzan-excerpts/long
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=()
for genre in metal reggae country jazz; do files+=("$data/$genre/$genre.00000.wav" "$data/$genre/$genre.00001.wav"); done
sox "${files[@]}" -r 44100 -c 2 "$work/medley.wav"
home=$work/home
mkdir -p "$home/.config/sonic-visualiser" "$home/runtime" && chmod 700 "$home/runtime"
printf '[Preferences]\nnetwork-permission-4.5.1=false\nshow-splash=false\n' > "$home/.config/sonic-visualiser/Sonic Visualiser.conf"
printf '/open "%s"\n/transform vamp:genre-vamp:genre:segments\n/zoom fit\n/exportimage "%s"\n/quit\n' \
    "$work/medley.wav" "$work/pane.png" > "$work/script.osc"
env HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache" \
    XDG_RUNTIME_DIR="$home/runtime" VAMP_PATH="$vamp" ${2:+GENRE_VAMP_MODEL="$2"} \
    GENRE_VAMP_JAVA_OPTS="-Dorg.bytedeco.javacpp.cachedir=$HOME/.javacpp/cache" \
    timeout 300 xvfb-run -a -s "-screen 0 1400x900x24" sonic-visualiser --no-audio --no-splash --osc-script "$work/script.osc"
cp "$work/pane.png" "$here/screenshot.png"
echo "wrote $here/screenshot.png"
