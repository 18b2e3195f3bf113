// References across the workspace from the server's own index (WorkspaceIndex): every statement
// of the speaker, placed in its article — closed ones from their stored line starts after a warm
// start, open ones from their text — under the URI the client knows.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../../server/src/analysis/positions';
import type { FeatureContext } from '../../../server/src/lsp/context';
import { keptAnswer, primeReferences, references, referencesReply } from '../../../server/src/lsp/references';
import { DEFAULT_SETTINGS } from '../../../server/src/lsp/settings';
import { fileUriOf } from '../../../server/src/lsp/uris';
import { WorkspaceIndex } from '../../../server/src/lsp/workspaceIndex';

// Two statements by the same person in each article, some lines apart.
const article = (i: number) => `Harbour plan, part ${i}

MARBURY, April ${i + 1}, 2023 - Council Leader Astrid Kalberg said on Monday that the plan ${i} would be ready by June.

${'Other business filled the morning.\n\n'.repeat(i)}“We will not wait for ever,” Kalberg told reporters.
`;

describe('references from the workspace index', function () {
  this.timeout(60000);
  let root: string;
  let storage: string;
  const indexes: WorkspaceIndex[] = [];
  const file = (i: number) => path.join(root, `${i}.txt`);
  const progress = { begin: () => undefined, report: () => undefined, done: () => undefined };

  async function start(): Promise<WorkspaceIndex> {
    const index = new WorkspaceIndex({ settingsFor: async () => DEFAULT_SETTINGS, log: () => undefined, storagePath: storage, saveDelay: 1e9, analysisDelay: 0 });
    indexes.push(index);
    await index.initialize([fileUriOf(root)], progress);
    return index;
  }

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'al-refs-ws-'));
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'al-refs-store-'));
    for (let i = 0; i < 6; i++) fs.writeFileSync(file(i), article(i));
  });
  afterEach(async () => {
    for (const index of indexes.splice(0)) await index.dispose();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  it('places every statement of the speaker, in open and closed articles, after a warm start', async () => {
    await (await start()).save();
    const index = await start(); // warm: the closed articles' lines come from the stored line starts
    assert.ok(index.startup.restored > 0, 'restored from the persistent index');
    const text = article(2);
    index.didOpen(TextDocument.create(fileUriOf(file(2)), 'plaintext', 1, text));
    await index.whenIdle();
    const ctx: FeatureContext = { index, settings: async () => DEFAULT_SETTINGS, capabilities: { documentChanges: true, hierarchicalSymbols: true } };
    const at = new LineIndex(text).positionAt(text.indexOf('Kalberg said'));
    const got = references(ctx, { textDocument: { uri: fileUriOf(file(2)) }, position: at, context: { includeDeclaration: true } });
    // Each statement's place, worked out here from the files' own text.
    const opened = index.model.getArticle(fileUriOf(file(2)))!;
    const id = index.model.speakerIdOf(opened.uri, opened.summary.people[0].key)!;
    const statements = index.model.statementsBySpeaker(id);
    const expected = [];
    for (let i = 0; i < 6; i++) {
      const own = article(i);
      for (const content of ['the plan', 'We will not wait']) {
        const start = own.indexOf(content);
        const ref = statements.find((r) => r.uri === fileUriOf(file(i)) && r.contentSpan.start <= start && start < r.contentSpan.end);
        assert.ok(ref, `a statement of article ${i} at “${content}”`);
        expected.push({ uri: fileUriOf(file(i)), range: new LineIndex(own).rangeOf(ref.contentSpan) });
      }
    }
    assert.strictEqual(statements.length, expected.length);
    assert.deepStrictEqual(got, expected);
    assert.strictEqual(references(ctx, { textDocument: { uri: fileUriOf(file(2)) }, position: at, context: { includeDeclaration: true } }), got, 'the answer is kept while nothing changes');
  });

  it('makes the busiest speakers’ answers ahead, keeps them while documents are opened with the text summarised, and makes them again after an edit', async () => {
    await (await start()).save();
    const index = await start();
    const ctx: FeatureContext = { index, settings: async () => DEFAULT_SETTINGS, capabilities: { documentChanges: true, hierarchicalSymbols: true } };
    const uri = fileUriOf(file(2));
    const key = index.keyOf(uri);
    const id = index.model.speakerIdOf(key, index.model.getArticle(key)!.summary.people[0].key)!;
    const text = article(2);
    const params = { textDocument: { uri }, position: new LineIndex(text).positionAt(text.indexOf('Kalberg said')), context: { includeDeclaration: true } };
    assert.strictEqual(keptAnswer(ctx, id), undefined, 'nothing made before it is asked for');
    await primeReferences(ctx, 8, 100);
    assert.strictEqual(keptAnswer(ctx, id), undefined, 'not a busy speaker');
    await primeReferences(ctx, 8, 1);
    const primed = keptAnswer(ctx, id);
    assert.ok(primed, 'made ahead');
    assert.strictEqual(referencesReply(ctx, params), primed, 'the request is answered with it');
    // Opening articles with the text the model summarised, and analysing them in full, changes no answer.
    for (const i of [2, 4]) {
      index.didOpen(TextDocument.create(fileUriOf(file(i)), 'plaintext', 1, article(i)));
      await index.whenIdle();
      assert.ok(index.article(fileUriOf(file(i)))?.analysis, 'analysed in full');
    }
    assert.strictEqual(referencesReply(ctx, params), primed, 'kept across the opened documents');
    // An edit that moves the statements makes the answer again, with the new lines.
    const edited = `Preface\n\n${text}`;
    index.didChange(TextDocument.create(uri, 'plaintext', 2, edited));
    await index.whenIdle();
    index.article(uri);
    const again = referencesReply(ctx, { ...params, position: new LineIndex(edited).positionAt(edited.indexOf('Kalberg said')) });
    assert.ok(again && again !== primed, 'made again');
    const lines = new LineIndex(edited);
    const planAt = edited.indexOf('the plan');
    assert.ok(
      again.value.some((l) => l.uri === uri && l.range.start.line === lines.positionAt(planAt).line),
      'the edited article’s statement on its new line',
    );
  });
});
