// The registry is data, never code: YAML with the core schema only, size-limited, refused with a
// clear message otherwise. Nothing in the source tree executes, requires or fetches workspace files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadRegistry } from '../../../server/src/node/loadRegistry';
import { MAX_REGISTRY_BYTES, parseRegistry } from '../../../server/src/workspace/registry';

const ROOT = path.resolve(__dirname, '../../../..');

describe('the registry is data', () => {
  it('refuses a !!js/function tag with a clear message, and uses nothing from the file', () => {
    const text = 'speakers:\n  - name: !!js/function "function () { return process.exit(1) }"\n';
    const parsed = parseRegistry(text);
    assert.equal(parsed.registry, undefined);
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0].message, /^The tag !!js\/function is not allowed: the registry is plain data/);
    assert.ok(text.slice(parsed.problems[0].span.start).startsWith('"function ()'), 'the tagged value is underlined');
  });

  it('refuses local and other custom tags, but takes the core ones', () => {
    for (const tag of ['!!js/undefined', '!!js/regexp', '!include', '!!python/object:os.system', '!!binary']) {
      const parsed = parseRegistry(`speakers:\n  - name: ${tag} x\n`);
      assert.equal(parsed.registry, undefined, tag);
      assert.match(parsed.problems[0].message, /is not allowed/, tag);
    }
    const core = parseRegistry('speakers:\n  - name: !!str Liis Tamm\n    aliases: !!seq [L. Tamm]\ndefault_year: !!int 2024\n');
    assert.deepEqual(core.problems, []);
    assert.equal(core.registry?.speakers[0].name, 'Liis Tamm');
    assert.equal(core.registry?.defaultYear, 2024);
  });

  it('refuses a registry over the size limit, in memory and on disk, without reading the file', async () => {
    const huge = 'speakers:\n' + '  - name: Liis Tamm\n'.repeat(Math.ceil(MAX_REGISTRY_BYTES / 19) + 1);
    assert.match(parseRegistry(huge).problems[0].message, /larger than 1048576 bytes and was not read/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'al-registry-'));
    try {
      const file = path.join(dir, 'attribution-lens.yaml');
      fs.writeFileSync(file, huge);
      const loaded = await loadRegistry([dir]);
      assert.equal(loaded.file, file);
      assert.equal(loaded.registry, undefined);
      assert.equal(loaded.text, undefined, 'not read');
      assert.match(loaded.problems[0].message, /larger than 1048576 bytes \(\d+\) and was not read/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the shipped code neither evaluates, requires nor fetches anything at run time', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (full.endsWith('.ts')) files.push(full);
      }
    };
    walk(path.join(ROOT, 'server/src'));
    walk(path.join(ROOT, 'client/src'));
    const forbidden = [/\beval\s*\(/, /\bnew Function\s*\(/, /\bimport\s*\(\s*[^'"\s]/, /\brequire\s*\(\s*[^'"\s]/, /\bfetch\s*\(/, /\bfrom '(?:node:)?(?:https?|net|dgram|dns|tls|http2|child_process|vm|worker_threads)'/, /\bXMLHttpRequest\b/, /\bWebSocket\b/];
    // The initial index's worker threads run our own shipped script, and nothing else.
    const workerThreads = forbidden.findIndex((p) => p.source.includes('worker_threads'));
    const pool = new Set(['server/src/node/analysisPool.ts', 'server/src/node/analysisWorker.ts']);
    // The packaged server's loader compiles our own shipped bundle with V8's code cache, and nothing else.
    const vm = forbidden.findIndex((p) => p.source.includes('|vm|'));
    const loader = 'server/src/node/codeCache.ts';
    for (const file of files) {
      const code = fs.readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
      const relative = path.relative(ROOT, file).split(path.sep).join('/');
      for (const pattern of forbidden) {
        if (pattern === forbidden[workerThreads] && pool.has(relative)) continue;
        if (pattern === forbidden[vm] && relative === loader) continue;
        assert.doesNotMatch(code, pattern, `${relative} matches ${pattern}`);
      }
      if (relative === loader) {
        assert.deepStrictEqual(code.match(/new vm\.Script\([^,]*/g), ['new vm.Script(wrap(source)']);
        assert.match(code, /const bytes = fs\.readFileSync\(file\);/);
        assert.match(code, /const source = bytes\.toString\(/);
      }
      if (relative === 'server/src/lsp/bundleMain.ts') assert.match(code, /runBundle\(path\.join\(__dirname, 'serverMain\.js'\)\)/);
      if (relative === 'server/src/node/analysisPool.ts') {
        assert.match(code, /export const WORKER_FILE = path\.join\(__dirname, 'analysisWorker\.js'\);/);
        assert.deepStrictEqual(code.match(/new Worker\([^,]*/g), ['new Worker(workerFile']);
      }
    }
  });
});

describe('untrusted workspaces', () => {
  it('package.json declares them supported, SECURITY.md says why, and runtime dependencies are pinned', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
    const security = fs.readFileSync(path.join(ROOT, 'SECURITY.md'), 'utf8');
    for (const heading of ['## What it reads', '## What it writes', '## What it never does', '## Untrusted workspaces']) assert.ok(security.includes(heading), heading);
    assert.match(security, /"untrustedWorkspaces": \{ "supported": true \}/);
    for (const [name, version] of Object.entries(manifest.dependencies as Record<string, string>)) assert.match(version, /^\d+\.\d+\.\d+$/, `${name}@${version} is pinned`);
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    for (const name of Object.keys(manifest.dependencies)) assert.equal(lock.packages[`node_modules/${name}`]?.version, manifest.dependencies[name], `${name} locked`);
  });
});
