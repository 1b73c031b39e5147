#!/usr/bin/env bash
# entente events side by side with pandas on the same GDELT 1.0-format file (docs/benchmarks.md):
# per directed dyad-month, rows with both country codes, event count, Goldstein sum and counts per
# quad class (and mentions) written as CSV; then the two outputs are checked against each other.
#
#   bench/events_vs_pandas.sh [ROWS] [WORKDIR]     defaults: 10000000 rows, a temporary folder
#   RUNS=3 (each side), PYTHON=/usr/bin/python3 (Debian's, with python3-pandas)
#
# The generated file (about 244 bytes a row) is kept in WORKDIR for another run; delete it after.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rows=${1:-10000000}
work=${2:-$(mktemp -d)}
runs=${RUNS:-3}
python=${PYTHON:-/usr/bin/python3}
build=$root/build/release
sample=$root/../shared/data/events/gdelt1_sample_georgia_2011-08.tsv
cmake --build "$build" --target entente_cli entente_gdelt_generator >/dev/null
file=$work/gdelt1_$rows.tsv
[ -f "$file" ] || "$build/bench/entente_gdelt_generator" "$sample" "$file" "$rows"
echo "file: $file, $(stat -c %s "$file") bytes, $rows rows"
uptime
cat "$file" >/dev/null  # both sides read from the page cache
time_fmt="%e s wall, %U s user, %S s system, %M KB peak"
for run in $(seq "$runs"); do
  /usr/bin/time -f "entente run $run: $time_fmt" "$build/entente" events "$file" --directed --actor-kind country \
    --by month --format csv --out "$work/entente.csv" 2>&1 | grep -v '^entente: events:' || true
done
# memory does not grow with the input: the same file twice is twice the rows and the same cells
/usr/bin/time -f "entente, the file twice: $time_fmt" "$build/entente" events "$file" "$file" --directed \
  --actor-kind country --by month --format csv --out "$work/entente_twice.csv" 2>&1 | grep -v '^entente: events:' || true
for run in $(seq "$runs"); do
  /usr/bin/time -f "pandas run $run: $time_fmt" "$python" "$root/bench/events_pandas.py" "$file" "$work/pandas.csv"
done
uptime
"$python" "$root/bench/events_compare.py" "$work/pandas.csv" "$work/entente.csv" "$file.codes.tsv"
