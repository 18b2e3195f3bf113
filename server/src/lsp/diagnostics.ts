// Diagnostics for open articles: the core's `unattributed-quote` and `malformed-quote-marks`, and
// `inconsistent-spelling` (a speaker spelled differently here than in other articles). Each rule's
// severity is a setting (`off` drops it); paragraphs with an ignore marker are skipped. Every
// diagnostic carries `data` (DiagnosticData) with the document version, read by codeActions.ts.
import type { Diagnostic, Position, Range } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from './languageServer';
import type { ArticleAnalysis, CoreDiagnostic, Mention, Span } from '../analysis/types';
import type { AnalysedEntry, ArticleEntry } from '../workspace/types';
import { fold, isNameMention, peopleOf, rangeIn, surnameOf, type FeatureContext } from './context';
import { isIgnored, isMarkdown, paragraphAt } from '../workspace/ignoreMarkers';
import { DIAGNOSTIC_SOURCE, type RuleCode } from './protocol';
import type { RuleSeverity, Settings } from './settings';

interface DataBase {
  rule: RuleCode;
  /** The document version the ranges below belong to (null: not open). */
  version: number | null;
  /** Where an ignore marker goes: the end of the paragraph. */
  paragraphEnd: Position;
  markdown: boolean;
}
export interface MalformedData extends DataBase {
  rule: 'malformed-quote-marks';
  replaceRange: Range;
  replacement: string;
  /** The mark to replace opens the quotation (else it closes it, or is missing at its end). */
  opens?: boolean;
}
export interface UnattributedData extends DataBase {
  rule: 'unattributed-quote';
  /** The edits of the attribution template, in document order. */
  template: Array<{ range: Range; newText: string }>;
  /** Who may have said it, likeliest first: the article's nearest speakers, as the fix would write them ("Petrov"). */
  speakers: string[];
}
export interface SpellingData extends DataBase {
  rule: 'inconsistent-spelling';
  speakerId: string;
  canonical: string;
  /** Every mention in this document with this spelling, and its canonical replacement. */
  edits: Array<{ range: Range; newText: string }>;
}
export interface WeekdayData extends DataBase {
  rule: 'weekday-mismatch';
  /** The written weekday, and the date's own (absent when the weekday is not written in full). */
  replaceRange?: Range;
  replacement?: string;
}
export type DiagnosticData = MalformedData | UnattributedData | SpellingData | WeekdayData;

/** The text the "add attribution" fix inserts for the speaker's name; documented. */
export const SPEAKER_PLACEHOLDER = '[Name]';

/** Diagnostics for one article under the given settings. */
export function diagnosticsFor(ctx: FeatureContext, entry: AnalysedEntry, settings: Settings): Diagnostic[] {
  const analysis = entry.analysis;
  const markdown = isMarkdown(entry.uri, ctx.index.languageOf(entry.uri));
  const version = ctx.index.version(entry.uri);
  const out: Diagnostic[] = [];
  const base = (rule: RuleCode, span: Span): DataBase => ({
    rule,
    version,
    markdown,
    paragraphEnd: ctx.index.lineIndex(entry).positionAt(paragraphAt(analysis, span.start, markdown).end),
  });

  for (const d of analysis.diagnostics) {
    const severity = toSeverity(settings.diagnostics[d.code]);
    if (severity === undefined || isIgnored(analysis, d.span, d.code, markdown)) continue;
    let data: DiagnosticData | undefined;
    if (d.code === 'malformed-quote-marks') data = malformedData(ctx, entry, d, base(d.code, d.span));
    else if (d.code === 'unattributed-quote') data = unattributedData(ctx, entry, d, base(d.code, d.span));
    else if (d.code === 'weekday-mismatch') {
      const fix = d.data?.replaceSpan && d.data.replacement ? { replaceRange: rangeIn(ctx, entry, d.data.replaceSpan), replacement: d.data.replacement } : {};
      data = { ...base(d.code, d.span), rule: 'weekday-mismatch', ...fix };
    }
    out.push({
      range: rangeIn(ctx, entry, d.span),
      severity,
      code: d.code,
      source: DIAGNOSTIC_SOURCE,
      message: d.message,
      ...(data ? { data } : {}),
    });
  }

  const spelling = toSeverity(settings.diagnostics['inconsistent-spelling']);
  if (spelling !== undefined) {
    for (const s of spellingDiagnostics(ctx, entry)) {
      if (isIgnored(analysis, s.mentions[0].span, 'inconsistent-spelling', markdown)) continue;
      const first = s.mentions[0];
      const data: SpellingData = {
        ...base('inconsistent-spelling', first.span),
        rule: 'inconsistent-spelling',
        speakerId: s.speakerId,
        canonical: s.canonical,
        edits: s.mentions.map((m) => ({ range: rangeIn(ctx, entry, m.span), newText: s.canonical })),
      };
      const where = s.otherArticles === 1 ? 'another article' : `${s.otherArticles} other articles`;
      out.push({
        range: rangeIn(ctx, entry, first.span),
        severity: spelling,
        code: 'inconsistent-spelling',
        source: DIAGNOSTIC_SOURCE,
        message: `“${first.text}” is spelled “${s.canonical}” in ${where}`,
        data,
      });
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Counts per analysis (plain text, Markdown): the workspace total is summed after every change. */
const unattributedCounts = new WeakMap<ArticleAnalysis, [number | undefined, number | undefined]>();

/**
 * Unattributed quotes in an article after ignore markers, for the workspace count: the summary's
 * count unless the article is open under a language of its own (then counted from its analysis).
 */
export function unattributedCount(ctx: FeatureContext, entry: ArticleEntry): number {
  const language = ctx.index.languageOf(entry.uri);
  const analysis = entry.analysis;
  if (!language || !analysis) return entry.summary.unattributed;
  const markdown = isMarkdown(entry.uri, language);
  let counts = unattributedCounts.get(analysis);
  if (!counts) unattributedCounts.set(analysis, (counts = [undefined, undefined]));
  const slot = markdown ? 1 : 0;
  counts[slot] ??= analysis.diagnostics.filter((d) => d.code === 'unattributed-quote' && !isIgnored(analysis, d.span, d.code, markdown)).length;
  return counts[slot]!;
}

function malformedData(ctx: FeatureContext, entry: AnalysedEntry, d: CoreDiagnostic, base: DataBase): MalformedData | undefined {
  const q = d.data?.quotation !== undefined ? entry.analysis.quotations[d.data.quotation] : undefined;
  const replacement = d.data?.replacement ?? q?.malformed?.expected;
  const span = d.data?.replaceSpan ?? q?.malformed?.span;
  if (replacement === undefined || !span) return undefined;
  const opens = q?.malformed?.problem === 'wrong-opening-mark' ? true : undefined;
  return { ...base, rule: 'malformed-quote-marks', replaceRange: rangeIn(ctx, entry, span), replacement, opens };
}

/**
 * The attribution template for a quote: `"We are ready."` becomes `"We are ready," [Name] said.`
 * (the sentence's full stop moves after the cue; ? and ! stay inside the quote).
 */
function unattributedData(ctx: FeatureContext, entry: AnalysedEntry, d: CoreDiagnostic, base: DataBase): UnattributedData {
  const a: ArticleAnalysis = entry.analysis;
  const text = a.text;
  const q = d.data?.quotation !== undefined ? a.quotations[d.data.quotation] : a.quotations.find((x) => x.span.start === d.span.start);
  const quoteEnd = q?.span.end ?? d.span.end;
  const innerEnd = q?.inner.end ?? d.span.end - 1;
  const template: UnattributedData['template'] = [];
  const range = (start: number, end: number) => rangeIn(ctx, entry, { start, end });
  const cue = ` ${SPEAKER_PLACEHOLDER} said`;
  if (text[innerEnd - 1] === '.') {
    // "We are ready." → "We are ready," [Name] said.
    template.push({ range: range(innerEnd - 1, innerEnd), newText: ',' });
    template.push({ range: range(quoteEnd, quoteEnd), newText: cue + '.' });
  } else if (text[quoteEnd] === '.') {
    // "We are ready". → "We are ready", [Name] said.
    template.push({ range: range(quoteEnd, quoteEnd + 1), newText: ',' + cue + '.' });
  } else if (/[?!,]/.test(text[innerEnd - 1] ?? '')) {
    template.push({ range: range(quoteEnd, quoteEnd), newText: cue + '.' });
  } else {
    template.push({ range: range(quoteEnd, quoteEnd), newText: ',' + cue + '.' });
  }
  return { ...base, rule: 'unattributed-quote', template, speakers: likelySpeakers(a, d.span.start) };
}

/** How many speakers the "attribute to" fixes offer for an unattributed quote. */
const LIKELY_SPEAKERS = 2;

/**
 * The speakers of the statements nearest before a quote (the one quoted last first), then after it,
 * as a later reference writes them: a person's surname, an organisation's name.
 */
export function likelySpeakers(a: ArticleAnalysis, quoteStart: number): string[] {
  const keys: string[] = [];
  const add = (key: string | undefined) => {
    if (key !== undefined && !keys.includes(key) && keys.length < LIKELY_SPEAKERS) keys.push(key);
  };
  const before = a.statements.filter((s) => s.contentSpan.start < quoteStart);
  for (let i = before.length - 1; i >= 0; i--) add(before[i].personKey);
  for (const s of a.statements) if (s.contentSpan.start > quoteStart) add(s.personKey);
  return keys.flatMap((key) => {
    const person = a.people.find((p) => p.key === key);
    return person ? [person.isOrganization ? person.name : surnameOf(person.name)] : [];
  });
}

interface SpellingIssue {
  speakerId: string;
  canonical: string;
  otherArticles: number;
  mentions: Mention[];
}

/**
 * Spellings of a speaker in this article that differ from the canonical spelling used in other
 * articles; one issue per distinct spelling. Case-only differences (headlines in capitals) and
 * spellings no other article uses the canonical form against are left alone.
 */
export function spellingDiagnostics(ctx: FeatureContext, entry: AnalysedEntry): SpellingIssue[] {
  const model = ctx.index.model;
  const issues = new Map<string, SpellingIssue>();
  for (const person of entry.analysis.people) {
    if (person.isOrganization) continue;
    const id = model.speakerIdOf(entry.uri, person.key);
    const speaker = id ? model.getSpeaker(id) : undefined;
    if (!id || !speaker || speaker.spellings.length < 2) continue;
    const others = speaker.articles.filter((u) => u !== entry.uri);
    if (others.length === 0) continue;
    const canonicalFull = speaker.name;
    const canonicalSurname = surnameOf(speaker.name);
    // How many other articles spell the name (or surname) the canonical way.
    const usage = (canonical: string): number =>
      others.filter((u) => {
        const other = model.getArticle(u);
        return !!other && peopleOf(ctx, other, id).some((p) => p.mentions.some((m) => isNameMention(m) && m.text === canonical));
      }).length;
    for (const m of [...person.mentions].sort((x, y) => x.span.start - y.span.start)) {
      if (!isNameMention(m)) continue;
      const full = m.text.trim().split(/\s+/).length > 1;
      const canonical = full ? canonicalFull : canonicalSurname;
      if (m.text === canonical || m.text.toLowerCase() === canonical.toLowerCase()) continue;
      // A spelling the team registered as an alias is accepted, not inconsistent.
      if (ctx.registry?.isRegisteredSpelling(m.text)) continue;
      // Only spellings of the same name ("Grushkó", "Alexandr"), not other name forms ("Vladimir Vladimirovich Putin").
      if (!similar(m.text, canonical)) continue;
      const key = `${id}\u0000${m.text}`;
      let issue = issues.get(key);
      if (!issue) {
        const n = usage(canonical);
        if (n === 0) continue;
        issue = { speakerId: id, canonical, otherArticles: n, mentions: [] };
        issues.set(key, issue);
      }
      issue.mentions.push(m);
    }
  }
  return [...issues.values()].sort((a, b) => a.mentions[0].span.start - b.mentions[0].span.start);
}

/** Loose similarity of two spellings: same letters after folding, or small edit distance. */
function similar(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  if (x === y) return true;
  return editDistance(x, y) <= Math.max(2, Math.floor(Math.min(x.length, y.length) / 5));
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

function toSeverity(s: RuleSeverity): DiagnosticSeverity | undefined {
  switch (s) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
    default:
      return undefined;
  }
}
