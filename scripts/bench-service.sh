#!/usr/bin/env bash
# Service benchmark: starts `judge serve` (2 in-process workers, no rate limit) on SQLite and then
# on PostgreSQL, and runs `judge load` against each. Prints numbers; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/services.sh --postgres
cargo build --release -p cli
judge="$CARGO_TARGET_DIR/release/judge"
port=18181
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

# A+B with 3 tests (its 2 samples and 1 secret test), as the service target is stated.
problems="$work/problems"
mkdir -p "$problems"
cp -r problems/aplusb "$problems/"
rm -f "$problems"/aplusb/data/secret/0[234]-*

run() { # label, database url
  local ns="bench-$RANDOM$RANDOM"
  "$judge" serve --listen "127.0.0.1:$port" --workers 2 --rate-limit 0 --max-queue 1000000 \
    --database-url "$2" --redis-namespace "$ns" --problems "$problems" >"$work/serve.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
  echo "== $1"
  "$judge" load --url "http://127.0.0.1:$port" --seconds "${SECONDS_PER_PHASE:-5}" --concurrency 32
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo
}

run "SQLite" "sqlite://$work/bench.db"
psql -h 127.0.0.1 -U postgres -d test -qc 'DROP DATABASE IF EXISTS judge_bench' -c 'CREATE DATABASE judge_bench' >/dev/null
run "PostgreSQL" "postgres://postgres@127.0.0.1:5432/judge_bench"
