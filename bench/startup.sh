#!/usr/bin/env bash
# Start-up benchmark: small commands on the bundled default world, where opening the world is
# most of the work. Each command runs RUNS times; one line per command with the median wall
# time and CPU time (user + system) from bash's `time` in milliseconds (they include starting
# GNU time around the command) and the median peak RSS (GNU time). Then `entente serve --port 0`
# RUNS times: the median time from launch to the first answer of GET /api/actors?year=2012
# (polled every 2 ms until the server listens), and that answer's length.
#
#   bench/startup.sh [RUNS] [BUILD]     (defaults: 11, build/release)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-11}
build=${2:-"$repo/build/release"}
entente="$build/entente"
[ -x "$entente" ] || { echo "build first: cmake --build $build --target entente_cli" >&2; exit 1; }
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
echo "uptime: $(uptime)"
echo "nproc: $(nproc); $runs runs each"

time_command() {
  local walls=() cpus=() rss=() i
  "$entente" "$@" >/dev/null  # warm the page cache
  for i in $(seq "$runs"); do
    local TIMEFORMAT='%3R %3U %3S'
    { time /usr/bin/time -f %M -o "$work/rss" "$entente" "$@" >/dev/null; } 2>"$work/wall"
    walls+=("$(awk '{print $1 * 1000}' "$work/wall")")
    cpus+=("$(awk '{print ($2 + $3) * 1000}' "$work/wall")")
    rss+=("$(cat "$work/rss")")
  done
  local sorted=($(printf '%s\n' "${walls[@]}" | sort -g))
  printf '%-50s median %6.1f ms wall (min %s, max %s), %6.1f ms CPU, %5.1f MiB peak RSS\n' "entente $*" \
    "$(median "${walls[@]}")" "${sorted[0]}" "${sorted[-1]}" "$(median "${cpus[@]}")" "$(awk -v k="$(median "${rss[@]}")" 'BEGIN {print k / 1024}')"
}

time_command triangle USA CHN RUS --from 2012 --to 2012
time_command actors --year 2012
time_command relations --year 2012
time_command info

# entente serve: launch to first answer.
firsts=()
for i in $(seq "$runs"); do
  : >"$work/err"  # emptied here: the redirection below empties it only once the child runs
  start=$(now_ms)
  "$entente" serve --port 0 2>"$work/err" &
  server=$!
  port=
  until [ -n "$port" ]; do
    port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/err")
    [ -n "$port" ] || sleep 0.002
    kill -0 "$server" 2>/dev/null || { cat "$work/err" >&2; exit 1; }
  done
  curl -sSf "http://127.0.0.1:$port/api/actors?year=2012" >"$work/answer"
  firsts+=($(( $(now_ms) - start )))
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=
done
printf '%-50s median %6.1f ms to the first answer (%s bytes)\n' "entente serve --port 0" "$(median "${firsts[@]}")" \
  "$(wc -c <"$work/answer")"
