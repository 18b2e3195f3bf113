#!/usr/bin/env node
// End-to-end tests in a real VS Code, offline: code-server 4.100.3 (VS Code 1.100.3) in Debian's
// headless chromium, driven by playwright-core. `npm run test:e2e` runs this.
//
//   node scripts/e2e/run.mjs [--mode vsix|dev|both] [--skip-build | --skip-tsc] [--grep PATTERN]
//                            [--screenshot FILE | --no-screenshot] [--keep]
//
// Steps: setup (scripts/e2e/setup-code-server.sh: cached code-server + chromium; skipped when
// CODE_SERVER is set) -> tsc -> esbuild bundles -> .vsix -> for each mode: a fresh scratch folder
// .e2e/<mode>/ (user data, extensions, XDG dirs, TMPDIR, a copy of test/fixtures/e2e-workspace),
// code-server on 127.0.0.1, /healthz, the workbench opened with VS Code's test payload
// (extensionTestsPath = out/test/e2e/suite/index.js), the suite's result caught through
// window.codeAutomationExit, then the whole process group of the server is killed.
// Modes:
//   vsix  the packaged .vsix is installed with `code-server --install-extension`, and the suite runs
//         against that installed copy (bundled client and server). The screenshot is taken here.
//   dev   the extension is loaded from the repository (extensionDevelopmentPath = repo, tsc output).
// Exit code: 0 when every mode passed, 1 when a test failed, 2 when the harness itself failed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { format } from 'node:util';
import {
  EXT_ID, HarnessError, ROOT, SCRATCH, SUITE, VSIX, buildAll, log, prepareRunDir, readResults, rel, secs,
  suiteEnv, writeStubExtension,
} from './common.mjs';

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SUITE_TIMEOUT_MS = Number(process.env.ATTRIBUTION_LENS_E2E_TIMEOUT_MS || 150_000);
// the workbench's own chatter on the automation log; everything else (mocha's report included) is shown
const WORKBENCH_NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|\[Service Worker\]|Updating additional builtin extensions cache|ChatSessionStore:|Ignoring fetching additional builtin extensions|Creation of workbench contribution)/;

// ---- arguments -------------------------------------------------------------------------------
const opts = { mode: 'both', build: true, tsc: true, grep: process.env.ATTRIBUTION_LENS_E2E_GREP || '', screenshot: join(ROOT, 'docs', 'screenshot-e2e.png'), keep: false };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  const val = () => process.argv[++i];
  if (a === '--mode') opts.mode = val();
  else if (a === '--skip-build') opts.build = false;
  else if (a === '--skip-tsc') opts.tsc = false; // out/ is fresh (CI runs this right after `npm test`)
  else if (a === '--grep') opts.grep = val();
  else if (a === '--screenshot') opts.screenshot = join(process.cwd(), val());
  else if (a === '--no-screenshot') opts.screenshot = '';
  else if (a === '--keep') opts.keep = true;
  else { console.error(`run.mjs: unknown argument ${a}`); process.exit(2); }
}
const modes = opts.mode === 'both' ? ['vsix', 'dev'] : [opts.mode];
if (!modes.every((m) => m === 'vsix' || m === 'dev')) { console.error(`run.mjs: bad --mode ${opts.mode}`); process.exit(2); }

// ---- processes -------------------------------------------------------------------------------
const children = new Set();
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => { await Promise.all([...children].map(killGroup)); process.exit(130); });
}

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

async function waitHealthy(base, child, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new HarnessError(`code-server exited early (code ${child.exitCode})`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100)); // polling a port before any test runs
  }
  throw new HarnessError(`code-server not healthy after ${ms} ms`);
}

/** Kills the process group of a child started with `detached: true` (code-server, its extension host, the language server). */
function killGroup(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((res) => {
    const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch {} }, 5_000);
    child.once('exit', () => { clearTimeout(t); res(); });
    try { process.kill(-child.pid, 'SIGTERM'); } catch { clearTimeout(t); res(); }
  });
}

// ---- one mode --------------------------------------------------------------------------------
async function runMode(mode, codeServer) {
  const tMode = Date.now();
  const dir = join(SCRATCH, mode);
  const run = prepareRunDir(dir);
  const shoot = Boolean(opts.screenshot) && mode === 'vsix';
  // code-server and everything it starts (extension host, language server) keep their files in `dir`
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: run.d('config'), XDG_DATA_HOME: run.d('data'), XDG_CACHE_HOME: run.d('cache'), TMPDIR: run.d('tmp'),
    ...suiteEnv({ mode, results: run.results, grep: opts.grep, scene: run.scene, serverLog: run.languageServerLog }),
    EXTENSIONS_GALLERY: '{}', // offline: no extension gallery (code-server would look up open-vsx.org)
  };
  delete env.ELECTRON_RUN_AS_NODE;
  const csArgs = ['--user-data-dir', run.userData, '--extensions-dir', run.extensions];

  let devPath = ROOT;
  if (mode === 'vsix') {
    devPath = writeStubExtension(run.d('stub'));
    const t = Date.now();
    const r = spawnSync(codeServer, [...csArgs, '--install-extension', VSIX], { env, encoding: 'utf8' });
    const installed = readdirSync(run.extensions).find((f) => f.toLowerCase().startsWith(`${EXT_ID}-`));
    if (r.status !== 0 || !installed) {
      throw new HarnessError(`--install-extension failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    }
    log(`[${mode}] code-server --install-extension ${rel(VSIX)} -> ${installed} in ${secs(t)}`);
  }

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const serverLog = run.d('server.log');
  const logFd = openSync(serverLog, 'w');
  const server = spawn(codeServer, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', ...csArgs,
  ], { env, detached: true, stdio: ['ignore', logFd, logFd] }); // detached: its own process group
  children.add(server);
  let browser;
  let sceneWatcher;
  try {
    await waitHealthy(base, server);
    log(`[${mode}] code-server healthy on ${base}`);
    const { chromium } = require('playwright-core');
    browser = await chromium.launchPersistentContext(run.d('chromium'), {
      executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 760 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-features=Translate'],
      env: { ...env, HOME: run.d('data') },
    });
    const page = browser.pages()[0] || await browser.newPage();
    let finish;
    const exited = new Promise((r) => (finish = r));
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (!WORKBENCH_NOISE.test(text)) console.log(text.split('\n').map((l) => `  ${l}`).join('\n'));
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    page.on('pageerror', (e) => console.log(`  [page error] ${e.message}`));
    const host = new URL(base).host;
    const remote = (p) => `vscode-remote://${host}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(devPath)],
      ['extensionTestsPath', remote(SUITE)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const url = `${base}/?folder=${encodeURIComponent(run.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const timer = setTimeout(() => finish('timeout'), SUITE_TIMEOUT_MS);
    // the suite's last file (99-scene.test.ts) asks for the DOM checks while the extension is alive
    sceneWatcher = answerScene(run.scene, async (scene) => {
      if (process.env.ATTRIBUTION_LENS_E2E_DUMP_DOM) writeFileSync(run.d('dom.html'), await page.content());
      return checkWorkbench(page, scene, shoot ? opts.screenshot : '');
    });
    await page.goto(url);
    log(`[${mode}] workbench opened; the suite runs in its extension host`);
    const code = await exited;
    clearTimeout(timer);
    log(`[${mode}] the extension host reported exit code ${code}`);
    if (code !== 0) {
      console.log(`--- tail of ${rel(serverLog)} ---\n${tail(serverLog, 25)}`);
      console.log(`--- tail of ${rel(run.languageServerLog)} ---\n${tail(run.languageServerLog, 60)}`);
    }
    const results = readResults(run.results, code);
    for (const f of results.failures) console.log(`  FAILED [${mode}] ${f.title}\n    ${f.error.split('\n').slice(0, 8).join('\n    ')}`);
    log(`[${mode}] ${results.passed} passed, ${results.failed} failed in ${secs(tMode)}`);
    return { mode, code, ...results };
  } finally {
    sceneWatcher?.close();
    if (browser) await browser.close().catch(() => {});
    await killGroup(server);
    children.delete(server);
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
}

function tail(file, lines) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch (e) {
    return `(${e.code ?? e})`;
  }
}

/**
 * Waits (fs.watch) for the suite to write `sceneFile`, runs `check` on it and writes the answer to
 * `<sceneFile>.result.json`, which the suite is waiting for.
 */
function answerScene(sceneFile, check) {
  let answered = false;
  const answer = async () => {
    if (answered || !existsSync(sceneFile)) return;
    answered = true;
    let result;
    try {
      result = await check(JSON.parse(readFileSync(sceneFile, 'utf8')));
    } catch (e) {
      result = { harness: { ok: false, error: String(e?.stack ?? e) } };
    }
    writeFileSync(`${sceneFile}.result.json.tmp`, JSON.stringify(result, null, 2));
    renameSync(`${sceneFile}.result.json.tmp`, `${sceneFile}.result.json`);
  };
  const watcher = watch(dirname(sceneFile), (_e, name) => { if (name && String(name) === basename(sceneFile)) void answer(); });
  return watcher;
}

/**
 * What the user sees, read from the workbench's DOM while the extension is alive; the scene was set
 * by test/e2e/suite/99-scene.test.ts, which reports each check as a test (same keys as its CHECKS).
 * Drives the UI like a user: Escape closes the peek, a click expands the tree, the mouse hovers.
 */
async function checkWorkbench(page, scene, screenshot) {
  const result = {};
  const T = 10_000;
  const check = async (key, fn) => {
    try { await fn(); result[key] = { ok: true }; }
    catch (e) { result[key] = { ok: false, error: String(e?.message ?? e).split('\n').slice(0, 6).join('\n') }; }
  };
  const norm = (t) => t.replace(/\s+/g, ' ').trim();
  const { indexed, speaker, statementFiles } = scene;

  await check('peek', async () => {
    const peek = page.locator('.peekview-widget').first();
    await peek.waitFor({ state: 'visible', timeout: T });
    for (const f of statementFiles) await peek.getByText(f).first().waitFor({ state: 'visible', timeout: T });
    const text = norm(await peek.innerText());
    if (!text.includes(`(${speaker.statements})`)) throw new Error(`the peek does not say ${speaker.statements} locations: ${text.slice(0, 300)}`);
    await page.keyboard.press('Escape');
    await peek.waitFor({ state: 'hidden', timeout: T });
  });

  await check('statusBar', async () => {
    const item = page.locator('.statusbar-item', { has: page.locator('.codicon-quote') }).first();
    await item.waitFor({ state: 'visible', timeout: T });
    const text = norm(await item.innerText());
    const want = `${indexed.articles} · ${indexed.speakers}${indexed.unattributedQuotes ? ` ${indexed.unattributedQuotes}` : ''}`;
    if (text !== want) throw new Error(`status bar item reads "${text}", expected "${want}" (${JSON.stringify(indexed)})`);
    for (const icon of ['person', ...(indexed.unattributedQuotes ? ['warning'] : [])]) {
      if (!(await item.locator(`.codicon-${icon}`).count())) throw new Error(`no $(${icon}) icon in the status bar item`);
    }
  });

  await check('squiggle', async () => {
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.squiggly-warning').first().waitFor({ state: 'attached', timeout: T });
  });

  await check('tree', async () => {
    // give the Statements view the side bar's height: collapse the folder tree above it
    const folders = page.locator('.pane-header[aria-label^="Explorer Section"]').first();
    if ((await folders.count()) && (await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    const pane = page.locator('.pane', { has: page.locator('.pane-header[aria-label^="Statements"]') }).first();
    await pane.waitFor({ state: 'visible', timeout: T });
    const row = pane.locator('.monaco-list-row', { hasText: speaker.name }).first();
    await row.waitFor({ state: 'visible', timeout: T });
    const rowText = norm(await row.innerText());
    if (!rowText.includes(`${speaker.statements} in ${speaker.articles}`)) throw new Error(`speaker row reads "${rowText}"`);
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    for (const f of statementFiles) await pane.locator('.monaco-list-row', { hasText: f }).first().waitFor({ state: 'visible', timeout: T });
    await pane.locator('.monaco-list-row', { hasText: 'We have made a fair offer' }).first().waitFor({ state: 'visible', timeout: T });
  });

  await check('hover', async () => {
    const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
    const at = await lines.evaluate((root, word) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent.indexOf(word);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + word.length);
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
      return null;
    }, speaker.word);
    if (!at) throw new Error(`"${speaker.word}" is not on screen in the editor`);
    await page.mouse.move(at.x - 8, at.y);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    const hover = page.locator('.monaco-hover', { hasText: speaker.name }).first();
    await hover.waitFor({ state: 'visible', timeout: T });
    const text = norm(await hover.innerText());
    const counts = `${speaker.statements} statements in ${speaker.articles} articles`;
    if (!text.includes(counts)) throw new Error(`the hover reads "${text.slice(0, 300)}", without "${counts}"`);
  });

  if (screenshot) {
    mkdirSync(dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot });
    log(`screenshot ${rel(screenshot)} (${(statSync(screenshot).size / 1024).toFixed(0)} KB)`);
  }
  return result;
}

// ---- main ------------------------------------------------------------------------------------
async function main() {
  mkdirSync(SCRATCH, { recursive: true });
  let codeServer = process.env.CODE_SERVER;
  if (!codeServer) {
    const t = Date.now();
    const r = spawnSync('bash', [join(ROOT, 'scripts', 'e2e', 'setup-code-server.sh')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) throw new HarnessError(`setup-code-server.sh failed (exit ${r.status})`);
    codeServer = r.stdout.trim().split('\n').pop();
    log(`setup: ok in ${secs(t)}`);
  }
  if (opts.build) buildAll({ vsix: modes.includes('vsix'), tsc: opts.tsc });
  if (!existsSync(SUITE)) throw new HarnessError(`${rel(SUITE)} is missing: build first`);
  if (modes.includes('vsix') && !existsSync(VSIX)) throw new HarnessError(`${rel(VSIX)} is missing: build first`);

  const results = [];
  for (const mode of modes) results.push(await runMode(mode, codeServer));
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const ok = results.every((r) => r.code === 0) && failed === 0;
  log(`done: ${results.map((r) => `${r.mode} ${r.code === 0 && r.failed === 0 ? 'passed' : 'FAILED'}`).join(', ')}`);
  console.log(`e2e: ${passed} passed, ${ok ? failed : Math.max(failed, 1)} failed`);
  return ok ? 0 : 1;
}

main().then((code) => process.exit(code), async (e) => {
  console.error(`e2e harness failed: ${e instanceof HarnessError ? e.message : e?.stack ?? e}`);
  await Promise.all([...children].map(killGroup));
  console.log('e2e: 0 passed, 1 failed');
  process.exit(2);
});
