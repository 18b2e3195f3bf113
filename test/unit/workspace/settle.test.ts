// Guessed dateline years settled after a bulk load (WorkspaceModel.settleStale), and the two ways
// the server's initial index feeds it summaries made in index workers: `putAnalysed` (made with
// the dates as they stood) and `staleArticles` (the walk, each article redone by the caller).
import * as assert from 'assert';
import { analyzeArticle } from '../../../server/src/analysis';
import { summarizeArticle } from '../../../server/src/workspace/articleSummary';
import { WorkspaceModel } from '../../../server/src/workspace/workspaceModel';

const TEXTS: Record<string, string> = {
  'file:///ws/dated-a.txt': `Bridge tolls to stay\n\nMARBURY, April 3, 2023 (Northern Desk) - Finance Minister Astrid Kalberg said bridge tolls would stay.\n\n“We have no money for a free bridge,” Kalberg said.\n`,
  'file:///ws/guess-b.txt': `Tolls row deepens\n\nMARBURY, April 4 (Northern Desk) - Mayor Tomasz Velenko said the tolls were unfair.\n\n“Our town pays twice,” Velenko told reporters.\n`,
  'file:///ws/guess-c.txt': `Union backs mayor\n\nMARBURY, May 9 (Northern Desk) - Union leader Kofi Drasen said his members supported the mayor.\n\n“We stand with the town,” Drasen said.\n`,
  'file:///ws/dated-d.txt': `Ferry plan\n\nMARBURY, June 1, 2019 (Northern Desk) - Port Director Lena Osk said the ferry would run twice a day.\n`,
};
const GUESSED = ['file:///ws/guess-b.txt', 'file:///ws/guess-c.txt'];
const closed = () => new WorkspaceModel({ keepAnalysis: () => false, analysis: { today: '2026-12-01' } });

/** A closed article's summary, analysed as `setArticle` would with the model's options now. */
function summaryNow(model: WorkspaceModel, uri: string) {
  return summarizeArticle(uri, analyzeArticle(TEXTS[uri], model.analysisOptions(uri)), false);
}

/** What a model holds of every article: its date and its packed people and statements. */
function held(model: WorkspaceModel) {
  return Object.keys(TEXTS)
    .filter((uri) => model.getArticle(uri))
    .map((uri) => {
      const s = model.getArticle(uri)!.summary;
      return [uri, s.articleDate, JSON.stringify(s.people), JSON.stringify(s.statements), model.contextKey(uri) ?? null];
    });
}

describe('settling guessed dateline years', () => {
  it('keeps a summary put in as made with the dates that still stand, and redoes it once they change', () => {
    const model = closed();
    model.setArticle('file:///ws/dated-a.txt', TEXTS['file:///ws/dated-a.txt']);
    const uri = GUESSED[0];
    const dates = model.workspaceDates();
    const summary = summaryNow(model, uri);
    assert.strictEqual(summary.articleDate?.source, 'workspace', 'the year comes from the other articles');
    model.putAnalysed(uri, summary, dates);
    assert.strictEqual(model.settleStale((u) => TEXTS[u]), 0);
    assert.strictEqual(model.getArticle(uri)!.summary, summary);

    // The same summary put in with nothing said of its dates is redone, to the same result.
    const unclaimed = closed();
    unclaimed.setArticle('file:///ws/dated-a.txt', TEXTS['file:///ws/dated-a.txt']);
    unclaimed.restoreArticle(uri, summaryNow(unclaimed, uri));
    assert.strictEqual(unclaimed.settleStale((u) => TEXTS[u]), 1);
    assert.deepStrictEqual(held(unclaimed), held(model));

    // Another dated article changes the dates: now it is made again.
    model.setArticle('file:///ws/dated-d.txt', TEXTS['file:///ws/dated-d.txt']);
    assert.strictEqual(model.settleStale((u) => TEXTS[u]), 1);
    assert.notStrictEqual(model.getArticle(uri)!.summary, summary);
  });

  it('walking staleArticles, each article redone as it comes, ends where settleStale does', () => {
    const load = () => {
      const model = closed();
      // Guessed ones first, made with no dates known; then the dated ones.
      for (const uri of GUESSED) model.restoreArticle(uri, summaryNow(model, uri));
      for (const uri of Object.keys(TEXTS)) if (!GUESSED.includes(uri)) model.setArticle(uri, TEXTS[uri]);
      return model;
    };
    const settled = load();
    const redone = settled.settleStale((u) => TEXTS[u]);
    assert.ok(redone >= GUESSED.length, `redone ${redone}`);

    const walked = load();
    const order: string[] = [];
    const stale = walked.staleArticles();
    for (let next = stale.next(); !next.done; ) {
      const { uri } = next.value;
      order.push(uri);
      // Made as an index worker would, then put in with the dates it was made with.
      walked.putAnalysed(uri, summaryNow(walked, uri), walked.workspaceDates());
      next = stale.next(true);
    }
    assert.strictEqual(order.length, redone);
    assert.deepStrictEqual(held(walked), held(settled));
    assert.strictEqual(walked.settleStale((u) => TEXTS[u]), 0, 'nothing left to settle');
  });
});
