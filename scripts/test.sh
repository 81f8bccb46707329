#!/usr/bin/env bash
# `npm test`: the whole suite. Unit, integration and end-to-end layers, each on the embedded
# database (PGlite) and on PostgreSQL (TEST_DATABASE_URL, or the local server when it answers).
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
results=$(mktemp -d)
failed_layers=()

if [[ -z "${TEST_DATABASE_URL:-}" && "${TEST_POSTGRES:-auto}" != "0" ]]; then
  candidate="postgres://postgres@127.0.0.1:5432/test"
  if node -e "require('net').connect(5432,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))" 2>/dev/null; then
    export TEST_DATABASE_URL="$candidate"
    echo "PostgreSQL answers on 127.0.0.1:5432: the database layers also run there ($candidate)."
  else
    echo "No PostgreSQL on 127.0.0.1:5432 and TEST_DATABASE_URL unset: running on PGlite only."
  fi
fi

run() { # name, then the command
  local name=$1; shift
  echo; echo "=== $name ==="
  if ! "$@" --reporter=default --reporter=json --outputFile="$results/$name.json"; then failed_layers+=("$name"); fi
}

run unit npx vitest run --project unit
run integration-pglite env -u TEST_DATABASE_URL npx vitest run --project integration
[[ -n "${TEST_DATABASE_URL:-}" ]] && run integration-postgres npx vitest run --project integration

if [[ "${SKIP_BUILD:-0}" != "1" || ! -f .next/BUILD_ID ]]; then
  echo; echo "=== build ==="
  # The build must not touch a database: with no DATABASE_URL, a PGlite folder would appear in DATA_DIR.
  # The standalone output too (tests/e2e/server-entry.test.ts starts it); `npm start` serves the same build.
  env -u DATABASE_URL DATA_DIR="$results/build-data" SKIP_BUILD_TYPECHECK=1 STANDALONE=1 npm run build >"$results/build.log" 2>&1 || { cat "$results/build.log"; echo "build failed"; exit 1; }
  if [[ -e "$results/build-data" ]]; then echo "next build opened the database (it created DATA_DIR); routes must read data per request"; exit 1; fi
fi
# The two end-to-end layers run side by side: each has its own servers, databases, ports, Redis
# prefixes and browser, and most of their time is spent waiting (clocks, retries, servers starting),
# so together they take little longer than the slower one alone. E2E_PARALLEL=0 runs them in turn.
if [[ -n "${TEST_DATABASE_URL:-}" && "${E2E_PARALLEL:-1}" != "0" ]]; then
  echo; echo "=== e2e-pglite and e2e-postgres, side by side (each printed when it ends) ==="
  ( failed_layers=(); run e2e-pglite env -u TEST_DATABASE_URL npx vitest run --project e2e >"$results/e2e-pglite.log" 2>&1; ((${#failed_layers[@]})) && touch "$results/e2e-pglite.failed" ) &
  pglite_job=$!
  ( failed_layers=(); run e2e-postgres npx vitest run --project e2e >"$results/e2e-postgres.log" 2>&1; ((${#failed_layers[@]})) && touch "$results/e2e-postgres.failed" ) &
  postgres_job=$!
  wait "$pglite_job" "$postgres_job"
  for layer in e2e-pglite e2e-postgres; do
    cat "$results/$layer.log"; rm -f "$results/$layer.log"
    if [[ -e "$results/$layer.failed" ]]; then failed_layers+=("$layer"); rm -f "$results/$layer.failed"; fi
  done
else
  run e2e-pglite env -u TEST_DATABASE_URL npx vitest run --project e2e
  [[ -n "${TEST_DATABASE_URL:-}" ]] && run e2e-postgres npx vitest run --project e2e
fi

node -e '
const fs = require("fs"), path = require("path");
let passed = 0, failed = 0, skipped = 0;
const failures = [];
for (const f of fs.readdirSync(process.argv[1]).filter((f) => f.endsWith(".json"))) {
  const r = JSON.parse(fs.readFileSync(path.join(process.argv[1], f), "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests || 0);
  console.log(`${f.replace(".json", "").padEnd(22)} ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  for (const file of r.testResults) {
    for (const t of file.assertionResults.filter((t) => t.status === "failed")) {
      failures.push(`${f.replace(".json", "")}: ${path.relative(process.cwd(), file.name)} > ${t.fullName}\n    ${(t.failureMessages[0] || "").split("\n").slice(0, 6).join("\n    ")}`);
    }
    if (file.status === "failed" && !file.assertionResults.some((t) => t.status === "failed")) {
      failures.push(`${f.replace(".json", "")}: ${path.relative(process.cwd(), file.name)}\n    ${(file.message || "").split("\n").slice(0, 6).join("\n    ")}`);
    }
  }
}
if (failures.length) console.log("\nFailed tests:\n" + failures.join("\n"));
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$results"
rm -rf "$results"
if ((${#failed_layers[@]})); then echo "Failed: ${failed_layers[*]}"; exit 1; fi
