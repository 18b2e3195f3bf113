#!/usr/bin/env node
// The same end-to-end suite in desktop VS Code, through @vscode/test-electron, for a machine that can
// download VS Code (a developer's laptop). On the offline CI machines `npm run test:e2e` uses
// code-server instead (run.mjs); both load out/test/e2e/suite/index.js and its run().
//
//   node scripts/e2e/run-electron.mjs [--grep PATTERN] [--skip-build]
//
// VS Code is pinned to the version of @types/vscode (engines.vscode), so the suite runs against the
// API it was compiled for. The launcher's DOM checks (99-scene.test.ts) need the code-server route
// and are skipped here. Extra: VSCODE_EXECUTABLE_PATH=/path/to/code skips the download.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FIXTURE, ROOT, SCRATCH, SUITE, buildAll, log, prepareRunDir, readResults, suiteEnv } from './common.mjs';

const require = createRequire(import.meta.url);
const { runTests } = require('@vscode/test-electron');

const args = process.argv.slice(2);
const grepAt = args.indexOf('--grep');
const grep = grepAt >= 0 ? args[grepAt + 1] : process.env.ATTRIBUTION_LENS_E2E_GREP || '';
if (!args.includes('--skip-build')) buildAll({ vsix: false });

const version = require(join(ROOT, 'node_modules', '@types', 'vscode', 'package.json')).version;
const run = prepareRunDir(join(SCRATCH, 'electron'));
log(`desktop VS Code ${version} on a copy of ${FIXTURE}`);
try {
  await runTests({
    version,
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: SUITE,
    extensionTestsEnv: suiteEnv({ mode: 'dev', results: run.results, grep, serverLog: run.languageServerLog }),
    launchArgs: [run.workspace, '--user-data-dir', run.userData, '--extensions-dir', run.extensions, '--disable-workspace-trust'],
  });
  const r = readResults(run.results, 0);
  console.log(`e2e (electron): ${r.passed} passed, ${r.failed} failed`);
  process.exit(0);
} catch (e) {
  const r = readResults(run.results, 1);
  for (const f of r.failures) console.log(`  FAILED ${f.title}\n    ${f.error.split('\n').slice(0, 6).join('\n    ')}`);
  console.error(`e2e (electron) failed: ${e?.message ?? e}`);
  process.exit(1);
}
