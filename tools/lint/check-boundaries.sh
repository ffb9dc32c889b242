#!/usr/bin/env bash
# Proves the architecture rules are enforced, not silently skipped: each deliberate violation below must make
# ESLint fail with the rule that forbids it. Run by `npm run lint`.
set -euo pipefail
cd "$(dirname "$0")/../.."

probe_dir=libs/billing/domain/src/lib/__boundary-probe__
cleanup() { rm -rf "$probe_dir" libs/payment/feature-payment-pages/src/lib/__boundary-probe__; }
trap cleanup EXIT

expect_violation() {
  local file=$1 rule=$2 content=$3
  mkdir -p "$(dirname "$file")"
  printf '%s\n' "$content" >"$file"
  local output
  if output=$(npx eslint --no-warn-ignored "$file" 2>&1); then
    echo "boundary check FAILED: $file was accepted, but it breaks $rule:" >&2
    printf '%s\n' "$content" >&2
    exit 1
  fi
  if ! grep -q "$rule" <<<"$output"; then
    echo "boundary check FAILED: $file was rejected, but not by $rule:" >&2
    echo "$output" >&2
    exit 1
  fi
  rm -f "$file"
}

expect_violation libs/payment/feature-payment-pages/src/lib/__boundary-probe__/cross-context.ts \
  '@nx/enforce-module-boundaries' \
  "import { BillRepository } from '@kessai/billing-data-access';
export const probe = BillRepository;"

expect_violation "$probe_dir/framework-in-domain.ts" '@nx/enforce-module-boundaries' \
  "import { Injectable } from '@nestjs/common';
export const probe = Injectable;"

expect_violation "$probe_dir/typeorm-in-domain.ts" '@nx/enforce-module-boundaries' \
  "import { Entity } from 'typeorm';
export const probe = Entity;"

expect_violation "$probe_dir/kafka-outside-messaging.ts" 'no-restricted-imports' \
  "import { Kafka } from 'kafkajs';
export const probe = Kafka;"

expect_violation "$probe_dir/deep-import.ts" '@nx/enforce-module-boundaries' \
  "import { Money } from '../../../../../shared/money/src/lib/money';
export const probe = Money;"

echo "boundary check: 5 deliberate violations rejected as expected"
