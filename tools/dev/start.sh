#!/usr/bin/env bash
# `npm start`: everything a fresh clone needs to run the platform locally. Installs the dependencies if
# missing, starts PostgreSQL/Redis/Kafka, creates the catalogue's topics, migrates, starts every service in
# the background and waits until each is ready. `npm stop` stops them (and Kafka).
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/dev/services.sh
RUN_DIR=tmp/run
mkdir -p "$RUN_DIR"

[ -d node_modules/.bin ] || { echo "start: installing dependencies"; npm install --no-audit --no-fund; }
bash tools/dev/ensure-infrastructure.sh
node -r @swc-node/register tools/kafka/create-topics.ts
node -r @swc-node/register tools/db/migrate.ts
node -r @swc-node/register tools/seed/seed-demo-merchant.ts
node -r @swc-node/register tools/seed/seed-demo-console-user.ts
# The console manages API keys through the gateway's admin API: both get the same development token.
export ADMIN_TOKEN=${ADMIN_TOKEN:-kessai-local-development-admin-token}
export GATEWAY_ADMIN_TOKEN=${GATEWAY_ADMIN_TOKEN:-$ADMIN_TOKEN}

for entry in $KESSAI_SERVICES; do
  name=${entry%%:*} port=${entry##*:}
  pid_file="$RUN_DIR/$name.pid"
  if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "start: $name is running already (pid $(cat "$pid_file"))"
    continue
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "start: port $port for $name is taken by another program; stop it or set PORT" >&2
    exit 1
  fi
  # processor-sim posts its signed webhooks (konbini paid, wallet, 3-D Secure) to payment-screen.
  PROCESSOR_WEBHOOK_URL=${PROCESSOR_WEBHOOK_URL:-http://127.0.0.1:3002/processor/webhooks} PORT=$port nohup node -r @swc-node/register "apps/$name/src/main.ts" >"$RUN_DIR/$name.log" 2>&1 &
  echo $! >"$pid_file"
done

failed=0
for entry in $KESSAI_SERVICES; do
  name=${entry%%:*} port=${entry##*:}
  ready=no
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then ready=yes; break; fi
    kill -0 "$(cat "$RUN_DIR/$name.pid")" 2>/dev/null || break
    sleep 0.5
  done
  if [ $ready = no ]; then
    echo "start: $name did not become ready; last lines of $RUN_DIR/$name.log:" >&2
    tail -n 20 "$RUN_DIR/$name.log" >&2
    failed=1
  fi
done
[ $failed -eq 0 ] || exit 1

cat <<MSG

Kessai is up. Services (health: /health/live, /health/ready):
$(for entry in $KESSAI_SERVICES; do printf '  %-18s http://127.0.0.1:%s\n' "${entry%%:*}" "${entry##*:}"; done)
Kafka: 127.0.0.1:9092   PostgreSQL: 127.0.0.1:5432 (one schema per service)   Redis: 127.0.0.1:6379
Logs: $RUN_DIR/<service>.log   Stop: npm stop

Demo merchant "demo-merchant": create a bill through the gateway with its test API key (seeded by tools/seed):
  curl -s -X POST http://127.0.0.1:3000/bills -H 'content-type: application/json' \\
    -H 'authorization: Bearer kes_test_DemoMerchantLocalDevelopmentOnlyKey00000000' -H 'idempotency-key: demo-1' \\
    -d '{"merchantBillNumber":"DEMO-1","amount":1500,"currency":"JPY","dueDate":"2099-12-31","allowedPaymentMethods":["card"]}'
Merchant console (through the gateway): http://127.0.0.1:3000/console  sign in as demo-merchant / admin@demo-merchant.example / demo-console-password
Merchant API reference: http://127.0.0.1:3000/openapi.json   Flow-control metrics: http://127.0.0.1:3000/metrics
MSG
