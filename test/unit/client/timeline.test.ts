// The Speaker Timeline without VS Code: the webview's pure logic (filters, layout, messages), the
// extension's message handling, and the HTML shell's content security policy.
import * as assert from 'assert';
import type { TimelineEntryItem, TimelineResult } from '../../../server/src/lsp/protocol';
import { makeNonce, timelineHtml } from '../../../client/src/timeline/html';
import { handleTimelineMessage, type TimelineHost } from '../../../client/src/timeline/messages';
import { DEFAULT_LAYOUT, dayNumber, filterTimeline, layoutTimeline, openMessage, parseFromWebview, tooltipLines } from '../../../client/src/timeline/timelineView';

const range = (line: number) => ({ start: { line, character: 1 }, end: { line, character: 20 } });
const entry = (speakerId: string, uri: string, line: number, date?: string, kind: TimelineEntryItem['kind'] = 'direct'): TimelineEntryItem => ({
  speakerId,
  uri,
  range: range(line),
  ...(date ? { date } : {}),
  kind,
  cue: 'said',
  text: `words of ${speakerId} on line ${line}`,
});

const DATA: TimelineResult = {
  lanes: [
    { speakerId: 'marta', name: 'Marta Kowalczyk', role: 'Harbour Authority Director', statementCount: 3, datedCount: 3 },
    { speakerId: 'tomasz', name: 'Tomasz Wierzba', statementCount: 2, datedCount: 1 },
  ],
  entries: [
    entry('marta', 'file:///a.txt', 3, '2024-03-04', 'indirect'),
    entry('marta', 'file:///a.txt', 4, '2024-03-04'),
    entry('tomasz', 'file:///a.txt', 5, '2024-03-04'),
    entry('marta', 'file:///b.txt', 3, '2024-03-11'),
    entry('tomasz', 'file:///c.txt', 4),
  ],
  articles: [
    { uri: 'file:///a.txt', title: 'Harbour Fees to Rise', date: '2024-03-04', statementCount: 3 },
    { uri: 'file:///b.txt', title: 'Dredging Starts', date: '2024-03-11', statementCount: 1 },
    { uri: 'file:///c.txt', title: 'Ferry Notes', statementCount: 1 },
  ],
  first: '2024-03-04',
  last: '2024-03-11',
  undated: 1,
};

describe('timeline view: filters', () => {
  it('keeps everything with an empty filter', () => {
    assert.deepStrictEqual(filterTimeline(DATA, { speakers: [] }), DATA);
  });

  it('keeps the chosen speakers, recounting their lanes and the date range', () => {
    const t = filterTimeline(DATA, { speakers: ['tomasz'] });
    assert.deepStrictEqual(t.lanes.map((l) => [l.speakerId, l.statementCount, l.datedCount]), [['tomasz', 2, 1]]);
    assert.deepStrictEqual([t.first, t.last, t.undated], ['2024-03-04', '2024-03-04', 1]);
  });

  it('keeps one article, and lanes without a statement there disappear', () => {
    const t = filterTimeline(DATA, { speakers: [], article: 'file:///b.txt' });
    assert.deepStrictEqual(t.lanes.map((l) => l.speakerId), ['marta']);
    assert.strictEqual(t.entries.length, 1);
    assert.strictEqual(t.undated, 0);
  });
});

describe('timeline view: layout', () => {
  it('reads ISO dates of day, week, month and year precision', () => {
    assert.strictEqual(dayNumber('1970-01-02'), 1);
    assert.strictEqual(dayNumber('2024-03'), dayNumber('2024-03-01'));
    assert.strictEqual(dayNumber('2024-W11'), dayNumber('2024-03-11'), 'week 11 of 2024 starts on Monday 11 March');
    assert.strictEqual(dayNumber('2024'), dayNumber('2024-01-01'));
    assert.strictEqual(dayNumber('soon'), undefined);
  });

  it('puts one lane per speaker, later dates further right, and undated statements in their own column', () => {
    const layout = layoutTimeline(DATA);
    assert.deepStrictEqual(layout.lanes.map((l) => l.label), ['Marta Kowalczyk — Harbour Authority Director', 'Tomasz Wierzba']);
    assert.ok(layout.lanes[0].y < layout.lanes[1].y);
    const [a3, a4, a5, b3, c4] = layout.points;
    assert.strictEqual(a3.y, layout.lanes[0].y);
    assert.strictEqual(a5.y, layout.lanes[1].y);
    assert.ok(b3.x > a3.x, 'a later date is further right');
    assert.ok(layout.undatedX !== undefined && c4.x > layout.undatedX && c4.x > b3.x, 'undated points sit right of every dated one');
    assert.ok(a4.x > a3.x && a4.x - a3.x < 10, 'two statements of one speaker on one day sit side by side');
    assert.ok(layout.points.every((p) => p.x >= DEFAULT_LAYOUT.labelWidth && p.x <= layout.width));
    assert.deepStrictEqual([layout.ticks[0].label, layout.ticks[layout.ticks.length - 1].label], ['2024-03-04', '2024-03-11']);
  });

  it('without undated statements there is no undated column; a single day is centred', () => {
    const layout = layoutTimeline(filterTimeline(DATA, { speakers: [], article: 'file:///a.txt' }));
    assert.strictEqual(layout.undatedX, undefined);
    assert.strictEqual(layout.ticks.length, 1);
    assert.ok(Math.abs(layout.points[0].x - (DEFAULT_LAYOUT.labelWidth + 16 + DEFAULT_LAYOUT.width - 16) / 2) < 1);
  });

  it('hover lines say who, when, how, the quote and where', () => {
    const lines = tooltipLines(DATA.entries[1], DATA);
    assert.deepStrictEqual(lines, ['Marta Kowalczyk · 2024-03-04 · direct quotation (said)', '“words of marta on line 4”', 'Harbour Fees to Rise — line 5']);
    assert.strictEqual(tooltipLines(DATA.entries[0], DATA)[1], 'words of marta on line 3', 'reported speech is not put in quotation marks');
  });
});

describe('timeline messages between webview and extension', () => {
  it('accepts only well-formed messages from the webview', () => {
    assert.deepStrictEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parseFromWebview(openMessage(DATA.entries[3])), { type: 'open', uri: 'file:///b.txt', range: range(3) });
    for (const bad of [null, 'open', { type: 'open', uri: 'file:///b.txt' }, { type: 'open', uri: 7, range: range(1) }, { type: 'open', uri: 'x', range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } }, { type: 'run' }]) {
      assert.strictEqual(parseFromWebview(bad), undefined, JSON.stringify(bad));
    }
  });

  function host(): TimelineHost & { calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      sendData: () => void calls.push('data'),
      open: (uri, r) => void calls.push(`open ${uri}:${r.start.line}`),
      isKnownUri: (uri) => DATA.entries.some((e) => e.uri === uri),
    };
  }

  it('answers "ready" with the data and a click with opening the article at the statement', async () => {
    const h = host();
    assert.strictEqual(await handleTimelineMessage({ type: 'ready' }, h), 'data');
    assert.strictEqual(await handleTimelineMessage(openMessage(DATA.entries[3]), h), 'opened');
    assert.deepStrictEqual(h.calls, ['data', 'open file:///b.txt:3']);
  });

  it('ignores malformed messages and files the timeline never showed', async () => {
    const h = host();
    assert.strictEqual(await handleTimelineMessage({ type: 'open', uri: 'file:///etc/passwd', range: range(0) }, h), 'ignored');
    assert.strictEqual(await handleTimelineMessage({ type: 'open' }, h), 'ignored');
    assert.strictEqual(await handleTimelineMessage(undefined, h), 'ignored');
    assert.deepStrictEqual(h.calls, []);
  });
});

describe('timeline webview HTML', () => {
  const nonce = makeNonce();
  const html = timelineHtml({ cspSource: 'vscode-webview://abc', nonce, scripts: ['vscode-webview://abc/timelineView.js', 'vscode-webview://abc/webviewMain.js'], commonJs: true });

  it('has a strict content security policy: nothing by default, scripts and styles only with the nonce', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce}'(;|$)`));
    assert.match(csp, new RegExp(`style-src 'nonce-${nonce}'(;|$)`));
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp));
  });

  it('gives every script and style the nonce and loads nothing from the network', () => {
    const tags = html.match(/<(script|style)\b[^>]*>/g) ?? [];
    assert.strictEqual(tags.filter((t) => t.startsWith('<script')).length, 3, 'the CommonJS shim and two scripts');
    for (const tag of tags) assert.ok(tag.includes(`nonce="${nonce}"`), tag);
    assert.ok(!/https?:\/\//.test(html.replace('http://www.w3.org', '')), 'no CDN or remote resource');
  });

  it('follows the theme through VS Code’s CSS variables', () => {
    assert.match(html, /var\(--vscode-editor-background\)/);
    assert.match(html, /var\(--vscode-charts-blue\)/);
    assert.ok(!/#[0-9a-f]{3,6}\b/i.test(html.split('<style')[1].split('</style>')[0]), 'no fixed colours');
  });

  it('a packaged extension loads one bundle without the CommonJS shim', () => {
    const packaged = timelineHtml({ cspSource: 'x', nonce, scripts: ['x/timeline.js'], commonJs: false });
    assert.strictEqual((packaged.match(/<script\b/g) ?? []).length, 1);
  });

  it('nonces differ and use 32 letters or digits', () => {
    assert.match(nonce, /^[A-Za-z0-9]{32}$/);
    assert.notStrictEqual(makeNonce(), makeNonce());
  });
});
