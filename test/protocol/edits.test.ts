// Protocol tests: diagnostics after edits, full-text and incremental, are those of the edited text
// analysed from scratch (the server reuses the previous analysis of an open document).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ReferencesRequest, type Diagnostic, type Location, type TextEdit } from 'vscode-languageserver-protocol/node';
import { analyzeArticle } from '../../server/src/analysis';
import { LineIndex } from '../../server/src/analysis/positions';
import { LspTestClient, applyEdits, copyFixture, positionOf } from './lspClient';

// Written for this test: a dateline with its year, so that the server's re-analysis of an edit
// reuses the dates of the paragraphs left alone.
const ARTICLE = [
  'Harbour Board Delays Vote on Dredging',
  '',
  'PORTSMOUTH, March 3, 2024 (Riverline News) - The harbour board put off a vote on dredging the outer channel on Tuesday, its chair said.',
  '"We are not ready to decide this week," chair Ellen Marsh told reporters after the meeting.',
  'Fishermen said last week that two weeks of dredging would close the channel for the season.',
  'The board meets again on March 17.',
  '',
].join('\n');

const CORE_RULES = new Set(['unattributed-quote', 'malformed-quote-marks']);

/** The core's diagnostics of a text analysed from scratch, as the server would range them. */
function expectedFor(text: string): Array<{ code: string; message: string; range: unknown }> {
  const lines = new LineIndex(text);
  return analyzeArticle(text).diagnostics.map((d) => ({ code: d.code, message: d.message, range: lines.rangeOf(d.span) }));
}

function coreOf(diagnostics: Diagnostic[]): Array<{ code: string; message: string; range: unknown }> {
  return diagnostics
    .filter((d) => CORE_RULES.has(String(d.code)))
    .map((d) => ({ code: String(d.code), message: d.message, range: d.range }))
    .sort((a, b) => (a.range as Diagnostic['range']).start.line - (b.range as Diagnostic['range']).start.line);
}

describe('language server: answers after edits', function () {
  let root: string;
  let client: LspTestClient;
  let file: string;
  let text = ARTICLE;

  before(async () => {
    root = copyFixture('newsroom');
    file = path.join(root, 'articles', '07-harbour-vote.txt');
    fs.writeFileSync(file, ARTICLE);
    client = await LspTestClient.start({ folders: [root], initializationOptions: { analysisDelay: 0 } });
    await client.open(file, 'plaintext', ARTICLE);
    await client.waitForDiagnostics(file);
  });
  after(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  /** Applies edits as incremental changes and returns the diagnostics published for the new version. */
  async function editRanges(edits: TextEdit[]): Promise<Diagnostic[]> {
    text = applyEdits(text, edits);
    const version = await client.changeRanges(file, edits);
    return client.waitForDiagnostics(file, (_, p) => p.version === version);
  }

  it('a full-text change that adds an unattributed quote gets its warning, on the new line', async () => {
    text = text.replace('The board meets', 'The harbour was quiet on Wednesday.\n"We will lose the whole season if the channel closes now."\nThe board meets');
    const version = await client.change(file, text);
    const diagnostics = await client.waitForDiagnostics(file, (_, p) => p.version === version);
    const core = coreOf(diagnostics);
    assert.deepStrictEqual(core, expectedFor(text));
    assert.deepStrictEqual(core.map((d) => d.code), ['unattributed-quote']);
    assert.strictEqual((core[0].range as Diagnostic['range']).start.line, 6);
  });

  it('an incremental change that names the speaker takes the warning away', async () => {
    const at = positionOf(text, 'closes now."', 'closes now.'.length - 1);
    const diagnostics = await editRanges([{ range: { start: at, end: { line: at.line, character: at.character + 2 } }, newText: '," said Tom Avery.' }]);
    assert.deepStrictEqual(coreOf(diagnostics), expectedFor(text));
    assert.deepStrictEqual(coreOf(diagnostics), []);
  });

  it('incremental changes in two places at once (a quote closed with the wrong mark, a new date) are both seen', async () => {
    const quoteAt = positionOf(text, 'Fishermen said last week');
    const dateAt = positionOf(text, 'The board meets again');
    const diagnostics = await editRanges([
      { range: { start: dateAt, end: dateAt }, newText: 'On Friday the board said it would publish the survey. ' },
      { range: { start: quoteAt, end: quoteAt }, newText: 'Marsh added: \u201cwe will meet the fishermen again before any vote. \u201c\n' },
    ]);
    assert.deepStrictEqual(coreOf(diagnostics), expectedFor(text));
    assert.ok(coreOf(diagnostics).some((d) => d.code === 'malformed-quote-marks'), JSON.stringify(diagnostics));
  });

  it('undoing every edit brings back the diagnostics of the original text', async () => {
    const version = await client.change(file, ARTICLE);
    text = ARTICLE;
    const diagnostics = await client.waitForDiagnostics(file, (_, p) => p.version === version);
    assert.deepStrictEqual(coreOf(diagnostics), expectedFor(ARTICLE));
  });

  it('diagnostics published for a version are of its text, even when it changed while the server asked for the document’s settings', async () => {
    const other = path.join(root, 'articles', '08-harbour-late.txt');
    fs.writeFileSync(other, ARTICLE);
    const edited = ARTICLE + '\n"The channel will close in May."\n';
    // The first publication for a document asks the client for its settings: the edit is sent
    // before they are answered, so that it arrives while the diagnostics of version 1 are being made.
    let version = 0;
    client.connection.onRequest('workspace/configuration', async (p: { items: Array<{ scopeUri?: string }> }) => {
      if (version === 0 && p.items.some((i) => i.scopeUri === client.uri(other))) version = await client.change(other, edited);
      return p.items.map(() => client.settings);
    });
    try {
      await client.open(other, 'plaintext', ARTICLE);
      const published = await client.waitForDiagnostics(other, (_, p) => version > 0 && p.version === version);
      assert.deepStrictEqual(coreOf(published), expectedFor(edited));
      assert.ok(expectedFor(edited).length > expectedFor(ARTICLE).length, 'the edit adds a warning');
    } finally {
      client.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => client.settings));
      await client.close(other);
    }
  });

  it('references follow an edit that moves the speaker’s statements (answers are not kept across changes)', async () => {
    const ask = async () => {
      const locations = (await client.connection.sendRequest(ReferencesRequest.type, {
        textDocument: { uri: client.uri(file) },
        position: positionOf(text, 'Ellen Marsh', 1),
        context: { includeDeclaration: true },
      })) as Location[];
      return locations.filter((l) => l.uri === client.uri(file)).map((l) => l.range.start.line);
    };
    const before = await ask();
    assert.ok(before.length > 0);
    assert.deepStrictEqual(await ask(), before, 'asked again, the same answer');
    await editRanges([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: 'The vote had been expected for weeks.\n' }]);
    assert.deepStrictEqual(await ask(), before.map((line) => line + 1));
  });
});
