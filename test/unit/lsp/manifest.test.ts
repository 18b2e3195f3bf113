// package.json follows from the typed settings and the semantic-token legend; the grammar parses.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMA, normalizeSettings } from '../../../server/src/lsp/settings';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../../../server/src/lsp/semanticTokens';

const ROOT = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('package.json contributions', () => {
  it('declares exactly the typed settings, each with scope resource and a description', () => {
    const props = manifest.contributes.configuration.properties as Record<string, Record<string, unknown>>;
    assert.deepStrictEqual(Object.keys(props).sort(), Object.keys(SETTINGS_SCHEMA).sort());
    for (const [key, schema] of Object.entries(SETTINGS_SCHEMA)) {
      const { order: _order, ...declared } = props[key];
      assert.deepStrictEqual(declared, schema, key);
      assert.strictEqual(props[key].scope, 'resource', key);
      assert.ok(String(props[key].description).length > 20, key);
    }
  });

  it('gives every severity setting an `off` value', () => {
    for (const [key, schema] of Object.entries(SETTINGS_SCHEMA)) {
      if (key.startsWith('attributionLens.diagnostics.')) assert.ok((schema.enum as string[]).includes('off'), key);
    }
  });

  it('declares the semantic token types and modifiers the server uses, with default scopes', () => {
    assert.deepStrictEqual(manifest.contributes.semanticTokenTypes.map((t: { id: string }) => t.id), [...TOKEN_TYPES]);
    assert.deepStrictEqual(manifest.contributes.semanticTokenModifiers.map((t: { id: string }) => t.id), [...TOKEN_MODIFIERS]);
    const scopes = manifest.contributes.semanticTokenScopes[0].scopes;
    for (const t of TOKEN_TYPES) assert.ok(scopes[t]?.length, t);
  });

  it('registers every command the client implements and the Statements view', () => {
    const client = (fs.readdirSync(path.join(ROOT, 'client/src'), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts'))
      .map((f) => fs.readFileSync(path.join(ROOT, 'client/src', f), 'utf8'))
      .join('\n');
    const declared = manifest.contributes.commands.map((c: { command: string }) => c.command) as string[];
    for (const command of declared) {
      const literal = command === 'attributionLens.showStatementsOf' ? 'SHOW_STATEMENTS_COMMAND' : `'${command}'`;
      assert.ok(client.includes(literal), `client registers ${command}`);
    }
    assert.strictEqual(manifest.contributes.views.explorer[0].id, 'attributionLens.statements');
  });

  it('ships a grammar whose patterns compile', () => {
    const grammar = JSON.parse(fs.readFileSync(path.join(ROOT, manifest.contributes.grammars[0].path), 'utf8'));
    assert.strictEqual(grammar.scopeName, manifest.contributes.grammars[0].scopeName);
    const regexes: string[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        for (const [k, v] of Object.entries(x)) {
          if ((k === 'match' || k === 'begin' || k === 'end') && typeof v === 'string') regexes.push(v);
          else walk(v);
        }
      }
    };
    walk(grammar);
    assert.ok(regexes.length >= 8);
    for (const r of regexes) assert.doesNotThrow(() => new RegExp(r.replace(/\\A/g, '^').replace(/\\u([0-9a-f]{4})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), 'm'), r);
    const cue = new RegExp(grammar.repository.cues.match);
    assert.ok(cue.test('Grushko said on Saturday') && !cue.test('the United States'));
  });
});

describe('settings', () => {
  it('fills what is missing or malformed from the defaults', () => {
    assert.deepStrictEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    const s = normalizeSettings({ diagnostics: { unattributedQuote: 'off', malformedQuoteMarks: 'loud' }, defaultYear: 2021, articles: { include: 'x' } });
    assert.strictEqual(s.diagnostics['unattributed-quote'], 'off');
    assert.strictEqual(s.diagnostics['malformed-quote-marks'], 'warning');
    assert.strictEqual(s.defaultYear, 2021);
    assert.deepStrictEqual(s.articles.include, DEFAULT_SETTINGS.articles.include);
  });
});
