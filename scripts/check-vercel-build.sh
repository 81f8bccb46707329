#!/usr/bin/env bash
# Builds the app as Vercel does (the Vercel CLI's local `vercel build`, pinned: the newest CLI is not
# installable from every registry) and checks that the traced server functions carry what the app
# reads from disk at run time: the committed SQL migrations in drizzle/ (db/migrate.ts reads
# process.cwd()/drizzle at start-up; no import names them, so only outputFileTracingIncludes in
# next.config.mjs puts them in the trace).
#
#   npm run check:vercel            # about 2-3 minutes on 2 cores; needs the npm registry once for the CLI
#   KEEP_VERCEL_OUTPUT=1 npm run check:vercel   # leave .vercel/output for inspection
#
# It writes .next/ (the build Vercel's builder runs) and .vercel/; a .vercel/project.json it had to
# create is removed again, as is .vercel/output unless KEEP_VERCEL_OUTPUT=1.
set -euo pipefail
cd "$(dirname "$0")/.."

VERCEL_CLI="${VERCEL_CLI:-vercel@48.9.2}"
export NEXT_TELEMETRY_DISABLED=1 VERCEL_TELEMETRY_DISABLED=1
# CI type-checks in its own step.
export SKIP_BUILD_TYPECHECK="${SKIP_BUILD_TYPECHECK:-1}"

created_project=0
cleanup() {
  if [ "$created_project" = 1 ]; then
    rm -f .vercel/project.json
    rmdir .vercel 2>/dev/null || true
  fi
  if [ "${KEEP_VERCEL_OUTPUT:-0}" != 1 ]; then
    rm -rf .vercel/output
    rmdir .vercel 2>/dev/null || true
  fi
}
trap cleanup EXIT

if [ ! -f .vercel/project.json ]; then
  mkdir -p .vercel
  # A local build needs no linked project: ids are placeholders, settings are the framework's.
  cat > .vercel/project.json <<'JSON'
{"projectId":"_local_check","orgId":"_local_check","settings":{"framework":"nextjs"}}
JSON
  created_project=1
fi

start=$(date +%s)
rm -rf .vercel/output
npx --yes "$VERCEL_CLI" build --yes
echo "vercel build: $(( $(date +%s) - start )) s"

out=.vercel/output
test -f "$out/config.json" || { echo "FAIL: $out/config.json missing" >&2; exit 1; }

# Every Node.js function Vercel will deploy (a .func folder with a .vc-config.json whose runtime is
# nodejs*). Prerendered pages share one function per route; symlinked copies count as the target.
fail=0
funcs=0
while IFS= read -r cfg; do
  dir=$(dirname "$cfg")
  grep -q '"runtime": *"nodejs' "$cfg" || continue
  # proxy.ts (the /admin sign-in shortcut) runs as _middleware and never opens the database.
  case "$dir" in */_middleware.func) continue ;; esac
  funcs=$((funcs + 1))
  # A function is its folder's files plus the filePathMap in .vc-config.json (files outside it).
  if [ -f "$dir/drizzle/meta/_journal.json" ] || grep -q '"drizzle/meta/_journal.json"' "$cfg"; then
    missing=0
    for sql in drizzle/*.sql; do
      if [ ! -f "$dir/$sql" ] && ! grep -q "\"$sql\"" "$cfg"; then missing=1; echo "FAIL: $dir lacks $sql" >&2; fi
    done
    [ "$missing" = 0 ] || fail=1
  else
    echo "FAIL: $dir has no drizzle/meta/_journal.json" >&2
    fail=1
  fi
done < <(find -L "$out/functions" -name .vc-config.json | sort)

if [ "$funcs" = 0 ]; then echo "FAIL: no Node.js functions in $out/functions" >&2; exit 1; fi
if [ "$fail" != 0 ]; then exit 1; fi
echo "OK: $funcs Node.js functions, each with drizzle/meta/_journal.json and $(ls drizzle/*.sql | wc -l) migrations"
echo "total: $(( $(date +%s) - start )) s"
