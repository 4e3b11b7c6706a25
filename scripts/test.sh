#!/usr/bin/env bash
# The whole test suite: installs what is missing, makes sure Redis and PostgreSQL run, then runs
# every test of the workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/install.sh
bash scripts/generate-data.sh
bash scripts/services.sh --postgres
[ -f scripts/install-browser.sh ] && bash scripts/install-browser.sh
cargo build -p cli
cargo test --workspace --no-fail-fast "$@"
