// Edits to the speaker registry's text for the editor's quick fixes ("Add 'Grushkó' as an alias of
// Alexander Grushko", "Add Alexander Grushko to the registry"). Pure: text in, one insertion out,
// placed so that the rest of the file (comments, order, style) stays exactly as the user wrote it.
import { isMap, isScalar, isSeq, parseDocument, stringify, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';
import { REGISTRY_FILE } from './registry';

/** Replace `text.slice(start, end)` with `newText` (an insertion when start === end). */
export interface TextChange {
  start: number;
  end: number;
  newText: string;
}

export interface NewSpeaker {
  name: string;
  role?: string;
  aliases?: string[];
}

export { REGISTRY_FILE };

/** The whole text of a new registry holding one speaker. */
export function newRegistryText(speaker: NewSpeaker): string {
  return `# Attribution Lens speaker registry: aliases, roles and notes shared by the team.\nspeakers:\n${blockItem(speaker, '  ')}`;
}

/** Where and what to insert to add a speaker; undefined when the text is not a registry we can edit safely. */
export function addSpeakerChange(text: string, speaker: NewSpeaker): TextChange | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  const root = doc.contents as YamlNode | null;
  if (root === null || root === undefined || (isScalar(root) && root.value === null)) {
    return { start: text.length, end: text.length, newText: `${lineBreakBefore(text)}speakers:\n${blockItem(speaker, '  ')}` };
  }
  if (!isMap(root)) return undefined;
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'speakers');
  if (!pair) return { start: text.length, end: text.length, newText: `${lineBreakBefore(text)}speakers:\n${blockItem(speaker, '  ')}` };
  const value = pair.value as YamlNode | null;
  if (value === null || value === undefined || (isScalar(value) && value.value === null)) {
    const at = lineEnd(text, rangeOf(pair.key as YamlNode)[1]);
    return { start: at, end: at, newText: `\n${blockItem(speaker, '  ').replace(/\n$/, '')}` };
  }
  if (!isSeq(value)) return undefined;
  if (value.flow) return flowAppend(text, value, flowMapping(speaker), ']');
  return blockAppend(text, value, (indent) => blockItem(speaker, indent));
}

/** Adds `alias` to the registry speaker named (or aliased) `speakerName`, adding the speaker when absent. */
export function addAliasChange(text: string, speakerName: string, alias: string): TextChange | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  const item = findSpeakerItem(doc.contents as YamlNode | null, speakerName);
  if (!item) return addSpeakerChange(text, { name: speakerName, aliases: [alias] });
  const aliases = item.items.find((p) => isScalar(p.key) && p.key.value === 'aliases');
  if (!aliases) {
    if (item.flow) return flowAppend(text, item, `aliases: [${flowScalar(alias)}]`, '}');
    const first = item.items[0];
    const column = columnOf(text, rangeOf(first.key as YamlNode)[0]);
    const last = item.items[item.items.length - 1];
    const end = rangeOf((last.value ?? last.key) as YamlNode)[1];
    const at = Math.min(text.length, lineEnd(text, end) + 1);
    const prefix = at === text.length && !text.endsWith('\n') ? '\n' : '';
    return { start: at, end: at, newText: `${prefix}${' '.repeat(column)}aliases: [${flowScalar(alias)}]\n` };
  }
  const value = aliases.value as YamlNode | null;
  if (value === null || value === undefined || (isScalar(value) && value.value === null)) {
    const at = rangeOf(aliases.key as YamlNode)[1] + 1; // after the colon
    return { start: at, end: at, newText: ` [${flowScalar(alias)}]` };
  }
  if (!isSeq(value)) return undefined;
  if (value.flow) return flowAppend(text, value, flowScalar(alias), ']');
  return blockAppend(text, value, (indent) => `${indent}- ${blockScalar(alias)}\n`);
}

/** The registry speaker item whose name or an alias folds to the given name. */
function findSpeakerItem(root: YamlNode | null, name: string): YAMLMap | undefined {
  if (!isMap(root)) return undefined;
  const speakers = root.items.find((p) => isScalar(p.key) && p.key.value === 'speakers')?.value;
  if (!isSeq(speakers)) return undefined;
  const wanted = fold(name);
  for (const item of speakers.items) {
    if (!isMap(item)) continue;
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (key === 'name' && isScalar(pair.value) && typeof pair.value.value === 'string' && fold(pair.value.value) === wanted) return item;
      if (key === 'aliases' && isSeq(pair.value) && pair.value.items.some((a) => isScalar(a) && typeof a.value === 'string' && fold(a.value) === wanted)) return item;
    }
  }
  return undefined;
}

/** Inserts an entry before the closing bracket of a flow collection (`[a, b]` → `[a, b, c]`). */
function flowAppend(text: string, node: YAMLSeq | YAMLMap, entry: string, close: ']' | '}'): TextChange | undefined {
  const end = rangeOf(node)[1];
  const at = text.lastIndexOf(close, end);
  if (at < 0) return undefined;
  const sep = node.items.length > 0 ? ', ' : '';
  return { start: at, end: at, newText: `${sep}${entry}` };
}

/** Inserts lines after the last item of a block sequence, at the items' indentation. */
function blockAppend(text: string, seq: YAMLSeq, render: (indent: string) => string): TextChange {
  const start = rangeOf(seq)[0];
  const indent = ' '.repeat(columnOf(text, start));
  const last = seq.items[seq.items.length - 1] as YamlNode | undefined;
  const end = last ? rangeOf(last)[1] : rangeOf(seq)[1];
  // The item's range may or may not take its line break; insert at the start of the next line.
  const at = text[end - 1] === '\n' ? end : Math.min(text.length, lineEnd(text, end) + 1);
  const prefix = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return { start: at, end: at, newText: prefix + render(indent) };
}

function blockItem(speaker: NewSpeaker, indent: string): string {
  const lines = [`${indent}- name: ${blockScalar(speaker.name)}`];
  if (speaker.aliases?.length) lines.push(`${indent}  aliases: [${speaker.aliases.map(flowScalar).join(', ')}]`);
  if (speaker.role) lines.push(`${indent}  role: ${blockScalar(speaker.role)}`);
  return lines.join('\n') + '\n';
}

function flowMapping(speaker: NewSpeaker): string {
  const parts = [`name: ${flowScalar(speaker.name)}`];
  if (speaker.aliases?.length) parts.push(`aliases: [${speaker.aliases.map(flowScalar).join(', ')}]`);
  if (speaker.role) parts.push(`role: ${flowScalar(speaker.role)}`);
  return `{ ${parts.join(', ')} }`;
}

/** A scalar as YAML writes it in block context (quoted only when it must be). */
function blockScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** A scalar safe inside `[…]` or `{…}`: plain for ordinary names, else double-quoted. */
function flowScalar(value: string): string {
  return /^[\p{L}][\p{L}\p{M}\p{N} .'’-]*$/u.test(value) && !/\s$/.test(value) ? value : JSON.stringify(value);
}

function rangeOf(node: YamlNode | YAMLSeq | YAMLMap): [number, number] {
  const range = (node as { range?: [number, number, number] }).range;
  return range ? [range[0], range[1]] : [0, 0];
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The offset of the line break ending the line that holds `offset` (or the text's length). */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', Math.max(0, offset - (text[offset - 1] === '\n' ? 1 : 0)));
  return nl < 0 ? text.length : nl;
}

function lineBreakBefore(text: string): string {
  if (text.length === 0) return '';
  return text.endsWith('\n') ? '' : '\n';
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Applies a change to a text (for tests and callers that hold the text). */
export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.start) + change.newText + text.slice(change.end);
}
