// Closed articles are held as summaries (workspace/articleSummary.ts): every cross-article answer
// a model of summaries gives is the answer of a model that keeps every full analysis, and the
// line table of a summary places offsets exactly as LineIndex does on the text.
import * as assert from 'assert';
import * as fc from 'fast-check';
import { LineIndex } from '../../../server/src/analysis/positions';
import { hashString, packed, summarizeArticle, summarizes, trimPeople } from '../../../server/src/workspace/articleSummary';
import { LineTable, lineStartsOf } from '../../../server/src/analysis/positions';
import { statementRows } from '../../../server/src/workspace/statementTable';
import { buildTimeline } from '../../../server/src/workspace/timeline';
import { WorkspaceModel } from '../../../server/src/workspace/workspaceModel';
import { detailOf, PackedSummary } from '../../../server/src/workspace/packedSummary';
import { analyzeArticle } from '../../../server/src/analysis';
import type { Statement } from '../../../server/src/analysis/types';
import { indexJson } from '../support/indexJson';

const ARTICLES: Record<string, string> = {
  'file:///ws/a.txt': `Bridge tolls to stay\n\nMARBURY, April 3, 2023 (Northern Desk) - Finance Minister Astrid Kalberg said on Monday that bridge tolls would stay.\n\n“We have no money for a free bridge,” Kalberg said.\n\n“Drivers will pay,” she added.\n`,
  'file:///ws/b.md': `# Tolls row deepens\n\nMARBURY, April 4 (Northern Desk) - Mayor Tomasz Velenko said the tolls were unfair.\r\n\r\n“Our town pays twice,” Velenko told reporters.\n\n“Nobody asked us.”\n\nAstrid Kalbergh said the council had agreed to the plan.\n`,
  'file:///ws/c.txt': `Union backs mayor\n\nUnion leader Kofi Drasen said his members supported Mayor Tomasz Velenko.\n\n“We stand with the town,” the union leader said.\n\nThe ferry runs twice a day.\n\n"This quote has nobody." [attribution-lens-ignore]\n\nThe ferry timetable changes in spring.\n`,
};

function build(keepAnalysis?: (uri: string) => boolean): WorkspaceModel {
  const model = new WorkspaceModel(keepAnalysis ? { keepAnalysis } : {});
  for (const [uri, text] of Object.entries(ARTICLES)) model.setArticle(uri, text);
  model.settle();
  return model;
}

/** The cross-article answers, as plain data. */
function answers(model: WorkspaceModel) {
  const plain = <T>(x: T): T => JSON.parse(indexJson(x));
  const speakers = plain(model.speakers()).sort((a, b) => a.id.localeCompare(b.id));
  return {
    speakers,
    // What features read of another article's statement (statementItem, references, timeline, table).
    statements: speakers.map((s) =>
      model.statementsBySpeaker(s.id).map((r) => plain([r.uri, r.index, r.speakerId, r.statement.kind, r.statement.cue, r.statement.text, r.statement.date, r.statement.contentSpan, r.statement.speaker, r.statement.personKey])),
    ),
    timeline: plain(buildTimeline(model)),
    rows: statementRows(model),
    unattributed: model.articles().map((e) => [e.uri, e.summary.unattributed]),
  };
}

describe('article summaries', () => {
  it('a model of summaries answers every cross-article question as one of full analyses does', () => {
    const full = build();
    const summarised = build(() => false);
    assert.ok(summarised.articles().every((e) => e.analysis === undefined));
    assert.ok(full.articles().every((e) => e.analysis !== undefined));
    assert.deepStrictEqual(answers(summarised), answers(full));
    assert.ok(full.speakers().some((s) => s.statementArticles.length > 1), JSON.stringify(full.speakers().map((s) => [s.name, s.spellings, s.statementArticles])));
  });

  it('a closed article’s statements keep their words, speaker, date and place, not their cue and source spans', () => {
    const analysis = analyzeArticle(ARTICLES['file:///ws/a.txt']);
    const full = analysis.statements.find((s) => s.cueSpan && s.sourceSpan)!;
    const trimmed = summarizeArticle('file:///ws/a.txt', analysis, false).statements[analysis.statements.indexOf(full)];
    assert.deepStrictEqual(trimmed, trimmedOf(full));
    assert.ok(!('cueSpan' in trimmed) && !('sourceSpan' in trimmed) && trimmed.text === full.text);
    assert.strictEqual(summarizeArticle('file:///ws/a.txt', analysis, true).statements, analysis.statements, 'an open article shares its analysis’s statements');
  });

  it('a closed article keeps the mentions that spell a name, and a never-named person its first mention', () => {
    const analysis = analyzeArticle(ARTICLES['file:///ws/a.txt']);
    const kalberg = analysis.people.find((p) => p.name === 'Astrid Kalberg')!;
    assert.ok(kalberg.mentions.some((m) => m.kind === 'pronoun'), 'the fixture has a pronoun to drop');
    const trimmed = trimPeople(analysis.people).find((p) => p.key === kalberg.key)!;
    assert.deepStrictEqual(trimmed.mentions, kalberg.mentions.filter((m) => m.kind === 'name' || m.kind === 'surname'));
    const roleOnly = { ...kalberg, mentions: kalberg.mentions.filter((m) => m.kind === 'pronoun') };
    assert.strictEqual(trimPeople([roleOnly])[0].mentions.length, 1);
  });

  it('counts unattributed quotes not silenced by an ignore marker, and knows its own text', () => {
    const c = ARTICLES['file:///ws/c.txt'];
    const summary = summarizeArticle('file:///ws/c.txt', analyzeArticle(c), false);
    assert.strictEqual(summary.unattributed, 0, 'the only unattributed quote carries an ignore marker');
    const unmarked = c.replace(' [attribution-lens-ignore]', '');
    assert.strictEqual(summarizeArticle('file:///ws/c.txt', analyzeArticle(unmarked), false).unattributed, 1);
    const b = summarizeArticle('file:///ws/b.md', analyzeArticle(ARTICLES['file:///ws/b.md']), false);
    assert.strictEqual(b.title, 'Tolls row deepens');
    assert.ok(summarizes(summary, c));
    assert.ok(!summarizes(summary, c.replace('town', 'city')));
    // Kept with its analysis (an open document's), the summary hashes its text only when asked, to the same hash.
    const whole = summarizeArticle('file:///ws/c.txt', analyzeArticle(c), true);
    assert.strictEqual(whole.textHash, hashString(c));
    assert.strictEqual(whole.textHash, summary.textHash);
    assert.ok(summarizes(whole, c) && !summarizes(whole, unmarked));
    assert.strictEqual(packed(whole).textHash, summary.textHash, 'packed when its document closes, with the same hash');
  });

  it('releasing an analysis keeps the summary and every answer', () => {
    const model = build();
    const before = answers(model);
    for (const uri of Object.keys(ARTICLES)) model.release(uri);
    assert.ok(model.articles().every((e) => e.analysis === undefined));
    assert.deepStrictEqual(answers(model), before);
  });

  it('a closed article is held packed: its people and statements are decoded only when read, and read the same', () => {
    const model = build(() => false);
    for (const entry of model.articles()) {
      assert.ok(entry.summary instanceof PackedSummary);
      assert.ok(!Object.keys(entry.summary).includes('statements') && !Object.keys(entry.summary).includes('people'));
    }
    const analysis = analyzeArticle(ARTICLES['file:///ws/a.txt'], model.analysisOptions('file:///ws/a.txt'));
    assert.deepStrictEqual(model.getArticle('file:///ws/a.txt')!.summary.statements, analysis.statements.map(trimmedOf));
  });

  it('one pass over many articles reads a packed summary’s people and statements as a request would, and an open one’s as they are', () => {
    const model = build(() => false);
    for (const entry of model.articles()) {
      const once = detailOf(entry.summary);
      assert.notStrictEqual(detailOf(entry.summary).people, once.people, 'decoded afresh, not kept');
      assert.deepStrictEqual(once, { people: entry.summary.people, statements: entry.summary.statements });
    }
    const open = build(() => true).getArticle('file:///ws/a.txt')!.summary;
    assert.ok(!(open instanceof PackedSummary));
    assert.strictEqual(detailOf(open).people, open.people);
  });

  /** A model of `built`'s summaries with the cross-article index it exports (through JSON, as the cache stores it). */
  const restoredFrom = (built: WorkspaceModel): WorkspaceModel => {
    const restored = new WorkspaceModel({ keepAnalysis: () => false });
    for (const entry of built.articles()) restored.restoreArticle(entry.uri, entry.summary);
    assert.ok(restored.restoreIndex(JSON.parse(indexJson(built.exportIndex()))));
    return restored;
  };
  /** The same edit of article a in every model given. */
  const editBoth = (...models: WorkspaceModel[]): void => {
    const edited = ARTICLES['file:///ws/a.txt'].replace('Drivers will pay', 'Drivers will pay dearly');
    for (const model of models) model.setArticle('file:///ws/a.txt', edited);
  };

  it('a cross-article index exported with the articles is restored instead of rebuilt, and answers the same', () => {
    const built = build(() => false);
    const before = answers(built);
    const restored = restoredFrom(built);
    const plain = <T>(x: T): T => JSON.parse(indexJson(x));
    assert.deepStrictEqual(plain(restored.exportIndex()), plain(built.exportIndex()), 'exported again before anything is unpacked');
    assert.deepStrictEqual(answers(restored), before);
    assert.deepStrictEqual(plain(restored.exportIndex()), plain(built.exportIndex()), 'and after');
    // An edit after the restore is patched into it as into a built index.
    editBoth(restored, built);
    assert.deepStrictEqual(answers(restored), answers(built));
  });

  it('a restored cross-article index takes an edit before any question (who is who filled in when first read)', () => {
    const built = build(() => false);
    const restored = restoredFrom(built);
    editBoth(restored, built);
    assert.deepStrictEqual(answers(restored), answers(built));
  });

  it('an index exported in steps is the one exported at once, and none if an article changed during a pause', () => {
    const plain = <T>(x: T): T => JSON.parse(indexJson(x));
    for (const model of [build(() => false), restoredFrom(build(() => false))]) {
      const steps = model.exportIndexInSteps(1);
      let pauses = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) pauses++;
      assert.ok(pauses > 2, `paused ${pauses} times`);
      assert.deepStrictEqual(plain(step.value), plain(model.exportIndex()));
      const interrupted = model.exportIndexInSteps(1);
      interrupted.next();
      interrupted.next();
      editBoth(model);
      let last = interrupted.next();
      while (!last.done) last = interrupted.next();
      assert.strictEqual(last.value, undefined, 'a change during a pause: no export');
    }
  });

  it('a cross-article index is not restored over other articles, other registry hints or a malformed export', () => {
    const built = build(() => false);
    const exported = built.exportIndex();
    const fewer = new WorkspaceModel({ keepAnalysis: () => false });
    for (const entry of built.articles().slice(1)) fewer.restoreArticle(entry.uri, entry.summary);
    assert.ok(!fewer.restoreIndex(exported), 'other articles');
    const hinted = new WorkspaceModel({ keepAnalysis: () => false, identity: { distinct: [['Astrid Kalberg', 'Astrid Kalbergh']] } });
    for (const entry of built.articles()) hinted.restoreArticle(entry.uri, entry.summary);
    assert.ok(!hinted.restoreIndex(exported), 'other hints');
    const same = () => {
      const m = new WorkspaceModel({ keepAnalysis: () => false });
      for (const entry of built.articles()) m.restoreArticle(entry.uri, entry.summary);
      return m;
    };
    const broken = JSON.parse(indexJson(exported));
    broken.speakers[0][7] = [99, 'p1'];
    assert.ok(!same().restoreIndex(broken), 'a member in no article');
    assert.ok(exported.uris.length >= 2);
    const withUris = (uris: string[]) => ({ ...exported, uris });
    assert.ok(!same().restoreIndex(withUris([...exported.uris].reverse())), 'the URIs out of order');
    assert.ok(!same().restoreIndex(withUris([exported.uris[0], ...exported.uris.slice(0, -1)])), 'a URI twice, one missing');
    assert.ok(!same().restoreIndex(withUris([...exported.uris.slice(0, -1), 'file:///zz/not-here.txt'])), 'a URI of no article');
    assert.ok(same().restoreIndex(withUris([...exported.uris])), 'the same URIs');
    const model = same();
    assert.ok(!model.restoreIndex({ ...exported, speakers: 'x' } as never));
    assert.deepStrictEqual(answers(model), answers(built), 'refused: the index is built when asked');
  });

  it('finds line starts after \\n, \\r\\n and a lone \\r, with or without a \\r anywhere in the text', () => {
    // The character-by-character rule, which texts with a \r still take.
    const reference = (t: string): number[] => {
      const starts = [0];
      for (let i = 0; i < t.length; i++) {
        if (t[i] === '\n') starts.push(i + 1);
        else if (t[i] === '\r') {
          if (t[i + 1] === '\n') i++;
          starts.push(i + 1);
        }
      }
      return starts;
    };
    for (const t of ['', 'a', '\n', 'a\n', '\na', 'a\n\nb\n', 'a\r\nb', 'a\rb\n\r\n', '\r', '\r\n\n']) assert.deepStrictEqual(lineStartsOf(t), reference(t), JSON.stringify(t));
    const text = fc.array(fc.constantFrom('a', 'é', '\n', '\r', '\r\n', ' ', '😀'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (t) => assert.deepStrictEqual(lineStartsOf(t), reference(t))), { numRuns: 300 });
  });

  it('a line table places offsets and positions as LineIndex does on the text', () => {
    const text = fc.array(fc.constantFrom('a', 'é', '\n', '\r', '\r\n', ' ', '😀'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.nat(70), fc.nat(8), fc.nat(70), (t, offset, line, character) => {
        const index = new LineIndex(t);
        const table = new LineTable(lineStartsOf(t), t.length);
        assert.deepStrictEqual(table.positionAt(offset), index.positionAt(offset));
        assert.strictEqual(table.offsetAt({ line, character }), index.offsetAt({ line, character }));
        assert.deepStrictEqual(table.rangeOf({ start: 0, end: offset }), index.rangeOf({ start: 0, end: offset }));
      }),
      { numRuns: 300 },
    );
  });
});

/** A statement without the parts only the open article's features read. */
function trimmedOf(s: Statement): Partial<Statement> {
  const { sourceSpan: _s, cueSpan: _c, quotation: _q, ...kept } = s;
  return kept;
}
