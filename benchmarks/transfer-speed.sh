#!/usr/bin/env bash
# The default model's speed against the original networks, on the same file in the same run (issue 18):
# a 580 s 44.1 kHz stereo file (the shared songs concatenated with sox, in $TMPDIR), annotated
#   - by genre-vamp through vamp-simple-host: the default model (msd/crnn + msd/fcn + jamendo/musicnn)
#     with its dense hops (one window every 1.536 s), JVM start, decoding by the host, log-mel and model
#     loading included, with 1 engine thread (GENRE_VAMP_THREADS=1) and with the default count
#     (min(cores, 4); ND4J keeps one thread per op);
#   - by PyTorch: the three original networks, non-overlapping windows (crnn/fcn 29.1 s, musicnn 3 s;
#     benchmarks/pytorch_ensemble_speed.py), resampling included, with 1 and 2 threads.
# Runs them back to back, then prints wall seconds, real-time factor, peak RSS and the ratios.
# Usage: benchmarks/transfer-speed.sh [VAMP_DIR (default target/vamp)]
# Needs: vamp-simple-host, sox with mp3 support, /usr/bin/time; for the PyTorch rows /usr/bin/python3 with
# Debian's python3-torch and python3-torchaudio (benchmarking only: setup.sh and CI never install them;
# without them those rows are skipped).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$(cd "${1:-$here/../target/vamp}" && pwd)
songs=${GENRE_VAMP_SONGS:-$here/../../shared/data/songs}
work=${TMPDIR:-/tmp}/genre-vamp-bench
mkdir -p "$work"
file=$work/transfer-580s.wav
if [[ ! -s $file ]]; then
    parts=()
    for song in "$songs"/*.mp3; do
        wav="$work/$(basename "$song" .mp3).wav"
        [[ -s $wav ]] || sox "$song" -r 44100 -c 2 -b 16 "$wav"
        parts+=("$wav")
    done
    sox "${parts[@]}" "$file" trim 0 580
fi
seconds=$(soxi -D "$file")
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); file $seconds s, 44.1 kHz stereo"

# wall seconds and peak RSS (MB) from a /usr/bin/time -v log
wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }
# user + system CPU seconds: the work, whatever the load (wall is what a user waits)
cpu() { awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$1"; }

declare -A ours
for threads in 1 default; do
    log=$work/time-$threads.txt
    if [[ $threads == default ]]; then
        VAMP_PATH=$dir /usr/bin/time -v -o "$log" vamp-simple-host genre-vamp:genre:segments "$file" > "$work/segments-$threads.txt"
    else
        GENRE_VAMP_THREADS=$threads VAMP_PATH=$dir /usr/bin/time -v -o "$log" \
            vamp-simple-host genre-vamp:genre:segments "$file" > "$work/segments-$threads.txt"
    fi
    ours[$threads]=$(wall "$log")
    python3 -c "print(f'genre-vamp threads=$threads seconds=${ours[$threads]} realtime={$seconds / ${ours[$threads]}:.1f} peak_rss_mb=$(rss "$log") cpu_s=$(cpu "$log")')"
done
cmp -s "$work/segments-1.txt" "$work/segments-default.txt" && echo "segments: identical at 1 and the default thread count" \
    || echo "segments: DIFFER between 1 and the default thread count"

declare -A torch
if /usr/bin/python3 -c 'import torch, torchaudio' 2>/dev/null; then
    for threads in 1 2; do
        py=$(OMP_NUM_THREADS=$threads /usr/bin/python3 "$here/pytorch_ensemble_speed.py" "$file" "$threads")
        echo "$py"
        torch[$threads]=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$py")
    done
else
    echo "pytorch: python3-torch / python3-torchaudio not installed: PyTorch rows skipped"
fi

python3 - "${ours[1]}" "${ours[default]}" "${torch[1]:-0}" "${torch[2]:-0}" <<'PY'
import sys
one, default, t1, t2 = map(float, sys.argv[1:])
print(f"ratio genre-vamp 1 thread / default threads: {one / default:.2f}x (target >= 1.8 on 2 cores)")
if t1 and t2:
    print(f"ratio pytorch 1 thread / genre-vamp 1 thread: {t1 / one:.2f}x (target >= 2)")
    print(f"ratio pytorch 2 threads / genre-vamp default threads: {t2 / default:.2f}x (target >= 3)")
PY
