#!/usr/bin/env bash
# `npm test`: lint (with the architecture checks), typecheck, unit tests, then integration tests against the
# real PostgreSQL, Redis and Kafka, which it starts when they are not running.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false
mkdir -p tmp

step() { printf '\n== %s\n' "$*"; }

step "infrastructure"
bash tools/dev/ensure-infrastructure.sh
step "lint"
npm run --silent lint
step "typecheck"
npm run --silent typecheck
step "unit tests"
unit=0
npx jest -c jest.unit.config.js --ci --json --outputFile=tmp/jest-unit.json || unit=$?
step "integration tests"
integration=0
npx jest -c jest.integration.config.js --ci --json --outputFile=tmp/jest-integration.json || integration=$?

node -e '
  const fs = require("node:fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const file of ["tmp/jest-unit.json", "tmp/jest-integration.json"]) {
    if (!fs.existsSync(file)) { failed += 1; console.log(`${file} missing: a test run did not finish`); continue; }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites; skipped += r.numPendingTests;
  }
  console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
'
[ "$unit" -eq 0 ] && [ "$integration" -eq 0 ]
