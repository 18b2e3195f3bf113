// The status bar tooltip's Markdown, from the `attributionLens/indexed` notification. Pure (no
// VS Code import) so that tests can read it: skipped files and articles cut at the length limit
// are listed by name with their one-line reason, a few at most.
import type { IndexedParams } from '../../server/src/lsp/protocol';

/** The command a link in the tooltip runs (registered by unattributedQuotes.ts; named here, which imports no VS Code). */
export const SHOW_UNATTRIBUTED_COMMAND = 'attributionLens.showUnattributedQuotes';

/** Files named in the tooltip per list; the output channel has them all. */
export const LISTED_FILES = 5;

export function statusTooltip(p: IndexedParams): string {
  let md =
    `**Attribution Lens**\n\n${count(p.articles, 'article')}, ${count(p.speakers, 'speaker')}, ` +
    `${count(p.unattributedQuotes, 'unattributed quote')}`;
  if (p.unattributedQuotes > 0) md += ` ([show ${p.unattributedQuotes === 1 ? 'it' : 'them'}](command:${SHOW_UNATTRIBUTED_COMMAND}))`;
  md += fileList('$(info) Skipped', p.skipped);
  md += fileList('$(info) Partly read', p.truncated ?? []);
  return md + '\n\nClick to show the statements.';
}

/** Whether the tooltip has something the user should know about files (the item shows an info icon). */
export function hasFileNotices(p: IndexedParams): boolean {
  return p.skipped.length > 0 || (p.truncated?.length ?? 0) > 0;
}

function fileList(title: string, entries: readonly string[]): string {
  if (entries.length === 0) return '';
  const lines = entries.slice(0, LISTED_FILES).map((e) => `- ${escape(shortName(e))}`);
  if (entries.length > LISTED_FILES) lines.push(`- … and ${entries.length - LISTED_FILES} more (see the Attribution Lens output)`);
  return `\n\n${title}: ${count(entries.length, 'file')}\n\n${lines.join('\n')}`;
}

/** `file:///a/b/name.txt: reason` → `name.txt: reason`. */
function shortName(entry: string): string {
  const colon = entry.indexOf(': ');
  if (colon < 0) return entry;
  const uri = entry.slice(0, colon);
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // keep the encoded name
  }
  return `${decoded}: ${entry.slice(colon + 2)}`;
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|]/g, (c) => '\\' + c);
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
