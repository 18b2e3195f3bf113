// Property-based tests of the core with fast-check: article-like text built from pieces (names,
// cue verbs, quotation marks, datelines, punctuation, line ends, unicode oddities) and random edits.
// Runs PROPERTY_RUNS cases per property (default 60 in CI; raise it locally: PROPERTY_RUNS=2000).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeArticle } from '../../../server/src/analysis';
import { WorkspaceModel } from '../../../server/src/workspace/workspaceModel';
import { spanProblem, spansOf } from './fixtures';

const RUNS = Number(process.env.PROPERTY_RUNS) || 60;

const PIECES = [
  // names and roles
  'Liis Tamm', 'Mart Oja', 'Tamm', 'Oja', 'Grushkó', 'Alexander Grushko', 'Deputy Foreign Minister', 'the minister', 'the union leader', 'board chair', 'officials', 'a source', 'he', 'she', 'they', 'NATO', 'the Ministry',
  // cues
  ' said', ' says', ' told reporters', ' added', ' according to', ' stressed', ' warned that', ' said:', ', saying', ' called on', ' — ',
  // quotation marks
  '"', '“', '”', '‘', '’', "'", "''", '``', '«', '»', '„',
  // datelines and dates
  'TALLINN, March 4 (Reuters) - ', 'MOSCOW, December 20. /TASS/. ', 'WASHINGTON (AP) — ', 'on Monday', 'last week', 'tomorrow', 'in 2008', 'on April 2', '2024-03-04',
  // words and punctuation
  ' the port', ' would cost', ' We need another month', ' the talks', ' is', ' not', ' and', ',', '.', ':', ';', '?', '!', '(', ')', '-', ' ', '  ', 'Mr.', 'U.S.',
  // line ends
  '\n', '\n\n', '\r\n', '\r',
  // markdown
  '# ', '---\ntitle: Ferry\ndate: 2024-03-04\n---\n', '> ', '* ',
  // unicode oddities
  '\u200b', '\u200d', '\u200f', '\u202e', '\u2066', '\ufeff', '\u00a0', '\ud83d\ude00', '\ud800', '\udc00', 'é', 'e\u0301', '\u0000', '\t',
];

const articleText = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((parts) => parts.join(''));

/** An edit of a text: replace a range (by fractions of its length) with new pieces. */
const edit = fc.record({ from: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 40 }), insert: articleText });

function applyEdit(text: string, e: { from: number; length: number; insert: string }): string {
  const start = Math.floor(e.from * text.length);
  return text.slice(0, start) + e.insert.slice(0, 80) + text.slice(start + e.length);
}

describe('properties of the analysis core', function () {
  this.timeout(120_000);

  it('analyzeArticle never throws, and every range lies inside the text on UTF-16 character boundaries', () => {
    fc.assert(
      fc.property(articleText, fc.boolean(), (text, markdown) => {
        const analysis = analyzeArticle(text, { markdown });
        for (const [name, span] of spansOf(analysis)) {
          const problem = spanProblem(text, span);
          if (problem) throw new Error(`${name}: ${problem}`);
        }
        for (const s of analysis.statements) assert.equal(typeof s.text, 'string');
      }),
      { numRuns: RUNS },
    );
  });

  it('after random edits, ranges stay inside the edited text', () => {
    fc.assert(
      fc.property(articleText, fc.array(edit, { maxLength: 6 }), (start, edits) => {
        let text = start;
        for (const e of edits) {
          text = applyEdit(text, e);
          for (const [name, span] of spansOf(analyzeArticle(text))) {
            const problem = spanProblem(text, span);
            if (problem) throw new Error(`${name}: ${problem}`);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a workspace model fed random edits through setArticle answers as a fresh model built from the final texts', () => {
    const uris = ['file:///ws/a.txt', 'file:///ws/b.txt', 'file:///ws/c.md'];
    const step = fc.record({ uri: fc.constantFrom(...uris), edit, replace: fc.boolean(), remove: fc.boolean() });
    fc.assert(
      fc.property(fc.tuple(articleText, articleText, articleText), fc.array(step, { maxLength: 8 }), (initial, steps) => {
        const texts = new Map<string, string>(uris.map((u, i) => [u, initial[i]]));
        const incremental = new WorkspaceModel();
        for (const [uri, text] of texts) incremental.setArticle(uri, text);
        incremental.settle();
        for (const s of steps) {
          if (s.remove && s.replace) {
            texts.delete(s.uri);
            incremental.removeArticle(s.uri);
            continue;
          }
          const text = s.replace ? s.edit.insert : applyEdit(texts.get(s.uri) ?? '', s.edit);
          texts.set(s.uri, text);
          incremental.setArticle(s.uri, text);
          // Questions between edits build the cross-article index, which the next edit must invalidate.
          incremental.speakers();
        }
        incremental.settle();
        const fresh = new WorkspaceModel();
        for (const [uri, text] of texts) fresh.setArticle(uri, text);
        fresh.settle();
        assert.deepEqual(answers(incremental), answers(fresh));
      }),
      { numRuns: RUNS },
    );
  });
});

/** Everything a client can ask a model, as plain data. */
function answers(model: WorkspaceModel): unknown {
  const speakers = model.speakers().map((s) => ({ ...s, statements: model.statementsBySpeaker(s.id).map((r) => [r.uri, r.index, r.statement.text]) }));
  const articles = model
    .articles()
    .map((e) => ({ uri: e.uri, date: e.analysis!.articleDate, statements: e.analysis!.statements, dates: e.analysis!.dates, diagnostics: e.analysis!.diagnostics }))
    .sort((a, b) => a.uri.localeCompare(b.uri));
  return { speakers: speakers.sort((a, b) => a.id.localeCompare(b.id)), articles };
}
