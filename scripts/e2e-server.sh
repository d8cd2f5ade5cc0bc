#!/usr/bin/env bash
# The server for the Playwright suite (playwright.config.ts starts it): the production server (scripts/serve.ts) on
# a fresh build, port 3100, with a throwaway embedded database, mail folder and uploads under ./data/e2e/.
# E2E_SKIP_BUILD=1 reuses ./build; E2E_PORT serves on another port (playwright.config.ts reads the same variable),
# so two runs can share a machine.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${E2E_SKIP_BUILD:-}" != '1' ]; then
  npx remix vite:build
fi

rm -rf ./data/e2e
# PUBLIC_PAGE_CACHE_SECONDS=2: anonymous readers' copies of the catalogue pages (ADR 0015) are used, but never outlive
# a journey's change of free places or prices.
export PUBLIC_PAGE_CACHE_SECONDS=2
# TRUST_PROXY=1: the rate-limit spec sends X-Forwarded-For from made-up addresses, as a load balancer would, so its
# counts never reach the other specs (which come from 127.0.0.1 without the header).
export TRUST_PROXY=1 PGLITE_DIR=./data/e2e/pglite MAIL_DIR=./data/e2e/mail UPLOAD_DIR=./data/e2e/uploads
# Mail goes to files (MAIL_DIR/<id>.json), where the tests read it.
unset SMTP_URL DATABASE_URL

npx tsx scripts/db-migrate.ts
if [ -f prisma/seed.ts ]; then
  npx tsx prisma/seed.ts
else
  echo 'e2e-server: prisma/seed.ts not found, starting without seed data'
fi

port="${E2E_PORT:-3100}"
# The server's own output (not the seed's, which prints the demo passwords) also goes to ./data/e2e/server.log, which
# the log-redaction test reads after the run.
exec > >(tee ./data/e2e/server.log) 2>&1
DEMO_MODE=on HOST=127.0.0.1 PORT="$port" APP_ORIGIN="http://127.0.0.1:$port" exec node --import tsx scripts/serve.ts
