#!/usr/bin/env bash
# Makes sure PostgreSQL, Redis and Kafka answer on 127.0.0.1, starting whichever is not running.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "infrastructure: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  pg_isready -q -h 127.0.0.1 -p 5432 || {
    echo "infrastructure: PostgreSQL is not answering on 127.0.0.1:5432 (install it: apt-get install postgresql)" >&2
    exit 1
  }
fi

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  command -v redis-server >/dev/null || {
    echo "infrastructure: Redis is not running and not installed (apt-get install redis-server)" >&2
    exit 1
  }
  echo "infrastructure: starting Redis"
  mkdir -p /tmp/kessai-redis
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /tmp/kessai-redis \
    --logfile /tmp/kessai-redis/redis.log
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.2; done
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null || { echo "infrastructure: Redis did not start" >&2; exit 1; }
fi

bash tools/kafka/kafka.sh start
echo "infrastructure: PostgreSQL, Redis and Kafka are up"
