#!/usr/bin/env bash
# Speed and memory of a whole annotation as a host runs it: vamp-simple-host on the `segments` output
# (the plugin computes every output) of a 10-minute and a 60-minute 44.1 kHz stereo file made with sox
# from the shared songs, once per model. Prints wall time (JVM start included), real-time factor and
# peak RSS (/usr/bin/time -v). Also times construct + initialise alone (a 1 s file).
# Usage: benchmarks/annotate-benchmark.sh [VAMP_DIR (default target/vamp)] [MODEL.zip ...]
#   With no MODEL arguments, every bundle in the plugin jar's models/ is measured; with none bundled,
#   pass bundles explicitly. Files go to ${TMPDIR:-/tmp}/genre-vamp-bench (~700 MB, kept for reruns).
# Targets (2 cores, default model): >= 300x real time, peak RSS < 400 MB and flat in file length.
# Needs: vamp-simple-host (vamp-examples), sox with mp3 support, /usr/bin/time (Debian package `time`).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$(cd "${1:-$here/../target/vamp}" && pwd)
shift || true
songs=${GENRE_VAMP_SONGS:-$here/../../shared/data/songs}
work=${TMPDIR:-/tmp}/genre-vamp-bench
for tool in vamp-simple-host sox /usr/bin/time unzip; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
mkdir -p "$work"

# --- audio: every song at 44.1 kHz stereo, concatenated, repeated to length
make_file() {   # seconds name
    local out="$work/$2.wav"
    [[ -s $out ]] && return
    if [[ ! -s $work/all-songs.wav ]]; then
        local parts=()
        for song in "$songs"/*.mp3; do
            local wav="$work/$(basename "$song" .mp3).wav"
            [[ -s $wav ]] || sox "$song" -r 44100 -c 2 -b 16 "$wav"
            parts+=("$wav")
        done
        sox "${parts[@]}" "$work/all-songs.wav"
    fi
    local total repeats
    total=$(soxi -D "$work/all-songs.wav")
    repeats=$(python3 -c "import math; print(math.ceil($1 / $total))")
    local inputs=()
    for ((i = 0; i < repeats; i++)); do inputs+=("$work/all-songs.wav"); done
    sox "${inputs[@]}" "$out" trim 0 "$1"
}
make_file 1 one-second
make_file 600 ten-minutes
make_file 3600 sixty-minutes

# --- models: explicit bundles, or those in the plugin jar
models=("$@")
if [[ ${#models[@]} -eq 0 ]]; then
    jar=$(ls "$dir"/genre-vamp/genre-vamp-plugin-*.jar | head -1)
    mkdir -p "$work/models"
    (cd "$work/models" && unzip -o -q "$jar" 'models/*.zip' 2>/dev/null) || true
    models=($(ls "$work"/models/models/*.zip 2>/dev/null || true))
fi
[[ ${#models[@]} -gt 0 ]] || { echo "no model bundles: the jar bundles none; pass MODEL.zip arguments" >&2; exit 1; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); OMP_NUM_THREADS=${OMP_NUM_THREADS:-unset (the shim chooses)}"
printf '%-28s %-14s %9s %9s %10s\n' model file "wall s" "x realtime" "peak MB"
for model in "${models[@]}"; do
    for name in one-second ten-minutes sixty-minutes; do
        file="$work/$name.wav"
        seconds=$(soxi -D "$file")
        log="$work/time-$(basename "$model" .zip)-$name.log"
        GENRE_VAMP_MODEL="$model" VAMP_PATH="$dir" /usr/bin/time -v -o "$log" \
            vamp-simple-host genre-vamp:genre:segments "$file" > "$work/out-$name.txt" 2> "$work/err-$name.txt" \
            || { echo "vamp-simple-host failed on $name:"; tail -5 "$work/err-$name.txt"; exit 1; }
        wall=$(python3 - "$log" <<'PY'
import re, sys
t = re.search(r"Elapsed \(wall clock\) time.*: (.*)", open(sys.argv[1]).read()).group(1).split(":")
print(sum(float(x) * 60 ** i for i, x in enumerate(reversed(t))))
PY
)
        rss=$(awk '/Maximum resident set size/ {print int($NF / 1024)}' "$log")
        rtf=$(python3 -c "print(f'{$seconds / $wall:.0f}')")
        printf '%-28s %-14s %9.2f %9s %10s\n' "$(basename "$model")" "$name" "$wall" "$rtf" "$rss"
    done
done
echo "(one-second: JVM start + construct + initialise with the model loaded + a 1 s file)"
