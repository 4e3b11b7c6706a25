#!/usr/bin/env bash
# The judge's main job on a fresh machine: install what is missing, build, and judge every
# reference solution of the shipped problem set.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/install.sh
cargo build --release -p judge
exec "$CARGO_TARGET_DIR/release/judge" verify problems/ "$@"
