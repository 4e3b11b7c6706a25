#!/usr/bin/env bash
# Generates the large test data that is not committed: runs every
# problems/*/generators/generate.py whose outputs are missing or older than the generator.
# Each generator is deterministic (fixed seeds) and lists its outputs with `--list`, one per
# line, relative to its problem folder. Idempotent: prints nothing and is quick when up to date.
set -euo pipefail
cd "$(dirname "$0")/.."

for gen in problems/*/generators/generate.py; do
  [ -e "$gen" ] || continue
  problem=$(dirname "$(dirname "$gen")")
  stale=0
  while IFS= read -r out; do
    [ -n "$out" ] || continue
    if [ ! -e "$problem/$out" ] || [ "$gen" -nt "$problem/$out" ]; then
      stale=1
      break
    fi
  done < <(python3 "$gen" --list)
  if [ "$stale" = 1 ]; then
    echo "generate-data: $problem"
    python3 "$gen"
  fi
done
