// Shared by the two e2e launchers (run.mjs: code-server + chromium; run-electron.mjs: desktop VS Code).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCRATCH = join(ROOT, '.e2e'); // git-ignored
export const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
export const EXT_ID = `${manifest.publisher}.${manifest.name}`.toLowerCase();
export const VSIX = join(SCRATCH, `${manifest.name}-${manifest.version}.vsix`);
export const SUITE = join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js');
export const FIXTURE = join(ROOT, 'test', 'fixtures', 'e2e-workspace');

export class HarnessError extends Error {}

const T0 = Date.now();
export const secs = (t = T0) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
export const log = (...a) => console.log(`[e2e ${secs()}]`, ...a);

/** Runs a node script of the project; throws HarnessError when it fails. */
export function node(script, args = [], extra = {}) {
  const t = Date.now();
  const r = spawnSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], ...extra });
  if (r.status !== 0) throw new HarnessError(`${script} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
  log(`${script}: ok in ${secs(t)}`);
}

/** tsc (the suite and the development extension), esbuild bundles, and the .vsix in .e2e/. */
export function buildAll({ vsix = true, tsc = true } = {}) {
  if (tsc) node('node_modules/typescript/bin/tsc', ['-p', '.']);
  node('scripts/bundle.mjs', [], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (vsix) node('scripts/package.mjs', ['--out', VSIX], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Settings of the test profile: nothing that pops up, nothing that goes online, nothing saved. */
export const USER_SETTINGS = {
  // VS Code in a browser (code-server) auto-saves 1 s after an edit by default. The suite edits
  // buffers and reverts them to the fixture as written; a save in between (a loaded machine is slow
  // enough) would write the edit to disk, and the revert would bring nothing back.
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'editor.hover.delay': 100,
};

/**
 * A fresh scratch folder for one run: user data (with USER_SETTINGS), extensions, XDG dirs, TMPDIR,
 * and a copy of the fixture workspace (the tests edit buffers; the repository's copy stays clean).
 */
export function prepareRunDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  const d = (p) => join(dir, p);
  for (const p of ['config', 'data', 'cache', 'tmp', 'ud/User', 'exts']) mkdirSync(d(p), { recursive: true });
  writeFileSync(d('ud/User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  cpSync(FIXTURE, d('workspace'), { recursive: true });
  return {
    d, workspace: d('workspace'), userData: d('ud'), extensions: d('exts'), results: d('results.json'), scene: d('scene.json'),
    languageServerLog: d('language-server.log'),
  };
}

/**
 * VS Code runs extensionTestsPath only in an extension-development window. When the extension under
 * test is the installed .vsix, the development extension is this empty stub (no code, another id).
 */
export function writeStubExtension(dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({
    name: 'attribution-lens-e2e-stub', publisher: 'attribution-lens', version: '0.0.0',
    engines: { vscode: manifest.engines.vscode },
  }));
  return dir;
}

/** Environment the suite reads (see test/e2e/suite/index.ts). */
export function suiteEnv({ mode, results, grep = '', scene = '', serverLog = '' }) {
  return {
    ATTRIBUTION_LENS_E2E_MODE: mode,
    ATTRIBUTION_LENS_E2E_RESULTS: results,
    ATTRIBUTION_LENS_E2E_EXTENSION_ID: EXT_ID,
    ATTRIBUTION_LENS_E2E_GREP: grep,
    // where 99-scene.test.ts writes what the launcher then checks in the DOM ('' = no scene)
    ATTRIBUTION_LENS_E2E_SCENE_FILE: scene,
    // the language server started by the extension appends its trace here (server/src/lsp/logFile.ts),
    // and the suite marks where each test starts: read it when a test fails ('' = no log)
    ATTRIBUTION_LENS_SERVER_LOG: serverLog,
  };
}

export function readResults(file, code) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { passed: 0, failed: code === 0 ? 0 : 1, pending: 0, failures: [], missing: true };
  }
}

export const rel = (p) => relative(ROOT, p);
