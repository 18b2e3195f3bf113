// The speaker registry, pure: parsing and validation with positions, what it does to the workspace
// model (aliases merge, distinct_from separates, role and note, cue verbs, default year), and the
// edits the quick fixes make to its text.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULE_SEVERITIES, RULES, parseRegistry, registryHints } from '../../../server/src/workspace/registry';
import { addAliasChange, addSpeakerChange, applyChange, newRegistryText } from '../../../server/src/workspace/registryEdits';
import { WorkspaceModel } from '../../../server/src/workspace/workspaceModel';

/** Speakers with statements (headline words may be taken for organisations; they say nothing). */
const quoted = (model: WorkspaceModel) => model.speakers().filter((s) => s.statementCount > 0);
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;

function modelWith(yaml: string, articles: Record<string, string>): WorkspaceModel {
  const parsed = parseRegistry(yaml);
  assert.ok(parsed.registry, JSON.stringify(parsed.problems));
  const hints = registryHints(parsed.registry);
  const model = new WorkspaceModel({
    analysis: { extraCueVerbs: parsed.registry.cueVerbs, defaultYear: parsed.registry.defaultYear },
    identity: hints.identity,
    speakerNotes: hints.speakerNotes,
  });
  for (const [uri, text] of Object.entries(articles)) model.setArticle(uri, text);
  return model;
}

const FEES = `Harbour Fees to Rise\n\n"The quays are older than any of us," Marta Kowalczyk said.\n`;
const DREDGING = `Dredging Starts\n\n"Ships have waited long enough," Marta Kovalchik said.\n`;

describe('registry: parsing and validation', () => {
  it('reads speakers, cue verbs, ignore globs, the default year and severities', () => {
    const { registry, problems } = parseRegistry(
      'speakers:\n  - name: Marta Kowalczyk\n    aliases: [Marta Kovalchik]\n    role: Director\n    note: Check figures.\n    distinct_from: [Marek Kowalczyk]\ncue_verbs: [harrumphed]\nignore: ["drafts/**"]\ndefault_year: 2021\nseverity:\n  unattributed-quote: error\n',
    );
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(registry, {
      speakers: [{ name: 'Marta Kowalczyk', aliases: ['Marta Kovalchik'], role: 'Director', note: 'Check figures.', distinctFrom: ['Marek Kowalczyk'] }],
      cueVerbs: ['harrumphed'],
      ignore: ['drafts/**'],
      defaultYear: 2021,
      severity: { 'unattributed-quote': 'error' },
    });
  });

  it('an empty file is an empty registry', () => {
    assert.deepStrictEqual(parseRegistry('# nothing yet\n').problems, []);
    assert.deepStrictEqual(parseRegistry('').registry?.speakers, []);
  });

  it('a syntax error is an error at its line, and there is no registry', () => {
    const text = 'speakers:\n  - name: A B\n    aliases: [x\n  - name: C D\n';
    const { registry, problems } = parseRegistry(text);
    assert.strictEqual(registry, undefined);
    assert.strictEqual(problems[0].severity, 'error');
    assert.ok([2, 3].includes(lineOf(text, problems[0].span.start)), `line ${lineOf(text, problems[0].span.start)}`);
  });

  it('an unknown key is a warning on that key; a wrong type is an error on the value', () => {
    const text = 'speakers:\n  - name: A B\n    colour: blue\ncolours: []\ndefault_year: soon\ncue_verbs: quipped\n';
    const { problems } = parseRegistry(text);
    const at = (re: RegExp) => problems.find((p) => re.test(p.message));
    assert.strictEqual(at(/Unknown speaker key 'colour'/)?.severity, 'warning');
    assert.strictEqual(lineOf(text, at(/Unknown speaker key 'colour'/)!.span.start), 2);
    assert.strictEqual(lineOf(text, at(/Unknown key 'colours'/)!.span.start), 3);
    assert.strictEqual(at(/`default_year` must/)?.severity, 'error');
    assert.strictEqual(lineOf(text, at(/`default_year` must/)!.span.start), 4);
    assert.strictEqual(lineOf(text, at(/`cue_verbs` must/)!.span.start), 5);
  });

  it('a duplicate speaker and an alias claimed by two speakers are errors on the second claim', () => {
    const text = 'speakers:\n  - name: Marta Kowalczyk\n    aliases: [M. Kowalczyk]\n  - name: Marta Kowalczyk\n  - name: Marek Kowalczyk\n    aliases: [M. Kowalczyk]\n';
    const { problems } = parseRegistry(text);
    const duplicate = problems.find((p) => /Duplicate speaker 'Marta Kowalczyk'/.test(p.message));
    const claimed = problems.find((p) => /'M\. Kowalczyk' is claimed by both 'Marta Kowalczyk' and 'Marek Kowalczyk'/.test(p.message));
    assert.ok(duplicate && claimed, JSON.stringify(problems));
    assert.strictEqual(lineOf(text, duplicate.span.start), 3);
    assert.strictEqual(lineOf(text, claimed.span.start), 5);
    assert.ok(problems.every((p) => p.severity === 'error'));
  });
});

describe('registry: what it does to the workspace', () => {
  it('an alias merges two spellings the automatic identity keeps apart', () => {
    const without = new WorkspaceModel();
    without.setArticle('file:///a.txt', FEES);
    without.setArticle('file:///b.txt', DREDGING);
    assert.strictEqual(quoted(without).length, 2, 'Kowalczyk and Kovalchik are two people without the registry');
    const model = modelWith('speakers:\n  - name: Marta Kowalczyk\n    aliases: [Marta Kovalchik]\n', { 'file:///a.txt': FEES, 'file:///b.txt': DREDGING });
    assert.deepStrictEqual(quoted(model).map((s) => [s.name, s.statementCount]), [['Marta Kowalczyk', 2]]);
  });

  it('the registry name is canonical even when the articles spell it otherwise', () => {
    const model = modelWith('speakers:\n  - name: Marta Kowalczyk\n    aliases: [Marta Kovalchik]\n', { 'file:///b.txt': DREDGING });
    assert.deepStrictEqual(quoted(model).map((s) => s.name), ['Marta Kowalczyk']);
  });

  it('distinct_from keeps apart two names the automatic identity would merge', () => {
    const a = `Ferry Talks\n\n"We are ready," Alexander Brenner said.\n`;
    const b = `Ferry Deal\n\n"We are not ready," Alexandr Brenner said.\n`;
    const merged = new WorkspaceModel();
    merged.setArticle('file:///a.txt', a);
    merged.setArticle('file:///b.txt', b);
    assert.strictEqual(quoted(merged).length, 1, 'Alexander ~ Alexandr merge by default');
    const model = modelWith('speakers:\n  - name: Alexander Brenner\n    distinct_from: [Alexandr Brenner]\n', { 'file:///a.txt': a, 'file:///b.txt': b });
    assert.deepStrictEqual(quoted(model).map((s) => s.name).sort(), ['Alexander Brenner', 'Alexandr Brenner']);
  });

  it('role, organisation and note reach the speaker (shown in hover)', () => {
    const model = modelWith('speakers:\n  - name: Marta Kowalczyk\n    role: Harbour Authority Director\n    organization: Brisk Haven Harbour Authority\n    note: Check figures.\n', { 'file:///a.txt': FEES });
    const s = quoted(model)[0];
    assert.strictEqual(s.roles[0], 'Harbour Authority Director');
    assert.strictEqual(s.organization, 'Brisk Haven Harbour Authority');
    assert.strictEqual(s.note, 'Check figures.');
  });

  it('cue verbs are added to the built-in ones', () => {
    // A cue the built-in rules cannot guess (they take an unknown past tense after a quote as a cue).
    const text = `Pier Plans\n\nOlaf Brenner harrumphed that the council would need a bigger boat.\n`;
    const plain = new WorkspaceModel();
    plain.setArticle('file:///a.txt', text);
    assert.strictEqual(plain.getArticle('file:///a.txt')!.summary.statements.filter((s) => s.cue === 'harrumphed').length, 0);
    const model = modelWith('cue_verbs: [harrumphed]\n', { 'file:///a.txt': text });
    assert.strictEqual(model.getArticle('file:///a.txt')!.summary.statements.filter((s) => s.cue === 'harrumphed').length, 1);
  });

  it('default_year dates a dateline that gives no year when nothing else does', () => {
    const text = `Pier Plans\n\nBRISK HAVEN, March 20 (Coastline Wire) - "We will need a bigger boat," Olaf Brenner said.\n`;
    const model = modelWith('default_year: 2019\n', { 'file:///a.txt': text });
    assert.strictEqual(model.getArticle('file:///a.txt')!.summary.articleDate?.value, '2019-03-20');
  });
});

describe('registry edits for the quick fixes', () => {
  const REGISTRY = '# Harbour desk\nspeakers:\n  - name: Marta Kowalczyk   # director\n    role: Director\n  - name: Olaf Brenner\n    aliases: [Olav Brenner]\ncue_verbs: [harrumphed]\n';

  it('adds a speaker after the last one, at the same indentation, leaving the rest as written', () => {
    const out = applyChange(REGISTRY, addSpeakerChange(REGISTRY, { name: 'Tomasz Wierzba', role: "Dock workers' representative" })!);
    assert.strictEqual(out, REGISTRY.replace('cue_verbs', "  - name: Tomasz Wierzba\n    role: Dock workers' representative\ncue_verbs"));
    assert.ok(parseRegistry(out).registry?.speakers.some((s) => s.name === 'Tomasz Wierzba'));
  });

  it('adds `speakers:` to a registry without it, and quotes names YAML would misread', () => {
    const out = applyChange('cue_verbs: [harrumphed]', addSpeakerChange('cue_verbs: [harrumphed]', { name: 'Yes: No' })!);
    assert.strictEqual(out, 'cue_verbs: [harrumphed]\nspeakers:\n  - name: "Yes: No"\n');
    assert.strictEqual(parseRegistry(out).registry?.speakers[0].name, 'Yes: No');
  });

  it('adds to a flow list of speakers and to an empty `speakers:`', () => {
    const flow = applyChange('speakers: [{ name: A B }]\n', addSpeakerChange('speakers: [{ name: A B }]\n', { name: 'C D' })!);
    assert.deepStrictEqual(parseRegistry(flow).registry?.speakers.map((s) => s.name), ['A B', 'C D']);
    const empty = applyChange('speakers:\ncue_verbs: []\n', addSpeakerChange('speakers:\ncue_verbs: []\n', { name: 'C D' })!);
    assert.deepStrictEqual(parseRegistry(empty).registry?.speakers.map((s) => s.name), ['C D']);
  });

  it('adds an alias to a flow list of aliases', () => {
    const out = applyChange(REGISTRY, addAliasChange(REGISTRY, 'Olaf Brenner', 'Olaf Brenner-Holm')!);
    assert.ok(out.includes('    aliases: [Olav Brenner, Olaf Brenner-Holm]\n'), out);
  });

  it('adds `aliases:` under a speaker that has none, found by any spelling', () => {
    const out = applyChange(REGISTRY, addAliasChange(REGISTRY, 'marta kowalczyk', 'Marta Kovalchik')!);
    assert.strictEqual(out, REGISTRY.replace('    role: Director\n', '    role: Director\n    aliases: [Marta Kovalchik]\n'));
    const viaAlias = applyChange(REGISTRY, addAliasChange(REGISTRY, 'Olav Brenner', 'O. Brenner')!);
    assert.ok(viaAlias.includes('aliases: [Olav Brenner, O. Brenner]'));
  });

  it('adds to a block list of aliases', () => {
    const text = 'speakers:\n  - name: Olaf Brenner\n    aliases:\n      - Olav Brenner\n';
    const out = applyChange(text, addAliasChange(text, 'Olaf Brenner', 'Ólafur Brenner')!);
    assert.strictEqual(out, text + '      - Ólafur Brenner\n');
  });

  it('adds the speaker with the alias when the registry does not list them', () => {
    const out = applyChange(REGISTRY, addAliasChange(REGISTRY, 'Tomasz Wierzba', 'Tomasz Wierzbá')!);
    assert.deepStrictEqual(parseRegistry(out).registry?.speakers.find((s) => s.name === 'Tomasz Wierzba')?.aliases, ['Tomasz Wierzbá']);
  });

  it('declines to edit a registry that does not parse', () => {
    assert.strictEqual(addSpeakerChange('speakers: [\n', { name: 'A B' }), undefined);
    assert.strictEqual(addAliasChange('speakers: [\n', 'A B', 'A. B'), undefined);
  });

  it('a new registry holds the speaker and parses', () => {
    const text = newRegistryText({ name: 'Marta Kowalczyk', role: 'Director', aliases: ['Marta Kovalchik'] });
    assert.deepStrictEqual(parseRegistry(text).registry?.speakers, [{ name: 'Marta Kowalczyk', aliases: ['Marta Kovalchik'], role: 'Director', distinctFrom: [] }]);
  });
});

describe('registry JSON schema (shipped for the YAML extension)', () => {
  const root = path.resolve(__dirname, '../../../..');
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/attribution-lens.schema.json'), 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

  it('is contributed for attribution-lens.yaml and ships in the package', () => {
    assert.deepStrictEqual(manifest.contributes.yamlValidation, [{ fileMatch: 'attribution-lens.yaml', url: './schemas/attribution-lens.schema.json' }]);
    assert.match(fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8'), /^!schemas\/\*\*$/m);
  });

  it('names exactly the keys the server accepts, so that it warns where the server does', () => {
    const all = 'speakers:\n  - name: A B\n    aliases: [C D]\n    role: r\n    organization: o\n    note: n\n    distinct_from: [E F]\ncue_verbs: [x]\nignore: [y]\ndefault_year: 2020\nseverity: {}\n';
    assert.deepStrictEqual(parseRegistry(all).problems, []);
    assert.deepStrictEqual(Object.keys(schema.properties).sort(), ['cue_verbs', 'default_year', 'ignore', 'severity', 'speakers']);
    assert.deepStrictEqual(Object.keys(schema.properties.speakers.items.properties).sort(), ['aliases', 'distinct_from', 'name', 'note', 'organization', 'role']);
    assert.strictEqual(schema.additionalProperties, false);
    assert.strictEqual(schema.properties.speakers.items.additionalProperties, false);
    assert.ok(parseRegistry('colours: []\n').problems.some((p) => /Unknown key/.test(p.message)));
  });

  it('lists the rules and severity levels the registry takes', () => {
    assert.deepStrictEqual(Object.keys(schema.properties.severity.properties).sort(), [...RULES].sort());
    assert.deepStrictEqual(schema.definitions.severity.enum, [...RULE_SEVERITIES]);
  });
});
