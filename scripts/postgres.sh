#!/usr/bin/env bash
# Start the local PostgreSQL server and make sure the `lausitz` role and
# database exist. Idempotent; needs root (apt-get, pg_ctlcluster, runuser).
#
# Afterwards: DATABASE_URL=postgres://lausitz:lausitz@127.0.0.1:5432/lausitz
# The role may create databases because pytest-django creates test_lausitz.
set -euo pipefail

PORT=5432

if [[ $EUID -ne 0 ]]; then
    echo "scripts/postgres.sh must run as root (it starts the server as the postgres user)." >&2
    exit 1
fi

cluster() {
    # "version name" of the cluster on our port, if any.
    pg_lsclusters --no-header 2>/dev/null | awk -v port="$PORT" '$3 == port { print $1, $2; exit }'
}

if ! command -v pg_ctlcluster >/dev/null || [[ -z "$(cluster)" ]]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
fi

read -r version name < <(cluster) || {
    echo "No PostgreSQL cluster on port $PORT (see pg_lsclusters)." >&2
    exit 1
}

# The server refuses to run as root; pg_ctlcluster starts it as its owner.
# Exit status 2 means "already running".
pg_ctlcluster "$version" "$name" start || [[ $? -eq 2 ]]

for _ in $(seq 30); do
    pg_isready --quiet --host 127.0.0.1 --port "$PORT" && break
    sleep 1
done
pg_isready --host 127.0.0.1 --port "$PORT"

# psql as postgres cannot enter root's working directory; start from /.
cd /
runuser -u postgres -- psql --quiet --port "$PORT" -v ON_ERROR_STOP=1 <<'SQL'
SELECT 'CREATE ROLE lausitz' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lausitz')
\gexec
ALTER ROLE lausitz LOGIN CREATEDB PASSWORD 'lausitz';
SELECT 'CREATE DATABASE lausitz OWNER lausitz'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'lausitz')
\gexec
SQL
