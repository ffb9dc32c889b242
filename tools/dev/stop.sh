#!/usr/bin/env bash
# `npm stop`: SIGTERM to every service `npm start` launched (each finishes its work and exits), then Kafka.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/dev/services.sh
RUN_DIR=tmp/run
for entry in $KESSAI_SERVICES; do
  name=${entry%%:*}
  pid_file="$RUN_DIR/$name.pid"
  [ -f "$pid_file" ] || continue
  pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && { echo "stop: $name did not exit in 10 s; killing it"; kill -KILL "$pid"; }
    echo "stop: $name stopped"
  fi
  rm -f "$pid_file"
done
[ "${1:-}" = "--keep-kafka" ] || bash tools/kafka/kafka.sh stop
