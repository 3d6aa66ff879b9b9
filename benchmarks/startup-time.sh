#!/usr/bin/env bash
# Start-up cost of the plugin as a host sees it: `vamp-simple-host -l` with only genre-vamp on
# VAMP_PATH (one JVM start + descriptor + output listing), median of N runs. Prints wall time (the
# target: median <= 400 ms on a 2-core machine) and CPU time (user + sys), which other load on the
# machine disturbs less.
# Usage: benchmarks/startup-time.sh [VAMP_DIR (default target/vamp)] [RUNS (default 5)]
set -euo pipefail
dir=$(cd "${1:-$(dirname "$0")/../target/vamp}" && pwd)
runs=${2:-5}
command -v vamp-simple-host >/dev/null \
    || { echo "vamp-simple-host not installed (apt-get install vamp-examples)" >&2; exit 1; }
VAMP_PATH="$dir" vamp-simple-host -l 2>&1 | grep -q '"genre"' || { echo "genre-vamp not listed from $dir" >&2; exit 1; }
walls=() cpus=()
TIMEFORMAT='%R %U %S'
for ((i = 0; i < runs; i++)); do
    read -r real user sys < <({ time VAMP_PATH="$dir" vamp-simple-host -l >/dev/null 2>&1; } 2>&1)
    walls+=("$(awk -v r="$real" 'BEGIN { printf "%d", r * 1000 }')")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')")
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( $# / 2 + 1 ))p"; }
echo "vamp-simple-host -l, $runs runs: wall ms ${walls[*]}; cpu ms ${cpus[*]}"
echo "median wall: $(median "${walls[@]}") ms, median cpu: $(median "${cpus[@]}") ms (load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
