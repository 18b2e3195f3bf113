// The Speaker Timeline's data (workspace/timeline.ts) from a model of invented articles.
import * as assert from 'assert';
import { buildTimeline } from '../../../server/src/workspace/timeline';
import { WorkspaceModel } from '../../../server/src/workspace/workspaceModel';

const MARCH_4 = `Harbour Fees to Rise

BRISK HAVEN, March 4, 2024 (Coastline Wire) - Harbour Authority Director Marta Kowalczyk said on Monday that berth fees would rise.
"The quays are older than any of us," Marta Kowalczyk said.
"We will read every line," Tomasz Wierzba said.
`;
const MARCH_11 = `Dredging Starts

BRISK HAVEN, March 11, 2024 (Coastline Wire) - Dredgers will start work next week.
"Ships have waited long enough," Marta Kowalczyk said.
`;
const UNDATED = `Ferry Notes

"This quote has nobody."
The ferry timetable changes in spring.
"Nobody told us about the timetable," Tomasz Wierzba said.
`;

function model(): WorkspaceModel {
  const m = new WorkspaceModel();
  m.setArticle('file:///news/b-dredging.txt', MARCH_11);
  m.setArticle('file:///news/a-fees.txt', MARCH_4);
  m.setArticle('file:///news/c-notes.txt', UNDATED);
  return m;
}

describe('buildTimeline', () => {
  it('gives one lane per speaker, most statements first, with counts of dated statements', () => {
    const t = buildTimeline(model());
    assert.deepStrictEqual(
      t.lanes.map((l) => [l.name, l.statementCount, l.datedCount]),
      [
        ['Marta Kowalczyk', 3, 3],
        ['Tomasz Wierzba', 2, 1],
      ],
    );
    assert.strictEqual(t.lanes[0].role, 'Harbour Authority Director');
  });

  it('orders entries by date, then article and position, with undated statements last', () => {
    const t = buildTimeline(model());
    assert.deepStrictEqual(
      t.entries.map((e) => [e.date ?? null, e.uri.slice(e.uri.lastIndexOf('/') + 1)]),
      [
        ['2024-03-04', 'a-fees.txt'],
        ['2024-03-04', 'a-fees.txt'],
        ['2024-03-04', 'a-fees.txt'],
        ['2024-03-11', 'b-dredging.txt'],
        [null, 'c-notes.txt'],
      ],
    );
    const fees = t.entries.filter((e) => e.uri.endsWith('a-fees.txt'));
    assert.ok(fees[0].span.start < fees[1].span.start && fees[1].span.start < fees[2].span.start);
    assert.strictEqual(t.first, '2024-03-04');
    assert.strictEqual(t.last, '2024-03-11');
    assert.strictEqual(t.undated, 1);
  });

  it('leaves out statements nobody is named for', () => {
    const t = buildTimeline(model());
    assert.ok(!t.entries.some((e) => e.text.includes('This quote has nobody')));
  });

  it('lists the articles with their headline, date and statement count, dated first', () => {
    const t = buildTimeline(model());
    assert.deepStrictEqual(
      t.articles.map((a) => [a.title, a.date ?? null, a.statementCount]),
      [
        ['Harbour Fees to Rise', '2024-03-04', 3],
        ['Dredging Starts', '2024-03-11', 1],
        ['Ferry Notes', null, 1],
      ],
    );
  });

  it('filters by speaker and by article', () => {
    const m = model();
    const tomasz = m.speakers().find((s) => s.name === 'Tomasz Wierzba')!.id;
    const bySpeaker = buildTimeline(m, { speakers: [tomasz] });
    assert.deepStrictEqual(bySpeaker.lanes.map((l) => l.name), ['Tomasz Wierzba']);
    assert.strictEqual(bySpeaker.entries.length, 2);
    const byArticle = buildTimeline(m, { articles: ['file:///news/b-dredging.txt'] });
    assert.deepStrictEqual(byArticle.lanes.map((l) => l.name), ['Marta Kowalczyk']);
    assert.strictEqual(byArticle.entries.length, 1);
    assert.strictEqual(byArticle.undated, 0);
  });

  it('is empty for an empty workspace', () => {
    assert.deepStrictEqual(buildTimeline(new WorkspaceModel()), { lanes: [], entries: [], articles: [], undated: 0 });
  });
});
