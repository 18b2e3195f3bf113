// Bad input never crashes or hangs: binary files, every supported encoding, odd line ends and
// characters, and files far past the length limit. The big inputs are made in memory or in a
// temporary folder.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeArticle, LineIndex } from '../../../server/src/analysis';
import { decodeArticle, readArticle } from '../../../server/src/node/readArticle';
import { clipArticle, MAX_ARTICLE_CHARS } from '../../../server/src/workspace/articleLimit';
import { repeatTo, spanProblem, spansOf, STORY, withLineEnds } from './fixtures';

const CLI = path.resolve(__dirname, '../../../../bin/attribution-lens.js');
const MB = 1024 * 1024;

/** Speaker, kind and words of each statement: what must not change with the encoding or line ends. */
function statementsOf(text: string): string[] {
  return analyzeArticle(text).statements.map((s) => `${s.speaker} | ${s.kind} | ${s.text}`);
}

function assertSpansSound(text: string): void {
  const analysis = analyzeArticle(text);
  for (const [name, span] of spansOf(analysis)) {
    const problem = spanProblem(text, span);
    assert.equal(problem, undefined, `${name}: ${problem}`);
  }
}

function decodeOk(bytes: Uint8Array) {
  const read = decodeArticle(bytes);
  assert.ok(read.ok, `expected text, got ${!read.ok && read.reason}`);
  return read;
}

describe('bad input: binary files', () => {
  it('refuses a file with NUL bytes, saying why in one line', () => {
    const read = decodeArticle(Buffer.from('He said "yes".\u0000\u0001\u0002 more'));
    assert.equal(read.ok, false);
    assert.match(!read.ok ? read.reason : '', /^binary file \(NUL byte at offset 14\)$/);
  });

  it('refuses a PNG image and a NUL byte far into a large file', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    assert.equal(decodeArticle(png).ok, false);
    const late = Buffer.from(repeatTo('Plain words. ', 200_000) + '\u0000');
    assert.equal(decodeArticle(late).ok, false);
  });

  it('the command line skips a binary file with one line on stderr and analyses the rest', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'al-binary-'));
    try {
      fs.writeFileSync(path.join(dir, 'photo.txt'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
      fs.writeFileSync(path.join(dir, 'story.txt'), STORY);
      const run = spawnSync(process.execPath, [CLI, 'scan', '--json', dir], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const lines = run.stderr.trim().split('\n');
      assert.equal(lines.length, 1, run.stderr);
      assert.match(lines[0], /^attribution-lens: skipped .*photo\.txt: binary file \(NUL byte at offset 4\)$/);
      const json = JSON.parse(run.stdout) as { documents: Array<{ path: string; statements: unknown[] }> };
      assert.deepEqual(json.documents.map((d) => path.basename(d.path)), ['story.txt']);
      assert.equal(json.documents[0].statements.length, 4);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bad input: encodings', () => {
  const expected = statementsOf(STORY);

  it('reads UTF-8 with a BOM as the same text', () => {
    const read = decodeOk(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(STORY)]));
    assert.equal(read.encoding, 'utf-8');
    assert.equal(read.text, STORY);
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(STORY, 'utf16le')]);
    const be = Buffer.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    for (const [bytes, encoding] of [[le, 'utf-16le'], [be, 'utf-16be']] as const) {
      const read = decodeOk(bytes);
      assert.equal(read.encoding, encoding);
      assert.equal(read.text, STORY);
      assert.deepEqual(statementsOf(read.text), expected);
    }
  });

  it('reads Windows-1252 that is not valid UTF-8, curly quotes and accents included', () => {
    // 0x93 0x94: “ ”, 0xE9: é — invalid as UTF-8.
    const bytes = Buffer.from('\x93We will sign,\x94 Minister Ren\xe9 Dufour said on Monday.', 'latin1');
    const read = decodeOk(bytes);
    assert.equal(read.encoding, 'windows-1252');
    assert.equal(read.text, '\u201cWe will sign,\u201d Minister Ren\u00e9 Dufour said on Monday.');
    assert.deepEqual(statementsOf(read.text), ['Ren\u00e9 Dufour | direct | We will sign']);
  });
});

describe('bad input: line ends and odd characters', () => {
  for (const [name, eol] of [['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`finds the same statements with ${name} line ends, and its ranges cover the same words`, () => {
      const text = withLineEnds(STORY, eol);
      assert.deepEqual(statementsOf(text), statementsOf(STORY));
      const analysis = analyzeArticle(text);
      const lines = text.split(/\r\n|\r|\n/);
      const index = new LineIndex(text);
      assert.equal(index.lineCount, 6);
      for (const s of analysis.statements) {
        const range = index.rangeOf(s.contentSpan);
        assert.equal(range.start.line, range.end.line, 'each statement is on one line');
        assert.equal(lines[range.start.line].slice(range.start.character, range.end.character), s.text);
      }
      assertSpansSound(text);
    });
  }

  it('survives lone surrogates, zero-width characters and right-to-left marks, and keeps the speakers', () => {
    const odd = [
      STORY.replace('Liis Tamm', 'Liis Tamm\u200b'),
      STORY.replace(/\n/g, '\n\u200f'),
      STORY.replace('harbour', 'harbour\ud800').replace('delay', '\udc00delay'),
      '\ud83d' + STORY + '\ude00',
      STORY.replace(/"/g, '\u200d"\u2066'),
      '\ufeff' + STORY,
    ];
    for (const text of odd) {
      assertSpansSound(text);
      const speakers = analyzeArticle(text).statements.map((s) => s.speaker);
      assert.ok(speakers.includes('Mart Oja'), `speakers in ${JSON.stringify(text.slice(0, 60))}: ${speakers}`);
    }
  });

  it('analyses text made only of emoji and surrogate pairs without splitting one', () => {
    assertSpansSound(repeatTo('\ud83d\ude00 "\ud83d\udc4d," \ud834\udd1e said. ', 20_000));
  });
});

describe('bad input: huge files', function () {
  this.timeout(60_000);

  it('cuts text past the limit at a line break, or else between characters, never inside a surrogate pair', () => {
    const lines = clipArticle(repeatTo('A line of copy.\n', MAX_ARTICLE_CHARS + 100));
    assert.ok(lines.truncated && lines.text.endsWith('\n') && lines.text.length <= MAX_ARTICLE_CHARS);
    const pairs = clipArticle('x' + '\ud83d\ude00'.repeat(MAX_ARTICLE_CHARS));
    assert.ok(pairs.truncated);
    assert.equal(spanProblem(pairs.text + 'y', { start: pairs.text.length, end: pairs.text.length }), undefined);
    assert.equal(pairs.text.length, MAX_ARTICLE_CHARS - 1);
    assert.deepEqual(clipArticle(STORY), { text: STORY, truncated: false, fullLength: STORY.length });
  });

  it('reads a 50 MB file only up to the limit, and the command line says the rest was not read', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'al-huge-'));
    const file = path.join(dir, 'huge.txt');
    try {
      const paragraph = Buffer.from(STORY.split('\n').slice(2).join('\n') + '\n');
      const fd = fs.openSync(file, 'w');
      for (let written = 0; written < 50 * MB; written += paragraph.length) fs.writeSync(fd, paragraph);
      fs.closeSync(fd);
      const run = spawnSync(process.execPath, [CLI, 'scan', '--json', file], { encoding: 'utf8', maxBuffer: 256 * MB });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr.trim(), /^attribution-lens: .*huge\.txt: only the first [\d,]+ characters were analysed \(the limit is 500,000\); the rest of the file \(52,4\d\d,\d\d\d bytes\) was not read$/);
      const doc = (JSON.parse(run.stdout) as { documents: Array<{ statements: unknown[] }> }).documents[0];
      assert.ok(doc.statements.length > 1000, `statements: ${doc.statements.length}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file just under the limit is read whole', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'al-limit-'));
    try {
      const file = path.join(dir, 'long.txt');
      fs.writeFileSync(file, repeatTo('\u00e9t\u00e9 ', MAX_ARTICLE_CHARS));
      const read = await readArticle(file);
      assert.ok(read.ok && !read.truncated && read.text.length === MAX_ARTICLE_CHARS);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  const huge: Array<[string, () => string]> = [
    ['a single 5 MB line', () => repeatTo('The committee met again and the minister spoke at length about the ferry timetable, ', 5 * MB)],
    ['5 MB of nothing but quotation marks', () => '"'.repeat(5 * MB)],
    ['5 MB of curly quotation marks', () => repeatTo('\u201c\u201d\u2018', 5 * MB)],
    ['5 MB of "he said" repeated', () => repeatTo('he said ', 5 * MB)],
  ];
  for (const [name, make] of huge) {
    it(`${name}: analysed up to the limit, without throwing`, () => {
      const read = decodeOk(Buffer.from(make()));
      assert.ok(read.truncated);
      assert.ok(read.text.length <= MAX_ARTICLE_CHARS && read.text.length > MAX_ARTICLE_CHARS - 70_000 && read.text.length > 0);
      const analysis = analyzeArticle(read.text);
      for (const [spanName, span] of spansOf(analysis)) assert.equal(spanProblem(read.text, span), undefined, spanName);
    });
  }
});
