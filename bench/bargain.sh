#!/usr/bin/env bash
# Bargaining to convergence on random issues of 10, 80, 160 and 1,000 actors (the release build's
# entente_bargain_bench; one process per size so each peak memory is that size's), without the
# per-round details (1,000 actors: median of 3 runs, the others of 5), then 80 actors with them
# (what `entente bargain --format json` keeps). Each line gives the median wall and CPU times.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=build/release/bench/entente_bargain_bench
[ -x "$bench" ] || cmake --build --preset release --target entente_bargain_bench
for n in 10 80 160; do "$bench" "$n" 5; done
"$bench" 1000 3  # about 20 s a run: three runs
"$bench" 80 5 details
