#!/usr/bin/env bash
# Makes sure Playwright has a Chromium: PLAYWRIGHT_CHROMIUM_PATH, Playwright's own build, or Debian's chromium
# (installed here when none of them exists). Quiet when nothing is needed.
set -euo pipefail

if [ -n "${PLAYWRIGHT_CHROMIUM_PATH:-}" ] && [ -x "${PLAYWRIGHT_CHROMIUM_PATH}" ]; then
  exit 0
fi

if node -e "process.exit(require('node:fs').existsSync(require('playwright-core').chromium.executablePath()) ? 0 : 1)" 2>/dev/null; then
  exit 0
fi

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

sudo=''
if [ "$(id -u)" -ne 0 ]; then
  sudo='sudo'
fi

echo 'ensure-browser: installing Debian chromium for Playwright'
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y -q chromium >/dev/null; then
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q chromium >/dev/null
fi
