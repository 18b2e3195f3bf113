// The packaged server's loader (server/src/node/codeCache.ts): a bundle runs as `require` would run
// it, its V8 code cache is made once and used on the next start, and a cache that is not of this
// bundle or is damaged is never used.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bundleDigest, codeCacheFile, runBundle } from '../../../server/src/node/codeCache';

/** A CommonJS "bundle" using what the real one uses: require, module.exports, __dirname. */
function bundleSource(answer: number): string {
  return [
    "const path = require('path');",
    `function answer() { return ${answer}; }`,
    'module.exports = { answer: answer(), dir: __dirname, file: __filename, joined: path.join(__dirname, "x") };',
    '',
  ].join('\n');
}

describe('code cache loader', () => {
  let dir: string;
  let bundle: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'al-code-cache-'));
    bundle = path.join(dir, 'serverMain.js');
    fs.writeFileSync(bundle, bundleSource(41));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs the bundle with its own require, module, __dirname and __filename', () => {
    const loaded = runBundle(bundle);
    assert.deepStrictEqual(loaded.exports, { answer: 41, dir, file: bundle, joined: path.join(dir, 'x') });
    assert.strictEqual(loaded.cacheUsed, false);
  });

  it('reads a bundle that is not ASCII as UTF-8', () => {
    fs.writeFileSync(bundle, "module.exports = { quote: '\u201cQuoted\u201d, said Gr\u00fcnberg' };\n");
    assert.deepStrictEqual(runBundle(bundle).exports, { quote: '\u201cQuoted\u201d, said Gr\u00fcnberg' });
    fs.writeFileSync(bundle, "module.exports = { quote: '“Quoted”, said Grünberg' };\n");
    assert.deepStrictEqual(runBundle(bundle).exports, { quote: '“Quoted”, said Grünberg' });
  });

  it('leaves the bundle’s digest for the code it runs (the analyser fingerprint), for that file only', () => {
    runBundle(bundle);
    const first = bundleDigest(bundle);
    assert.match(first ?? '', /^[0-9a-f]{16}$/, 'CRC-32 and length');
    assert.strictEqual(bundleDigest(path.join(dir, 'other.js')), undefined);
    fs.writeFileSync(bundle, bundleSource(42));
    runBundle(bundle);
    assert.notStrictEqual(bundleDigest(bundle), first, 'a changed bundle (of the same length), another digest');
    fs.writeFileSync(bundle, bundleSource(41));
    runBundle(bundle);
    assert.strictEqual(bundleDigest(bundle), first, 'the same bundle, the same digest');
  });

  it('makes the cache when asked and uses it on the next start', () => {
    const first = runBundle(bundle);
    assert.ok(!fs.existsSync(codeCacheFile(bundle)));
    first.save();
    assert.ok(fs.statSync(codeCacheFile(bundle)).size > 32);
    const second = runBundle(bundle);
    assert.strictEqual(second.cacheUsed, true);
    assert.strictEqual((second.exports as { answer: number }).answer, 41);
    // A used cache is not written again.
    const before = fs.readFileSync(codeCacheFile(bundle));
    second.save();
    assert.deepStrictEqual(fs.readFileSync(codeCacheFile(bundle)), before);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['serverMain.js', 'serverMain.js.cache']);
  });

  it('does not use the cache of another bundle of the same length', () => {
    runBundle(bundle).save();
    fs.writeFileSync(bundle, bundleSource(42));
    const loaded = runBundle(bundle);
    assert.strictEqual(loaded.cacheUsed, false);
    assert.strictEqual((loaded.exports as { answer: number }).answer, 42);
    // …and makes a new one for it.
    loaded.save();
    assert.strictEqual(runBundle(bundle).cacheUsed, true);
  });

  it('does not use a damaged or truncated cache', () => {
    runBundle(bundle).save();
    const good = fs.readFileSync(codeCacheFile(bundle));
    const damaged = Buffer.from(good);
    damaged[damaged.length - 5] ^= 0xff;
    fs.writeFileSync(codeCacheFile(bundle), damaged);
    assert.strictEqual(runBundle(bundle).cacheUsed, false);
    fs.writeFileSync(codeCacheFile(bundle), good.subarray(0, good.length - 1));
    assert.strictEqual(runBundle(bundle).cacheUsed, false);
    fs.writeFileSync(codeCacheFile(bundle), good.subarray(0, 40));
    assert.strictEqual(runBundle(bundle).cacheUsed, false);
    fs.writeFileSync(codeCacheFile(bundle), good);
    assert.strictEqual(runBundle(bundle).cacheUsed, true);
  });

  it('does not use a cache made by another Node (or an earlier loader, whose key was a SHA-1)', () => {
    runBundle(bundle).save();
    const good = fs.readFileSync(codeCacheFile(bundle));
    const firstLine = good.subarray(0, good.indexOf(0x0a)).toString('latin1');
    assert.ok(firstLine.includes(`-node${process.version}-`), firstLine);
    fs.writeFileSync(codeCacheFile(bundle), Buffer.from(good.toString('latin1').replace(`-node${process.version}-`, '-nodev0.0.1-'), 'latin1'));
    assert.strictEqual(runBundle(bundle).cacheUsed, false);
    fs.writeFileSync(codeCacheFile(bundle), Buffer.concat([Buffer.from(`${'0'.repeat(40)} ${'1'.repeat(40)}\n`), good.subarray(good.indexOf(0x0a) + 1)]));
    assert.strictEqual(runBundle(bundle).cacheUsed, false);
  });

  it('goes without a cache where it cannot write one', () => {
    const cacheFile = path.join(dir, 'missing-folder', 'serverMain.js.cache');
    const loaded = runBundle(bundle, cacheFile);
    assert.doesNotThrow(() => loaded.save());
    assert.ok(!fs.existsSync(cacheFile));
    assert.strictEqual(runBundle(bundle, cacheFile).cacheUsed, false);
    assert.deepStrictEqual(fs.readdirSync(dir), ['serverMain.js']);
  });
});
