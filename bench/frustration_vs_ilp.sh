#!/usr/bin/env bash
# The frustration index of Doreian & Mrvar's 51 windows, side by side: entente's solver against the
# standard binary program of the same problem (one 0/1 side variable per state, one 0/1
# frustration variable per edge) solved by GLPK (glpsol) and by CBC. Every LP file is written by
# entente_frustration_bench; each solver runs as its own process per window, entente as one
# process for all 51 (RUNS times, median). Prints each window's optimum from all three and the
# seconds, then the totals and ratios. Needs the release build, glpk-utils and coinor-cbc.
#
#   bench/frustration_vs_ilp.sh [DATA_DIR] [RUNS]     (defaults: ../shared/data, 5)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-"$repo/../shared/data"}
runs=${2:-5}
net="$data/signed_networks/doreian_mrvar_cow_signed_1946_1999.net"
bench="$repo/build/release/bench/entente_frustration_bench"
[ -x "$bench" ] || { echo "build first: cmake --workflow --preset release" >&2; exit 1; }
for tool in glpsol cbc; do command -v "$tool" >/dev/null || { echo "$tool is missing: run scripts/install-deps" >&2; exit 1; }; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }

"$bench" "$net" --write-lp "$work" >"$work/entente.tsv"
walls=()
for i in $(seq "$runs"); do
  /usr/bin/time -f '%e %M' -o "$work/time" "$bench" "$net" >/dev/null
  read -r w m <"$work/time"
  walls+=("$w")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
entente_total=$(median "${walls[@]}")

printf 'window\tnodes\tedges\tentente\tproven\tglpk\tcbc\tentente_s\tglpk_s\tcbc_s\n'
glpk_total=0 cbc_total=0 disagree=0
while IFS=$'\t' read -r name nodes edges value bound seconds _kernel _nodes; do
  [ "$name" = total ] && continue
  number=$(( 10#${name%%-*} ))  # "46-49" is relation 46
  lp="$work/$number.lp"
  t0=$(now); glpsol --lp "$lp" -w "$work/glpk.sol" >/dev/null; t1=$(now)
  glpk=$(awk '$1 == "s" && $2 == "mip" {print $6}' "$work/glpk.sol")
  t2=$(now); cbc "$lp" solve solu "$work/cbc.sol" >/dev/null; t3=$(now)
  cbc=$(awk 'NR == 1 {print $NF}' "$work/cbc.sol" | cut -d. -f1)
  g=$(echo "$t1 - $t0" | bc); c=$(echo "$t3 - $t2" | bc)
  glpk_total=$(echo "$glpk_total + $g" | bc); cbc_total=$(echo "$cbc_total + $c" | bc)
  proven=$([ "$value" = "$bound" ] && echo yes || echo NO)
  [ "$value" = "$glpk" ] && [ "$value" = "$cbc" ] || disagree=$((disagree + 1))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.2f\t%.2f\n' "$name" "$nodes" "$edges" "$value" "$proven" "$glpk" "$cbc" "$seconds" "$g" "$c"
done <"$work/entente.tsv"

faster=$(echo "if ($glpk_total < $cbc_total) $glpk_total else $cbc_total" | bc)
echo
echo "entente, one process for all 51 windows (median of $runs): ${entente_total}s"
echo "GLPK glpsol, 51 processes: ${glpk_total}s; CBC, 51 processes: ${cbc_total}s"
echo "ratio, faster ILP solver / entente: $(echo "scale=1; $faster / $entente_total" | bc)x"
echo "windows where the three optima differ: $disagree"
