import * as assert from 'assert';
import { ArticleMatcher, globToRegExp, relativeToFolders } from '../../../server/src/lsp/articleFiles';
import { DEFAULT_SETTINGS } from '../../../server/src/lsp/settings';
import * as path from 'path';
import * as fc from 'fast-check';
import { childUri, fileUriOf, fsPathOf, normalizeUri } from '../../../server/src/lsp/uris';

describe('which files are articles', () => {
  const defaults = new ArticleMatcher(DEFAULT_SETTINGS.articles);

  it('takes plain text and Markdown anywhere in the folder', () => {
    for (const p of ['story.txt', 'wire/2021/12/tass-grushko.txt', 'drafts/piece.md', 'x.article']) assert.ok(defaults.matches(p), p);
  });

  it('leaves out a code project’s README, CHANGELOG, LICENSE and CONTRIBUTING, in any case and folder', () => {
    for (const p of ['README.md', 'readme.txt', 'docs/CHANGELOG.md', 'LICENSE.txt', 'CONTRIBUTING.md', 'pkg/Readme.markdown']) assert.ok(!defaults.matches(p), p);
  });

  it('matches a path as any of its globs would, one by one (the lists are tested as one expression each)', () => {
    const filter = { include: ['wire/**/*.{txt,md}', '*.news'], exclude: ['**/draft-*', 'wire/old/**'] };
    const matcher = new ArticleMatcher(filter);
    const one = (globs: string[], p: string) => globs.some((g) => globToRegExp(g).test(p));
    for (const p of ['wire/a.txt', 'wire/x/b.md', 'wire/x/draft-1.txt', 'wire/old/c.txt', 'top.news', 'x/top.news', 'wire/a.doc', 'WIRE/A.TXT', 'wire\\y\\c.txt']) {
      const slashed = p.replace(/\\/g, '/');
      assert.strictEqual(matcher.matches(p), one(filter.include, slashed) && !one(filter.exclude, slashed), p);
    }
    assert.ok(matcher.prunes('wire/old') && !matcher.prunes('wire'));
    const none = new ArticleMatcher({ include: [], exclude: [] });
    assert.ok(!none.matches('a.txt') && !none.prunes('a'), 'no include: nothing is an article; no exclude: nothing pruned');
    assert.ok(new ArticleMatcher({ include: ['**/*.txt'], exclude: [] }).matches('a/b.txt'));
    // Every glob beginning with any directories: that part is tested once for all of them, with the same answers.
    const deep = { include: ['**/*.txt', '**/notes/*.md', '**/x?.{news,wire}'], exclude: ['**/README*', '**/.*/**', '**/old/**', '**/[ab]*.txt'] };
    const deepMatcher = new ArticleMatcher(deep);
    const paths = ['a.txt', 'c.txt', 'd/c.txt', 'd/e/f.txt', 'notes/n.md', 'd/notes/n.md', 'n.md', 'x1.news', 'd/x2.wire', 'x12.news', 'README.txt', 'd/readme.md', 'd/.git/c.txt', '.h/c.txt', 'old/c.txt', 'd/old/e/c.txt', 'gold/c.txt', 'd/b1.txt', 'D/E/F.TXT'];
    for (const p of paths) assert.strictEqual(deepMatcher.matches(p), one(deep.include, p) && !one(deep.exclude, p), p);
  });

  it('leaves out dependencies, build output and hidden folders, and prunes them from the walk', () => {
    for (const p of ['node_modules/x/notes.txt', 'out/a.txt', 'dist/b.md', '.git/COMMIT_EDITMSG.txt', '.vscode/notes.md']) assert.ok(!defaults.matches(p), p);
    for (const d of ['node_modules', 'a/node_modules', '.git', 'out', 'dist']) assert.ok(defaults.prunes(d), d);
    assert.ok(!defaults.prunes('articles'));
  });

  it('supports ?, braces and character classes', () => {
    assert.ok(globToRegExp('wire/**/*.{txt,md}').test('wire/a/b/c.md'));
    assert.ok(globToRegExp('wire/**/*.{txt,md}').test('wire/c.txt'));
    assert.ok(!globToRegExp('wire/**/*.{txt,md}').test('other/c.txt'));
    assert.ok(globToRegExp('day-0?.txt').test('day-07.txt'));
    assert.ok(globToRegExp('[ab]*.txt').test('b1.txt') && !globToRegExp('[ab]*.txt').test('c1.txt'));
    assert.ok(!globToRegExp('*.txt').test('a/b.txt'), '* does not cross folders');
  });

  it('matches paths relative to the innermost workspace folder, else absolute', () => {
    const folder = fileUriOf('/ws/news');
    assert.strictEqual(relativeToFolders(fileUriOf('/ws/news/a/b.txt'), [fileUriOf('/ws'), folder]), 'a/b.txt');
    assert.strictEqual(relativeToFolders(fileUriOf('/elsewhere/c.txt'), [folder]), 'elsewhere/c.txt');
  });
});

describe('file URIs', () => {
  it('encode like VS Code so a file read from disk and the same file opened get one key', () => {
    assert.strictEqual(fileUriOf('/tmp/a b/Grushkó (1).txt'), 'file:///tmp/a%20b/Grushk%C3%B3%20%281%29.txt');
    assert.strictEqual(normalizeUri('file:///tmp/a%20b/Grushk%c3%b3%20(1).txt'), 'file:///tmp/a%20b/Grushk%C3%B3%20%281%29.txt');
    assert.strictEqual(fsPathOf('file:///tmp/a%20b/x.txt'), '/tmp/a b/x.txt');
    assert.strictEqual(normalizeUri('untitled:Untitled-1'), 'untitled:Untitled-1');
  });

  it('a file’s URI made from its folder’s and its name is the URI of its whole path', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'é', ' ', '(', '%', '#', '?', "'", '*', '😀', '.'), minLength: 1, maxLength: 8 }).filter((n) => !/^\.+$/.test(n));
    fc.assert(
      fc.property(fc.array(name, { maxLength: 3 }), name, (dirs, file) => {
        const dir = path.posix.join('/', ...dirs);
        assert.strictEqual(childUri(fileUriOf(dir), file), fileUriOf(path.posix.join(dir, file)));
      }),
    );
  });
});
