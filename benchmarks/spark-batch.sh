#!/usr/bin/env bash
# Batch annotation throughput (trainer `annotate`, org.genrevamp.trainer.batch.BatchBenchmark):
# the same 41 GTZAN excerpts (gtzan-excerpts/long: 4 per genre + 1 for warm-up, 15-20 s, 22.05 kHz
# mono), default model, one JVM per mode:
#   plain      the engine in a loop on one thread, no Spark (the audio work alone)
#   spark 1    local[1]: BatchJob with the command's defaults, Parquet + JSON written
#   spark 2    local[2]
# Models are loaded (and timed) before the timed run. Per-file overhead = (spark 1 - plain) / files;
# scaling = files/s with 2 cores / files/s with 1. OMP_NUM_THREADS=1: one ND4J thread per core.
# Usage: benchmarks/spark-batch.sh [MODE...]   (after mvn -B -o -pl trainer -am test-compile)
#        MODE: plain, spark1, spark2 (default: all three)
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
modes=("${@:-plain spark1 spark2}")
# shellcheck disable=SC2068
for mode in ${modes[@]}; do
    mode=${mode/spark/spark }
    # shellcheck disable=SC2086
    OMP_NUM_THREADS=1 java $opens -cp "$classpath" org.genrevamp.trainer.batch.BatchBenchmark $mode "$list" \
        2> "$work/stderr-${mode// /-}.txt" | grep '^mode='
    echo "  load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
