// The "done when", measured on the five seed articles (read-only, outside the repository).
// Skipped when ../shared/corpus/seeds is not there (a clean clone on CI).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DiagnosticSeverity, HoverRequest, ReferencesRequest, type Location, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { parse } from 'yaml';
import { LspTestClient, pathOfUri, positionOf } from './lspClient';

const SEEDS = [path.resolve(__dirname, '../../../../shared/corpus/seeds'), '/work/shared/corpus/seeds'].find((p) => fs.existsSync(p));

interface GoldStatement {
  speaker: string | string[];
  text: string;
}

describe('language server on the seed articles (done when of issue 3)', function () {
  let client: LspTestClient;
  let article003: string;

  before(async function () {
    if (!SEEDS) return this.skip();
    article003 = path.join(SEEDS, fs.readdirSync(SEEDS).find((f) => f.startsWith('003_'))!);
    client = await LspTestClient.start({ folders: [SEEDS] });
    await client.open(article003);
  });
  after(async () => {
    await client?.stop();
  });

  it('indexes the five seed articles', () => {
    assert.strictEqual(client.indexed[0].articles, 5);
  });

  it('hovering "Grushkó" in 003 shows Alexander Grushko with his role and statements in 3 articles', async () => {
    const text = fs.readFileSync(article003, 'utf8');
    const h = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: client.uri(article003) },
      position: positionOf(text, 'Grushkó indicated', 2),
    });
    assert.ok(h, 'a hover');
    const value = (h.contents as MarkupContent).value;
    assert.match(value, /\*\*Alexander Grushko\*\*/);
    assert.match(value, /Deputy Foreign Minister/);
    assert.match(value, /statements in 3 articles/);
  });

  it('references on "Grushkó" list his statements in 001, 003 and 004 and none by anyone else', async () => {
    const text = fs.readFileSync(article003, 'utf8');
    const locations = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: client.uri(article003) },
      position: positionOf(text, 'Grushkó indicated', 2),
      context: { includeDeclaration: false },
    })) as Location[];
    assert.ok(locations?.length, 'some references');
    const prefixes = new Set(locations.map((l) => path.basename(pathOfUri(l.uri)).slice(0, 3)));
    assert.deepStrictEqual([...prefixes].sort(), ['001', '003', '004']);
    // No location holds a statement the gold gives to someone else.
    const loose = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    for (const l of locations) {
      const file = pathOfUri(l.uri);
      const gold = parse(fs.readFileSync(path.join(SEEDS!, 'gold', path.basename(file).replace(/\.txt$/, '.yaml')), 'utf8')) as { statements: GoldStatement[] };
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      const covered = loose(lines[l.range.start.line].slice(l.range.start.character, l.range.start.line === l.range.end.line ? l.range.end.character : undefined));
      const others = gold.statements.filter((s) => ![s.speaker].flat().includes('Alexander Grushko'));
      for (const o of others) {
        assert.ok(!covered.includes(loose(o.text)), `${path.basename(file)}: “${covered}” is ${String(o.speaker)}'s`);
      }
    }
  });

  it('003 has no unattributed-quote warning and one malformed-quote-marks warning', async () => {
    const diags = await client.waitForDiagnostics(article003);
    assert.strictEqual(diags.filter((d) => d.code === 'unattributed-quote').length, 0, JSON.stringify(diags));
    assert.strictEqual(diags.filter((d) => d.code === 'malformed-quote-marks').length, 1, JSON.stringify(diags));
  });
});

// Issue 5's "done when", on a temporary copy of the seed articles (the corpus itself is read-only
// and is never copied into the project) with a speaker registry written by the test.
describe('speaker registry on the seed articles (done when of issue 5)', function () {
  let dir: string;
  let client: LspTestClient;
  let article003: string;
  const registry = () => path.join(dir, 'attribution-lens.yaml');
  const GOOD = [
    '# Written by the test.',
    'speakers:',
    '  - name: Alexander Grushko',
    '    aliases: [Aleksandr Grushko]',
    '    note: Checked against the ministry transcript.',
    '',
  ].join('\n');

  before(async function () {
    if (!SEEDS) return this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'al-seeds-'));
    for (const f of fs.readdirSync(SEEDS).filter((n) => n.endsWith('.txt'))) fs.copyFileSync(path.join(SEEDS, f), path.join(dir, f));
    fs.writeFileSync(registry(), GOOD);
    article003 = path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith('003_'))!);
    client = await LspTestClient.start({ folders: [dir] });
    await client.open(article003);
  });
  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const hoverGrushko = async () => {
    const h = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: client.uri(article003) },
      position: positionOf(fs.readFileSync(article003, 'utf8'), 'Grushkó indicated', 2),
    });
    assert.ok(h, 'a hover');
    return (h.contents as MarkupContent).value;
  };

  it('a registry that gives Grushko an alias and a note shows them in hover', async () => {
    const value = await hoverGrushko();
    assert.match(value, /\*\*Alexander Grushko\*\*/);
    assert.match(value, /Registry aliases: Aleksandr Grushko/);
    assert.match(value, /Checked against the ministry transcript\./);
    assert.match(value, /statements in 3 articles/);
  });

  it('a registry with a syntax error gives a diagnostic on the right line, and analysis continues', async () => {
    const broken = GOOD.replace('    note: Checked', '    note: "Checked');
    await client.open(registry(), 'yaml', broken);
    const diags = await client.waitForDiagnostics(registry(), (d) => d.length > 0);
    assert.strictEqual(diags[0].severity, DiagnosticSeverity.Error);
    assert.ok([4, 5].includes(diags[0].range.start.line), `line ${diags[0].range.start.line}: ${diags[0].message}`);
    const value = await hoverGrushko();
    assert.match(value, /Checked against the ministry transcript\./, 'the last good registry stays in force');
    assert.match(value, /statements in 3 articles/);
  });
});
