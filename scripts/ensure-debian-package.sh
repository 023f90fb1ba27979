#!/usr/bin/env sh
# Installs a Debian package the tests or a benchmark drive, when it is missing: our build machines
# reach only npm and Debian's archive, so the browser, databases and tools come from apt.
#
#   ensure-debian-package.sh [--with-recommends] PACKAGE PROBE WHAT-FOR
#
# PROBE tells whether it is there: a command on PATH (`redis-server`) or an absolute path, which may
# hold a glob (`/usr/lib/postgresql/*/bin/initdb`). Installs as root; otherwise says what to run.
set -eu
recommends=--no-install-recommends
if [ "${1:-}" = --with-recommends ]; then recommends=; shift; fi
if [ $# -ne 3 ]; then
  echo "usage: $0 [--with-recommends] PACKAGE PROBE WHAT-FOR" >&2
  exit 2
fi
package=$1 probe=$2 what_for=$3

present() {
  case "$probe" in
    /*) for file in $probe; do [ -x "$file" ] && return 0; done; return 1 ;;
    *) command -v "$probe" >/dev/null 2>&1 ;;
  esac
}

if present; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "$package is missing ($probe not found), needed for $what_for: install it (sudo apt-get install $package)." >&2
  exit 1
fi
echo "Installing Debian's $package for $what_for…"
apt-get update -qq
# shellcheck disable=SC2086 # $recommends is one flag or nothing
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $recommends "$package" >/dev/null
if ! present; then
  echo "$package is installed but $probe is still missing." >&2
  exit 1
fi
