#!/usr/bin/env bash
# `npm test`: every suite, in the order that lets a failure show up soonest.
set -euo pipefail
cd "$(dirname "$0")/../.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Browser for the end-to-end tests"
bash src/cli/ensure-chromium.sh

# The database suites also run on a real PostgreSQL when one answers (each run creates and
# drops its own databases). TEST_POSTGRES_URL may name another server.
if [ -z "${TEST_POSTGRES_URL:-}" ] && node src/cli/pg-reachable.mjs postgres://postgres@127.0.0.1:5432/postgres; then
  export TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres
fi
if [ -n "${TEST_POSTGRES_URL:-}" ]; then echo "PostgreSQL suites: on (${TEST_POSTGRES_URL%%@*}@...)"; else echo "PostgreSQL suites: off (no server at 127.0.0.1:5432; PGlite only)"; fi

step "Format and types"
npx prettier --check . --log-level warn
npx astro check --minimumSeverity warning

step "Unit tests"
npx vitest run --project unit

step "Integration tests (database)"
npx vitest run --project integration

step "Build"
npm run build

step "Build checks (pages, sizes, server routes)"
npx vitest run --project build

step "End-to-end tests (Chromium)"
npx playwright test
