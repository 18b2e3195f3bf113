// The command line as a CI job runs it: `check` prints problems like a compiler and gates on
// error-level ones; `export` writes the statement table as CSV or JSON. Runs bin/attribution-lens.js
// in a copy of the registry fixture, from its folder, so paths in the output are relative.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../../..');
const BIN = path.join(ROOT, 'bin/attribution-lens.js');
const FIXTURE = path.join(ROOT, 'test/fixtures/workspaces/registry');

function run(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Parses RFC 4180 CSV (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += c;
  }
  return rows;
}

describe('command line: check and export', function () {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'al-cli-'));
    fs.cpSync(FIXTURE, dir, { recursive: true });
    fs.rmSync(path.join(dir, 'README.md'));
    fs.writeFileSync(
      path.join(dir, 'articles', '05-pier-closure.txt'),
      'Pier Closed for Repairs\n\nBRISK HAVEN, March 25 (Coastline Wire) - The north pier closed on Monday.\n"It was a matter of time, really, before it closed."\n',
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('check prints file:line:col severity code message and exits 0 when no problem is an error', () => {
    const r = run(dir, 'check', 'articles');
    assert.strictEqual(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0], /^articles\/05-pier-closure\.txt:4:1 warning unattributed-quote Nobody is named for the quote “It was a matter of time, really, before…”$/);
    assert.strictEqual(lines[lines.length - 1], '1 problem (0 errors) in 4 articles');
  });

  it('check exits 1 when a flag makes a problem an error', () => {
    const r = run(dir, 'check', '--severity', 'unattributed-quote=error', 'articles');
    assert.strictEqual(r.code, 1);
    assert.match(r.stdout, /05-pier-closure\.txt:4:1 error unattributed-quote /);
    assert.match(r.stdout, /1 problem \(1 error\)/);
  });

  it('check takes severities from the registry, and a flag wins over it', () => {
    const config = path.join(dir, 'strict.yaml');
    fs.writeFileSync(config, 'severity:\n  unattributed-quote: error\n');
    assert.strictEqual(run(dir, 'check', '--config', config, 'articles').code, 1);
    assert.strictEqual(run(dir, 'check', '--config', config, '--severity', 'unattributed-quote=off', 'articles').code, 0);
  });

  it('check reports problems in the registry file with their line, and a registry error fails the gate', () => {
    const config = path.join(dir, 'broken.yaml');
    fs.writeFileSync(config, 'speakers:\n  - name: Marta Kowalczyk\n    colour: blue\ndefault_year: soon\n');
    const r = run(dir, 'check', '--config', config, 'articles');
    assert.strictEqual(r.code, 1);
    assert.match(r.stdout, /^broken\.yaml:3:5 warning registry Unknown speaker key 'colour'/m);
    assert.match(r.stdout, /^broken\.yaml:4:15 error registry `default_year` must be a four-digit year$/m);
  });

  it('check --format json gives the same problems for machines', () => {
    const r = run(dir, 'check', '--format', 'json', 'articles');
    assert.strictEqual(r.code, 0);
    const json = JSON.parse(r.stdout);
    assert.strictEqual(json.articles, 4);
    assert.strictEqual(json.errors, 0);
    assert.deepStrictEqual(json.problems.map((p: { file: string; line: number; column: number; code: string }) => [p.file, p.line, p.column, p.code]), [['articles/05-pier-closure.txt', 4, 1, 'unattributed-quote']]);
  });

  it('check exits 2 on a bad flag value', () => {
    const r = run(dir, 'check', '--severity', 'unattributed-quote=loud', 'articles');
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /--severity takes RULE=LEVEL/);
  });

  it('export --format csv writes a header and one quoted row per statement, with the registry applied', () => {
    const r = run(dir, 'export', '--format', 'csv', 'articles');
    assert.strictEqual(r.code, 0, r.stderr);
    const rows = parseCsv(r.stdout);
    assert.deepStrictEqual(rows[0], ['speaker', 'role', 'kind', 'cue', 'text', 'date', 'file', 'line', 'speakerId']);
    const quays = rows.find((row) => row[4].startsWith('The quays'));
    assert.deepStrictEqual(quays, ['Marta Kowalczyk', 'Harbour Authority Director', 'direct', 'said', 'The quays are older than any of us, and somebody has to pay for them', '2024-03-04', 'articles/01-harbour-fees.txt', '4', 'marta-kowalczyk']);
    assert.ok(r.stdout.includes('"The quays are older than any of us, and somebody has to pay for them"'), 'a cell with a comma is quoted');
    const kovalchik = rows.find((row) => row[4].startsWith('Ships have waited'));
    assert.strictEqual(kovalchik?.[0], 'Marta Kowalczyk', 'the alias maps to the registry name');
    assert.ok(rows.some((row) => row[3] === 'harrumphed'), 'registry cue verbs count');
    assert.ok(!r.stdout.includes('draft'), 'ignored files are not exported');
  });

  it('export --format json with --speaker keeps that speaker’s statements, found by any spelling', () => {
    const r = run(dir, 'export', '--format', 'json', '--speaker', 'kovalchik', 'articles');
    assert.strictEqual(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as Array<{ speaker: string; file: string; line: number }>;
    assert.strictEqual(rows.length, 3);
    assert.ok(rows.every((row) => row.speaker === 'Marta Kowalczyk'));
    assert.deepStrictEqual(rows.map((row) => `${row.file}:${row.line}`), ['articles/01-harbour-fees.txt:3', 'articles/01-harbour-fees.txt:4', 'articles/02-harbour-dredging.txt:4']);
  });

  it('export rejects an unknown format with exit code 2', () => {
    const r = run(dir, 'export', '--format', 'xml', 'articles');
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /csv or json/);
  });
});
