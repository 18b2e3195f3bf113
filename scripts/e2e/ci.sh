#!/usr/bin/env bash
# The e2e stage for .ci/run (after `npm ci` and `npm test`): installs or reuses code-server and
# chromium, then builds, bundles, packages and runs the end-to-end suite in both modes (the
# installed .vsix, and the development tree). The exit code is the suite's.
set -euo pipefail
cd "$(dirname "$0")/../.."
t0=$(date +%s)
CODE_SERVER=$(bash scripts/e2e/setup-code-server.sh | tail -n 1)
echo "[e2e] setup done in $(( $(date +%s) - t0 )) s"
export CODE_SERVER
status=0
node scripts/e2e/run.mjs --skip-tsc "$@" || status=$?
echo "[e2e] stage finished in $(( $(date +%s) - t0 )) s (exit $status)"
exit $status
