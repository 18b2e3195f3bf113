// Semantic tokens: speakers, quotations, cues and dates. They refine the TextMate grammar in
// .article files and give plain text and Markdown articles their colours. Where tokens overlap
// (a name inside a quotation) the more specific one wins: speaker > date > cue > quotation.
import type { CancellationToken, SemanticTokens, SemanticTokensLegend, SemanticTokensParams, SemanticTokensRangeParams } from 'vscode-languageserver/node';
import type { Span } from '../analysis/types';
import type { AnalysedEntry } from '../workspace/types';
import { throwIfCancelled, type FeatureContext } from './context';

export const TOKEN_TYPES = ['speaker', 'quotation', 'cue', 'date'] as const;
export const TOKEN_MODIFIERS = ['unattributed', 'organization', 'reference'] as const;
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
type TokenModifier = (typeof TOKEN_MODIFIERS)[number];
const PRIORITY: Record<TokenType, number> = { quotation: 0, cue: 1, date: 2, speaker: 3 };

interface Painted {
  span: Span;
  type: TokenType;
  modifiers: number;
}

export function semanticTokens(ctx: FeatureContext, params: SemanticTokensParams, token?: CancellationToken): SemanticTokens {
  throwIfCancelled(token);
  const entry = ctx.index.article(params.textDocument.uri);
  return { data: entry ? encode(ctx, entry, undefined) : [] };
}

export function semanticTokensRange(ctx: FeatureContext, params: SemanticTokensRangeParams, token?: CancellationToken): SemanticTokens {
  throwIfCancelled(token);
  const entry = ctx.index.article(params.textDocument.uri);
  if (!entry) return { data: [] };
  const li = ctx.index.lineIndex(entry);
  return { data: encode(ctx, entry, { start: li.offsetAt(params.range.start), end: li.offsetAt(params.range.end) }) };
}

function mask(...mods: Array<TokenModifier | false>): number {
  let m = 0;
  for (const mod of mods) if (mod) m |= 1 << TOKEN_MODIFIERS.indexOf(mod);
  return m;
}

/** The non-overlapping, single-line tokens of an article, encoded as LSP relative integers. */
function encode(ctx: FeatureContext, entry: AnalysedEntry, window: Span | undefined): number[] {
  const a = entry.analysis;
  const raw: Painted[] = [];
  const unattributed = new Set(a.diagnostics.filter((d) => d.code === 'unattributed-quote').map((d) => d.span.start));
  for (const q of a.quotations) {
    raw.push({ span: q.span, type: 'quotation', modifiers: mask(unattributed.has(q.span.start) && 'unattributed') });
  }
  const sources = new Set<number>();
  for (const s of a.statements) {
    if (s.cueSpan && s.cueSpan.end > s.cueSpan.start) raw.push({ span: s.cueSpan, type: 'cue', modifiers: 0 });
    if (s.sourceSpan) sources.add(s.sourceSpan.start);
  }
  for (const d of a.dates) raw.push({ span: d.span, type: 'date', modifiers: 0 });
  for (const p of a.people) {
    for (const m of p.mentions) {
      const isName = m.kind === 'name' || m.kind === 'surname' || m.kind === 'organization';
      if (!isName && !sources.has(m.span.start)) continue;
      raw.push({ span: m.span, type: 'speaker', modifiers: mask(p.isOrganization && 'organization', !isName && 'reference') });
    }
  }
  const flat = flatten(raw.filter((t) => t.span.end > t.span.start && (!window || (t.span.end > window.start && t.span.start < window.end))));

  // Split at line breaks (clients need not support multi-line tokens) and encode.
  const li = ctx.index.lineIndex(entry);
  const text = a.text;
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const t of flat) {
    let start = t.span.start;
    while (start < t.span.end) {
      let end = start;
      while (end < t.span.end && text[end] !== '\n' && text[end] !== '\r') end++;
      if (end > start) {
        const pos = li.positionAt(start);
        data.push(pos.line - prevLine, pos.line === prevLine ? pos.character - prevChar : pos.character, end - start, TOKEN_TYPES.indexOf(t.type), t.modifiers);
        prevLine = pos.line;
        prevChar = pos.character;
      }
      start = end;
      while (start < t.span.end && (text[start] === '\n' || text[start] === '\r')) start++;
    }
  }
  return data;
}

/** Resolves overlaps: each stretch of text takes the highest-priority token covering it. */
export function flatten(tokens: Painted[]): Painted[] {
  const cuts = [...new Set(tokens.flatMap((t) => [t.span.start, t.span.end]))].sort((x, y) => x - y);
  const byStart = [...tokens].sort((x, y) => x.span.start - y.span.start);
  let active: Painted[] = [];
  let next = 0;
  const out: Painted[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i];
    const end = cuts[i + 1];
    while (next < byStart.length && byStart[next].span.start <= start) active.push(byStart[next++]);
    active = active.filter((t) => t.span.end > start);
    let best: Painted | undefined;
    for (const t of active) {
      if (t.span.start <= start && end <= t.span.end && (!best || PRIORITY[t.type] > PRIORITY[best.type])) best = t;
    }
    if (!best) continue;
    const last = out[out.length - 1];
    if (last && last.span.end === start && last.type === best.type && last.modifiers === best.modifiers) last.span = { start: last.span.start, end };
    else out.push({ span: { start, end }, type: best.type, modifiers: best.modifiers });
  }
  return out;
}
