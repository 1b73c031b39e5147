#!/usr/bin/env bash
# Whole-process benchmark of `entente report` on the bundled default world (the 2012 report:
# relations, the USA-CHN-RUS triangle and blocs from 1946, balancers, the great powers' landscape),
# RUNS times after a warm-up run; prints each run's wall seconds and peak RSS (GNU time), the
# medians, and the size of the report folder.
#
#   bench/report_bench.sh [RUNS] [ENTENTE]   (defaults: 5, build/release/entente)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
entente=${2:-"$repo/build/release/entente"}
[ -x "$entente" ] || { echo "build first: cmake --workflow --preset release" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$entente" report --out "$work/warm-up" >/dev/null
walls=() rss=()
for i in $(seq "$runs"); do
  rm -rf "$work/report"
  /usr/bin/time -f '%e %M' -o "$work/time" "$entente" report --out "$work/report" >/dev/null
  read -r w m <"$work/time"
  walls+=("$w") rss+=("$m")
  echo "run $i: ${w}s wall, $((m / 1024)) MiB peak RSS"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
files=$(find "$work/report" -type f | wc -l)
bytes=$(find "$work/report" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
data_bytes=$(find "$work/report" -type f \( -name 'data.js' -o -path '*/data/*' \) -printf '%s\n' | awk '{s += $1} END {print s}')
echo "median: $(median "${walls[@]}")s wall (min $(printf '%s\n' "${walls[@]}" | sort -g | head -1)s, max $(printf '%s\n' "${walls[@]}" | sort -g | tail -1)s), $(( $(median "${rss[@]}" | cut -d. -f1) / 1024 )) MiB peak RSS"
echo "report: $files files, $bytes bytes ($data_bytes bytes of data: data.js, data/report.json and the CSVs)"
