// The workspace model's cross-article index follows edits by difference: after any sequence of
// changes and removals, every answer equals that of a model built from scratch on the final texts.
import * as assert from 'assert';
import * as fc from 'fast-check';
import type { ArticleSummary } from '../../../server/src/workspace/articleSummary';
import { PackedSummary } from '../../../server/src/workspace/packedSummary';
import { WorkspaceModel } from '../../../server/src/workspace/workspaceModel';
import { indexJson } from '../support/indexJson';

const dateline = (day: number) => `MARBURY, April ${day}, 2023 (Northern Desk) -`;

/** Texts an article may have; some name the same people with other words, some name others. */
const VARIANTS = [
  `Bridge tolls to stay\n\n${dateline(3)} Finance Minister Astrid Kalberg said on Monday that bridge tolls would stay.\n\n“We have no money for a free bridge,” Kalberg said.\n`,
  `Bridge tolls to stay\n\n${dateline(3)} Finance Minister Astrid Kalberg said on Monday that bridge tolls would stay as they are.\n\n“We have no money for a free bridge, none at all,” Kalberg said.\n\n“Drivers will pay,” she added.\n`,
  `Tolls row deepens\n\n${dateline(4)} Mayor Tomasz Velenko said the tolls were unfair.\n\n“Our town pays twice,” Velenko told reporters.\n\nAstrid Kalberg said the council had agreed to the plan.\n`,
  `Tolls row deepens\n\n${dateline(4)} Mayor Tomasz Velenko said the tolls were unfair to the town.\n\n“Our town pays twice, and nobody listens,” Velenko told reporters.\n\nAstrid Kalberg said the council had agreed to the plan in March.\n`,
  `Council votes on tolls\n\n${dateline(5)} Council Leader Ines Cordova said a vote would be held on Thursday.\n\n“The vote is open to every member,” Cordova said.\n\nVelenko said he would vote against.\n`,
  `Union backs mayor\n\n${dateline(6)} Union leader Kofi Drasen said his members supported Mayor Tomasz Velenko.\n\n“We stand with the town,” Drasen said.\n\n“Nobody asked us.”\n`,
  `Minister spelled differently\n\n${dateline(7)} Finance Minister Astrid Kalbergh said the tolls would fund repairs.\n\n“Every cent goes to the bridge,” Kalbergh said.\n`,
  `Weather\n\n${dateline(8)} Rain is expected across the valley for the rest of the week.\n`,
  // Names no one else has: a speaker of its own (followed without a rebuild), an organisation, a surname alone.
  `Ferry fares\n\n${dateline(9)} Councillor Xavier Quent said ferry fares would rise.\n\n“Nobody likes it,” Quent said.\n`,
  `Ferry fares\n\n${dateline(9)} Councillor Xavier Quent said ferry fares would rise.\n\nThe Harbour Trust said it would pay for new boats.\n`,
  `Ferry fares\n\n${dateline(9)} Quent said ferry fares would rise.\n\nMayor Tomasz Velenko said the town would object.\n`,
  `Ferry fares\n\n${dateline(9)} Finance Minister Astrid Kalbergs said ferry fares would rise.\n\n“Nobody likes it,” Councillor Xavier Quenta said.\n`,
  // Names other articles name too, so that speakers join, split and are numbered again: a second
  // Velenko (the surname alone is then nobody's in particular), an initial, a surname alone, an
  // organisation, a spelling between two others.
  `Port dues\n\n${dateline(10)} Harbour master Marek Velenko said port dues would rise.\n\n“Ships will pay more,” Velenko said.\n\nMayor Tomasz Velenko disagreed.\n`,
  `Port dues\n\n${dateline(10)} T. Velenko said port dues would rise.\n\n“Ships will pay more,” Cordova said.\n`,
  `Port dues\n\n${dateline(11)} Velenko said port dues would rise.\n\nThe Harbour Trust said it would not pay.\n\nAstrid Kalbergs said the ministry would look at it.\n`,
  `Port dues\n\n${dateline(11)} The Harbour Trust said port dues would rise.\n\n“Ships will pay more,” Kofi Drasen said.\n\nDrasen added that the union agreed.\n`,
  // One surname romanised two ways, several letters apart (one skeleton: transliteration.ts).
  `Channel depth\n\n${dateline(12)} Farid Qadhouri, a harbour pilot, said the channel was too shallow.\n`,
  `Channel depth\n\n${dateline(12)} Farid Gaddouri, a harbour pilot, said the channel would be dredged.\n\n“Not before spring,” Gaddouri said.\n`,
];
const URIS = ['file:///ws/a.txt', 'file:///ws/b.txt', 'file:///ws/c.txt', 'file:///ws/d.txt'];

type Op = { kind: 'set'; uri: number; variant: number } | { kind: 'remove'; uri: number };

/** Every answer of the index, in an order that does not depend on how the model was built. */
function answers(model: WorkspaceModel) {
  const plain = <T>(x: T): T => JSON.parse(indexJson(x));
  const speakers = plain(model.speakers()).sort((a, b) => a.id.localeCompare(b.id));
  return {
    // In the model's order (a rebuild's: by first mention), then sorted for the comparisons below.
    order: model.speakers().map((s) => s.id),
    speakers,
    statements: speakers.map((s) => model.statementsBySpeaker(s.id).map((r) => [r.uri, r.index, r.speakerId, r.statement.text])),
    ids: model
      .articles()
      .map((e) => e.uri)
      .sort()
      .map((uri) => model.getArticle(uri)!.summary.people.map((p) => [uri, p.key, model.speakerIdOf(uri, p.key)])),
  };
}

function fromScratch(texts: Map<string, string>): WorkspaceModel {
  const model = new WorkspaceModel();
  for (const [uri, text] of texts) model.setArticle(uri, text);
  return model;
}

/** Applies the changes, comparing every answer with a rebuild's after each; `noRebuild`: and asserts that a change of text never rebuilt the index. */
function run(ops: Op[], noRebuild = false): void {
  const model = new WorkspaceModel();
  const texts = new Map<string, string>();
  for (const op of ops) {
    const uri = URIS[op.uri];
    const builds = model.indexBuilds;
    const hadIndex = texts.size > 0;
    if (op.kind === 'set') {
      model.setArticle(uri, VARIANTS[op.variant]);
      texts.set(uri, VARIANTS[op.variant]);
    } else {
      model.removeArticle(uri);
      texts.delete(uri);
    }
    // Asking builds the index, so the next change has one to patch.
    assert.deepStrictEqual(answers(model), answers(fromScratch(texts)), `after ${JSON.stringify(op)}`);
    if (noRebuild && hadIndex) assert.strictEqual(model.indexBuilds, builds, `rebuilt after ${JSON.stringify(op)}`);
  }
}

// Full names sharing a surname, an initial, surnames one letter apart, a surname alone, an
// organisation and a surname alone of the same name (the same id but for its suffix), a
// spelling with an accent, and names whose ids differ only by a suffix's place in the order.
const MADE_UP_NAMES: Array<[string, boolean]> = [
  ['Tomasz Velenko', false], ['Marek Velenko', false], ['T. Velenko', false], ['Velenko', false], ['Velenko', true],
  ['Astrid Kalberg', false], ['Astrid Kalbergh', false], ['Astrid Kalbergs', false], ['Kalberg', false],
  ['José Ortiz', false], ['Jose Ortiz', false], ['Ortiz', true], ['Ines Cordova', false], ['Harbour Trust', true],
];

/** A made-up article's summary naming these people (by place in MADE_UP_NAMES), each with a statement. */
function madeUpSummary(picks: number[], tag: string): ArticleSummary {
  const people = picks.map((n, i) => ({ key: `p${i}`, name: MADE_UP_NAMES[n][0], roles: i % 3 === 0 ? ['Minister'] : [], isOrganization: MADE_UP_NAMES[n][1], mentions: [{ span: { start: i * 10, end: i * 10 + 5 }, text: MADE_UP_NAMES[n][0], kind: 'name' as const, personKey: `p${i}` }] }));
  const statements = picks.map((_, i) => ({ personKey: `p${i}`, speaker: people[i].name, kind: 'indirect' as const, cue: 'said', contentSpan: { start: i * 10 + 6, end: i * 10 + 9 }, text: `words ${tag} ${i}`, date: i % 2 ? '2023-04-0' + (1 + (i % 9)) : undefined }));
  return { people, statements, hasDateline: false, title: tag, length: 100, textHash: tag, lineStarts: [0], unattributed: 0 };
}

describe('incremental workspace index', () => {
  it('an edit that names the same people updates statements, counts and spellings like a rebuild', () => {
    run([
      { kind: 'set', uri: 0, variant: 0 },
      { kind: 'set', uri: 1, variant: 2 },
      { kind: 'set', uri: 0, variant: 1 },
      { kind: 'set', uri: 1, variant: 3 },
      { kind: 'set', uri: 0, variant: 0 },
    ]);
  });

  it('romanisations of one surname join and part as edits name them, as a rebuild would, without one', () => {
    const qadhouri = VARIANTS.findIndex((t) => t.includes('Qadhouri'));
    const gaddouri = VARIANTS.findIndex((t) => t.includes('Gaddouri'));
    run(
      [
        { kind: 'set', uri: 0, variant: 0 },
        { kind: 'set', uri: 1, variant: qadhouri },
        { kind: 'set', uri: 2, variant: gaddouri },
        { kind: 'set', uri: 1, variant: 2 },
        { kind: 'set', uri: 1, variant: qadhouri },
        { kind: 'remove', uri: 2 },
      ],
      true,
    );
  });

  it('an edit that names someone new, and a removal, give the answers of a rebuild', () => {
    run([
      { kind: 'set', uri: 0, variant: 0 },
      { kind: 'set', uri: 1, variant: 2 },
      { kind: 'set', uri: 2, variant: 6 },
      { kind: 'set', uri: 0, variant: 4 },
      { kind: 'remove', uri: 1 },
      { kind: 'set', uri: 3, variant: 7 },
      { kind: 'remove', uri: 3 },
      { kind: 'set', uri: 1, variant: 5 },
    ]);
  });

  it('typing a new name, letter by letter, follows each step without a rebuild, in the order a rebuild gives', () => {
    const model = new WorkspaceModel();
    const texts = new Map<string, string>();
    const set = (uri: string, text: string) => {
      model.setArticle(uri, text);
      texts.set(uri, text);
      const expected = fromScratch(texts);
      assert.deepStrictEqual(answers(model), answers(expected), `after ${JSON.stringify(text.slice(-80))}`);
      assert.deepStrictEqual(model.speakers().map((s) => s.id), expected.speakers().map((s) => s.id), 'speakers in the order of a rebuild');
    };
    set(URIS[0], VARIANTS[0]);
    set(URIS[2], VARIANTS[4]);
    set(URIS[1], VARIANTS[2]);
    const builds = model.indexBuilds;
    const typed = 'Councillor Xavier Quentamer';
    const steps = [...Array(typed.length).keys()].map((i) => i + 1).concat([...Array(typed.length).keys()].reverse());
    // At the end of the article, and before everyone else in it (which renumbers the people after).
    for (const end of steps) set(URIS[1], `${VARIANTS[2].trimEnd()}\n\n${typed.slice(0, end)} said the tolls were fair.\n`);
    const [headline, rest] = [VARIANTS[2].slice(0, VARIANTS[2].indexOf('\n\n')), VARIANTS[2].slice(VARIANTS[2].indexOf('\n\n'))];
    for (const end of steps) set(URIS[1], `${headline}\n\n${typed.slice(0, end)} said the tolls were fair.${rest}`);
    assert.strictEqual(model.indexBuilds - builds, 0, `rebuilt in ${4 * typed.length} edits`);
  });

  it('new names typed in two articles, the order not asked for meanwhile, come out in the order a rebuild gives (answers and export)', () => {
    const model = new WorkspaceModel();
    const texts = new Map<string, string>();
    const set = (uri: string, text: string) => {
      model.setArticle(uri, text);
      texts.set(uri, text);
    };
    set(URIS[0], VARIANTS[0]);
    set(URIS[2], VARIANTS[4]);
    set(URIS[1], VARIANTS[2]);
    model.speakers(); // the index, for the edits to follow
    const builds = model.indexBuilds;
    const typedAt = (text: string, typed: string) => `${text.slice(0, text.indexOf('\n\n'))}\n\n${typed} said the tolls were fair.${text.slice(text.indexOf('\n\n'))}`;
    // Keystrokes in one article, then the other, then the first again (names come, go and come back).
    for (const typed of ['Councillor Xavier Qu', 'Councillor Xavier Que', 'Councillor Xavier Quen']) set(URIS[1], typedAt(VARIANTS[2], typed));
    for (const typed of ['Warden Olga Brim', 'Warden Olga Brims']) set(URIS[0], typedAt(VARIANTS[0], typed));
    for (const typed of ['Councillor Xavier Que', 'Councillor Xavier Quent']) set(URIS[1], typedAt(VARIANTS[2], typed));
    assert.strictEqual(model.indexBuilds - builds, 0, 'followed without a rebuild');
    const exported = model.exportIndex();
    const expected = fromScratch(texts);
    assert.deepStrictEqual(answers(model), answers(expected));
    assert.deepStrictEqual(model.speakers().map((s) => s.id), expected.speakers().map((s) => s.id), 'speakers in the order of a rebuild');
    assert.deepStrictEqual(JSON.parse(indexJson(exported)), JSON.parse(indexJson(expected.exportIndex())), 'exported in the order of a rebuild');
  });

  it('any sequence of changes and removals ends where a model built from scratch starts', () => {
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), uri: fc.nat(URIS.length - 1), variant: fc.nat(VARIANTS.length - 1) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), uri: fc.nat(URIS.length - 1) }) },
    );
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => run(ops, true)), { numRuns: 80 });
  });

  it('any change of who articles name, in summaries made up to meet every clustering rule, is followed as a rebuild would cluster and number it, without one', () => {
    const picks = fc.uniqueArray(fc.nat(MADE_UP_NAMES.length - 1), { maxLength: 5 });
    type SummaryOp = { uri: number; picks: number[] | null };
    const op: fc.Arbitrary<SummaryOp> = fc.record({ uri: fc.nat(URIS.length - 1), picks: fc.option(picks, { freq: 6 }) });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 14 }), (ops) => {
        const model = new WorkspaceModel();
        const summaries = new Map<string, ArticleSummary>();
        ops.forEach((o, step) => {
          const uri = URIS[o.uri];
          const builds = model.indexBuilds;
          const hadIndex = summaries.size > 0;
          if (o.picks) {
            const summary = madeUpSummary(o.picks, `${step}`);
            model.restoreArticle(uri, summary);
            summaries.set(uri, summary);
          } else {
            model.removeArticle(uri);
            summaries.delete(uri);
          }
          const scratch = new WorkspaceModel();
          for (const [u, summary] of summaries) scratch.restoreArticle(u, summary);
          assert.deepStrictEqual(answers(model), answers(scratch), `after step ${step}`);
          if (hadIndex) assert.strictEqual(model.indexBuilds, builds, `rebuilt at step ${step}`);
        });
      }),
      {
        numRuns: 150,
        // Found by a longer run: the organisation Velenko, first named in the edited article, numbered after the person Velenko put before it there.
        examples: [[[{ uri: 3, picks: [4] }, { uri: 3, picks: [5, 3, 4] }, { uri: 0, picks: null }]]],
      },
    );
  });

  it('the same, with the answers (and so the order of speakers) asked for only now and then: new speakers left unplaced meanwhile end where a rebuild puts them', () => {
    const picks = fc.uniqueArray(fc.nat(MADE_UP_NAMES.length - 1), { maxLength: 5 });
    type SummaryOp = { uri: number; picks: number[] | null; ask: boolean };
    const op: fc.Arbitrary<SummaryOp> = fc.record({ uri: fc.nat(URIS.length - 1), picks: fc.option(picks, { freq: 6 }), ask: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 14 }), (ops) => {
        const model = new WorkspaceModel();
        const summaries = new Map<string, ArticleSummary>();
        ops.forEach((o, step) => {
          const uri = URIS[o.uri];
          const builds = model.indexBuilds;
          const hadIndex = model.indexBuilds > 0;
          if (o.picks) {
            const summary = madeUpSummary(o.picks, `${step}`);
            model.restoreArticle(uri, summary);
            summaries.set(uri, summary);
          } else {
            model.removeArticle(uri);
            summaries.delete(uri);
          }
          // The first answer builds the index; later steps ask only now and then, and at the end.
          if (step > 0 && !o.ask && step < ops.length - 1) return;
          const scratch = new WorkspaceModel();
          for (const [u, summary] of summaries) scratch.restoreArticle(u, summary);
          assert.deepStrictEqual(answers(model), answers(scratch), `after step ${step}`);
          if (hadIndex) assert.strictEqual(model.indexBuilds, builds, `rebuilt at step ${step}`);
        });
      }),
      {
        numRuns: 150,
        examples: [[[{ uri: 3, picks: [4], ask: true }, { uri: 3, picks: [5, 3, 4], ask: false }, { uri: 0, picks: null, ask: true }]]],
      },
    );
  });

  it('an article naming many people (past the flat list of ids kept per article) answers like a rebuild, edited or restored', () => {
    const names = ['Mara Quellen', 'Otto Brisvard', 'Lena Fauchet', 'Piet Oranje', 'Sira Talvik', 'Joao Menteiro', 'Dana Kolberg', 'Ivo Strenkel', 'Nadia Perlow', 'Rune Haskel', 'Elif Dorman', 'Tobias Wendrel', 'Greta Solvin', 'Marek Zubrow', 'Ines Laporta', 'Kasimir Veldt', 'Olga Dremina', 'Felix Harrowby', 'Yara Mostel', 'Bram Ekwall'];
    const crowd = (extra: string) => `Panel meets\n\n${dateline(9)} ${names.map((n, i) => `${n} said item ${i + 1} mattered${extra}.`).join('\n\n')}\n`;
    const model = new WorkspaceModel();
    model.setArticle(URIS[0], crowd(''));
    model.setArticle(URIS[1], VARIANTS[2]);
    assert.ok(model.getArticle(URIS[0])!.summary.people.length > 16, 'more people than a flat list holds');
    answers(model); // builds the index, so that the edit patches it
    model.setArticle(URIS[0], crowd(' a great deal'));
    const texts = new Map([[URIS[0], crowd(' a great deal')], [URIS[1], VARIANTS[2]]]);
    const rebuilt = answers(fromScratch(texts));
    assert.deepStrictEqual(answers(model), rebuilt, 'edited');
    assert.ok(rebuilt.ids[0].every(([, , id]) => id !== undefined), 'everyone named has a speaker');
    const restored = new WorkspaceModel();
    for (const uri of URIS.slice(0, 2)) restored.restoreArticle(uri, model.getArticle(uri)!.summary);
    assert.ok(restored.restoreIndex(JSON.parse(indexJson(model.exportIndex()))));
    assert.deepStrictEqual(answers(restored), rebuilt, 'restored');
  });

  it('a restored index whose speakers are made in slices answers as a built one, asked before, during or after', () => {
    const texts = new Map(URIS.map((uri, i) => [uri, VARIANTS[[0, 2, 4, 5][i]]]));
    const built = fromScratch(texts);
    const expected = answers(built);
    const order = built.speakers().map((s) => s.id);
    assert.ok(order.length >= 4, 'enough speakers to slice');
    const exported = indexJson(built.exportIndex());
    const restore = () => {
      const model = new WorkspaceModel();
      for (const uri of URIS) model.restoreArticle(uri, built.getArticle(uri)!.summary);
      assert.ok(model.restoreIndex(JSON.parse(exported)));
      return model;
    };
    // Counted before any speaker is made; asked before the slices start, after one, and after all.
    const before = restore();
    assert.strictEqual(before.speakerCount, order.length);
    assert.deepStrictEqual(answers(before), expected, 'asked before any slice');
    assert.strictEqual(before.unpackRestored(1), true, 'asking made them all');
    const during = restore();
    assert.strictEqual(during.unpackRestored(1), false);
    assert.strictEqual(during.speakerCount, order.length);
    assert.deepStrictEqual(during.getSpeaker(order[order.length - 1]), built.getSpeaker(order[order.length - 1]), 'a speaker not made yet');
    assert.deepStrictEqual(answers(during), expected, 'asked between slices');
    const after = restore();
    let slices = 0;
    while (!after.unpackRestored(1)) slices++;
    assert.strictEqual(slices, order.length - 1);
    assert.deepStrictEqual(after.speakers().map((s) => s.id), order, 'in the built order');
    assert.deepStrictEqual(answers(after), expected, 'asked after the slices');
  });

  it('an edit arriving while a restored index is made in slices is patched in as in a built one', () => {
    const texts = new Map(URIS.map((uri, i) => [uri, VARIANTS[[0, 2, 4, 5][i]]]));
    const built = fromScratch(texts);
    const exported = indexJson(built.exportIndex());
    // The same people (patched), other people (rebuilt), and a removal.
    const edits: Array<[string, string | undefined]> = [[URIS[0], VARIANTS[1]], [URIS[1], VARIANTS[6]], [URIS[2], undefined]];
    for (const [uri, text] of edits) {
      const model = new WorkspaceModel();
      for (const u of URIS) model.restoreArticle(u, built.getArticle(u)!.summary);
      assert.ok(model.restoreIndex(JSON.parse(exported)));
      assert.strictEqual(model.unpackRestored(1), false, 'mid-way');
      const after = new Map(texts);
      if (text === undefined) {
        model.removeArticle(uri);
        after.delete(uri);
      } else {
        model.setArticle(uri, text);
        after.set(uri, text);
      }
      while (!model.unpackRestored(1));
      assert.deepStrictEqual(answers(model), answers(fromScratch(after)), `after ${uri} → ${text === undefined ? 'removed' : 'edited'}`);
    }
  });

  it('a restored index made from other summaries of some articles (buffers analysed first) is brought up to date like an edit', () => {
    const texts = new Map(URIS.map((uri, i) => [uri, VARIANTS[[0, 2, 4, 5][i]]]));
    const built = fromScratch(texts);
    const exported = indexJson(built.exportIndex());
    // The same people in other words (patched), other people (rebuilt when asked), both at once.
    const cases: Array<Array<[number, number]>> = [[[0, 1]], [[1, 6]], [[0, 1], [2, 7]]];
    for (const changes of cases) {
      const model = new WorkspaceModel();
      const after = new Map(texts);
      const madeFrom = new Map<string, ArticleSummary>();
      for (const [u, variant] of changes) {
        model.setArticle(URIS[u], VARIANTS[variant]);
        after.set(URIS[u], VARIANTS[variant]);
      }
      for (const uri of URIS) {
        if (model.getArticle(uri)) madeFrom.set(uri, built.getArticle(uri)!.summary);
        else model.restoreArticle(uri, built.getArticle(uri)!.summary);
      }
      assert.ok(model.restoreIndex(JSON.parse(exported), madeFrom));
      assert.deepStrictEqual(answers(model), answers(fromScratch(after)), `after ${JSON.stringify(changes)}`);
    }
  });

  it('keeps the dates of dated articles current as articles change and go', () => {
    const model = new WorkspaceModel();
    model.setArticle(URIS[0], VARIANTS[0]);
    model.setArticle(URIS[1], VARIANTS[2]);
    assert.deepStrictEqual(model.workspaceDates(), ['2023-04-03', '2023-04-04']);
    model.setArticle(URIS[1], VARIANTS[4]);
    assert.deepStrictEqual(model.workspaceDates(), ['2023-04-03', '2023-04-05']);
    model.removeArticle(URIS[0]);
    assert.deepStrictEqual(model.workspaceDates(), ['2023-04-05']);
    // An article is not its own evidence.
    assert.deepStrictEqual(model.analysisOptions(URIS[1]).workspaceDates, []);
  });

  it('moves its speaker-counts version when an edit changes a count, and not when it only rewords', () => {
    const model = new WorkspaceModel();
    model.setArticle(URIS[0], VARIANTS[0]);
    model.setArticle(URIS[1], VARIANTS[2]);
    assert.strictEqual(model.speakerCount, model.speakers().length);
    const before = model.speakerCountsVersion;
    // The same statements by the same people, in other words.
    model.setArticle(URIS[1], VARIANTS[3]);
    model.speakers();
    assert.strictEqual(model.speakerCountsVersion, before);
    // One more statement by Kalberg ("Drivers will pay," she added).
    model.setArticle(URIS[0], VARIANTS[1]);
    assert.notStrictEqual(model.speakerCountsVersion, before);
  });

  it('tells which articles were set or removed since it was last asked, each once (the first time: all of them)', () => {
    const model = new WorkspaceModel();
    model.setArticle(URIS[0], VARIANTS[0]);
    assert.strictEqual(model.takeTouched(), undefined, 'the first time, every article: none kept for it');
    model.setArticle(URIS[0], VARIANTS[1]);
    model.setArticle(URIS[1], VARIANTS[2]);
    assert.deepStrictEqual([...model.takeTouched()!].sort(), [URIS[0], URIS[1]]);
    assert.deepStrictEqual([...model.takeTouched()!], []);
    model.removeArticle(URIS[0]);
    model.setArticle(URIS[1], VARIANTS[3]);
    assert.deepStrictEqual([...model.takeTouched()!].sort(), [URIS[0], URIS[1]]);
  });

  it('moves its names version when who is named (or how) changes, not when only the words around change', () => {
    const model = new WorkspaceModel();
    model.setArticle(URIS[0], VARIANTS[0]);
    model.setArticle(URIS[1], VARIANTS[2]);
    const before = model.namesVersion;
    model.setArticle(URIS[1], VARIANTS[3]);
    assert.strictEqual(model.namesVersion, before, 'the same people, spelled the same');
    model.setArticle(URIS[0], VARIANTS[6]);
    assert.notStrictEqual(model.namesVersion, before, 'Kalberg is spelled Kalbergh now');
    const after = model.namesVersion;
    model.removeArticle(URIS[1]);
    assert.notStrictEqual(model.namesVersion, after);
  });

  it('tells from packed bytes whether a closed article names nobody, and moves its names version as when it decodes them', () => {
    const model = new WorkspaceModel({ keepAnalysis: () => false });
    model.setArticle(URIS[0], 'the weather\n\nrain is expected across the valley for the rest of the week.\n');
    model.setArticle(URIS[1], VARIANTS[0]);
    const nobody = model.getArticle(URIS[0])!.summary as PackedSummary;
    const named = model.getArticle(URIS[1])!.summary as PackedSummary;
    assert.ok(nobody instanceof PackedSummary && named instanceof PackedSummary);
    assert.deepStrictEqual([nobody.people.length, nobody.namesNobody, named.namesNobody], [0, true, false]);
    assert.strictEqual(named.people.length > 0, !named.namesNobody, 'decoded, the same answer');
    assert.strictEqual(named.namesNobody, false, 'and from the decoded people once they are at hand');
    // Nobody named before and after: the names version stays; someone named now: it moves.
    let before = model.namesVersion;
    model.restoreArticle(URIS[0], new PackedSummary(nobody, nobody.detail));
    assert.strictEqual(model.namesVersion, before);
    model.restoreArticle(URIS[0], new PackedSummary(nobody, named.detail));
    assert.notStrictEqual(model.namesVersion, before);
    before = model.namesVersion;
    model.restoreArticle(URIS[0], new PackedSummary(nobody, nobody.detail));
    assert.notStrictEqual(model.namesVersion, before);
  });
});
