#!/usr/bin/env bash
# Ensembles: 10,000 members of a thirty-state world (bench/scenarios/thirty-states.toml), every
# model on the world before and after the shock in each member. Whole-process wall time and peak
# memory, median of RUNS, for 1 and 2 threads and for 1 and 2 MPI ranks (one thread each); the
# four outputs must be byte-identical. Builds a store of the reference data first.
# Needs the mpi preset: cmake --preset mpi && cmake --build --preset mpi
#
#   bench/scenario_bench.sh [DATA_DIR] [RUNS] [MEMBERS]     (defaults: ../shared/data, 5, 10000)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-"$repo/../shared/data"}
runs=${2:-5}
members=${3:-10000}
bin="$repo/build/mpi"
[ -x "$bin/entente-mpi" ] || { echo "build first: cmake --preset mpi && cmake --build --preset mpi" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
"$bin/entente" import --db "$work/all.db" "$data" >/dev/null 2>&1
scenario="$repo/bench/scenarios/thirty-states.toml"
args=(scenario "$scenario" --db "$work/all.db" --members "$members" --runs 0 --seed 1)

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
measure() {  # label, command...: prints label, median seconds, median peak MiB (of the largest process)
  local label=$1; shift
  local walls=() mems=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/$label.json"
    read -r w m <"$work/time"
    walls+=("$w"); mems+=("$m")
  done
  printf '%s\t%s\t%s\n' "$label" "$(median "${walls[@]}")" "$(( $(median "${mems[@]}" | cut -d. -f1) / 1024 ))"
}
printf 'run\tseconds\tpeak_MiB\n'
measure threads1 "$bin/entente" "${args[@]}" --threads 1 --quiet --format json
measure threads2 "$bin/entente" "${args[@]}" --threads 2 --quiet --format json
measure ranks1 mpirun -np 1 --oversubscribe "$bin/entente-mpi" "${args[@]}" --threads 1
measure ranks2 mpirun -np 2 --oversubscribe "$bin/entente-mpi" "${args[@]}" --threads 1
measure counterfactual "$bin/entente" scenario "$scenario" --db "$work/all.db" --members 0 --runs 0 --format json
for other in threads2 ranks1 ranks2; do
  cmp -s "$work/threads1.json" "$work/$other.json" || { echo "OUTPUT DIFFERS: threads1 vs $other" >&2; exit 1; }
done
echo "all four ensemble outputs are byte-identical ($(wc -c <"$work/threads1.json") bytes)"
