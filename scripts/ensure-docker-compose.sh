#!/usr/bin/env sh
# The compose test validates the compose files with Debian's docker-compose (`docker-compose config`;
# no Docker engine is needed for that).
set -eu
if command -v docker-compose >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "docker-compose is missing: install it (sudo apt-get install docker-compose)." >&2
  exit 1
fi
echo "Installing Debian's docker-compose for the compose test…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
