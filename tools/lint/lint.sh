#!/usr/bin/env bash
# `npm run lint`: ESLint with the module-boundary rules, proof that those rules are really enforced, and the
# check that no published event version changed incompatibly.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false
# The boundary rule reads Nx's project graph; without a fresh one it silently skips itself.
npx nx reset --only-cache >/dev/null 2>&1 || true
npx nx show projects >/dev/null
npx eslint . --max-warnings 0
bash tools/lint/check-boundaries.sh
npm run --silent contracts:check
