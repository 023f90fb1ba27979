#!/usr/bin/env sh
# The server tests run against a private PostgreSQL (server/test/services/postgres.ts starts it);
# Debian's package provides the binaries. Installs it when missing, as ensure-chromium.sh does.
set -eu
for initdb in /usr/lib/postgresql/*/bin/initdb; do
  if [ -x "$initdb" ]; then exit 0; fi
done
if [ "$(id -u)" -ne 0 ]; then
  echo "PostgreSQL is missing (no /usr/lib/postgresql/*/bin/initdb): install it (sudo apt-get install postgresql)." >&2
  exit 1
fi
echo "Installing Debian's postgresql for the server tests…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
