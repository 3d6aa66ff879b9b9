#!/usr/bin/env bash
# Start-up cost of the plugin as a host sees it: wall time of `vamp-simple-host -l` with only
# genre-vamp on VAMP_PATH (one JVM start + descriptor + output listing), median of N runs.
# Usage: benchmarks/startup-time.sh [VAMP_DIR (default target/vamp)] [RUNS (default 5)]
# Target: median <= 400 ms on a 2-core machine.
set -euo pipefail
dir=$(cd "${1:-$(dirname "$0")/../target/vamp}" && pwd)
runs=${2:-5}
command -v vamp-simple-host >/dev/null || { echo "vamp-simple-host not installed (apt-get install vamp-examples)" >&2; exit 1; }
VAMP_PATH="$dir" vamp-simple-host -l 2>&1 | grep -q '"genre"' || { echo "genre-vamp not listed from $dir" >&2; exit 1; }
times=()
for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    VAMP_PATH="$dir" vamp-simple-host -l >/dev/null 2>&1
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "vamp-simple-host -l runs (ms): ${times[*]}"
echo "median: ${sorted[$((runs / 2))]} ms (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
