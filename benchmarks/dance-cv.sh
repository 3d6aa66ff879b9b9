#!/usr/bin/env bash
# The dance-style model's figures: repeated stratified 5-fold cross-validation (5 repeats) on the 116
# ballroom songs (23 styles), through the annotation path (one folder per style):
#   rhythm-artist  msd/crnn + msd/fcn + jamendo/musicnn + rhythm, folds grouped by artist (the shipped `dance`)
#   rhythm-song    the same, folds by song (artists may straddle folds: optimistic)
#   plain-artist   the same networks without the rhythm features, by artist
#   msd-artist     msd/crnn + msd/fcn + rhythm (no musicnn), by artist
# Artists: benchmarks/dance-artists.tsv (songs sharing a credited artist are one group; see dance-artists.py).
# The first run fills the embedding and rhythm caches (~8 s a song on 2 cores); the others reuse them.
# Export the shipped bundle from RUN/rhythm-artist (docs/models/README.md, dance section).
# Usage: benchmarks/dance-cv.sh [WORK (default /tmp/genre-vamp-dance)]
# Needs: the built trainer (mvn -B -o -pl trainer -am package -DskipTests) and ../shared/data.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shared=$here/../../shared/data
work=${1:-/tmp/genre-vamp-dance}
mkdir -p "$work"
all=msd/crnn,msd/fcn,jamendo/musicnn
artist=(--split artist --artists "$here/dance-artists.tsv")
run() {
    local name=$1; shift
    echo "== $name"
    OMP_NUM_THREADS=2 java -jar "$here/../trainer/target/genre-trainer.jar" train --features embedding \
        --annotations "$shared/ballroom" --pretrained "$shared/pretrained" --cache "$work/emb" --out "$work/$name" \
        --name dance --cv 5x5 "$@" 2>&1 | grep -E "^genre-trainer: cv|^cross-validation"
}
run rhythm-artist --backbone "$all" --rhythm "${artist[@]}"
run rhythm-song --backbone "$all" --rhythm
run plain-artist --backbone "$all" "${artist[@]}"
run msd-artist --backbone msd/crnn,msd/fcn --rhythm "${artist[@]}"
