// The status bar tooltip names skipped and partly read files with their one-line reasons.
import * as assert from 'node:assert/strict';
import { hasFileNotices, LISTED_FILES, statusTooltip } from '../../../client/src/statusTooltip';

describe('status bar tooltip', () => {
  const base = { articles: 3, speakers: 2, unattributedQuotes: 1, skipped: [] as string[] };

  it('shows counts only when every file was read', () => {
    const md = statusTooltip(base);
    assert.match(md, /3 articles, 2 speakers, 1 unattributed quote/);
    assert.doesNotMatch(md, /Skipped|Partly/);
    assert.equal(hasFileNotices(base), false);
  });

  it('links to the list of unattributed quotes when there are any', () => {
    assert.match(statusTooltip(base), /\[show it\]\(command:attributionLens\.showUnattributedQuotes\)/);
    assert.match(statusTooltip({ ...base, unattributedQuotes: 4 }), /4 unattributed quotes \(\[show them\]/);
    assert.doesNotMatch(statusTooltip({ ...base, unattributedQuotes: 0 }), /command:/);
  });

  it('lists skipped and truncated files by name with the reason, escaped for Markdown', () => {
    const p = {
      ...base,
      skipped: ['file:///ws/articles/photo_1.txt: binary file (NUL byte at offset 4)'],
      truncated: ['file:///ws/big%20log.txt: only the first 499,990 characters were analysed (the limit is 500,000); the rest of the text (52,428,800 characters) was not read'],
    };
    const md = statusTooltip(p);
    assert.ok(hasFileNotices(p));
    assert.match(md, /\$\(info\) Skipped: 1 file\n\n- photo\\_1\.txt: binary file \(NUL byte at offset 4\)/);
    assert.match(md, /\$\(info\) Partly read: 1 file\n\n- big log\.txt: only the first 499,990 characters/);
  });

  it('names a few files and counts the rest', () => {
    const skipped = Array.from({ length: LISTED_FILES + 3 }, (_, i) => `file:///ws/f${i}.txt: binary file (NUL byte at offset 0)`);
    const md = statusTooltip({ ...base, skipped });
    assert.equal((md.match(/^- f\d\.txt/gm) ?? []).length, LISTED_FILES);
    assert.match(md, /… and 3 more \(see the Attribution Lens output\)/);
  });
});
