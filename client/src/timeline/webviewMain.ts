// The Speaker Timeline inside the webview: controls, an inline SVG drawn from timelineView's
// layout, a tooltip with the quote, and a click that asks the extension to open the article.
// Runs in the browser; the logic it needs is in timelineView.ts (tested under Node).
import type { TimelineResult } from '../../../server/src/lsp/protocol';
import { DEFAULT_LAYOUT, filterTimeline, layoutTimeline, openMessage, tooltipLines, type ToWebview, type ViewFilter } from './timelineView';

// The webview's globals, typed as far as this file uses them (the project compiles without DOM types).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const acquireVsCodeApi: () => { postMessage(message: unknown): void; getState(): any; setState(state: unknown): void };
declare const document: any;
declare const window: any;

const SVG = 'http://www.w3.org/2000/svg';

function start(): void {
  const vscode = acquireVsCodeApi();
  const saved = vscode.getState() as { filter?: ViewFilter } | undefined;
  let filter: ViewFilter = saved?.filter ?? { speakers: [] };
  let data: TimelineResult | undefined;
  const speakersSelect = document.getElementById('speakers');
  const articleSelect = document.getElementById('article');
  const chart = document.getElementById('chart');
  const tooltip = document.getElementById('tooltip');
  const summary = document.getElementById('summary');
  const empty = document.getElementById('empty');

  const el = (name: string, attrs: Record<string, string | number>, parent: any) => {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    parent.appendChild(node);
    return node;
  };

  const option = (value: string, label: string, selected: boolean) => {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    o.selected = selected;
    return o;
  };

  function fillControls(d: TimelineResult): void {
    speakersSelect.replaceChildren(...d.lanes.map((l) => option(l.speakerId, `${l.name} (${l.statementCount})`, filter.speakers.includes(l.speakerId))));
    articleSelect.replaceChildren(option('', 'All articles', !filter.article), ...d.articles.map((a) => option(a.uri, `${a.date ?? 'undated'} · ${a.title}`, a.uri === filter.article)));
  }

  function render(): void {
    chart.replaceChildren();
    tooltip.hidden = true;
    if (!data) return;
    const shown = filterTimeline(data, filter);
    empty.hidden = shown.entries.length > 0;
    summary.textContent = `${shown.entries.length} statements · ${shown.lanes.length} speakers${shown.first ? ` · ${shown.first} to ${shown.last}` : ''}${shown.undated ? ` · ${shown.undated} undated` : ''}`;
    if (!shown.entries.length) return;
    const layout = layoutTimeline(shown, { ...DEFAULT_LAYOUT, width: Math.max(600, chart.clientWidth || window.innerWidth - 40) - 4 });
    const svg = el('svg', { width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}` }, chart);
    layout.ticks.forEach((t, i) => {
      el('line', { class: 'grid', x1: t.x, x2: t.x, y1: DEFAULT_LAYOUT.axisHeight - 6, y2: layout.height - 8 }, svg);
      // The first and last labels stay inside the picture.
      const anchor = layout.ticks.length > 1 && i === 0 ? 'start' : layout.ticks.length > 1 && i === layout.ticks.length - 1 ? 'end' : 'middle';
      el('text', { class: 'tick', x: t.x, y: 14, 'text-anchor': anchor }, svg).textContent = t.label;
    });
    if (layout.undatedX !== undefined) {
      el('line', { class: 'axis', x1: layout.undatedX, x2: layout.undatedX, y1: DEFAULT_LAYOUT.axisHeight - 6, y2: layout.height - 8 }, svg);
      el('text', { class: 'undated-label', x: layout.undatedX + 6, y: 14 }, svg).textContent = 'undated';
    }
    for (const lane of layout.lanes) {
      el('line', { class: 'axis', x1: DEFAULT_LAYOUT.labelWidth + 8, x2: layout.undatedX ?? layout.width - 8, y1: lane.y, y2: lane.y }, svg);
      const label = el('text', { class: 'lane-label', x: 4, y: lane.y + 4 }, svg);
      label.textContent = lane.label.length > 30 ? lane.label.slice(0, 29) + '…' : lane.label;
      el('title', {}, label).textContent = lane.label;
    }
    for (const p of layout.points) {
      const dot = el('circle', { class: `point c${layout.lanes[p.lane].colour} ${p.entry.kind}`, cx: p.x, cy: p.y, r: 5, tabindex: 0, role: 'button' }, svg);
      dot.setAttribute('aria-label', tooltipLines(p.entry, shown).join(' — '));
      const show = (x: number, y: number) => {
        tooltip.replaceChildren(
          ...tooltipLines(p.entry, shown).map((line, i) => {
            const para = document.createElement('p');
            para.className = ['who', 'quote', 'where'][i];
            para.textContent = line;
            return para;
          }),
        );
        tooltip.hidden = false;
        tooltip.style.left = `${Math.min(x + 12, window.innerWidth - 440)}px`;
        tooltip.style.top = `${y + 12}px`;
      };
      dot.addEventListener('mouseenter', (e: any) => show(e.clientX, e.clientY));
      dot.addEventListener('mousemove', (e: any) => show(e.clientX, e.clientY));
      dot.addEventListener('mouseleave', () => (tooltip.hidden = true));
      dot.addEventListener('focus', () => {
        const box = dot.getBoundingClientRect();
        show(box.left, box.top);
      });
      dot.addEventListener('blur', () => (tooltip.hidden = true));
      dot.addEventListener('click', () => vscode.postMessage(openMessage(p.entry)));
      dot.addEventListener('keydown', (e: any) => {
        if (e.key === 'Enter' || e.key === ' ') vscode.postMessage(openMessage(p.entry));
      });
    }
  }

  const changed = () => {
    filter = {
      speakers: [...speakersSelect.selectedOptions].map((o: any) => o.value),
      ...(articleSelect.value ? { article: articleSelect.value } : {}),
    };
    vscode.setState({ filter });
    render();
  };
  speakersSelect.addEventListener('change', changed);
  articleSelect.addEventListener('change', changed);
  document.getElementById('clear').addEventListener('click', () => {
    filter = { speakers: [] };
    vscode.setState({ filter });
    if (data) fillControls(data);
    render();
  });
  window.addEventListener('resize', render);
  window.addEventListener('message', (event: any) => {
    const message = event.data as ToWebview;
    if (message?.type !== 'data') return;
    data = message.data;
    // Filters naming speakers or articles that are gone are dropped.
    filter = { speakers: filter.speakers.filter((id) => data!.lanes.some((l) => l.speakerId === id)), ...(filter.article && data.articles.some((a) => a.uri === filter.article) ? { article: filter.article } : {}) };
    fillControls(data);
    render();
  });
  vscode.postMessage({ type: 'ready' });
}

if (typeof acquireVsCodeApi === 'function') start();
