// Protocol tests: the real server over stdio, a real LSP client, fixture workspaces written for
// these tests (test/fixtures/workspaces/newsroom). Every wait is for a signal from the server.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentHighlightKind,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  FileChangeType,
  HoverRequest,
  InlayHintRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SelectionRangeRequest,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type Location,
  type MarkupContent,
  type Range,
  type SelectionRange,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { SpeakersRequest, StatementsBySpeakerRequest, UnattributedQuotesRequest, type StatementItem } from '../../server/src/lsp/protocol';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/lsp/semanticTokens';
import { LspTestClient, applyEdits, copyFixture, editsByPath, pathOfUri, positionOf } from './lspClient';

const read = (file: string) => fs.readFileSync(file, 'utf8');

/** The text a range covers in a file on disk. */
function textAt(file: string, range: Range): string {
  const lines = read(file).split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  return [lines[range.start.line].slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line].slice(0, range.end.character)].join('\n');
}

function hoverText(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  return (h.contents as MarkupContent).value;
}

describe('language server over stdio (newsroom fixture)', function () {
  let root: string;
  let client: LspTestClient;
  const file = (name: string) => path.join(root, 'articles', name);

  before(async () => {
    root = copyFixture('newsroom');
    client = await LspTestClient.start({ folders: [root] });
  });
  after(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('indexes every article under the folder on start, reporting progress, and leaves README and CHANGELOG out', () => {
    const first = client.indexed[0];
    assert.strictEqual(first.articles, 4, 'four articles; README.md and notes/CHANGELOG.md are not articles');
    assert.deepStrictEqual(first.skipped, []);
    assert.ok(first.speakers >= 3, `speakers: ${first.speakers}`);
    assert.strictEqual(first.unattributedQuotes, 1, 'the one unattributed quote is in 03; README quotes do not count');
    const kinds = client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    assert.strictEqual(kinds[0], 'begin');
    assert.strictEqual(kinds[kinds.length - 1], 'end');
    assert.ok(client.registrations.includes('workspace/didChangeWatchedFiles'), 'the server asks to watch article files');
  });

  it('hover on a surname spelled differently shows the canonical name, the spellings and statements across three articles', async () => {
    const f = file('03-dam-protest.txt');
    await client.open(f);
    const h = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: client.uri(f) },
      position: positionOf(read(f), 'Petrów said.', 2),
    });
    const text = hoverText(h);
    assert.match(text, /\*\*Ivan Petrov\*\*/);
    assert.match(text, /Petrów/);
    assert.match(text, /\d+ statements in 3 articles/);
    assert.match(text, /Council Leader/);
  });

  it('hover on a quotation names its speaker, cue and kind', async () => {
    const f = file('03-dam-protest.txt');
    const h = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: client.uri(f) },
      position: positionOf(read(f), 'I understand their anger', 3),
    });
    const text = hoverText(h);
    assert.match(text, /Ivan Petrov/);
    assert.match(text, /direct quotation/);
    assert.match(text, /said/);
  });

  it('references on a mention list the person’s statements in articles that were never opened, and nobody else’s', async () => {
    const f = file('03-dam-protest.txt');
    const locations = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: client.uri(f) },
      position: positionOf(read(f), 'Petrów said.', 2),
      context: { includeDeclaration: false },
    })) as Location[];
    assert.ok(locations && locations.length >= 5, `locations: ${JSON.stringify(locations)}`);
    const files = new Set(locations.map((l) => path.basename(pathOfUri(l.uri))));
    assert.ok(files.has('01-dam-vote.txt') && files.has('02-dam-funding.txt') && files.has('03-dam-protest.txt'), [...files].join(', '));
    const texts = locations.map((l) => textAt(pathOfUri(l.uri), l.range));
    assert.ok(texts.some((t) => t.includes('We are not asking for charity')), texts.join(' | '));
    assert.ok(texts.some((t) => t.includes('We will talk to every farmer')), texts.join(' | '));
    assert.ok(!texts.some((t) => /slap in the face|concrete will cost|return every week/.test(t)), 'no statement by Greta Lindqvist or Hannah Moss');
  });

  it('attributionLens/statementsBySpeaker finds a speaker by a spelling without accents and returns located statements', async () => {
    const items: StatementItem[] = await client.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Petrow' });
    assert.ok(items.length >= 5, JSON.stringify(items));
    for (const item of items) {
      assert.strictEqual(item.speaker, 'Ivan Petrov');
      assert.ok(['direct', 'partial', 'indirect'].includes(item.kind));
      assert.ok(item.cue.length > 0);
      const covered = textAt(pathOfUri(item.uri), item.range);
      assert.ok(covered.includes(item.text.slice(0, 20)) || item.text.includes(covered.slice(0, 20)), `${covered} vs ${item.text}`);
    }
    const byId: StatementItem[] = await client.connection.sendRequest(StatementsBySpeakerRequest.type, { id: items[0].speakerId });
    assert.deepStrictEqual(byId, items);
    const nobody: StatementItem[] = await client.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Nobody Atall' });
    assert.deepStrictEqual(nobody, []);
  });

  it('attributionLens/speakers lists every speaker, most quoted first', async () => {
    const list = await client.connection.sendRequest(SpeakersRequest.type);
    assert.strictEqual(list[0].name, 'Ivan Petrov');
    assert.strictEqual(list[0].statementArticles.length, 3);
    assert.ok(list.some((s) => s.name === 'Greta Lindqvist'));
  });

  it('workspace/symbol finds a speaker by any spelling and statements by their words', async () => {
    const speakers = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'petrów' })) as SymbolInformation[];
    assert.ok(speakers.some((s) => s.name === 'Ivan Petrov'), JSON.stringify(speakers));
    const statements = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'charity' })) as SymbolInformation[];
    const hit = statements.find((s) => s.name.includes('charity'));
    assert.ok(hit, JSON.stringify(statements));
    assert.strictEqual(path.basename(pathOfUri(hit.location.uri)), '02-dam-funding.txt');
  });

  it('publishes an unattributed-quote warning that names the quoted words, with data for its fixes', async () => {
    const f = file('03-dam-protest.txt');
    const diags = await client.waitForDiagnostics(f, (d) => d.some((x) => x.code === 'unattributed-quote'));
    const d = diags.find((x) => x.code === 'unattributed-quote')!;
    assert.strictEqual(d.severity, 2, 'warning');
    assert.match(d.message, /We have waited long enough/);
    assert.strictEqual(d.source, 'attribution-lens');
    assert.ok(d.data, 'diagnostic carries data');
    assert.strictEqual(d.range.start.line, 3);
  });

  it('hover on an unattributed quote says nobody is named, and who is quoted nearby', async () => {
    const f = file('03-dam-protest.txt');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: client.uri(f) }, position: positionOf(read(f), 'waited long enough', 2) });
    const text = (hover?.contents as MarkupContent).value;
    assert.match(text, /No speaker named/);
    assert.match(text, /Quoted nearby: Lindqvist, Petrów/);
  });

  it('attributionLens/unattributedQuotes lists every unattributed quote of the workspace, closed articles too, and no README', async () => {
    const items = await client.connection.sendRequest(UnattributedQuotesRequest.type);
    assert.deepStrictEqual(items.map((i) => [path.basename(pathOfUri(i.uri)), i.range.start.line]), [['03-dam-protest.txt', 3]]);
    assert.match(items[0].text, /^We have waited long enough for the council/);
    assert.match(textAt(file('03-dam-protest.txt'), items[0].range), /^"We have waited long enough/);
  });

  it('reports a speaker spelled differently from the other articles, and the fix uses the canonical spelling', async () => {
    const f = file('03-dam-protest.txt');
    const diags = await client.waitForDiagnostics(f, (d) => d.some((x) => x.code === 'inconsistent-spelling'));
    const spelling = diags.filter((x) => x.code === 'inconsistent-spelling');
    const full = spelling.find((x) => x.message.startsWith('“Ivan Petrów”'));
    assert.ok(full, JSON.stringify(spelling));
    assert.strictEqual(full.severity, 3, 'information');
    assert.match(full.message, /“Ivan Petrov” in 2 other articles/);
    const actions = await codeActionsFor(f, full);
    const fix = actions.find((a) => a.title.includes('Ivan Petrov'));
    assert.ok(fix?.edit, JSON.stringify(actions));
    const fixed = applyEdits(read(f), editsByPath(fix.edit).get(f)!);
    assert.match(fixed, /Council leader Ivan Petrov said he would meet/);
    assert.ok(!diags.some((x) => x.code === 'unattributed-quote' && x.message.includes('Petrov')));
  });

  it('the add-attribution quick fix inserts a template after an unattributed quote', async () => {
    const f = file('03-dam-protest.txt');
    const diags = await client.waitForDiagnostics(f, (d) => d.some((x) => x.code === 'unattributed-quote'));
    const actions = await codeActionsFor(f, diags.find((x) => x.code === 'unattributed-quote')!);
    const add = actions.find((a) => a.title.startsWith('Add an attribution'));
    assert.ok(add?.edit && add.isPreferred, JSON.stringify(actions));
    const fixed = applyEdits(read(f), editsByPath(add.edit).get(f)!);
    assert.strictEqual(fixed.split('\n')[3], '"We have waited long enough for the council to act on this dam," [Name] said.');
  });

  it('the attribute-to quick fixes offer the article\'s nearest speakers by surname', async () => {
    const f = file('03-dam-protest.txt');
    const diags = await client.waitForDiagnostics(f, (d) => d.some((x) => x.code === 'unattributed-quote'));
    const actions = await codeActionsFor(f, diags.find((x) => x.code === 'unattributed-quote')!);
    const attribute = actions.filter((a) => a.title.startsWith('Attribute it to'));
    assert.deepStrictEqual(attribute.map((a) => a.title), ['Attribute it to Lindqvist: … Lindqvist said.', 'Attribute it to Petrów: … Petrów said.']);
    assert.ok(attribute.every((a) => !a.isPreferred), 'a guess is never the preferred fix');
    const fixed = applyEdits(read(f), editsByPath(attribute[0].edit!).get(f)!);
    assert.strictEqual(fixed.split('\n')[3], '"We have waited long enough for the council to act on this dam," Lindqvist said.');
  });

  it('the ignore quick fix adds a marker at the end of the paragraph, and the warning goes away', async () => {
    const f = file('03-dam-protest.txt');
    const diags = await client.waitForDiagnostics(f, (d) => d.some((x) => x.code === 'unattributed-quote'));
    const actions = await codeActionsFor(f, diags.find((x) => x.code === 'unattributed-quote')!);
    const ignore = actions.find((a) => a.title.startsWith('Ignore this quote'));
    assert.ok(ignore?.edit, JSON.stringify(actions));
    const fixed = applyEdits(read(f), editsByPath(ignore.edit).get(f)!);
    assert.strictEqual(fixed.split('\n')[3], '"We have waited long enough for the council to act on this dam." [attribution-lens-ignore]');
    const indexed = client.nextIndexed();
    await client.change(f, fixed);
    const after = await client.waitForDiagnostics(f, (d) => !d.some((x) => x.code === 'unattributed-quote'));
    assert.ok(!after.some((x) => x.code === 'unattributed-quote'));
    assert.strictEqual((await client.guard(indexed, 'indexed after the edit')).unattributedQuotes, 0);
    // Put the text back for the tests that follow.
    await client.change(f, read(f));
    await client.waitForDiagnostics(f, (d) => d.some((x) => x.code === 'unattributed-quote'));
  });

  it('the wrong closing mark is reported and its quick fix puts the right mark in', async () => {
    const f = file('04-dam-marks.txt');
    await client.open(f);
    const diags = await client.waitForDiagnostics(f, (d) => d.some((x) => x.code === 'malformed-quote-marks'));
    const d = diags.find((x) => x.code === 'malformed-quote-marks')!;
    assert.match(d.message, /we can finish the spillway/);
    const actions = await codeActionsFor(f, d);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit, JSON.stringify(actions));
    const fixed = applyEdits(read(f), editsByPath(fix.edit).get(f)!);
    assert.ok(fixed.includes('approves the night shifts. ”\n'), fixed);
    await client.change(f, fixed);
    const after = await client.waitForDiagnostics(f, (x) => !x.some((y) => y.code === 'malformed-quote-marks'));
    assert.deepStrictEqual(after.filter((x) => x.code === 'malformed-quote-marks'), []);
  });

  it('document symbols outline the dateline and each speaker with their statements', async () => {
    const f = file('01-dam-vote.txt');
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: client.uri(f) } })) as DocumentSymbol[];
    assert.strictEqual(symbols[0].name, 'ASHFORD');
    const petrov = symbols.find((s) => s.name === 'Ivan Petrov');
    assert.ok(petrov?.children?.some((c) => c.name.includes('We will talk to every farmer')), JSON.stringify(symbols));
  });

  it('a dateline of an agency alone ("(Northwire) --") is outlined and hovered by its agency', async () => {
    const f = file('90-agency-dateline.txt');
    const text = 'Bank weighs sale\n\n(Northwire) -- Nordvik Bank is weighing a sale of its insurance arm, people familiar with the matter said.\n';
    await client.open(f, 'plaintext', text);
    await client.waitForDiagnostics(f);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: client.uri(f) } })) as DocumentSymbol[];
    assert.strictEqual(symbols[0].name, 'Northwire');
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: client.uri(f) }, position: positionOf(text, 'Northwire', 2) });
    assert.match(hoverText(h), /^\*\*Dateline\*\* · Northwire/m);
    await client.close(f);
  });

  it('go to definition on "he" lands on the first full mention of the person', async () => {
    const f = file('01-dam-vote.txt');
    const loc = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: client.uri(f) },
      position: positionOf(read(f), 'he told reporters', 0),
    })) as Location;
    assert.ok(loc, 'a definition');
    assert.strictEqual(textAt(f, loc.range), 'Ivan Petrov');
    assert.strictEqual(loc.range.start.line, 2);
  });

  it('document highlight on a surname marks every mention of the person, the ones that speak as writes', async () => {
    const f = file('01-dam-vote.txt');
    const highlights = await client.connection.sendRequest(DocumentHighlightRequest.type, {
      textDocument: { uri: client.uri(f) },
      position: positionOf(read(f), 'Petrov said engineers', 2),
    });
    const seen = (highlights ?? []).map((h) => `${textAt(f, h.range)}:${h.kind === DocumentHighlightKind.Write ? 'says' : 'named'}`);
    assert.deepStrictEqual(seen, ['Ivan Petrov:says', 'Ivan Petrov:says', 'Petrov:says', 'he:says']);
  });

  it('expand selection grows from a word in a quotation to the quotation, its statement, the paragraph', async () => {
    const f = file('01-dam-vote.txt');
    const chains = await client.connection.sendRequest(SelectionRangeRequest.type, {
      textDocument: { uri: client.uri(f) },
      positions: [positionOf(read(f), 'single pound', 3)],
    });
    assert.strictEqual(chains?.length, 1);
    const texts: string[] = [];
    for (let r: SelectionRange | undefined = chains[0]; r; r = r.parent) texts.push(textAt(f, r.range));
    assert.deepStrictEqual(texts.slice(0, 4), [
      'single',
      'We will talk to every farmer before we spend a single pound',
      'We will talk to every farmer before we spend a single pound,',
      '"We will talk to every farmer before we spend a single pound,"',
    ]);
    assert.ok(texts.includes('"We will talk to every farmer before we spend a single pound," Ivan Petrov said'), texts.join(' | '));
  });

  it('completion offers a speaker of the workspace as their surname is typed, in the canonical spelling', async () => {
    const f = file('03-dam-protest.txt');
    const text = `${read(f)}\nLater, Petr`;
    await client.open(f, 'plaintext', text);
    try {
      const lines = text.split('\n');
      const list = await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: client.uri(f) },
        position: { line: lines.length - 1, character: lines[lines.length - 1].length },
      });
      const items = list && 'items' in list ? list.items : [];
      assert.deepStrictEqual(items.map((i) => [i.label, i.labelDetails?.description]), [['Petrov', 'Ivan Petrov']]);
    } finally {
      await client.close(f);
    }
  });

  it('a code lens on the first mention counts the speaker’s statements and articles', async () => {
    const f = file('02-dam-funding.txt');
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: client.uri(f) } });
    const petrov = lenses?.find((l) => /statements in 3 articles/.test(l.command?.title ?? ''));
    assert.ok(petrov, JSON.stringify(lenses));
    assert.strictEqual(petrov.command?.command, 'attributionLens.showStatementsOf');
    assert.strictEqual(textAt(f, petrov.range), 'Ivan Petrov');
  });

  it('inlay hints show the resolved date after "Monday" and the speaker after "he told"', async () => {
    const f = file('01-dam-vote.txt');
    const hints = await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: client.uri(f) },
      range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } },
    });
    const labels = (hints ?? []).map((h) => String(h.label));
    assert.ok(labels.some((l) => /^= \d{4}-05-13$/.test(l)), labels.join(', '));
    assert.ok(labels.includes('(Ivan Petrov)'), labels.join(', '));
  });

  it('semantic tokens mark speakers, quotations, cues and dates', async () => {
    const f = file('01-dam-vote.txt');
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: client.uri(f) } });
    const lines = read(f).split('\n');
    const seen = new Map<string, Set<string>>();
    let line = 0;
    let char = 0;
    const data = tokens?.data ?? [];
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
      const type = SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]];
      const text = lines[line].slice(char, char + data[i + 2]);
      if (!seen.has(type)) seen.set(type, new Set());
      seen.get(type)!.add(text);
    }
    assert.ok(seen.get('speaker')?.has('Ivan Petrov'), JSON.stringify([...seen].map(([k, v]) => [k, [...v]])));
    assert.ok([...(seen.get('quotation') ?? [])].some((t) => t.startsWith('"We will talk')));
    assert.ok(seen.get('cue')?.has('said'));
    assert.ok(seen.get('date')?.size);
  });

  it('rename of a surname rewrites every spelling of that speaker in every article, opened or not', async () => {
    const f = file('03-dam-protest.txt');
    const pos = positionOf(read(f), 'Petrów said.', 1);
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: client.uri(f) }, position: pos });
    assert.ok(prepared && 'placeholder' in prepared && prepared.placeholder === 'Petrów', JSON.stringify(prepared));
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: client.uri(f) }, position: pos, newName: 'Petrova' });
    assert.ok(edit);
    const byFile = editsByPath(edit);
    assert.deepStrictEqual([...byFile.keys()].map((p) => path.basename(p)).sort(), ['01-dam-vote.txt', '02-dam-funding.txt', '03-dam-protest.txt']);
    for (const [p, edits] of byFile) {
      const after = applyEdits(read(p), edits);
      assert.ok(!/Petrov\b|Petrów/.test(after), `${path.basename(p)}:\n${after}`);
      assert.match(after, /Ivan Petrova/);
      assert.match(after, /Lindqvist|Moss/, 'other people are left alone');
    }
    const onPronoun = client.connection.sendRequest(PrepareRenameRequest.type, {
      textDocument: { uri: client.uri(file('01-dam-vote.txt')) },
      position: positionOf(read(file('01-dam-vote.txt')), 'he told reporters', 0),
    });
    await assert.rejects(onPronoun, /only spellings of a name/);
  });

  it('an open buffer wins over the file on disk', async () => {
    const f = file('02-dam-funding.txt');
    const edited = read(f).replace('We are not asking for charity, we are asking for a partner', 'We need a partner for this work, not a lender of last resort');
    let indexed = client.nextIndexed();
    await client.open(f, 'plaintext', edited);
    await client.guard(indexed, 'indexed after open');
    fs.writeFileSync(f, read(f).replace('We are not asking for charity', 'We are begging for charity'));
    indexed = client.nextIndexed();
    await client.fileEvents([{ uri: client.uri(f), type: FileChangeType.Changed }]);
    await client.guard(indexed, 'indexed after the disk change');
    const items = await client.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Ivan Petrov' });
    const texts = items.map((i) => i.text).join(' | ');
    assert.match(texts, /lender of last resort/);
    assert.doesNotMatch(texts, /charity/);
    indexed = client.nextIndexed();
    await client.close(f);
    await client.guard(indexed, 'indexed after close');
    const afterClose = await client.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Ivan Petrov' });
    assert.match(afterClose.map((i) => i.text).join(' | '), /begging for charity/, 'the disk copy takes over again');
  });

  it('a file deleted on disk takes its statements with it; a created file adds them', async () => {
    const gone = file('02-dam-funding.txt');
    fs.unlinkSync(gone);
    let indexed = client.nextIndexed();
    await client.fileEvents([{ uri: client.uri(gone), type: FileChangeType.Deleted }]);
    const afterDelete = await client.guard(indexed, 'indexed after the delete');
    assert.strictEqual(afterDelete.articles, 3);
    let items = await client.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Ivan Petrov' });
    assert.ok(items.length > 0);
    assert.ok(!items.some((i) => i.uri.endsWith('02-dam-funding.txt')), JSON.stringify(items));

    const created = file('05-dam-deal.txt');
    fs.writeFileSync(created, 'Dam Deal Reached\n\nASHFORD, June 10 (Riverline News) - The council agreed a repair plan on Monday.\n"This is a good day for the valley," Ivan Petrov said.\n');
    indexed = client.nextIndexed();
    await client.fileEvents([{ uri: client.uri(created), type: FileChangeType.Created }]);
    assert.strictEqual((await client.guard(indexed, 'indexed after the create')).articles, 4);
    items = await client.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Ivan Petrov' });
    assert.ok(items.some((i) => i.uri.endsWith('05-dam-deal.txt') && i.text.includes('good day for the valley')), JSON.stringify(items));
  });

  it('a file renamed on disk keeps its statements under the new name', async () => {
    const from = file('05-dam-deal.txt');
    const to = file('06-dam-deal-renamed.txt');
    fs.renameSync(from, to);
    const indexed = client.nextIndexed();
    await client.fileEvents([
      { uri: client.uri(from), type: FileChangeType.Deleted },
      { uri: client.uri(to), type: FileChangeType.Created },
    ]);
    assert.strictEqual((await client.guard(indexed, 'indexed after the rename')).articles, 4);
    const items = await client.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Ivan Petrov' });
    assert.ok(items.some((i) => i.uri.endsWith('06-dam-deal-renamed.txt')), JSON.stringify(items));
    assert.ok(!items.some((i) => i.uri.endsWith('05-dam-deal.txt')), JSON.stringify(items));
  });

  it('an untitled buffer is an article while it is open', async () => {
    const uri = 'untitled:Untitled-7';
    let indexed = client.nextIndexed();
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: 'Draft\n\n"The valley deserves better than this," Greta Lindqvist said.\n' },
    });
    assert.strictEqual((await client.guard(indexed, 'indexed after opening an untitled buffer')).articles, 5);
    const items = await client.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Greta Lindqvist' });
    assert.ok(items.some((i) => i.uri === uri && i.text.includes('deserves better')), JSON.stringify(items));
    indexed = client.nextIndexed();
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.strictEqual((await client.guard(indexed, 'indexed after closing it')).articles, 4);
  });

  async function codeActionsFor(f: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const result = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: client.uri(f) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    return (result ?? []) as CodeAction[];
  }
});

describe('language server settings', function () {
  let client: LspTestClient;
  let root: string;
  before(async () => {
    root = copyFixture('newsroom');
    client = await LspTestClient.start({
      folders: [root],
      settings: { diagnostics: { unattributedQuote: 'error', malformedQuoteMarks: 'off', inconsistentSpelling: 'off' }, inlayHints: { enabled: false } },
    });
  });
  after(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('applies per-rule severities, `off` included, and turns inlay hints off', async () => {
    const protest = path.join(root, 'articles', '03-dam-protest.txt');
    const marks = path.join(root, 'articles', '04-dam-marks.txt');
    await client.open(protest);
    const d = await client.waitForDiagnostics(protest, (x) => x.length > 0);
    assert.deepStrictEqual(d.map((x) => [x.code, x.severity]), [['unattributed-quote', 1]]);
    await client.open(marks);
    const none = await client.waitForDiagnostics(marks);
    assert.deepStrictEqual(none, [], 'malformed-quote-marks is off');
    const hints = await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: client.uri(protest) },
      range: { start: { line: 0, character: 0 }, end: { line: 50, character: 0 } },
    });
    assert.deepStrictEqual(hints, []);
  });

  it('an include setting that matches nothing empties the index after a configuration change', async () => {
    client.settings = { articles: { include: ['**/*.news'] } };
    const indexed = client.nextIndexed();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const p = await client.guard(indexed, 'indexed after the settings change');
    assert.strictEqual(p.articles, 0, 'neither the files on disk nor the open .txt buffers match any more');
  });
});

describe('language server start-up', function () {
  it('analyses a buffer opened before the initial index has finished, with the buffer’s text', async () => {
    const root = copyFixture('newsroom');
    const f = path.join(root, 'articles', '02-dam-funding.txt');
    const edited = read(f).replace('We are not asking for charity', 'We are asking for a fair deal');
    const client = await LspTestClient.start({ folders: [root], onInitialized: (c) => c.open(f, 'plaintext', edited) });
    try {
      assert.strictEqual(client.indexed[0].articles, 4);
      const items = await client.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Ivan Petrov' });
      const texts = items.map((i) => i.text).join(' | ');
      assert.match(texts, /fair deal/);
      assert.doesNotMatch(texts, /charity/);
      await client.waitForDiagnostics(f);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
