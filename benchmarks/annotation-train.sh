#!/usr/bin/env bash
# The README's fast path, timed: a head on 20 whole songs (the 8 shared songs, labelled by genre, and
# 12 ballroom songs of 2 styles (waltz, twostep), labelled by style), each labelled by a .lab file written here, trained
# with `train --backbone msd/crnn` (frozen, head only) from an EMPTY embedding cache: decoding, log-mel,
# backbone embeddings, head selection and bundle writing all included. Prints the wall time and peak RSS.
# Target (issue 9): under 2 minutes on 2 cores.
# Usage: benchmarks/annotation-train.sh [THREADS (default 2)]
# Needs: the built trainer (mvn -B -o -pl trainer -am package -DskipTests), ../shared/data, soxi, /usr/bin/time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$here/..
shared=$root/../shared/data
threads=${1:-2}
work=$(mktemp -d "${TMPDIR:-/tmp}/genre-vamp-annotation-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data"
label() {   # audio label
    local name
    name=$(basename "$1" .mp3)
    ln -s "$1" "$work/data/$name.mp3"
    printf '0.000 %s %s\n' "$(soxi -D "$1")" "$2" > "$work/data/$name.lab"
}
for song in "$shared"/songs/*.mp3; do label "$song" "$(basename "$song" .mp3)"; done
for style in waltz twostep; do   # 8 songs each: 6 of each
    for song in $(ls "$shared/ballroom/$style"/*.mp3 | head -6); do label "$song" "$style"; done
done
audio=$(for f in "$work"/data/*.mp3; do soxi -D "$f"; done | awk '{s += $1} END {printf "%.0f", s}')
echo "20 songs, ${audio} s of audio; msd/crnn, OMP_NUM_THREADS=$threads"
OMP_NUM_THREADS=$threads /usr/bin/time -f "wall %e s, peak RSS %M KB" \
    java -jar "$root/trainer/target/genre-trainer.jar" train --backbone msd/crnn --annotations "$work/data" \
    --pretrained "$shared/pretrained" --split random --cache "$work/emb" --out "$work/run" 2>&1 \
    | grep -E "^wall|top-1|regions of" || true
