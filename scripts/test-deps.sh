#!/usr/bin/env bash
# System packages the test suite needs: Debian's Chromium (browser end-to-end tests drive it with
# Playwright's Python client; no browser is downloaded), CJK and emoji fonts for readable screenshots, and
# the PostgreSQL server (the audit-log tests start a throwaway cluster on a loopback port).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi "cjk" || need+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep -qi "emoji" || need+=(fonts-noto-color-emoji)  # ✅ ➕ in screenshots
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ "${#need[@]}" -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "[setup] installing ${need[*]} with apt-get" >&2
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
