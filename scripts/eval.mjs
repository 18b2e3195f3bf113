#!/usr/bin/env node
// `npm run eval`: scores the command line against ../shared/corpus when it is present.
// Seeds with score.mjs, PolNeAR dev with score-polnear.mjs. Pass --verbose for every miss.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, '..', 'shared');
const verbose = process.argv.includes('--verbose');
if (!existsSync(join(shared, 'corpus'))) {
  console.log('eval: ../shared/corpus is not here; nothing to score.');
  process.exit(0);
}
const bin = join(root, 'bin', 'attribution-lens.js');
const tmp = mkdtempSync(join(tmpdir(), 'al-eval-'));
const scan = (dir, out) => {
  const json = execFileSync(process.execPath, [bin, 'scan', '--json', dir], { cwd: root, maxBuffer: 1 << 28 });
  writeFileSync(out, json);
};
const run = (script, args) => execFileSync(process.execPath, [join(shared, 'tools', script), ...args, ...(verbose ? ['--verbose'] : [])], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });

const seeds = join(shared, 'corpus', 'seeds');
scan(seeds, join(tmp, 'seeds.json'));
console.log('Seeds (score.mjs):');
console.log(run('score.mjs', ['--gold', join(seeds, 'gold'), '--system', join(tmp, 'seeds.json')]));
for (const split of process.argv.includes('--train') ? ['dev', 'train'] : ['dev']) {
  const dir = join(shared, 'corpus', 'polnear', split);
  if (!existsSync(dir)) continue;
  scan(join(dir, 'text'), join(tmp, `${split}.json`));
  console.log(`PolNeAR ${split} (score-polnear.mjs):`);
  console.log(run('score-polnear.mjs', ['--data', dir, '--system', join(tmp, `${split}.json`)]));
}
