#!/usr/bin/env bash
# Load test of `entente serve` on loopback (bench/serve_load.cpp): a fresh server on the bundled
# default world, then for each kind of query cached and uncached, REQUESTS requests from CLIENTS
# client threads (at most SECONDS each); one JSON line per run with p50/p99 latency, statuses
# (no 5xx allowed: the client exits non-zero) and the server's resident memory before, at most
# and after.
#
#   bench/serve_load.sh [REQUESTS] [CLIENTS] [SECONDS] [BUILD]   (defaults: 2000, 4, 120, build/release)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
requests=${1:-2000}
clients=${2:-4}
seconds=${3:-120}
build=${4:-"$repo/build/release"}
entente="$build/entente"
load="$build/bench/entente_serve_load"
[ -x "$entente" ] && [ -x "$load" ] || { echo "build first: cmake --build $build --target entente_cli entente_serve_load" >&2; exit 1; }
work=$(mktemp -d)
"$entente" serve --port 0 2>"$work/err" &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q 'http://' "$work/err" && break; sleep 0.1; done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/err")
[ -n "$port" ] || { cat "$work/err" >&2; exit 1; }
echo "uptime: $(uptime)"
for kind in relations triangle; do
  "$load" --port "$port" --pid "$server" --kind "$kind" --requests "$requests" --clients "$clients" --seconds "$seconds"
  "$load" --port "$port" --pid "$server" --kind "$kind" --uncached --requests "$requests" --clients "$clients" --seconds "$seconds"
done
# Memory once the cache is full: as many other uncached triangles again (the cache keeps 512
# answers, at most 64 MiB), so the server's RSS should stay where the last run left it.
"$load" --port "$port" --pid "$server" --kind triangle --uncached --offset "$requests" --requests "$requests" --clients "$clients" --seconds "$seconds"
# Scenarios (10 members, 5 runs each) are far heavier: a tenth as many.
"$load" --port "$port" --pid "$server" --kind scenario --requests $((requests / 10)) --clients "$clients" --seconds "$seconds"
"$load" --port "$port" --pid "$server" --kind scenario --uncached --requests $((requests / 10)) --clients "$clients" --seconds "$seconds"
