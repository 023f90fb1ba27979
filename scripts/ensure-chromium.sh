#!/usr/bin/env sh
# The e2e suite drives Debian's Chromium (no browser download is possible on our build machines).
set -eu
CHROMIUM="${ATELIER_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing at $CHROMIUM: install it (sudo apt-get install chromium) or set ATELIER_CHROMIUM." >&2
  exit 1
fi
echo "Installing Debian's chromium for the e2e tests…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
