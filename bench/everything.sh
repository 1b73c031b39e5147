#!/usr/bin/env bash
# Whole-process benchmark of issue "real data": import everything in DATA_DIR into a fresh store,
# then build every non-directed dyad-year 1816-2012 with COW and ATOP alliances, UN votes and
# similarity (S, weighted S, tau-b, kappa, pi, Scott's pi for alliance portfolios; agreement, S,
# kappa, pi for votes), written as CSV. RUNS times; prints each run's wall seconds and peak RSS
# (GNU time) per step and in total, then the medians.
#
#   bench/everything.sh [DATA_DIR] [RUNS]     (defaults: ../shared/data, 5; needs the release build)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-"$repo/../shared/data"}
runs=${2:-5}
entente="$repo/build/release/entente"
[ -x "$entente" ] || { echo "build first: cmake --workflow --preset release" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
imports=() builds=() totals=() rss=()
for i in $(seq "$runs"); do
  rm -f "$work/store.db" "$work/dyads.csv"
  /usr/bin/time -f '%e %M' -o "$work/t1" "$entente" import --db "$work/store.db" --format csv "$data" >/dev/null 2>&1
  /usr/bin/time -f '%e %M' -o "$work/t2" "$entente" dyads --db "$work/store.db" --from 1816 --to 2012 \
    --with alliances,atop,votes,similarity --format csv --out "$work/dyads.csv"
  read -r w1 m1 <"$work/t1"
  read -r w2 m2 <"$work/t2"
  total=$(awk "BEGIN {print $w1 + $w2}")
  peak=$(( m1 > m2 ? m1 : m2 ))
  imports+=("$w1") builds+=("$w2") totals+=("$total") rss+=("$peak")
  echo "run $i: import ${w1}s ($((m1 / 1024)) MiB), dyad-years ${w2}s ($((m2 / 1024)) MiB), total ${total}s"
done
rows=$(($(wc -l <"$work/dyads.csv") - 1))
echo "median: import $(median "${imports[@]}")s, dyad-years $(median "${builds[@]}")s, total $(median "${totals[@]}")s;" \
     "peak RSS $(( $(median "${rss[@]}" | cut -d. -f1) / 1024 )) MiB; $rows dyad-years, $(du -h "$work/dyads.csv" | cut -f1) of CSV"
