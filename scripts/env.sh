# Sourced by the other scripts: one warm cargo target directory outside the checkout, so a fresh
# clone (and CI) reuses the wasmtime build instead of repeating it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/judge-target}"
export JUDGE_TOOLCHAINS="${JUDGE_TOOLCHAINS:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.toolchains}"
