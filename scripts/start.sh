#!/usr/bin/env bash
# One command for a working judge on a fresh Debian 12 machine: installs the toolchains, starts
# Redis if needed, builds, and serves the API and web pages with in-process workers on
# http://127.0.0.1:8080 (flags after the script name go to `judge serve`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/install.sh
bash scripts/generate-data.sh
bash scripts/services.sh
cargo build --release -p cli
exec "$CARGO_TARGET_DIR/release/judge" serve "$@"
