#!/usr/bin/env bash
# The dance-style model's figures: repeated stratified cross-validation by song on the 116 ballroom songs
# (23 styles), with and without the rhythm features, through the annotation path (one folder per style).
# The first run fills the embedding cache (msd/crnn + msd/fcn, ~4 s a song on 2 cores); the others reuse it.
# The `--rhythm` 5x5 run's bundle is the shipped `dance` (copy RUN/rhythm-5x5/model.zip and its report).
# Usage: benchmarks/dance-cv.sh [WORK (default /tmp/genre-vamp-dance)]
# Needs: the built trainer (mvn -B -o -pl trainer -am package -DskipTests) and ../shared/data.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shared=$here/../../shared/data
work=${1:-/tmp/genre-vamp-dance}
mkdir -p "$work"
for cv in 5x5 3x5; do
    for rhythm in --rhythm ""; do
        name=${rhythm:+rhythm-}${rhythm:-plain-}$cv
        name=${name/--rhythm/}
        echo "== $name"
        OMP_NUM_THREADS=2 java -jar "$here/../trainer/target/genre-trainer.jar" train --backbone msd/crnn,msd/fcn \
            --features embedding $rhythm --annotations "$shared/ballroom" --pretrained "$shared/pretrained" \
            --cache "$work/emb" --out "$work/$name" --name dance --cv "$cv" 2>&1 | grep -E "^genre-trainer: cv|^cross-validation"
    done
done
