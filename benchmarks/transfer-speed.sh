#!/usr/bin/env bash
# The transfer model's speed against the original network, on the same file in the same run:
# a 580 s 44.1 kHz stereo file (the shared songs concatenated with sox), annotated
#   - by PyTorch: the original msd/crnn, non-overlapping 29 s windows (benchmarks/pytorch_crnn_speed.py);
#   - by genre-vamp through vamp-simple-host: the default model with its dense hops (one window every
#     1.536 s), JVM start, decoding by the host and model loading included;
# both with 1 and with 2 threads (OMP_NUM_THREADS / torch.set_num_threads). Prints seconds, real-time
# factor, peak RSS, and the ratio PyTorch time / genre-vamp time (> 1: genre-vamp is faster).
# Usage: benchmarks/transfer-speed.sh [VAMP_DIR (default target/vamp)]
# Needs: vamp-simple-host, sox with mp3 support, /usr/bin/time, /usr/bin/python3 with torch + torchaudio.
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
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); file $(soxi -D "$file") s, 44.1 kHz stereo"
for threads in 1 2; do
    py=$(OMP_NUM_THREADS=$threads /usr/bin/python3 "$here/pytorch_crnn_speed.py" "$file" "$threads")
    echo "$py"
    log=$work/time-$threads.txt
    OMP_NUM_THREADS=$threads VAMP_PATH=$dir /usr/bin/time -v -o "$log" \
        vamp-simple-host genre-vamp:genre:segments "$file" > "$work/segments-$threads.txt"
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
    pyseconds=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$py")
    python3 -c "print(f'genre-vamp threads=$threads seconds=$wall realtime={580 / $wall:.1f} peak_rss_mb=$rss'
                      f'  ratio pytorch/genre-vamp={$pyseconds / $wall:.2f}')"
done
