#!/usr/bin/env bash
# Whole-process benchmark of `entente idealpoints`: one-dimensional ideal points for every year
# 1946-2015 of the full Voeten files, written as CSV. Imports COW states and the Voeten roll calls
# and votes into a fresh store once, then runs the verb RUNS times; prints each run's wall
# seconds, CPU seconds and peak RSS (GNU time) and the medians.
#
# When Rscript and the pscl package are installed, it also times pscl::ideal (the Bayesian probit
# IRT by MCMC, its defaults) on one year, YEAR, with the same coding (yes against no or abstain),
# RUNS times, and prints the Pearson r between its ideal points and entente's for that year.
#
#   bench/idealpoints.sh [DATA_DIR] [RUNS] [YEAR]   (defaults: ../shared/data, 5, 2012; release build)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-"$repo/../shared/data"}
runs=${2:-5}
year=${3:-2012}
entente="$repo/build/release/entente"
[ -x "$entente" ] || { echo "build first: cmake --preset release && cmake --build --preset release --target entente_cli" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

"$entente" import --db "$work/store.db" --format csv "$data/cow_states/states2016.csv" \
  "$data/unga/voeten_rollcalls_1946_2015.csv" "$data"/unga/voeten_votes_sessions_*.csv >/dev/null
walls=() cpus=() rss=()
for i in $(seq "$runs"); do
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
    "$entente" idealpoints --db "$work/store.db" --from 1946 --to 2015 --format csv >"$work/ideal.csv"
  read -r w u s m <"$work/time"
  cpu=$(awk "BEGIN {print $u + $s}")
  walls+=("$w") cpus+=("$cpu") rss+=("$m")
  echo "entente run $i: ${w}s wall, ${cpu}s CPU, $((m / 1024)) MiB peak RSS"
done
estimated=$(awk -F, 'NR > 1 && $4 != ""' "$work/ideal.csv" | wc -l)
echo "entente idealpoints 1946-2015 median: $(median "${walls[@]}")s wall, $(median "${cpus[@]}")s CPU," \
     "$(( $(median "${rss[@]}" | cut -d. -f1) / 1024 )) MiB peak RSS; $estimated state-years estimated"
one=()
for i in $(seq "$runs"); do
  /usr/bin/time -f '%e' -o "$work/time" \
    "$entente" idealpoints --db "$work/store.db" --from "$year" --to "$year" --format csv >/dev/null
  one+=("$(cat "$work/time")")
done
echo "entente idealpoints $year alone median: $(median "${one[@]}")s wall"

if ! command -v Rscript >/dev/null || ! Rscript -e 'library(pscl)' >/dev/null 2>&1; then
  echo "R or pscl not installed: pscl::ideal not timed"
  exit 0
fi
cat >"$work/pscl.R" <<'RSCRIPT'
suppressMessages(library(pscl))
args <- commandArgs(trailingOnly = TRUE)
data <- args[1]; year <- as.integer(args[2]); ours <- args[3]
rc <- read.csv(file.path(data, "unga", "voeten_rollcalls_1946_2015.csv"))
votes <- do.call(rbind, lapply(Sys.glob(file.path(data, "unga", "voeten_votes_sessions_*.csv")), read.csv))
votes <- votes[votes$rcid %in% rc$rcid[rc$year == year], ]
m <- tapply(votes$vote, list(votes$ccode, votes$rcid), function(v) v[1])
m[is.na(m)] <- 9
# yes 1; no 3 and abstain 2 both "nay", as entente codes them; 8 absent is missing.
roll <- rollcall(m, yea = 1, nay = c(2, 3), missing = 8, notInLegis = 9, legis.names = rownames(m))
t <- system.time(fit <- ideal(roll, d = 1, normalize = TRUE, verbose = FALSE))[["elapsed"]]
x <- fit$xbar[, 1]
e <- read.csv(ours)
e <- e[e$year == year & !is.na(e$idealpoint), ]
common <- intersect(names(x), as.character(e$ccode))
r <- cor(x[common], e$idealpoint[match(common, as.character(e$ccode))])
cat(sprintf("%.3f %.4f %d\n", t, abs(r), length(common)))
RSCRIPT
ideal_walls=() process_walls=()
for i in $(seq "$runs"); do
  /usr/bin/time -f '%e' -o "$work/time" Rscript "$work/pscl.R" "$data" "$year" "$work/ideal.csv" >"$work/pscl.out"
  read -r t r n < <(tail -n 1 "$work/pscl.out")  # ideal() prints a banner first
  ideal_walls+=("$t") process_walls+=("$(cat "$work/time")")
  echo "pscl::ideal $year run $i: ${t}s in ideal(), $(cat "$work/time")s whole Rscript; |r| with entente $r over $n states"
done
echo "pscl::ideal $year median: $(median "${ideal_walls[@]}")s in ideal(), $(median "${process_walls[@]}")s whole process"
