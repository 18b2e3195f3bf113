#!/usr/bin/env node
// Bundles the extension for packaging with esbuild: everything (vscode-languageclient, the server
// and its dependencies) goes into two files, so the .vsix needs no node_modules.
//   client/src/extension.ts -> dist/client.js   (the extension's entry point; `vscode` stays external)
//   server/src/lsp/bundleMain.ts -> dist/server.js (the language server's entry point, which the
//                              client starts: it runs the next one with V8's code cache)
//   server/src/lsp/main.ts  -> dist/serverMain.js (the language server)
//   server/src/node/analysisWorker.ts -> dist/analysisWorker.js (the server's index worker
//                              threads; the server finds it next to itself)
// Usage: node scripts/bundle.mjs [--minify] [--sourcemap] [--outdir DIR]   (default: dist)
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { asciiSource } from './asciiSource.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const args = new Set(argv);
const outdir = argv.includes('--outdir') ? argv[argv.indexOf('--outdir') + 1] : 'dist';
const entries = [
  { in: 'client/src/extension.ts', out: `${outdir}/client.js` },
  { in: 'server/src/lsp/bundleMain.ts', out: `${outdir}/server.js` },
  { in: 'server/src/lsp/main.ts', out: `${outdir}/serverMain.js`, ascii: true },
  { in: 'server/src/node/analysisWorker.ts', out: `${outdir}/analysisWorker.js`, ascii: true },
];
/**
 * vscode-jsonrpc requires `crypto` when loaded, for one random name of a pipe the server never
 * makes over stdio or IPC; loading it was 5-10 ms of every start, and nothing else a warm start
 * runs needs it (server/src/node/codeCache.ts). Made a require on first use. A vscode-jsonrpc
 * that no longer has the line fails the build here, to be looked at again.
 */
const lazyCrypto = {
  name: 'lazy-crypto',
  setup(b) {
    b.onLoad({ filter: /[\\/]vscode-jsonrpc[\\/]lib[\\/]node[\\/]main\.js$/ }, (args) => {
      const eager = 'const crypto_1 = require("crypto");';
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(eager)) throw new Error(`bundle: ${args.path} no longer requires crypto as expected`);
      return { contents: source.replace(eager, 'const crypto_1 = { get randomBytes() { return require("crypto").randomBytes; } };'), loader: 'js' };
    });
  },
};
const missing = entries.filter((e) => !existsSync(join(root, e.in)));
if (missing.length) {
  console.error(`bundle: missing entry point(s): ${missing.map((e) => e.in).join(', ')}`);
  process.exit(1);
}
rmSync(resolve(root, outdir), { recursive: true, force: true });
mkdirSync(resolve(root, outdir), { recursive: true });
const t0 = Date.now();
for (const e of entries) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [e.in],
    outfile: e.out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    minify: args.has('--minify'),
    sourcemap: args.has('--sourcemap') ? 'linked' : false,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    plugins: [lazyCrypto],
  });
  if (e.ascii) {
    // Read by Node as one-byte text, quicker to load (asciiSource.mjs).
    const file = resolve(root, e.out);
    const ascii = asciiSource(readFileSync(file, 'utf8'));
    new Script(ascii, { filename: file }); // still parses (an astral character in a name would not)
    writeFileSync(file, ascii);
  }
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  console.log(`bundle: ${e.out} (${(bytes / 1024).toFixed(0)} KB)`);
}
// The Speaker Timeline's webview script: one self-contained browser bundle (no CDN, no modules).
await build({
  absWorkingDir: root,
  entryPoints: ['client/src/timeline/webviewMain.ts'],
  outfile: `${outdir}/timeline.js`,
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: args.has('--minify'),
  legalComments: 'none',
  logLevel: 'warning',
});
console.log(`bundle: ${outdir}/timeline.js`);
console.log(`bundle: done in ${Date.now() - t0} ms`);
