#!/usr/bin/env bash
# Batch annotation throughput (trainer `annotate`, org.genrevamp.trainer.batch.BatchBenchmark):
# the same 41 GTZAN excerpts (gtzan-excerpts/long: 4 per genre + 1 for warm-up, 15-20 s, 22.05 kHz
# mono), default model, one JVM per mode:
#   plain      the engine in a loop on one thread, no Spark (the audio work alone)
#   spark 1    local[1]: BatchJob with the command's defaults, Parquet + JSON written
#   spark 2    local[2]
#   ceiling    two plain JVMs at once, each on half of the files: what two cores give two fully
#              independent workers on this machine, the bound for spark 2's scaling
# Models are loaded (and timed) before the timed run. Per-file overhead = (spark 1 - plain) / files;
# scaling = files/s with 2 cores / files/s with 1. OMP_NUM_THREADS=1: one ND4J thread per core.
# Usage: benchmarks/spark-batch.sh [MODE...]   (after mvn -B -o -pl trainer -am test-compile)
#        MODE: plain, spark1, spark2, ceiling (default: all four)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$here/..
data=${GENRE_VAMP_DATA:-$root/../shared/data}/gtzan-excerpts/long
work=${TMPDIR:-/tmp}/genre-vamp-spark-bench
mkdir -p "$work"
list=$work/files.txt
{ ls "$data"/blues/*.wav | head -1; for g in "$data"/*/; do ls "$g"*.wav | head -4; done; } > "$list"
cp=$work/classpath.txt
(cd "$root" && mvn -B -o -q -pl trainer dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp" >/dev/null)
classpath=$root/trainer/target/test-classes:$root/trainer/target/classes:$root/plugin/target/classes:$(cat "$cp")
opens=$(sed -n 's:.*<spark.argLine>\(.*\)</spark.argLine>.*:\1:p' "$root/trainer/pom.xml")
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(($(wc -l < "$list") - 1)) files timed"
modes=("${@:-plain spark1 spark2 ceiling}")
# shellcheck disable=SC2068
for mode in ${modes[@]}; do
    if [[ $mode == ceiling ]]; then
        # each half starts with the warm-up file, as the full list does
        { head -1 "$list"; tail -n +2 "$list" | awk 'NR % 2 == 1'; } > "$work/half-1.txt"
        { head -1 "$list"; tail -n +2 "$list" | awk 'NR % 2 == 0'; } > "$work/half-2.txt"
        for half in 1 2; do
            OMP_NUM_THREADS=1 java $opens -cp "$classpath" org.genrevamp.trainer.batch.BatchBenchmark plain \
                "$work/half-$half.txt" 2> "$work/stderr-ceiling-$half.txt" | grep '^mode=' > "$work/ceiling-$half.txt" &
        done
        wait
        sed 's/^/ceiling half: /' "$work"/ceiling-[12].txt
        # the two halves ran at once: together they annotated every file in the longer half's wall time
        awk -F'[ =]' '{for (i = 1; i < NF; i++) if ($i == "files") n += $(i + 1); else if ($i == "wall_s" && $(i + 1) > w) w = $(i + 1)}
                      END {printf "mode=ceiling cores=2 files=%d wall_s=%.2f files_per_s=%.3f\n", n, w, n / w}' "$work"/ceiling-[12].txt
        echo "  load after: $(cut -d' ' -f1-3 /proc/loadavg)"
        continue
    fi
    mode=${mode/spark/spark }
    # shellcheck disable=SC2086
    OMP_NUM_THREADS=1 java $opens -cp "$classpath" org.genrevamp.trainer.batch.BatchBenchmark $mode "$list" \
        2> "$work/stderr-${mode// /-}.txt" | grep '^mode='
    echo "  load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
