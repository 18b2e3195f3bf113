// Protocol tests of the speaker registry in the editor (test/fixtures/workspaces/registry): the
// registry applies (aliases, notes, cue verbs, ignore globs), its problems are diagnostics on the
// YAML, edits re-analyse live, and the quick fixes write to it through WorkspaceEdits.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DiagnosticSeverity,
  FileChangeType,
  HoverRequest,
  type CodeAction,
  type CreateFile,
  type Diagnostic,
  type MarkupContent,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { SpeakersRequest, StatementTableRequest, TimelineRequest } from '../../server/src/lsp/protocol';
import { LspTestClient, applyEdits, copyFixture, editsByPath, positionOf } from './lspClient';

const read = (file: string) => fs.readFileSync(file, 'utf8');

async function hoverAt(client: LspTestClient, file: string, needle: string, delta = 1): Promise<string> {
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: client.uri(file) }, position: positionOf(read(file), needle, delta) });
  assert.ok(h, `a hover on ${needle}`);
  return (h.contents as MarkupContent).value;
}

async function actionsAt(client: LspTestClient, file: string, needle: string, diagnostics: Diagnostic[] = []): Promise<CodeAction[]> {
  const start = positionOf(read(file), needle, 1);
  return (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: client.uri(file) },
    range: { start, end: start },
    context: { diagnostics },
  })) as CodeAction[];
}

/**
 * Waits until a condition holds, re-checking after each `attributionLens/indexed` signal (an
 * earlier change's signal may still be on its way, so one signal alone proves nothing).
 */
async function until(client: LspTestClient, what: string, condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const next = client.nextIndexed();
    if (await condition()) return;
    await client.guard(next, what);
  }
  assert.fail(`never: ${what}`);
}

describe('speaker registry in the language server (registry fixture)', function () {
  let root: string;
  let client: LspTestClient;
  const file = (name: string) => path.join(root, 'articles', name);
  const registryFile = () => path.join(root, 'attribution-lens.yaml');

  before(async () => {
    root = copyFixture('registry');
    client = await LspTestClient.start({ folders: [root], capabilities: { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } } });
  });
  after(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('leaves out the files its ignore globs name', () => {
    assert.strictEqual(client.indexed[0].articles, 3, 'drafts/04-draft.txt is ignored; README is not an article');
    assert.strictEqual(client.indexed[0].unattributedQuotes, 0, 'the draft’s unattributed quote is not counted');
  });

  it('an alias merges two spellings into one speaker, and hover shows the registry role and note', async () => {
    const text = await hoverAt(client, file('02-harbour-dredging.txt'), 'Marta Kovalchik said', 8);
    assert.match(text, /\*\*Marta Kowalczyk\*\*/);
    assert.match(text, /Harbour Authority Director/);
    assert.match(text, /Confirm figures with the authority's press office\./);
    assert.match(text, /3 statements in 2 articles/);
  });

  it('a cue verb from the registry makes a statement', async () => {
    const speakers = await client.connection.sendRequest(SpeakersRequest.type);
    const brenner = speakers.find((s) => s.name === 'Olaf Brenner');
    assert.ok(brenner, JSON.stringify(speakers.map((s) => s.name)));
    assert.strictEqual(brenner.statementCount, 1, '“harrumphed” is a cue only because the registry adds it');
  });

  it('attributionLens/timeline gives one lane per speaker and located statements by date, filterable', async () => {
    const t = await client.connection.sendRequest(TimelineRequest.type, {});
    assert.deepStrictEqual(t.lanes.map((l) => [l.name, l.statementCount]), [
      ['Tomasz Wierzba', 5],
      ['Marta Kowalczyk', 3],
      ['Olaf Brenner', 1],
    ]);
    const dates = t.entries.map((e) => e.date ?? '');
    assert.deepStrictEqual(dates, [...dates].sort(), 'entries by date');
    assert.deepStrictEqual([t.first, t.last, t.undated], ['2024-03-04', '2024-03-18', 0]);
    const quip = t.entries.find((e) => e.cue === 'harrumphed')!;
    const f = file('02-harbour-dredging.txt');
    assert.strictEqual(quip.uri, client.uri(f));
    assert.strictEqual(read(f).split('\n')[quip.range.start.line].slice(quip.range.start.character, quip.range.end.character), 'We will need a bigger boat');
    assert.deepStrictEqual(t.articles.map((a) => a.title), ['Harbour Fees to Rise for Cargo Ships', 'Dredging of Outer Channel Starts Next Week', 'Dock Workers Threaten Strike Over Night Shifts']);
    const marta = t.lanes.find((l) => l.name === 'Marta Kowalczyk')!.speakerId;
    const filtered = await client.connection.sendRequest(TimelineRequest.type, { speakers: [marta], articles: [client.uri(f)] });
    assert.deepStrictEqual(filtered.entries.map((e) => e.text), ['Ships have waited long enough for a deep channel']);
  });

  it('attributionLens/statementTable gives the rows `attribution-lens export` writes (the editor’s export uses it)', async () => {
    const rows = await client.connection.sendRequest(StatementTableRequest.type, { speaker: 'Kovalchik' });
    const cli = spawnSync(process.execPath, [path.resolve(__dirname, '../../../bin/attribution-lens.js'), 'export', '--format', 'json', '--speaker', 'Kovalchik', 'articles'], { cwd: root, encoding: 'utf8' });
    assert.strictEqual(cli.status, 0, cli.stderr);
    const expected = (JSON.parse(cli.stdout) as Array<{ file: string }>).map((r) => ({ ...r, file: client.uri(path.join(root, r.file)) }));
    assert.deepStrictEqual(rows, expected);
    assert.strictEqual(rows.length, 3);
  });

  it('a syntax error is a diagnostic on the right line of the YAML; the last good registry stays and analysis goes on', async () => {
    const yaml = registryFile();
    const good = read(yaml);
    await client.open(yaml, 'yaml');
    await client.waitForDiagnostics(yaml, (d) => d.length === 0);
    const broken = good.replace('aliases: [Marta Kovalchik]', 'aliases: [Marta Kovalchik');
    const lineOfError = broken.split('\n').findIndex((l) => l.includes('aliases: [Marta Kovalchik'));
    await client.change(yaml, broken);
    const diags = await client.waitForDiagnostics(yaml, (d) => d.length > 0);
    assert.strictEqual(diags[0].severity, DiagnosticSeverity.Error);
    assert.ok(diags[0].range.start.line >= lineOfError && diags[0].range.start.line <= lineOfError + 1, `error on line ${diags[0].range.start.line}, expected about ${lineOfError}: ${diags[0].message}`);
    assert.match(diags[0].message, /last registry without errors stays in force/);
    // Analysis continues with the last good registry: the alias still merges.
    const text = await hoverAt(client, file('02-harbour-dredging.txt'), 'Marta Kovalchik said', 8);
    assert.match(text, /\*\*Marta Kowalczyk\*\*/);
    await client.change(yaml, good);
    await client.waitForDiagnostics(yaml, (d) => d.length === 0);
  });

  it('reports an unknown key, a wrong type, a duplicate speaker and an alias claimed twice, each on its line', async () => {
    const yaml = registryFile();
    const text = [
      'speakers:',
      '  - name: Marta Kowalczyk',
      '    aliases: [Marta Kovalchik]',
      '    colour: blue',
      '  - name: Marta Kowalczyk',
      '  - name: Olaf Brenner',
      '    aliases: [Marta Kovalchik]',
      'default_year: soon',
      '',
    ].join('\n');
    await client.change(yaml, text);
    const diags = await client.waitForDiagnostics(yaml, (d) => d.length >= 4);
    const lineOf = (re: RegExp) => diags.find((d) => re.test(d.message))?.range.start.line;
    assert.strictEqual(lineOf(/Unknown speaker key 'colour'/), 3, JSON.stringify(diags));
    assert.strictEqual(lineOf(/Duplicate speaker/), 4);
    assert.strictEqual(lineOf(/claimed by both/), 6);
    assert.strictEqual(lineOf(/default_year/), 7);
    await client.change(yaml, read(yaml));
    await client.waitForDiagnostics(yaml, (d) => d.length === 0);
  });

  it('editing the registry re-analyses the workspace live: a new alias merges a speaker, removing it splits them again', async () => {
    const yaml = registryFile();
    const good = read(yaml);
    const names = async () => (await client.connection.sendRequest(SpeakersRequest.type)).map((s) => s.name);
    assert.ok(!(await names()).includes('Marta Kovalchik'));
    await client.change(yaml, good.replace('aliases: [Marta Kovalchik]', 'aliases: []'));
    await until(client, 'without the alias the spellings are two speakers', async () => (await names()).includes('Marta Kovalchik'));
    await client.change(yaml, good);
    await until(client, 'with the alias back they are one again', async () => !(await names()).includes('Marta Kovalchik'));
    await client.close(yaml);
  });

  it('a registry changed on disk (file event) applies too', async () => {
    const yaml = registryFile();
    const good = read(yaml);
    const brenner = async () => (await client.connection.sendRequest(SpeakersRequest.type)).find((s) => s.name === 'Olaf Brenner')?.statementCount ?? 0;
    assert.strictEqual(await brenner(), 1);
    fs.writeFileSync(yaml, good.replace('cue_verbs: [harrumphed]', 'cue_verbs: []'));
    await client.fileEvents([{ uri: client.uri(yaml), type: FileChangeType.Changed }]);
    await until(client, '“harrumphed” is no cue once the registry drops it', async () => (await brenner()) === 0);
    fs.writeFileSync(yaml, good);
    await client.fileEvents([{ uri: client.uri(yaml), type: FileChangeType.Changed }]);
    await until(client, 'the cue is back', async () => (await brenner()) === 1);
  });

  it('on an inconsistent spelling, a quick fix adds it as an alias to the registry, and the diagnostic goes away', async () => {
    const f = file('03-harbour-strike.txt');
    await client.open(f);
    const diags = await client.waitForDiagnostics(f, (d) => d.some((x) => x.code === 'inconsistent-spelling'));
    const spelling = diags.filter((d) => d.code === 'inconsistent-spelling');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: client.uri(f) },
      range: spelling[0].range,
      context: { diagnostics: spelling },
    })) as CodeAction[];
    const alias = actions.find((a) => a.title === "Add 'Tomasz Wierzbá' as an alias of Tomasz Wierzba");
    assert.ok(alias, actions.map((a) => a.title).join(' | '));
    const yaml = registryFile();
    const edits = editsByPath(alias.edit!).get(yaml);
    assert.ok(edits, 'the edit is to the registry');
    const after = applyEdits(read(yaml), edits);
    assert.match(after, /  - name: Tomasz Wierzba\n    aliases: \[Tomasz Wierzbá\]\n/);
    const version = ((alias.edit!.documentChanges![0] as TextDocumentEdit).textDocument).version;
    assert.strictEqual(version, null, 'the registry is not open, so the edit is to the file on disk');
    // Apply it as the editor would (write + file event): the spelling is accepted from then on.
    fs.writeFileSync(yaml, after);
    await client.fileEvents([{ uri: client.uri(yaml), type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(f, (d) => !d.some((x) => x.code === 'inconsistent-spelling'));
  });

  it('on a mention of a speaker the registry does not list, a quick fix adds the speaker with their role', async () => {
    const f = file('01-harbour-fees.txt');
    await client.open(f);
    const yaml = registryFile();
    fs.writeFileSync(yaml, read(yaml).replace(/  - name: Tomasz Wierzba\n.*\n/, ''));
    await client.fileEvents([{ uri: client.uri(yaml), type: FileChangeType.Changed }]);
    let actions: CodeAction[] = [];
    const title = 'Add Tomasz Wierzba to the registry';
    await until(client, title, async () => (actions = await actionsAt(client, f, 'Tomasz Wierzba said the union')).some((a) => a.title === title));
    const add = actions.find((a) => a.title === title)!;
    const after = applyEdits(read(yaml), editsByPath(add.edit!).get(yaml)!);
    assert.ok(after.startsWith(read(yaml).split('cue_verbs')[0]), `the existing speakers are untouched:\n${after}`);
    assert.match(after, /  - name: Olaf Brenner\n    distinct_from: \[Olav Brenner\]\n  - name: Tomasz Wierzba\ncue_verbs:/);
    const none = await actionsAt(client, f, 'Marta Kowalczyk said on');
    assert.ok(!none.some((a) => a.title.startsWith('Add Marta Kowalczyk')), 'a listed speaker is not offered again');
  });

  it('creates the registry when there is none (CreateFile, then the text)', async () => {
    const yaml = registryFile();
    fs.rmSync(yaml);
    await client.fileEvents([{ uri: client.uri(yaml), type: FileChangeType.Deleted }]);
    const f = file('01-harbour-fees.txt');
    let actions: CodeAction[] = [];
    const title = 'Add Marta Kowalczyk to the registry';
    await until(client, title, async () => (actions = await actionsAt(client, f, 'Marta Kowalczyk said on')).some((a) => a.title === title));
    const add = actions.find((a) => a.title === title)!;
    const [create, insert] = add.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    assert.strictEqual(create.kind, 'create');
    assert.strictEqual(create.uri, client.uri(yaml));
    assert.strictEqual(insert.textDocument.uri, client.uri(yaml));
    const text = applyEdits('', insert.edits as never);
    assert.match(text, /^# .*\nspeakers:\n  - name: Marta Kowalczyk\n    role: Harbour Authority Director\n$/);
  });

  it('follows the setting attributionLens.registry.path to another file', async () => {
    const names = async () => (await client.connection.sendRequest(SpeakersRequest.type)).map((s) => s.name);
    await until(client, 'no registry: two spellings, two speakers', async () => (await names()).includes('Marta Kovalchik'));
    fs.mkdirSync(path.join(root, 'team'));
    fs.writeFileSync(path.join(root, 'team', 'registry.yaml'), 'speakers:\n  - name: Marta Kowalczyk\n    aliases: [Marta Kovalchik]\n');
    client.settings = { registry: { path: 'team/registry.yaml' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await until(client, 'the registry the setting names applies', async () => !(await names()).includes('Marta Kovalchik'));
  });
});
