#!/usr/bin/env bash
# Start a private Redis for the shared-cache tests on 127.0.0.1:6390: in memory only, in the
# background. Idempotent: a server already answering on the port is left running.
#
# Afterwards: REDIS_URL=redis://127.0.0.1:6390/0
set -euo pipefail

PORT=6390

if ! command -v redis-server >/dev/null; then
    echo "redis-server is missing: apt-get install redis-server (make does it)." >&2
    exit 1
fi

if redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1; then
    exit 0
fi

redis-server --bind 127.0.0.1 --port "$PORT" --daemonize yes --save '' --appendonly no \
    --dir /tmp --pidfile "/tmp/redis-$PORT.pid" --logfile "/tmp/redis-$PORT.log"

for _ in $(seq 30); do
    redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1 && exit 0
    sleep 0.2
done
echo "Redis did not answer on 127.0.0.1:$PORT; see /tmp/redis-$PORT.log." >&2
exit 1
