// scripts/asciiSource.mjs: the packaged bundles are made ASCII-only (quicker for Node to read)
// without changing what any of their code does.
import * as assert from 'assert';
import * as path from 'path';
import * as vm from 'vm';

type AsciiSource = (source: string) => string;
// An ES module, loaded as such (tsc would turn `import()` into `require`).
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{ asciiSource: AsciiSource }>;
const SCRIPT = path.resolve(__dirname, '..', '..', '..', '..', 'scripts', 'asciiSource.mjs');

/** What a script's `result` is, as JSON. */
const run = (source: string) => JSON.stringify(vm.runInNewContext(`${source}\nresult`));

describe('ASCII-only bundles', () => {
  let asciiSource: AsciiSource;
  before(async () => ({ asciiSource } = await importModule(SCRIPT)));

  it('escapes every character past ASCII and the code does the same', () => {
    const cases = [
      // Regular expressions, with and without the u flag, in and out of classes, identity escapes.
      String.raw`var result = ['a – b', 'x—y', 'don’t'].map((s) => [/\s*(–|—)\s*/.test(s), /[’']t$/u.test(s), /\–/.test(s), s.replace(/[–—]/g, '-')]);`,
      String.raw`var result = [/^[\p{L}“”‘’«»]+$/u.test('«Grüße»'), /é+/i.test('ÉÉ'), /😀/u.test('a😀'), /^.$/u.test('😀'), /[😀]/.test('\ud83d')];`,
      // Strings, templates, names and comments.
      "var café = 'naïve ☃ 😀'; // a comment – with a dash\nvar result = [café, `t – ${café.length}`, '\\–', café.normalize('NFD').length];",
      'var result = /* “quoted” */ "plain";',
    ];
    for (const source of cases) {
      const ascii = asciiSource(source);
      assert.ok(/^[\x00-\x7f]*$/.test(ascii), ascii);
      assert.strictEqual(run(ascii), run(source), source);
    }
  });

  it('leaves ASCII source as it is', () => {
    const source = String.raw`var result = [/\u2013|\\/.test('\\'), '\u00e9', "it's"];`;
    assert.strictEqual(asciiSource(source), source);
  });
});
