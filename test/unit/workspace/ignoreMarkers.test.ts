import * as assert from 'assert';
import type { ArticleAnalysis } from '../../../server/src/analysis/types';
import { ignoreMarkerFor, isIgnored, paragraphAt } from '../../../server/src/workspace/ignoreMarkers';

/** An analysis with just text and line paragraphs: all these functions read. */
function analysis(text: string): ArticleAnalysis {
  const paragraphs: ArticleAnalysis['structure']['paragraphs'] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) paragraphs.push({ span: { start, end: start + line.length }, role: 'body' });
    start += line.length + 1;
  }
  return { text, structure: { paragraphs, sentences: [] }, dates: [], quotations: [], people: [], statements: [], diagnostics: [] };
}

describe('ignore markers', () => {
  const plain = 'Headline\n"We are ready." [attribution-lens-ignore]\n"We are not ready."\n';

  it('silence diagnostics in their own paragraph only (plain text: a line)', () => {
    const a = analysis(plain);
    assert.ok(isIgnored(a, { start: 9, end: 24 }, 'unattributed-quote', false));
    const second = plain.indexOf('"We are not');
    assert.ok(!isIgnored(a, { start: second, end: second + 5 }, 'unattributed-quote', false));
  });

  it('may name the rules they silence', () => {
    const a = analysis('"We are ready." <!-- attribution-lens-ignore malformed-quote-marks -->\n');
    assert.ok(isIgnored(a, { start: 0, end: 5 }, 'malformed-quote-marks', true));
    assert.ok(!isIgnored(a, { start: 0, end: 5 }, 'unattributed-quote', true));
  });

  it('cover a whole re-wrapped Markdown paragraph', () => {
    const md = 'Intro.\n\n"We are ready to\ntalk today," the\nofficial added. <!-- attribution-lens-ignore -->\n\nNext.\n';
    const a = analysis(md);
    assert.ok(isIgnored(a, { start: md.indexOf('"We'), end: md.indexOf('"We') + 3 }, 'unattributed-quote', true));
    const p = paragraphAt(a, md.indexOf('"We'), true);
    assert.strictEqual(md.slice(p.start, p.end).endsWith('-->'), true);
    assert.ok(!isIgnored(a, { start: md.indexOf('Next'), end: md.indexOf('Next') + 4 }, 'unattributed-quote', true));
  });

  it('are an HTML comment in Markdown and a bracketed word in plain text', () => {
    assert.strictEqual(ignoreMarkerFor(true), '<!-- attribution-lens-ignore -->');
    assert.strictEqual(ignoreMarkerFor(false), '[attribution-lens-ignore]');
  });
});
