// The persistent index's format and store: what goes in comes out, and nothing untrustworthy
// comes out at all.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeArticle } from '../../../server/src/analysis';
import { summarizeArticle, type ArticleSummary } from '../../../server/src/workspace/articleSummary';
import { decodeLineStarts, decodeLineStartsInto, encodeLineStarts, fieldsOf, PackedSummary } from '../../../server/src/workspace/packedSummary';
import { codeFingerprint, dependencyVersion, fileKeyOf, IndexStore } from '../../../server/src/node/indexStore';
import {
  CACHE_FORMAT,
  cachedArticle,
  decodeCache,
  decodeCacheStart,
  DecodedSpeakers,
  encodeCache,
  type EncodedCache,
  entryServes,
  entryServesUnread,
  type CachedArticle,
  type CacheHeader,
  type FileKey,
} from '../../../server/src/workspace/analysisCache';
import { speakersIn, type PackedIndex, type PackedSpeaker } from '../../../server/src/workspace/workspaceModel';

const ARTICLE = `Harbour fees to rise as port borrows for new quay

PORT ELLIS, June 3, 2024 (Coastal Press) - Harbour Master Ines Cordova said on Monday that fees would rise by a tenth next year.

“We cannot build a quay out of goodwill,” Cordova told reporters.

“The fishermen will pay for this twice.”
`;

const header: CacheHeader = { format: CACHE_FORMAT, code: 'build-1', options: '{}' };
/** What JSON keeps of a summary, people and statements included (undefined properties go). */
const plain = (s: ArticleSummary) => JSON.parse(JSON.stringify({ ...fieldsOf(s), people: s.people, statements: s.statements }));

const SIZE = Buffer.byteLength(ARTICLE);
const summary = () => summarizeArticle('file:///ws/a.txt', analyzeArticle(ARTICLE), false);

/** The sample article with another name in it: a summary of the same shape and other bytes. */
const renamedSummary = () => summarizeArticle('file:///ws/a.txt', analyzeArticle(ARTICLE.replace(/Cordova/g, 'Valdez')), false);

/** `count` articles, file:///ws/0.txt and on, each with the same summary (1,500 fill several blocks of 256 KB). */
function copiesOf(made: ArticleSummary, count: number): Map<string, CachedArticle> {
  const entries = new Map<string, CachedArticle>();
  for (let i = 0; i < count; i++) entries.set(`file:///ws/${i}.txt`, cachedArticle(made, fileKeyOf(ARTICLE, SIZE, i)));
  return entries;
}

/** A file key's fields as plain data (a restored key reads its hash when asked). */
function pickKey(key: FileKey): FileKey {
  return { size: key.size, mtimeMs: key.mtimeMs, hash: key.hash };
}

function sampleEntries(): Map<string, CachedArticle> {
  return new Map([['file:///ws/a.txt', cachedArticle(summary(), fileKeyOf(ARTICLE, SIZE, 1000))]]);
}

/** An index of 300 speakers (as `exportIndex` gives them), some with non-ASCII names, notes and dates. */
function sampleIndex(): PackedIndex {
  const speakers = Array.from({ length: 300 }, (_, i) => [
    `s-${i}`, `Speaker ${i} é`, i % 2, i % 3 ? ['role'] : [], [`Speaker ${i}`, 'Sp'], i % 5 ? null : 'a note', i % 4 ? null : 'Org', [i % 7, 'p1', (i + 1) % 7, 'p2'],
    i % 6 ? [i % 7, 0, 1, 2, -1, (i + 1) % 7, 3, 40, 50, 0] : [], i % 6 ? [i % 7, (i + 1) % 7] : [], i % 6 ? '2024-06-03' : null, i % 6 ? '2024-06-03' : null,
  ]);
  const uris = Array.from({ length: 7 }, (_, i) => `file:///ws/${i}.txt`);
  return { key: 'k', uris, dates: ['2024-06-03'], speakers } as unknown as PackedIndex;
}

/** An index with its typed lists as arrays, for comparison. */
const normalised = (index: PackedIndex) => JSON.parse(JSON.stringify({ ...index, speakers: speakersIn(index).map((s) => s.map((x) => (x instanceof Int32Array ? Array.from(x) : x))) }));

/** The index of an encoded cache (through the decoder the store uses). */
function decodeIndex(data: EncodedCache): PackedIndex | undefined {
  return decodeCacheStart(data.start, header, () => undefined)?.index;
}

function concatBytes(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
}

/** The start part's header line and where its numbers begin. */
function sections(start: Uint8Array): { head: Record<string, any>; headerBytes: number; intsAt: number } {
  const end = start.indexOf(10) + 1;
  const head = JSON.parse(Buffer.from(start.subarray(0, end)).toString('latin1'));
  const pad8 = (n: number) => Math.ceil(n / 8) * 8;
  return { head, headerBytes: end, intsAt: end + head.floats * 8 + pad8(head.strings * 4) };
}

/** The start part with its header line changed (and padded again to a multiple of 8 bytes). */
function withHeader(start: Uint8Array, change: (head: Record<string, any>) => void): Uint8Array {
  const { head, headerBytes } = sections(start);
  change(head);
  let line = JSON.stringify(head);
  line += ' '.repeat(7 - (line.length % 8)) + '\n';
  return concatBytes(Buffer.from(line, 'latin1'), start.subarray(headerBytes));
}

describe('persistent index format', () => {
  it('gives back the same summary after a round trip', () => {
    const decoded = decodeCache(encodeCache(header, sampleEntries()), header);
    assert.ok(decoded);
    const entry = decoded.get('file:///ws/a.txt');
    assert.ok(entry);
    assert.deepStrictEqual(plain(entry.summary), plain(summary()));
    assert.ok(entry.summary instanceof PackedSummary, 'people and statements stay packed until read');
    assert.ok(entry.summary.statements.length >= 2 && entry.summary.people.length >= 1);
  });

  it('restores articles of one date with one date object, and their file keys as they were', () => {
    const made = summary();
    assert.ok(made.articleDate, 'the sample is dated');
    const other = { ...made.articleDate, source: made.articleDate.source === 'weekday' ? 'dateline' : 'weekday' } as typeof made.articleDate;
    const entries = new Map([
      ['file:///ws/a.txt', cachedArticle(made, fileKeyOf(ARTICLE, SIZE, 1000))],
      ['file:///ws/b.txt', cachedArticle({ ...fieldsOf(made), people: made.people, statements: made.statements }, fileKeyOf(ARTICLE + ' ', SIZE + 1, 2000))],
      ['file:///ws/c.txt', cachedArticle({ ...fieldsOf(made), articleDate: other, people: made.people, statements: made.statements }, fileKeyOf(ARTICLE, SIZE, 3000))],
    ]);
    const decoded = decodeCache(encodeCache(header, entries), header);
    assert.ok(decoded);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => decoded.get(`file:///ws/${n}.txt`)!);
    assert.strictEqual(a.summary.articleDate, b.summary.articleDate, 'one object for one date');
    assert.deepStrictEqual(c.summary.articleDate, other, 'the same value from another source is another date');
    for (const [uri, entry] of entries) assert.deepStrictEqual({ ...pickKey(decoded.get(uri)!.key) }, { ...pickKey(entry.key) }, uri);
  });

  it('round-trips what the compact form cannot pack (a field it does not know) and a speaker unlike the person’s name', () => {
    const made = summary();
    const odd = { ...fieldsOf(made), people: made.people, statements: [{ ...made.statements[0], speaker: 'the harbour master' }, { ...made.statements[1], extra: 'kept' } as never, ...made.statements.slice(2)] };
    const entries = new Map([['u', cachedArticle(odd, fileKeyOf(ARTICLE, SIZE, 1000))]]);
    assert.deepStrictEqual(plain(decodeCache(encodeCache(header, entries), header)!.get('u')!.summary), plain(odd));
    const encoded = encodeCache(header, sampleEntries());
    assert.ok(encoded.start.length + encoded.details.length < JSON.stringify(plain(made)).length, 'the packed form is smaller than the objects');
  });

  it('keeps whether the file was cut at the length limit', () => {
    const entries = new Map([['u', cachedArticle(summary(), fileKeyOf(ARTICLE, SIZE, 1000), undefined, true)]]);
    assert.strictEqual(decodeCache(encodeCache(header, entries), header)!.get('u')!.truncated, true);
    assert.strictEqual(decodeCache(encodeCache(header, sampleEntries()), header)!.get('file:///ws/a.txt')!.truncated, undefined);
  });

  it('does not store the article text (the file holds it)', () => {
    const { start, details } = encodeCache(header, sampleEntries());
    const stored = Buffer.from(concatBytes(start, details)).toString('latin1');
    assert.ok(!stored.includes('Harbour Master Ines Cordova said on Monday'));
    assert.ok(!stored.includes('goodwill,\\u201d Cordova told') && !stored.includes('goodwill,” Cordova told'));
  });

  it('serves a file only with the same size and content hash; a changed file is stale', () => {
    const entry = sampleEntries().get('file:///ws/a.txt')!;
    assert.ok(entryServes(entry, fileKeyOf(ARTICLE, SIZE, 2000)), 'a touched file (new mtime, same bytes) is still served');
    assert.ok(!entryServes(entry, fileKeyOf(ARTICLE.replace('tenth', 'fifth'), SIZE, 1000)), 'same size, other bytes');
    assert.ok(!entryServes(entry, fileKeyOf(ARTICLE + '\n', SIZE + 1, 1000)), 'other size');
  });

  it('serves an unread file only with the same size and modification time', () => {
    const entry = sampleEntries().get('file:///ws/a.txt')!;
    assert.ok(entryServesUnread(entry, { size: SIZE, mtimeMs: 1000 }));
    assert.ok(!entryServesUnread(entry, { size: SIZE, mtimeMs: 2000 }), 'touched: read it to know');
    assert.ok(!entryServesUnread(entry, { size: SIZE + 1, mtimeMs: 1000 }), 'other size');
  });

  it('discards a cache cut short or run on, wherever', () => {
    const { start, details } = encodeCache(header, sampleEntries(), sampleIndex());
    for (let length = 0; length < start.length; length++) {
      assert.strictEqual(decodeCache({ start: start.subarray(0, length), details }, header), undefined, `the start part cut at ${length}`);
    }
    assert.strictEqual(decodeCache({ start: concatBytes(start, new Uint8Array(8)), details }, header), undefined, 'something after the end');
    assert.strictEqual(decodeCache({ start: new Uint8Array(0), details: new Uint8Array(0) }, header), undefined);
    assert.strictEqual(decodeCache({ start: Buffer.from('[]\n'), details }, header), undefined);
  });

  it('discards a cache whose header does not agree with its sections', () => {
    const data = encodeCache(header, sampleEntries(), sampleIndex());
    assert.ok(decodeCache(data, header), 'as written');
    const changed = (change: (head: Record<string, any>) => void) => decodeCache({ start: withHeader(data.start, change), details: data.details }, header);
    assert.ok(changed(() => undefined), 'the header written again as it was');
    assert.strictEqual(changed((h) => h.articles++), undefined, 'an article more than there are');
    assert.strictEqual(changed((h) => (h.index = false)), undefined, 'an index the header did not announce');
    assert.strictEqual(changed((h) => h.strings--), undefined, 'a string fewer');
    assert.strictEqual(changed((h) => (h.ints -= 2)), undefined, 'numbers fewer');
    assert.strictEqual(changed((h) => (h.order = h.order === 'LE' ? 'BE' : 'LE')), undefined, 'the other byte order');
    assert.strictEqual(changed((h) => delete h.floats), undefined, 'a section missing');
  });

  it('discards a cache whose numbers point outside it', () => {
    const data = encodeCache(header, sampleEntries(), sampleIndex());
    const { intsAt } = sections(data.start);
    const ints = (at: number, value: number) => {
      const start = data.start.slice();
      new DataView(start.buffer).setInt32(intsAt + at * 4, value, true);
      return decodeCache({ start, details: data.details }, header);
    };
    assert.ok(ints(0, 0), 'the first article’s URI, as written');
    assert.strictEqual(ints(0, 1 << 20), undefined, 'a string that is not in the table');
    assert.strictEqual(ints(0, -1), undefined, 'no string where one must be');
    assert.strictEqual(ints(8 + 2, 1 << 20), undefined, 'line starts that are not in the table');
    assert.strictEqual(ints(5, -1), undefined, 'a negative length');
    assert.strictEqual(ints(1, 1 << 30), undefined, 'a file hash that is not in the table');
  });

  it('discards a cache whose packed parts do not add up to its blocks', () => {
    const data = encodeCache(header, sampleEntries());
    const changed = (change: (head: Record<string, any>) => void) => decodeCache({ start: withHeader(data.start, change), details: data.details }, header);
    assert.strictEqual(changed((h) => h.blocks[0][1]--), undefined, 'longer than its block');
    assert.strictEqual(changed((h) => h.blocks[0][1]++), undefined, 'the block not filled');
    assert.strictEqual(decodeCache({ start: data.start, details: data.details.subarray(1) }, header), undefined, 'the packed bytes cut short');
    assert.strictEqual(changed((h) => h.blocks.push([1, 0, ''])), undefined, 'more blocks than articles');
  });

  it('round-trips the cross-article index, statement lists as 32-bit integers', () => {
    const index = sampleIndex();
    const back = decodeIndex(encodeCache(header, new Map(), index));
    assert.ok(back);
    assert.ok(speakersIn(back).every((s) => s[8] instanceof Int32Array));
    assert.deepStrictEqual(normalised(back), normalised(index));
    const first = speakersIn(index)[0];
    assert.throws(() => encodeCache(header, new Map(), { ...index, speakers: [[...first.slice(0, 8), [0, 0, 0.5, 1, -1], ...first.slice(9)] as PackedSpeaker] }));
  });

  it('round-trips an index of more numbers than one piece holds, an odd or an even count of them (the section padded to 8 bytes with zeros)', () => {
    const index = sampleIndex();
    const first = speakersIn(index)[0];
    // 70,000 numbers and more: the numbers section spans two pieces of 65,536; one more flips the count's parity.
    for (const extra of [0, 1]) {
      const long = Array.from({ length: 70_000 + extra }, (_, i) => i % 1000);
      const withLong = { ...index, speakers: [[...first.slice(0, 8), long, ...first.slice(9)] as PackedSpeaker, ...speakersIn(index).slice(1)] };
      const encoded = encodeCache(header, new Map(), withLong);
      const { head, intsAt } = sections(encoded.start);
      const intsEnd = intsAt + head.ints * 4;
      assert.deepStrictEqual(Array.from(encoded.start.subarray(intsEnd, intsEnd + ((8 - (intsEnd % 8)) % 8))), head.ints % 2 ? [0, 0, 0, 0] : []);
      const back = decodeIndex(encoded);
      assert.ok(back);
      assert.deepStrictEqual(normalised(back), normalised(withLong));
    }
  });

  it('decodes the index’s speakers to be read one by one, unless the model would refuse them: then as written', () => {
    const index = sampleIndex();
    const back = decodeIndex(encodeCache(header, new Map(), index))!;
    assert.ok(back.speakers instanceof DecodedSpeakers);
    assert.deepStrictEqual(back.speakers.ids, speakersIn(index).map((s) => s[0]));
    // Read in any order, any number of times, the same speaker.
    assert.deepStrictEqual(normalised({ ...back, speakers: [back.speakers.at(299), back.speakers.at(0)] }), normalised({ ...index, speakers: [speakersIn(index)[299], speakersIn(index)[0]] }));
    assert.deepStrictEqual(normalised(back), normalised(index));
    const broken = (change: (s: PackedSpeaker) => void) => {
      const speakers = speakersIn(sampleIndex());
      change(speakers[150]);
      const again = decodeIndex(encodeCache(header, new Map(), { ...index, speakers }))!;
      assert.ok(Array.isArray(again.speakers), 'read whole');
      assert.deepStrictEqual(normalised(again), normalised({ ...index, speakers }));
    };
    broken((s) => (s[7] = [99, 'p1']));
    broken((s) => (s[7] = [-1, 'p1']));
    broken((s) => (s[7] = []));
    broken((s) => (s[8] = [0, 1, 2, 3]));
    broken((s) => (s[8] = [0, 1, 2, 3, 5]));
    broken((s) => {
      s[8] = [0, 1, 2, 3, -1];
      s[9] = [12];
    });
  });

  it('decodes a start part that does not begin at a multiple of 8 bytes of its buffer (copies instead of views)', () => {
    const data = encodeCache(header, sampleEntries(), sampleIndex());
    const shifted = new Uint8Array(data.start.length + 4);
    shifted.set(data.start, 4);
    const start = shifted.subarray(4);
    const decoded = decodeCacheStart(start, header, (block, offset) => data.details.slice(offset, offset + block.bytes));
    assert.ok(decoded);
    assert.deepStrictEqual(normalised(decoded.index!), normalised(sampleIndex()));
    assert.deepStrictEqual(plain(decoded.entries.get('file:///ws/a.txt')!.summary), plain(summary()));
  });

  it('keeps every string intact: non-ASCII, line breaks, lone surrogates, the empty string', () => {
    const made = summary();
    const odd = ['Inés “Córdova” — 港', 'a\nb\u0000c\u007f', 'half \ud800 a pair', '', 'file:///ws/é 1.txt'];
    const entries = new Map(odd.map((title, i) => [`file:///ws/${odd[(i + 4) % odd.length]}-${i}`, cachedArticle({ ...fieldsOf(made), title, people: made.people, statements: made.statements }, fileKeyOf(ARTICLE, SIZE, i), title || undefined)]));
    const decoded = decodeCache(encodeCache(header, entries), header);
    assert.ok(decoded);
    assert.deepStrictEqual([...decoded.keys()], [...entries.keys()]);
    for (const [uri, entry] of entries) {
      assert.strictEqual(decoded.get(uri)!.summary.title, entry.summary.title);
      assert.strictEqual(decoded.get(uri)!.context, entry.context);
      assert.deepStrictEqual(plain(decoded.get(uri)!.summary), plain(entry.summary));
    }
  });

  it('discards a cache of the format before (JSON lines)', () => {
    const old = `${JSON.stringify({ header: { ...header, format: 8 }, articles: 0, index: false, blocks: [] })}\n`;
    assert.strictEqual(decodeCache({ start: Buffer.from(old), details: new Uint8Array(0) }, header), undefined);
    assert.strictEqual(decodeCache({ start: Buffer.from(old), details: new Uint8Array(0) }, { ...header, format: 8 }), undefined, 'not even as format 8');
  });

  it('keeps line starts as gaps in base 36, read back as they were', () => {
    for (const starts of [[], [0], [0, 1, 37, 38, 1295, 1296, 500000]]) {
      assert.deepStrictEqual(Array.from(decodeLineStarts(encodeLineStarts(starts))), starts);
    }
    assert.strictEqual(encodeLineStarts([0, 46, 47, 256]), '0,1a,1,5t');
  });

  it('decodes line starts into a room reused from one article to the next, without keeping them', () => {
    const room = { starts: new Uint32Array(2) };
    const long = [0, 1, 37, 38, 1295, 1296, 500000];
    assert.deepStrictEqual(Array.from(decodeLineStartsInto(encodeLineStarts(long), room)), long);
    assert.ok(room.starts.length >= long.length, 'the room grew to fit');
    const grown = room.starts;
    assert.deepStrictEqual(Array.from(decodeLineStartsInto(encodeLineStarts([0, 5]), room)), [0, 5], 'a shorter one after a longer');
    assert.deepStrictEqual(Array.from(decodeLineStartsInto('', room)), []);
    assert.strictEqual(room.starts, grown, 'no new room for what fits');
    // A packed summary hands out its encoded starts through the room, and keeps them encoded. A
    // restored one's strings are numbers into the cache's strings, each made when first read.
    const table = ['t', 'h', encodeLineStarts(long)];
    const asked: number[] = [];
    const strings = { get: (n: number) => (asked.push(n), table[n]) };
    const summary = new PackedSummary({ hasDateline: false, title: 0, length: 600000, textHash: 1, unattributed: 0, lineStarts: 2, strings }, new Uint8Array(0));
    assert.deepStrictEqual(asked, [], 'no string made before it is read');
    assert.strictEqual(summary.title, 't');
    assert.strictEqual(summary.title, 't');
    assert.strictEqual(summary.textHash, 'h');
    assert.deepStrictEqual(asked, [0, 1], 'each made once');
    const viaRoom = summary.lineStartsIn(room);
    assert.strictEqual(viaRoom.buffer, room.starts.buffer, 'decoded into the room');
    assert.deepStrictEqual(Array.from(viaRoom), long);
    const kept = summary.lineStarts;
    assert.deepStrictEqual(Array.from(kept), long);
    assert.strictEqual(summary.lineStartsIn(room), kept, 'once decoded for good, the decoded starts');
    assert.deepStrictEqual(asked, [0, 1, 2], 'the encoded starts made once');
  });

  it('discards a cache of another format, another analyser build or other options', () => {
    const data = encodeCache(header, sampleEntries());
    assert.strictEqual(decodeCache(data, { ...header, format: CACHE_FORMAT + 1 }), undefined);
    assert.strictEqual(decodeCache(data, { ...header, code: 'build-2' }), undefined);
    assert.strictEqual(decodeCache(data, { ...header, options: '{"defaultYear":2020}' }), undefined);
  });
});

describe('persistent index store', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'al-store-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes atomically (no temporary file left) and loads what it wrote', async () => {
    const store = new IndexStore(dir, ['file:///ws']);
    await store.save(header, sampleEntries());
    assert.deepStrictEqual(fs.readdirSync(dir), [path.basename(store.file)]);
    const loaded = await store.load(header);
    assert.strictEqual(loaded.problem, undefined);
    assert.deepStrictEqual([...loaded.entries!.keys()], ['file:///ws/a.txt']);
  });

  it('loads a cache of thousands of articles', async () => {
    const store = new IndexStore(dir, ['file:///ws']);
    const made = summary();
    const entries = copiesOf(made, 4000);
    await store.save(header, entries);
    const loaded = (await store.load(header)).entries!;
    assert.strictEqual(loaded.size, 4000);
    assert.deepStrictEqual(plain(loaded.get('file:///ws/3999.txt')!.summary), plain(made));
    assert.strictEqual(loaded.get('file:///ws/3999.txt')!.key.mtimeMs, 3999);
  });

  it('is written in slices with other work let in between, from the entries as they were when asked', async () => {
    const store = new IndexStore(dir, ['file:///ws']);
    const made = summary();
    const entries = copiesOf(made, 500);
    let turns = 0;
    let saved = false;
    const saving = store.save(header, entries, undefined, 0).then(() => (saved = true));
    // Other work (a request) on every turn of the event loop until the save is done.
    const others = (async () => {
      while (!saved) {
        await new Promise((resolve) => setImmediate(resolve));
        turns++;
      }
    })();
    entries.clear(); // what the caller does next is not what is written
    await Promise.all([saving, others]);
    assert.ok(turns > 100, `other work ran on ${turns} turns during the save`);
    assert.strictEqual((await store.load(header)).entries?.size, 500);
  });

  it('runs saves one after the other: the last asked for is the file, never a mix', async () => {
    const store = new IndexStore(dir, ['file:///ws']);
    const made = summary();
    const many = (n: number, mtime: number) => new Map(Array.from({ length: n }, (_, i) => [`file:///ws/${i}.txt`, cachedArticle(made, fileKeyOf(ARTICLE, SIZE, mtime))]));
    await Promise.all([store.save(header, many(3000, 1), undefined, 0), store.save(header, many(20, 2), undefined, 0)]);
    assert.deepStrictEqual(fs.readdirSync(dir), [path.basename(store.file)], 'no temporary file left');
    const loaded = (await store.load(header)).entries!;
    assert.strictEqual(loaded.size, 20);
    assert.ok([...loaded.values()].every((e) => e.key.mtimeMs === 2));
  });

  it('writes the cross-article index and reads it back', async () => {
    const store = new IndexStore(dir, ['file:///ws']);
    await store.save(header, sampleEntries(), sampleIndex(), 0);
    const loaded = await store.load(header);
    assert.strictEqual(loaded.entries?.size, 1);
    assert.deepStrictEqual(normalised(loaded.index!), normalised(sampleIndex()));
  });

  it('discards a cache cut short, wherever it is cut', async () => {
    const store = new IndexStore(dir, ['file:///ws']);
    await store.save(header, sampleEntries());
    const data = fs.readFileSync(store.file);
    for (const length of [data.length - 10, data.length - 1, Math.floor(data.length / 2), 60, 30, 0]) {
      fs.writeFileSync(store.file, data.subarray(0, length));
      const loaded = await store.load(header);
      assert.strictEqual(loaded.entries, undefined, `cut at ${length}`);
      assert.ok(!fs.existsSync(store.file));
    }
    fs.writeFileSync(store.file, Buffer.concat([data, Buffer.from('\n')]));
    assert.strictEqual((await store.load(header)).entries, undefined, 'something after the end');
  });

  it('keeps one cache per set of workspace folders', () => {
    assert.notStrictEqual(new IndexStore(dir, ['file:///a']).file, new IndexStore(dir, ['file:///b']).file);
    assert.strictEqual(new IndexStore(dir, ['file:///a', 'file:///b']).file, new IndexStore(dir, ['file:///b', 'file:///a']).file);
  });

  it('reports no cache (and no problem) when there is none yet', async () => {
    assert.deepStrictEqual(await new IndexStore(dir, ['file:///ws']).load(header), { problem: undefined });
  });

  it('removes the cache files earlier versions kept (under a SHA-1 name, .json or .bin) when it has none, and never reads them', async () => {
    const store = new IndexStore(dir, ['file:///ws']);
    const earlier = store.earlierFiles();
    assert.strictEqual(earlier.length, 2);
    assert.ok(!earlier.includes(store.file));
    for (const file of earlier) fs.writeFileSync(file, '{"header": {"format": 7}}');
    assert.deepStrictEqual(await store.load(header), { problem: undefined });
    for (const file of earlier) assert.ok(!fs.existsSync(file), file);
  });

  it('names its file by the set of folders, in any order', () => {
    assert.strictEqual(new IndexStore(dir, ['file:///a', 'file:///b']).file, new IndexStore(dir, ['file:///b', 'file:///a']).file);
    assert.notStrictEqual(new IndexStore(dir, ['file:///a']).file, new IndexStore(dir, ['file:///b']).file);
  });

  it('discards and deletes a corrupt cache file', async () => {
    const store = new IndexStore(dir, ['file:///ws']);
    fs.writeFileSync(store.file, '{"header": {"format": 1, "code"');
    const loaded = await store.load(header);
    assert.strictEqual(loaded.entries, undefined);
    assert.match(loaded.problem ?? '', /discarded/);
    assert.ok(!fs.existsSync(store.file));
  });

  it('discards a cache whose start part (plain fields, header, index) is altered, even where the shape still fits (checksum)', async () => {
    const store = new IndexStore(dir, ['file:///ws']);
    await store.save(header, sampleEntries());
    const data = fs.readFileSync(store.file, 'latin1');
    const title = data.lastIndexOf('Harbour fees');
    assert.ok(title > data.lastIndexOf('Cordova'), 'the title is in the start part, after the packed bytes');
    fs.writeFileSync(store.file, data.slice(0, title) + 'Harbour dues' + data.slice(title + 'Harbour fees'.length), 'latin1');
    const loaded = await store.load(header);
    assert.strictEqual(loaded.entries, undefined);
    assert.match(loaded.problem ?? '', /discarded/);
    assert.ok(!fs.existsSync(store.file));
  });

  it('starts from the plain fields alone and reads an article’s people and statements from the file when first needed', async () => {
    const store = new IndexStore(dir, ['file:///ws']);
    await store.save(header, sampleEntries());
    const loaded = await store.load(header);
    const entry = loaded.entries!.get('file:///ws/a.txt')!;
    assert.strictEqual(loaded.details?.done, false, 'nothing of the packed part read yet');
    assert.deepStrictEqual(plain(entry.summary), plain(summary()));
    assert.strictEqual(loaded.details?.done, true);
  });

  it('never answers from a block that fails its check: its articles are reported lost and name nobody, the others are read', async () => {
    const store = new IndexStore(dir, ['file:///ws']);
    const made = summary();
    // Enough articles for several blocks (a block is 256 KB of packed bytes).
    const entries = copiesOf(made, 1500);
    await store.save(header, entries);
    damagePackedBytes(store.file);
    const loaded = await store.load(header);
    assert.strictEqual(loaded.entries?.size, 1500, 'the start part is intact: the start uses it');
    const lost: string[] = [];
    loaded.details!.onLost((uris) => lost.push(...uris));
    const first = loaded.entries!.get('file:///ws/0.txt')!.summary as PackedSummary;
    assert.deepStrictEqual([first.people, first.statements, first.detailLost], [[], [], true]);
    assert.ok(lost.includes('file:///ws/0.txt') && !lost.includes('file:///ws/1499.txt'), `lost: ${lost.length}`);
    loaded.details!.loadAll();
    const last = loaded.entries!.get('file:///ws/1499.txt')!.summary as PackedSummary;
    assert.strictEqual(last.detailLost, false);
    assert.deepStrictEqual(plain(last), plain(made));
    assert.ok(lost.length > 0 && lost.length < 1500, `only the damaged block's articles are lost: ${lost.length}`);
  });

  it('a block read after its file was replaced does not match and is lost; one read before the save is kept', async () => {
    const store = new IndexStore(dir, ['file:///ws']);
    await store.save(header, sampleEntries());
    const early = await store.load(header);
    const late = await store.load(header);
    const earlySummary = early.entries!.get('file:///ws/a.txt')!.summary as PackedSummary;
    assert.ok(earlySummary.people.length > 0);
    // Another writer replaces the file with other contents.
    const other = renamedSummary();
    await store.save(header, new Map([['file:///ws/a.txt', cachedArticle(other, fileKeyOf(ARTICLE, SIZE, 1))]]));
    assert.strictEqual((late.entries!.get('file:///ws/a.txt')!.summary as PackedSummary).detailLost, true);
    assert.ok(earlySummary.people.some((p) => p.name.includes('Cordova')));
  });

  it('checks every block without keeping it, reads a block again when an article of it is needed, and keeps only the last few read', async () => {
    const store = new IndexStore(dir, ['file:///ws']);
    const made = summary();
    const entries = copiesOf(made, 1500);
    await store.save(header, entries);
    const loaded = await store.load(header);
    const details = loaded.details!;
    while (details.loadNext());
    assert.strictEqual(details.done, true);
    assert.strictEqual(details.heldCount, 0, 'the check keeps no block');
    const first = loaded.entries!.get('file:///ws/0.txt')!.summary as PackedSummary;
    const last = loaded.entries!.get('file:///ws/1499.txt')!.summary as PackedSummary;
    assert.strictEqual(first.detailLost, false);
    assert.deepStrictEqual(plain(first), plain(made));
    assert.deepStrictEqual(plain(last), plain(made));
    assert.strictEqual(details.heldCount, 2, 'the blocks read on need are kept');
    // Reading every article's bytes goes through every block; no more than the few last are kept.
    for (const entry of loaded.entries!.values()) (entry.summary as PackedSummary).detail;
    assert.ok(details.heldCount > 0 && details.heldCount <= 16, `held: ${details.heldCount}`);
  });

  it('never trusts a checked block whose file was damaged or replaced before it was needed: its articles are reported lost and name nobody', async () => {
    for (const change of ['damaged', 'replaced'] as const) {
      const store = new IndexStore(dir, ['file:///ws']);
      const made = summary();
      const entries = copiesOf(made, 1500);
      await store.save(header, entries);
      const loaded = await store.load(header);
      const lost: string[] = [];
      loaded.details!.onLost((uris) => lost.push(...uris));
      while (loaded.details!.loadNext());
      assert.strictEqual(lost.length, 0, 'every block passed its check');
      if (change === 'damaged') {
        damagePackedBytes(store.file);
      } else {
        await new IndexStore(dir, ['file:///ws']).save(header, copiesOf(renamedSummary(), 1500));
      }
      const first = loaded.entries!.get('file:///ws/0.txt')!.summary as PackedSummary;
      assert.deepStrictEqual([first.people, first.statements, first.detailLost], [[], [], true], change);
      assert.ok(lost.includes('file:///ws/0.txt'), `${change}: the block's articles are reported lost`);
      // Never read again: a lost block stays lost even if its bytes came back.
      assert.strictEqual(first.detailLost, true);
      fs.rmSync(store.file, { force: true });
    }
  });

  it('keeps every block once a save is to replace the file, so that what it read stays at hand after the rename', async () => {
    const store = new IndexStore(dir, ['file:///ws']);
    const sample = summary();
    const made = plain(sample);
    const entries = copiesOf(sample, 1500);
    await store.save(header, entries);
    const loaded = await store.load(header);
    while (loaded.details!.loadNext());
    loaded.details!.loadAll();
    const other = renamedSummary();
    await store.save(header, new Map([['file:///ws/a.txt', cachedArticle(other, fileKeyOf(ARTICLE, SIZE, 1))]]));
    for (const uri of ['file:///ws/0.txt', 'file:///ws/1499.txt']) {
      const kept = loaded.entries!.get(uri)!.summary as PackedSummary;
      assert.strictEqual(kept.detailLost, false, uri);
      assert.deepStrictEqual(plain(kept), plain(made));
    }
  });

  /** A store with 3000 copies of the sample (several blocks) saved, loaded back, checked and kept whole for a save. */
  async function loadedForSave() {
    const store = new IndexStore(dir, ['file:///ws']);
    const sample = summary();
    // As made, before the save (which has the summary it wrote, here the one shared by every entry, read from the file).
    const made = plain(sample);
    const entries = copiesOf(sample, 3000);
    await store.save(header, entries);
    const loaded = await store.load(header);
    while (loaded.details!.loadNext());
    loaded.details!.loadAll();
    const kept = loaded.details!.heldCount;
    assert.ok(kept > 2, `several blocks kept: ${kept}`);
    const summaryOf = (uri: string) => loaded.entries!.get(uri)!.summary as PackedSummary;
    return { store, made, loaded, kept, summaryOf };
  }

  /** Replaces the cache file with other contents (another writer): a block not read yet no longer matches. */
  async function replaceFile() {
    await new IndexStore(dir, ['file:///ws']).save(header, copiesOf(renamedSummary(), 3000));
  }

  it('after a save, the summaries it wrote read their bytes from the new file and the old kept blocks are let go', async () => {
    const { store, made, loaded, summaryOf } = await loadedForSave();
    const saved = await store.save(header, loaded.entries!, undefined, 0);
    assert.strictEqual(loaded.details!.heldCount, 0, 'no old block kept');
    assert.strictEqual(saved.heldCount, 0, 'nothing of the new file read yet');
    const middle = summaryOf('file:///ws/1.txt');
    assert.strictEqual(middle.detailLost, false);
    assert.deepStrictEqual(plain(middle), plain(made));
    assert.strictEqual(saved.heldCount, 1, 'read from a block of the new file');
    // A block of the new file is checked as any: once the file is replaced, one not read yet is lost.
    const lost: string[] = [];
    saved.onLost((uris) => lost.push(...uris));
    await replaceFile();
    const last = summaryOf('file:///ws/2999.txt');
    assert.deepStrictEqual([last.people, last.detailLost], [[], true]);
    assert.ok(lost.includes('file:///ws/2999.txt') && !lost.includes('file:///ws/0.txt'), `lost: ${lost.length}`);
  });

  it('a second save keeps, then lets go of, the first one’s blocks, and what it wrote loads back the same', async () => {
    const { store, made, loaded, summaryOf } = await loadedForSave();
    const first = await store.save(header, loaded.entries!, undefined, 0);
    first.loadAll();
    assert.ok(first.heldCount > 2, `the new file's blocks kept for the next save: ${first.heldCount}`);
    const second = await store.save(header, loaded.entries!, undefined, 0);
    assert.strictEqual(first.heldCount, 0);
    assert.deepStrictEqual(plain(summaryOf('file:///ws/2999.txt')), plain(made));
    assert.strictEqual(second.heldCount, 1);
    const again = await store.load(header);
    assert.deepStrictEqual(plain(again.entries!.get('file:///ws/0.txt')!.summary), plain(made));
    // A file's blocks no summary reads any more are not read for a save.
    const unread = await store.save(header, new Map(), undefined, 0);
    second.loadAll();
    assert.strictEqual(second.heldCount, 1, 'only the block read on need, still kept');
    assert.strictEqual(unread.heldCount, 0);
  });

  it('leaves a summary the caller no longer holds (replaced during the save) reading what it kept', async () => {
    const { store, made, loaded, summaryOf } = await loadedForSave();
    const replaced = summaryOf('file:///ws/0.txt');
    const saved = await store.save(header, loaded.entries!, undefined, 0, (uri, s) => s !== replaced);
    assert.strictEqual(loaded.details!.heldCount, 1, 'only its block kept');
    await replaceFile();
    assert.strictEqual(replaced.detailLost, false);
    assert.deepStrictEqual(plain(replaced), plain(made));
    assert.strictEqual(saved.heldCount, 0, 'not read from the new file');
  });

  it('a save that fails moves nothing: every summary reads what was kept', async () => {
    const { store, made, loaded, kept, summaryOf } = await loadedForSave();
    // The rename cannot replace a folder that holds a file.
    fs.rmSync(store.file);
    fs.mkdirSync(store.file);
    fs.writeFileSync(path.join(store.file, 'x'), '');
    await assert.rejects(store.save(header, loaded.entries!, undefined, 0));
    assert.strictEqual(loaded.details!.heldCount, kept, 'every old block still kept');
    for (const uri of ['file:///ws/0.txt', 'file:///ws/1.txt', 'file:///ws/2999.txt']) {
      assert.strictEqual(summaryOf(uri).detailLost, false, uri);
      assert.deepStrictEqual(plain(summaryOf(uri)), plain(made));
    }
  });

  it('writes again what it loaded (the packed parts read from the old file before the new one replaces it)', async () => {
    const store = new IndexStore(dir, ['file:///ws']);
    await store.save(header, sampleEntries());
    const loaded = await store.load(header);
    await store.save(header, loaded.entries!);
    const again = await store.load(header);
    assert.deepStrictEqual(plain(again.entries!.get('file:///ws/a.txt')!.summary), plain(summary()));
  });

  it('keeps non-ASCII text intact through the file', async () => {
    const store = new IndexStore(dir, ['file:///ws']);
    const accented = ARTICLE.replace(/Ines Cordova/g, 'Inés Córdova').replace(/Cordova/g, 'Córdova');
    const made = summarizeArticle('file:///ws/a.txt', analyzeArticle(accented), false);
    assert.ok(made.people.some((p) => p.name.includes('Córdova')), JSON.stringify(made.people.map((p) => p.name)));
    await store.save(header, new Map([['file:///ws/a.txt', cachedArticle(made, fileKeyOf(accented, Buffer.byteLength(accented), 1))]]));
    const entry = (await store.load(header)).entries!.get('file:///ws/a.txt')!;
    assert.deepStrictEqual(plain(entry.summary), plain(made));
  });

  it('discards a cache written by another version', async () => {
    const store = new IndexStore(dir, ['file:///ws']);
    await store.save({ ...header, code: 'older-build' }, sampleEntries());
    const loaded = await store.load(header);
    assert.strictEqual(loaded.entries, undefined);
    assert.match(loaded.problem ?? '', /discarded/);
  });
});

describe('persistent index key', () => {
  it('names the installed chrono-node, so that upgrading it invalidates every cache', () => {
    const installed = JSON.parse(fs.readFileSync(path.join(require.resolve('chrono-node').split('/node_modules/')[0], 'node_modules/chrono-node/package.json'), 'utf8')).version;
    assert.strictEqual(dependencyVersion('chrono-node'), installed);
    assert.strictEqual(dependencyVersion('no-such-package-here'), undefined);
    assert.match(codeFingerprint(), /^[0-9a-f]{16}$/);
  });
});

/** Changes one byte of the first block of packed bytes (deflated, so no name can be looked for), which follow the file's first line. */
function damagePackedBytes(file: string): void {
  const data = fs.readFileSync(file);
  const at = data.indexOf(0x0a) + 1000;
  data[at] ^= 0xff;
  fs.writeFileSync(file, data);
}
