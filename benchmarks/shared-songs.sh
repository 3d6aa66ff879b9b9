#!/usr/bin/env bash
# The eight whole songs of ../shared/data/songs (one per genre, named by it; none is in any training
# set), labelled end to end as a user would: vamp-simple-host, the `track` output, one model. Prints
# each song's label line and how many name the song's genre first ("unknown | ..." counts as wrong).
# Usage: benchmarks/shared-songs.sh [MODEL (bundled name or .zip; default: the plugin's default)] [VAMP_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
model=${1:-}
dir=$(cd "${2:-$here/../target/vamp}" && pwd)
songs=${GENRE_VAMP_SONGS:-$here/../../shared/data/songs}
if [[ -n $model && -f $model ]]; then
    export GENRE_VAMP_MODEL=$(cd "$(dirname "$model")" && pwd)/$(basename "$model")
elif [[ -n $model ]]; then
    echo "shared-songs.sh: bundled models other than the default need a .zip path (vamp-simple-host sets no parameters)" >&2
    exit 2
fi
right=0
for genre in classical country disco hiphop jazz metal pop reggae; do
    label=$(VAMP_PATH=$dir vamp-simple-host genre-vamp:genre:track "$songs/$genre.mp3" 2>/dev/null | tail -1 \
            | sed -E 's/^[^:]*: -?[0-9]+ //')
    if [[ $label == "$genre "* ]]; then mark=right; right=$((right + 1)); else mark=WRONG; fi
    printf '%-10s %-5s %s\n' "$genre" "$mark" "$label"
done
echo "$right of 8 songs right (${GENRE_VAMP_MODEL:-default model})"
