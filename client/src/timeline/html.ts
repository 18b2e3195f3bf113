// The Speaker Timeline's HTML shell, pure: a strict content security policy (nothing but this
// webview's own scripts, each carrying the nonce; no network), the theme's colours through VS Code's
// CSS variables, and the scripts that draw it (timelineView.js, webviewMain.js).
export interface TimelineHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  /** Script URIs (already `asWebviewUri`), in load order. */
  scripts: string[];
  /**
   * Whether the scripts are tsc's CommonJS output (development), which needs a tiny `exports` /
   * `require` shim, rather than one self-contained bundle (packaged extension).
   */
  commonJs: boolean;
}

/** A fresh nonce: 32 characters from a 62-letter alphabet. */
export function makeNonce(random: () => number = Math.random): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < 32; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

export function timelineHtml(o: TimelineHtmlOptions): string {
  const csp = [`default-src 'none'`, `img-src ${o.cspSource} data:`, `style-src 'nonce-${o.nonce}'`, `script-src 'nonce-${o.nonce}'`, `font-src ${o.cspSource}`].join('; ');
  // tsc's modules read the free variable `exports` when they run *and* when their functions run,
  // so all of them share one object; `require('./timelineView')` hands it back. Only
  // timelineView.js exports anything; webviewMain.js merely marks it as an ES module.
  const shim = `window.exports = {}; window.module = { exports: window.exports }; window.require = function () { return window.exports; };`;
  const scripts: string[] = o.commonJs ? [`<script nonce="${o.nonce}">${shim}</script>`] : [];
  for (const src of o.scripts) scripts.push(`<script nonce="${o.nonce}" src="${escapeAttribute(src)}"></script>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Speaker Timeline</title>
<style nonce="${o.nonce}">${STYLE}</style>
</head>
<body>
<div class="controls">
  <label>Speakers <select id="speakers" multiple size="4" aria-label="Speakers to show"></select></label>
  <label>Article <select id="article" aria-label="Article to show"><option value="">All articles</option></select></label>
  <button id="clear" type="button">Show all</button>
  <span id="summary" aria-live="polite"></span>
</div>
<div id="chart" role="figure" aria-label="Statements by date, one lane per speaker"></div>
<div id="tooltip" role="tooltip" hidden></div>
<p id="empty" hidden>No attributed statements yet.</p>
${scripts.join('\n')}
</body>
</html>`;
}

function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

const STYLE = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 8px 16px; }
.controls { display: flex; gap: 16px; align-items: flex-start; flex-wrap: wrap; margin-bottom: 12px; }
label { display: flex; flex-direction: column; gap: 4px; }
select, button { color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); font: inherit; }
select { min-width: 220px; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 10px; cursor: pointer; align-self: flex-end; }
button:hover { background: var(--vscode-button-hoverBackground); }
#summary { align-self: flex-end; color: var(--vscode-descriptionForeground); }
svg { display: block; }
.axis, .grid { stroke: var(--vscode-editorWidget-border, var(--vscode-panel-border)); }
.tick, .lane-label, .undated-label { fill: var(--vscode-foreground); font-size: 11px; }
.undated-label, .tick { fill: var(--vscode-descriptionForeground); }
.point { cursor: pointer; stroke: var(--vscode-editor-background); stroke-width: 1.5; }
.point:hover, .point:focus { stroke: var(--vscode-focusBorder); stroke-width: 2.5; outline: none; }
.point.indirect { fill-opacity: 0.55; }
.c0 { fill: var(--vscode-charts-blue); } .c1 { fill: var(--vscode-charts-orange); } .c2 { fill: var(--vscode-charts-green); }
.c3 { fill: var(--vscode-charts-purple); } .c4 { fill: var(--vscode-charts-red); } .c5 { fill: var(--vscode-charts-yellow); }
.c6 { fill: var(--vscode-charts-foreground); } .c7 { fill: var(--vscode-textLink-foreground); }
#tooltip { position: fixed; max-width: 420px; padding: 6px 8px; pointer-events: none; color: var(--vscode-editorHoverWidget-foreground); background: var(--vscode-editorHoverWidget-background); border: 1px solid var(--vscode-editorHoverWidget-border); }
#tooltip p { margin: 2px 0; } #tooltip .who { font-weight: bold; } #tooltip .where { color: var(--vscode-descriptionForeground); }
`;
