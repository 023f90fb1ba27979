#!/usr/bin/env sh
# The cluster tests start private redis-server processes (server/test/services/redis.ts): Debian's.
set -eu
if command -v redis-server >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "redis-server is missing: install it (sudo apt-get install redis-server)." >&2
  exit 1
fi
echo "Installing Debian's redis-server for the cluster tests…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
