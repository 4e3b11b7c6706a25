#!/usr/bin/env bash
# The whole test suite: installs what is missing, then runs every test of the workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/install.sh
cargo test --workspace --no-fail-fast "$@"
