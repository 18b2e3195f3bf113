import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const bin = path.join(root, 'bin', 'attribution-lens.js');

interface Position { line: number; character: number }
interface Range { start: Position; end: Position }
interface ScanStatement {
  speaker: string | null;
  speakerId: string | null;
  kind: string;
  cue: string;
  text: string;
  date: string | null;
  range: Range;
  sourceRange: Range | null;
  cueRange: Range | null;
}
interface ScanDocument {
  path: string;
  dateline: { place: string; date: string | null; agency: string | null } | null;
  statements: ScanStatement[];
  dates: { text: string; value: string; range: Range }[];
  diagnostics: { code: string; severity: string; message: string; text: string; range: Range }[];
}

function scan(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, 'scan', ...args], { cwd: root, encoding: 'utf8', timeout: 60000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const isRange = (r: unknown): boolean => {
  const range = r as Range;
  return !!range && [range.start, range.end].every((p) => !!p && Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0);
};

describe('attribution-lens scan', function () {
  // Each test runs the command line in a child process.
  this.timeout(60000);
  let folder: string;
  let json: { documents: ScanDocument[] };
  let stderr: string;
  let status: number | null;
  const doc = (name: string) => {
    const found = json.documents.find((d) => path.basename(d.path) === name);
    assert.ok(found, `no document ${name} in ${JSON.stringify(json.documents.map((d) => d.path))}`);
    return found;
  };

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'al-cli-'));
    mkdirSync(path.join(folder, 'desk'));
    writeFileSync(path.join(folder, 'harbour.txt'), [
      'Harbour talks resume',
      'VARNOS, May 9, 2025 (Reuters) - Kastorian Deputy Foreign Minister Aleksander Grubenko said on Friday that the harbour would reopen.',
      '\u{1F6A2} "The ships are waiting," Grubenko said.',
      'Deputy Minister Ivo Brandl met the crews on Friday.',
      '"We cannot accept a plan that leaves the fishermen with nothing at all."',
      '',
    ].join('\n'));
    writeFileSync(path.join(folder, 'desk', 'talks.md'), [
      '---',
      'title: Talks stall',
      'date: 2025-05-12',
      '---',
      '# Talks stall',
      '',
      'Aleksandr Grubenk\u00f3 said the talks had stalled.',
      '',
    ].join('\n'));
    writeFileSync(path.join(folder, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]));
    writeFileSync(path.join(folder, 'figures.csv'), 'speaker,count\nGrubenko,2\n');
    const run = scan('--json', folder);
    status = run.status;
    stderr = run.stderr;
    json = JSON.parse(run.stdout);
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  it('scans .txt and .md articles in subfolders and nothing else', () => {
    assert.deepEqual(json.documents.map((d) => path.relative(folder, d.path)).sort(), ['desk/talks.md', 'harbour.txt']);
  });

  it('reports a binary file on stderr, skips it, and finishes with success', () => {
    assert.match(stderr, /attribution-lens: skipped .*photo\.txt: binary file/);
    assert.equal(status, 0);
  });

  it('gives each statement the fields of the corpus shape', () => {
    for (const s of json.documents.flatMap((d) => d.statements)) {
      assert.deepEqual(Object.keys(s).sort(), ['cue', 'cueRange', 'date', 'kind', 'range', 'sourceRange', 'speaker', 'speakerId', 'text']);
      assert.ok(['direct', 'partial', 'indirect'].includes(s.kind));
      assert.ok(isRange(s.range) && isRange(s.sourceRange) && isRange(s.cueRange), JSON.stringify(s));
    }
  });

  it('reports a statement with its speaker, id, kind, cue and text', () => {
    const s = doc('harbour.txt').statements.find((x) => x.text === 'The ships are waiting');
    assert.deepEqual(s && [s.speaker, s.speakerId, s.kind, s.cue, s.date], ['Aleksander Grubenko', 'aleksander-grubenko', 'direct', 'said', '2025-05-09']);
  });

  it('gives ranges as zero-based lines and UTF-16 characters', () => {
    // Line 2 opens with a ship emoji: two UTF-16 code units, then a space and the opening mark.
    const s = doc('harbour.txt').statements.find((x) => x.text === 'The ships are waiting')!;
    assert.deepEqual(s.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 25 } });
    assert.deepEqual(s.sourceRange, { start: { line: 2, character: 28 }, end: { line: 2, character: 36 } });
    assert.deepEqual(s.cueRange, { start: { line: 2, character: 37 }, end: { line: 2, character: 41 } });
  });

  it('gives one person the same speakerId in every document', () => {
    const ids = json.documents.flatMap((d) => d.statements.filter((s) => s.speaker?.startsWith('Aleksand')).map((s) => s.speakerId));
    assert.equal(ids.length, 3);
    assert.deepEqual([...new Set(ids)], ['aleksander-grubenko']);
  });

  it('gives the dateline as place, date and agency', () => {
    assert.deepEqual(doc('harbour.txt').dateline, { place: 'VARNOS', date: '2025-05-09', agency: 'Reuters' });
    assert.equal(doc('talks.md').dateline, null);
  });

  it('gives each date its text, ISO value and range', () => {
    const friday = doc('harbour.txt').dates.find((d) => d.text.includes('Friday'));
    assert.deepEqual(friday && [friday.value, friday.range.start.line], ['2025-05-09', 1]);
  });

  it('gives each diagnostic its code, severity, message, text and range', () => {
    const [d] = doc('harbour.txt').diagnostics;
    assert.deepEqual([d.code, d.severity, d.text, d.range], [
      'unattributed-quote', 'warning', 'We cannot accept a plan that leaves the fishermen with nothing at all.',
      { start: { line: 4, character: 0 }, end: { line: 4, character: 72 } },
    ]);
    assert.match(d.message, /^Nobody is named for the quote/);
  });

  it('reports a path that does not exist on stderr and scans the others', () => {
    const run = scan('--json', path.join(folder, 'missing'), path.join(folder, 'harbour.txt'));
    assert.match(run.stderr, /skipped .*missing: no such file or folder/);
    assert.equal(JSON.parse(run.stdout).documents.length, 1);
  });

  it('prints a readable summary without --json, counting in the singular where one', () => {
    const run = scan(path.join(folder, 'harbour.txt'));
    assert.equal(run.status, 0);
    assert.match(run.stdout, /1 article, 1 speaker\n/);
    assert.match(run.stdout, /Aleksander Grubenko — Kastorian Deputy Foreign Minister: 2 statements in 1 article/);
  });

  it('scans the example articles the project ships as one workspace', () => {
    const run = scan('--json', path.join(root, 'examples', 'articles'));
    const documents: ScanDocument[] = JSON.parse(run.stdout).documents;
    assert.equal(documents.length, 3);
    assert.equal(run.stderr, '');
    // Lindqvist and Lindkvist are one minister across the three articles.
    const ids = new Set(documents.flatMap((d) => d.statements.filter((s) => s.speaker?.startsWith('Kaarina')).map((s) => s.speakerId)));
    assert.deepEqual([...ids], ['kaarina-lindqvist']);
  });
});
