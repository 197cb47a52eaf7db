#!/usr/bin/env bash
# Serves the built site and its Worker with wrangler dev: offline, no account.
#   PORT (default 8788), PERSIST_TO (local state folder, default .wrangler/state).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH" CLOUDFLARE_CF_FETCH_ENABLED=false WRANGLER_SEND_METRICS=false
persist=${PERSIST_TO:-.wrangler/state}
port=${PORT:-8788}
if [[ -d migrations ]] && ls migrations/*.sql >/dev/null 2>&1; then
  wrangler d1 migrations apply DB --local --persist-to "$persist" >/dev/null
fi
exec wrangler dev --ip 127.0.0.1 --port "$port" --persist-to "$persist" --show-interactive-dev-session=false ${WRANGLER_DEV_ARGS:-}
