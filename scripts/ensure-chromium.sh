#!/usr/bin/env bash
# The browser tests drive Debian's Chromium: test tools may not download a browser of their own here.
# Installs it when missing (as root, as CI runs); otherwise says exactly what to do.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is needed for the browser tests: sudo apt-get install -y chromium" >&2
  exit 1
fi
echo "installing Chromium from Debian's packages for the browser tests"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
command -v chromium
