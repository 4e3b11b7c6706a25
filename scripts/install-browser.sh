#!/usr/bin/env bash
# Installs what the browser end-to-end test (tests/tests/browser.rs) needs: Debian's Chromium and
# its WebDriver, chromium-driver (/usr/bin/chromium and /usr/bin/chromedriver, same version).
# Safe to run again: it only installs what is missing.
set -euo pipefail

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"

apt_packages=(chromium chromium-driver)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-browser: apt packages ${missing[*]}"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    "${missing[@]}" fonts-dejavu-core >/dev/null
fi

for bin in chromium chromedriver; do
  if ! command -v "$bin" >/dev/null; then
    echo "install-browser: $bin is not on PATH after installing" >&2
    exit 1
  fi
done
echo "install-browser: $(chromium --version 2>/dev/null | head -n1); $(chromedriver --version | head -n1)"
