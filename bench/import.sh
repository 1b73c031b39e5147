#!/usr/bin/env bash
# Whole-process benchmark: import the four datasets of the foundation (COW states, COW alliances
# member-yearly, ATOP v5.1 directed dyad-years in two halves, NMC v7.0) into a fresh store, RUNS
# times; prints each run's wall seconds and peak RSS (GNU time) and the medians.
#
#   bench/import.sh [DATA_DIR] [RUNS]     (defaults: ../shared/data, 5; needs the release build)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-"$repo/../shared/data"}
runs=${2:-5}
entente="$repo/build/release/entente"
[ -x "$entente" ] || { echo "build first: cmake --workflow --preset release" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=("$data/cow_states/states2016.csv" "$data/cow_alliance/alliance_v4.1_by_member_yearly.csv"
       "$data/atop/atop_v5.1_ddyr_part1_ccode1_lt_ccode2.csv" "$data/atop/atop_v5.1_ddyr_part2_ccode1_gt_ccode2.csv"
       "$data/cow_nmc/cow_nmc_v7.0_abridged_peacesciencer.csv")
walls=() rss=()
for i in $(seq "$runs"); do
  rm -f "$work/store.db"
  /usr/bin/time -f '%e %M' -o "$work/time" "$entente" import --db "$work/store.db" --format csv "${files[@]}" >/dev/null
  read -r w m <"$work/time"
  walls+=("$w") rss+=("$m")
  echo "run $i: ${w}s wall, $((m / 1024)) MiB peak RSS"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
echo "median: $(median "${walls[@]}")s wall, $(( $(median "${rss[@]}" | cut -d. -f1) / 1024 )) MiB peak RSS; store $(du -h "$work/store.db" | cut -f1)"
