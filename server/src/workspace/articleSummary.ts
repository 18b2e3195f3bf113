// What the workspace keeps of an article nobody has open: the people and statements that
// cross-article answers (speakers, references, rename, the timeline, the statement table, the
// workspace counts) are made of, with the line starts that place them — a few KB instead of the
// full analysis and the text. Open articles keep their full analysis as well. Pure.
import type { ArticleAnalysis, Mention, Person, Statement } from '../analysis/types';
import { isIgnored, isMarkdown } from './ignoreMarkers';
import { lineStartsOf } from '../analysis/positions';
import { packSummary, type PackedSummary } from './packedSummary';

export interface ArticleSummary {
  /** The article's people; without an analysis, only their mentions that spell a name (see `trimPeople`), decoded when read. */
  readonly people: Person[];
  /** The article's statements; without an analysis, only what other articles' answers read (see `trimStatements`), decoded when read. */
  readonly statements: Statement[];
  articleDate?: ArticleAnalysis['articleDate'];
  /** Whether the article opens with a dateline (whose year may have been guessed). */
  hasDateline: boolean;
  /** The headline (else front-matter title, else first line), for labels. */
  title: string;
  /** The analysed text's length and a hash of it: whether a text is the one summarised. */
  length: number;
  textHash: string;
  lineStarts: ArrayLike<number>;
  /** Unattributed quotes not silenced by an ignore marker, read as the file's name says (Markdown or not). */
  unattributed: number;
}

/**
 * The summary of an analysis; `whole` false (an article kept without its analysis) drops the
 * mentions and statement parts only features on an open article read, and packs the rest
 * (`packedSummary.ts`).
 */
export function summarizeArticle(uri: string, analysis: ArticleAnalysis, whole: boolean): ArticleSummary {
  const markdown = isMarkdown(uri, undefined);
  const fields = {
    people: analysis.people,
    statements: analysis.statements,
    ...(analysis.articleDate ? { articleDate: analysis.articleDate } : {}),
    hasDateline: !!analysis.dateline,
    title: titleOf(uri, analysis),
    length: analysis.text.length,
    lineStarts: lineStartsOf(analysis.text),
    unattributed: analysis.diagnostics.filter((d) => d.code === 'unattributed-quote' && !isIgnored(analysis, d.span, d.code, markdown)).length,
  };
  // A summary kept with its analysis (an open document's, at every edit) has its text at hand:
  // its hash is taken when first read (a save, a comparison with a summary without a text).
  return whole ? new WholeSummary(fields, analysis.text) : packed({ ...fields, textHash: hashString(analysis.text) });
}

/** A summary held with its analysis: the text's hash is taken when first asked for. */
class WholeSummary implements ArticleSummary {
  readonly people: Person[];
  readonly statements: Statement[];
  articleDate?: ArticleAnalysis['articleDate'];
  hasDateline: boolean;
  title: string;
  length: number;
  lineStarts: ArrayLike<number>;
  unattributed: number;
  #textHash: string | undefined;
  readonly #text: string;

  constructor(fields: Omit<ArticleSummary, 'textHash'>, text: string) {
    this.people = fields.people;
    this.statements = fields.statements;
    if (fields.articleDate) this.articleDate = fields.articleDate;
    this.hasDateline = fields.hasDateline;
    this.title = fields.title;
    this.length = fields.length;
    this.lineStarts = fields.lineStarts;
    this.unattributed = fields.unattributed;
    this.#text = text;
  }

  get textHash(): string {
    return (this.#textHash ??= hashString(this.#text));
  }
}

/** A summary as a closed article keeps it: trimmed and packed (the same object if it already is). */
export function packed(summary: ArticleSummary): PackedSummary {
  return packSummary(summary, (people, statements) => ({ people: trimPeople(people), statements: trimStatements(statements) }));
}

/**
 * People with only the mentions other articles' answers read: those that spell a name (spellings,
 * rename, where a speaker is first named); a person never named keeps its first mention.
 */
export function trimPeople(people: readonly Person[]): Person[] {
  return people.map((person) => {
    const named = person.mentions.filter(spellsName);
    if (named.length === person.mentions.length) return person;
    const mentions: Mention[] = named.length ? named : [...person.mentions].sort((a, b) => a.span.start - b.span.start).slice(0, 1);
    return { ...person, mentions };
  });
}

/**
 * Statements with what other articles' answers read (speaker, kind, cue, words, where, when):
 * the cue and source spans and the quotation index serve features on the open article only.
 */
export function trimStatements(statements: readonly Statement[]): Statement[] {
  return statements.map(({ sourceSpan: _source, cueSpan: _cue, quotation: _quotation, ...kept }) => kept);
}

function spellsName(m: Mention): boolean {
  return m.kind === 'name' || m.kind === 'surname';
}

/** The headline (else front-matter title, else first line) of an article, at most 100 characters. */
export function titleOf(uri: string, analysis: ArticleAnalysis): string {
  const fm = analysis.structure.frontMatter?.title;
  if (fm) return fm;
  const headline = analysis.structure.paragraphs.find((p) => p.role === 'headline') ?? analysis.structure.paragraphs[0];
  const text = headline ? analysis.text.slice(headline.span.start, headline.span.end).replace(/^#+\s*/, '').replace(/\s+/g, ' ').trim() : '';
  return text.length > 100 ? text.slice(0, 99) + '…' : text || uri.slice(uri.lastIndexOf('/') + 1);
}

/** Sources of an article date that the article states itself (its dateline's or front matter's year). */
const STATED_DATE_SOURCES = new Set(['dateline', 'front-matter', 'byline-date']);

/** Whether an article's dateline year was guessed, so that the other articles' dates may change it. */
export function yearGuessed(summary: Pick<ArticleSummary, 'hasDateline' | 'articleDate'> | undefined): boolean {
  return !!summary?.hasDateline && !STATED_DATE_SOURCES.has(summary.articleDate?.source ?? '');
}

/** Whether a text is the one a summary was made of. */
export function summarizes(summary: ArticleSummary, text: string): boolean {
  return summary.length === text.length && summary.textHash === hashString(text);
}

/** A 53-bit string hash (cyrb53), in base 36: enough to tell two texts (or lists of dates) apart. */
export function hashString(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
