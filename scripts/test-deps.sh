#!/usr/bin/env bash
# System packages the test suite needs: Debian's Chromium (browser end-to-end tests drive it with
# Playwright's Python client; no browser is downloaded) and CJK fonts for readable screenshots.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "cjk"; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "[setup] installing chromium and CJK fonts with apt-get" >&2
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
