#!/usr/bin/env bash
# The workload of the side-by-side comparison with peacesciencer: import every provider file in
# DATA_DIR into a fresh store, then build the non-directed dyad-years 1816-2012 with ATOP,
# capabilities, contiguity and major powers as CSV. RUNS times; prints each run's wall seconds,
# CPU seconds (user + system) and peak RSS (GNU time) per step, then the medians. CPU time is the
# steadier figure on a shared machine.
#
#   bench/peer.sh [DATA_DIR] [RUNS]     (defaults: ../shared/data, 5; needs the release build)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-"$repo/../shared/data"}
runs=${2:-5}
entente="$repo/build/release/entente"
[ -x "$entente" ] || { echo "build first: cmake --workflow --preset release" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
iw=() ic=() im=() dw=() dc=() dm=()
for i in $(seq "$runs"); do
  rm -f "$work/store.db"
  /usr/bin/time -f '%e %U %S %M' -o "$work/t1" "$entente" import --db "$work/store.db" --format csv "$data" >/dev/null 2>&1
  /usr/bin/time -f '%e %U %S %M' -o "$work/t2" "$entente" dyads --db "$work/store.db" --from 1816 --to 2012 \
    --with atop,capabilities,contiguity,majors --format csv --out "$work/dyads.csv"
  read -r w1 u1 s1 m1 <"$work/t1"
  read -r w2 u2 s2 m2 <"$work/t2"
  c1=$(awk "BEGIN {print $u1 + $s1}") c2=$(awk "BEGIN {print $u2 + $s2}")
  iw+=("$w1") ic+=("$c1") im+=("$m1") dw+=("$w2") dc+=("$c2") dm+=("$m2")
  echo "run $i: import ${w1}s wall ${c1}s CPU $((m1 / 1024)) MiB; dyads ${w2}s wall ${c2}s CPU $((m2 / 1024)) MiB"
done
echo "median: import $(median "${iw[@]}")s wall, $(median "${ic[@]}")s CPU, $(( $(median "${im[@]}" | cut -d. -f1) / 1024 )) MiB;" \
     "dyads $(median "${dw[@]}")s wall, $(median "${dc[@]}")s CPU, $(( $(median "${dm[@]}" | cut -d. -f1) / 1024 )) MiB;" \
     "$(($(wc -l <"$work/dyads.csv") - 1)) dyad-years; load average $(cut -d' ' -f1-3 /proc/loadavg)"
