#!/usr/bin/env bash
# Fuzz the API against its own OpenAPI schema with schemathesis: every check, a fixed seed and
# a bounded number of examples per operation, so a run is repeatable and takes minutes.
#
# The app runs on 127.0.0.1 at a free port, on a fresh seeded SQLite database in a temporary
# folder, and schemathesis writes as a superuser's token, so writes are fuzzed too. Any failure
# (a 5xx, a response that breaks the schema, a refused valid request...) fails the script.
#
#   scripts/schemathesis.sh                  # the default budget
#   SCHEMATHESIS_MAX_EXAMPLES=200 scripts/schemathesis.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
WORK="$(mktemp -d)"
SERVER=""

cleanup() {
    if [ -n "$SERVER" ]; then
        kill "$SERVER" 2>/dev/null || true
        wait "$SERVER" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

export DATABASE_URL="sqlite:///$WORK/db.sqlite3"
export MEDIA_ROOT="$WORK/media"
export CACHE_URL="locmemcache://"
export DJANGO_DEBUG=true
# Anonymous requests are throttled in production; not during a fuzzing run.
export API_ANON_RATE="1000000/hour"

"$PY" manage.py migrate --noinput >/dev/null
"$PY" manage.py load_seed >/dev/null
"$PY" manage.py shell -c "
from django.contrib.auth import get_user_model
get_user_model().objects.create_superuser('schemathesis', 'fuzz@example.org', None)
" >/dev/null
SECRET="$("$PY" manage.py create_api_token schemathesis --name schemathesis)"

PORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$PY" manage.py runserver --noreload "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!

.venv/bin/schemathesis --config-file schemathesis.toml \
    run "http://127.0.0.1:$PORT/api/schema/" \
    --wait-for-schema 60 \
    --checks all \
    --seed "${SCHEMATHESIS_SEED:-20241220}" \
    --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-25}" \
    --generation-database none \
    --workers 1 \
    --header "Authorization: Token $SECRET" \
    --no-color \
    "$@" || {
    status=$?
    echo "--- the server's log ---"
    tail -n 100 "$WORK/server.log"
    exit $status
}
