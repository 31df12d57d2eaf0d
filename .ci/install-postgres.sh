#!/usr/bin/env bash
# Installs the PostgreSQL server binaries the test suite starts its own throw-away cluster from
# (tests/XmlShred.Tests/Storage/Postgres/PostgresCluster.cs). Idempotent: does nothing when they are present.
set -euo pipefail

have_binaries() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if ! have_binaries; then
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache show postgresql >/dev/null 2>&1; then $SUDO apt-get update -qq; fi
  $SUDO apt-get install -y -qq postgresql >/dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq postgresql >/dev/null; }
fi

# initdb refuses to run as root; the tests run it as this user when they are root.
if ! getent passwd postgres >/dev/null; then
  $SUDO useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

# The package starts a cluster on 5432; the tests don't need it (they start their own), but it is left alone.
ls -d /usr/lib/postgresql/*/bin | tail -n 1
