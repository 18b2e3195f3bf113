// Entry point of the end-to-end suite, loaded by VS Code's extension host as `extensionTestsPath`.
// The same `run()` serves both launchers:
//   - scripts/e2e/run.mjs: code-server 4.100.3 (VS Code 1.100.3) in headless chromium, offline;
//   - scripts/e2e/run-electron.mjs: @vscode/test-electron on a desktop machine.
// Environment (set by the launchers, all optional):
//   ATTRIBUTION_LENS_E2E_GREP     only run tests whose title matches
//   ATTRIBUTION_LENS_E2E_RESULTS  write {passed, failed, pending, failures[]} as JSON to this file
//   ATTRIBUTION_LENS_SERVER_LOG   the language server's log file; the suite notes each test in it
import * as fs from 'fs';
import * as path from 'path';
import Mocha = require('mocha');
import { note } from './helpers';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, slow: 5_000 });
  const grep = process.env.ATTRIBUTION_LENS_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    const failures: { title: string; error: string }[] = [];
    let passed = 0;
    let pending = 0;
    const runner = mocha.run((failed) => {
      const resultsFile = process.env.ATTRIBUTION_LENS_E2E_RESULTS;
      if (resultsFile) {
        fs.writeFileSync(resultsFile, JSON.stringify({ passed, failed, pending, failures }, null, 2));
      }
      if (failed > 0) reject(new Error(`${failed} end-to-end test(s) failed`));
      else resolve();
    });
    runner.on('test', (test) => note(`test: ${test.fullTitle()}`));
    runner.on('pass', () => passed++);
    runner.on('pending', () => pending++);
    runner.on('fail', (test, err: Error) => {
      failures.push({ title: test.fullTitle(), error: String(err?.stack ?? err) });
      note(`FAILED: ${test.fullTitle()}: ${String(err?.message ?? err)}`);
    });
  });
}
