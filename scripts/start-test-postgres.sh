#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster and makes the role and database the receiver's tests use
# (postgres://civic:civic@127.0.0.1:5432/civic_action_test, the tests' default URL).
# Run as root on a machine with the `postgresql` package; safe to run again.
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
# pg_ctlcluster drops to the cluster's owner (postgres): the server refuses to run as root.
pg_ctlcluster "$version" main start 2>/dev/null || pg_ctlcluster "$version" main status >/dev/null
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432" && break
  sleep 1
done
psql_as_postgres() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtA -h /var/run/postgresql -c \"$1\""; }
if [ "$(psql_as_postgres "SELECT 1 FROM pg_roles WHERE rolname = 'civic'")" != "1" ]; then
  psql_as_postgres "CREATE ROLE civic LOGIN PASSWORD 'civic' CREATEDB"
fi
if [ "$(psql_as_postgres "SELECT 1 FROM pg_database WHERE datname = 'civic_action_test'")" != "1" ]; then
  psql_as_postgres "CREATE DATABASE civic_action_test OWNER civic"
fi
echo "PostgreSQL $version ready: postgres://civic:civic@127.0.0.1:5432/civic_action_test"
