#!/usr/bin/env node
// Builds the .vsix from the esbuild bundles (run scripts/bundle.mjs first; `npm run package` does).
//
// The repository's package.json keeps `main` pointing at the tsc output for development
// (F5 / extensionDevelopmentPath / protocol tests). The packaged extension must start the bundle
// instead, so packaging happens in a staging folder (.e2e/vsix-stage, git-ignored):
//   1. `vsce ls` at the repository root lists what .vscodeignore lets through;
//   2. those files are copied into the staging folder;
//   3. the staged package.json gets `main: ./dist/client.js` and loses the development-only
//      fields (scripts, bin, dependencies, devDependencies);
//   4. `vsce package --no-dependencies` runs there.
// The repository's package.json is never written.
// Usage: node scripts/package.mjs [--out FILE.vsix]   (default: attribution-lens-<version>.vsix at the root)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const argv = process.argv.slice(2);
const outArg = argv.indexOf('--out');
const out = resolve(outArg >= 0 ? argv[outArg + 1] : join(root, `${manifest.name}-${manifest.version}.vsix`));
const BUNDLE_MAIN = './dist/client.js';

const BUNDLES = ['dist/client.js', 'dist/server.js', 'dist/serverMain.js', 'dist/analysisWorker.js'];
for (const f of BUNDLES) {
  if (!existsSync(join(root, f))) {
    console.error(`package: ${f} is missing; run \`npm run bundle\` first`);
    process.exit(1);
  }
}

const t0 = Date.now();
const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
  .split('\n').map((l) => l.trim()).filter(Boolean);
if (!BUNDLES.every((f) => files.includes(f))) {
  console.error(`package: .vscodeignore must let ${BUNDLES.join(', ')} through; vsce ls gave:\n` + files.join('\n'));
  process.exit(1);
}

const stage = join(root, '.e2e', 'vsix-stage');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const f of files) {
  if (f === 'package.json') continue;
  mkdirSync(dirname(join(stage, f)), { recursive: true });
  cpSync(join(root, f), join(stage, f));
}
cpSync(join(root, '.vscodeignore'), join(stage, '.vscodeignore'));

const staged = { ...manifest, main: BUNDLE_MAIN };
for (const k of ['scripts', 'bin', 'dependencies', 'devDependencies', 'private']) delete staged[k];
writeFileSync(join(stage, 'package.json'), JSON.stringify(staged, null, 2) + '\n');

mkdirSync(dirname(out), { recursive: true });
const flags = ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out];
if (!existsSync(join(stage, 'LICENSE'))) flags.push('--skip-license');
execFileSync(process.execPath, [vsce, ...flags], { cwd: stage, stdio: ['ignore', 'inherit', 'inherit'] });
console.log(`package: ${out} (${(statSync(out).size / 1024).toFixed(0)} KB, ${files.length} files) in ${Date.now() - t0} ms`);
