#!/usr/bin/env bash
# The exact frustration index of the SNAP Bitcoin trust networks (Bitcoin Alpha and Bitcoin OTC,
# 13,876 and 21,134 undirected signed edges), entente beside GLPK and CBC on the standard binary
# program of the same graphs, every solver with the same time limit. Each rated, directed network
# becomes an undirected signed graph by the rule of docs/models/balance.md: for each unordered pair
# the sign of the sum of the signs of its ratings both ways; pairs whose signs cancel and
# self-loops are dropped. entente runs RUNS times (median wall, whole process, including reading
# the file); GLPK and CBC once each. Prints value, bound and seconds of each, and the load average.
# Needs the release build, glpk-utils and coinor-cbc.
#
#   bench/frustration_scale_vs_ilp.sh [DATA_DIR] [LIMIT_SECONDS] [RUNS]   (defaults: ../shared/data, 60, 3)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-"$repo/../shared/data"}
limit=${2:-60}
runs=${3:-3}
bench="$repo/build/release/bench/entente_frustration_bench"
[ -x "$bench" ] || { echo "build first: cmake --preset release && cmake --build build/release --target entente_frustration_bench" >&2; exit 1; }
for tool in glpsol cbc; do command -v "$tool" >/dev/null || { echo "$tool is missing: run scripts/install-deps" >&2; exit 1; }; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The rule, in awk: a header line (a rating that is not a number) is skipped; sorted output keeps
# the node order, and so the run, the same from one run to the next.
signed_pairs() {
  awk -F, '$3 !~ /^-?[0-9.]+$/ { next } $1 == $2 { next }
           { k = ($1 < $2) ? $1 "\t" $2 : $2 "\t" $1; s[k] += ($3 > 0) ? 1 : -1 }
           END { for (k in s) if (s[k] != 0) print k "\t" ((s[k] > 0) ? 1 : -1) }' "$1" | sort
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'graph\tedges\tsolver\tvalue\tbound\tproven\twall_s\n'
for name in bitcoinalpha bitcoinotc; do
  edges="$work/$name.tsv"
  signed_pairs "$data/signed_networks/soc-sign-$name.csv" >"$edges"
  m=$(wc -l <"$edges")
  "$bench" "$edges" --time-limit "$limit" --write-lp "$work" >"$work/entente.tsv"
  walls=()
  for i in $(seq "$runs"); do
    /usr/bin/time -f '%e' -o "$work/time" "$bench" "$edges" --time-limit "$limit" >"$work/entente.tsv"
    walls+=("$(cat "$work/time")")
  done
  IFS=$'\t' read -r _ _ _ value bound _ <"$work/entente.tsv"
  printf '%s\t%s\tentente (median of %s: %s)\t%s\t%s\t%s\t%s\n' "$name" "$m" "$runs" "${walls[*]}" "$value" "$bound" \
    "$([ "$value" = "$bound" ] && echo yes || echo no)" "$(median "${walls[@]}")"

  lp="$work/$name.lp"
  /usr/bin/time -f '%e' -o "$work/time" glpsol --lp "$lp" --tmlim "$limit" -w "$work/glpk.sol" >"$work/glpk.out" || true
  # The branch-and-bound lines read "+ N: mip = VALUE >= BOUND ..."; "not found yet" before the first.
  line=$(grep -E '^\+ *[0-9]+: mip =' "$work/glpk.out" | tail -n 1 || true)
  gvalue=$(echo "$line" | awk '{for (i = 1; i <= NF; ++i) if ($i == "=") {print $(i + 1); exit}}')
  gbound=$(echo "$line" | awk '{for (i = 1; i <= NF; ++i) if ($i == ">=") {print $(i + 1); exit}}')
  # No such line: glpsol never reached branch and bound (still in the LP relaxation).
  [ -n "$gvalue" ] || gvalue=none gbound=none
  gproven=$(grep -q 'INTEGER OPTIMAL SOLUTION FOUND' "$work/glpk.out" && echo yes || echo no)
  printf '%s\t%s\tGLPK glpsol\t%s\t%s\t%s\t%s\n' "$name" "$m" "$gvalue" "$gbound" "$gproven" "$(cat "$work/time")"

  /usr/bin/time -f '%e' -o "$work/time" cbc "$lp" sec "$limit" solve solu "$work/cbc.sol" >"$work/cbc.out" || true
  cvalue=$(awk '/^Objective value:/ {print $3}' "$work/cbc.out" | tail -n 1)
  cbound=$(awk '/^Lower bound:/ {print $3}' "$work/cbc.out" | tail -n 1)
  cproven=$(grep -q 'Result - Optimal solution found' "$work/cbc.out" && echo yes || echo no)
  [ "$cproven" = yes ] && [ -z "$cbound" ] && cbound=$cvalue
  printf '%s\t%s\tCBC\t%s\t%s\t%s\t%s\n' "$name" "$m" "$cvalue" "$cbound" "$cproven" "$(cat "$work/time")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
