// Hover: who a mention is (across the workspace), who said a quotation, what a date resolves to.
import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver/node';
import { MarkupKind } from './languageServer';
import type { ArticleAnalysis, DateMention, Dateline } from '../analysis/types';
import type { Speaker, StatementRef } from '../workspace/types';
import { likelySpeakers } from './diagnostics';
import { articleAt, mentionNear, plural, rangeIn, shorten, throwIfCancelled, type FeatureContext } from './context';

export function hover(ctx: FeatureContext, params: HoverParams, token?: CancellationToken): Hover | null {
  throwIfCancelled(token);
  const at = articleAt(ctx, params.textDocument.uri, params.position);
  if (!at) return null;
  const { entry, offset } = at;
  const model = ctx.index.model;

  const found = mentionNear(ctx, entry, offset);
  if (found) {
    const id = found.speakerId ?? model.speakerIdOf(entry.uri, found.person.key);
    const speaker = id ? model.getSpeaker(id) : undefined;
    const lines: string[] = [];
    if (found.mention.kind === 'pronoun' || found.mention.kind === 'role') {
      lines.push(`*${escape(found.mention.text)}* → **${escape(speaker?.name ?? found.person.name)}**`);
    } else {
      lines.push(`**${escape(speaker?.name ?? found.person.name)}**`);
    }
    lines.push(...speakerLines(speaker, found.person.roles));
    // Registry aliases the articles have not used (yet): the team's knowledge, shown as such.
    const registered = speaker ? ctx.registry?.speakerEntry(speaker.name) : undefined;
    const unseen = registered?.aliases.filter((a) => !speaker!.spellings.includes(a)) ?? [];
    if (unseen.length) lines.push(`Registry aliases: ${unseen.map(escape).join(', ')}`);
    return markdown(lines, rangeIn(ctx, entry, found.mention.span));
  }

  const date = entry.analysis.dates.find((d) => d.span.start <= offset && offset < d.span.end);
  if (date) return markdown(dateLines(date), rangeIn(ctx, entry, date.span));

  const dl = entry.analysis.dateline;
  if (dl && dl.span.start <= offset && offset < dl.span.end) return markdown(datelineLines(dl, entry.analysis), rangeIn(ctx, entry, dl.span));

  const ref = model.statementAt(entry.uri, offset);
  if (ref) return markdown(statementLines(ctx, ref), rangeIn(ctx, entry, ref.statement.contentSpan));

  const quotation = entry.analysis.quotations.find((q) => q.span.start <= offset && offset < q.span.end);
  if (quotation) {
    const nearby = likelySpeakers(entry.analysis, quotation.span.start);
    const lines = ['**No speaker named** for this quotation'];
    if (nearby.length) lines.push(`Quoted nearby: ${nearby.map(escape).join(', ')}`);
    lines.push('Name who said it, or mark it with `attribution-lens-ignore`.');
    return markdown(lines, rangeIn(ctx, entry, quotation.span));
  }
  return null;
}

function speakerLines(speaker: Speaker | undefined, localRoles: string[]): string[] {
  const lines: string[] = [];
  const roles = speaker?.roles.length ? speaker.roles : localRoles;
  if (roles.length) lines.push(roles.map(escape).join('; '));
  if (!speaker) return lines;
  if (speaker.organization) lines.push(`Organisation: ${escape(speaker.organization)}`);
  if (speaker.spellings.length > 1) lines.push(`Spelled: ${speaker.spellings.map((s) => escape(s)).join(', ')}`);
  const articles = speaker.statementArticles.length;
  let counts = `${plural(speaker.statementCount, 'statement')} in ${plural(articles, 'article')}`;
  if (articles === 0) counts = `No statements; mentioned in ${plural(speaker.articles.length, 'article')}`;
  lines.push(counts);
  if (speaker.firstDate && speaker.lastDate) {
    lines.push(speaker.firstDate === speaker.lastDate ? `On ${speaker.firstDate}` : `From ${speaker.firstDate} to ${speaker.lastDate}`);
  }
  if (speaker.note) lines.push(escape(speaker.note));
  return lines;
}

function statementLines(ctx: FeatureContext, ref: StatementRef): string[] {
  const s = ref.statement;
  const speaker = ref.speakerId ? ctx.index.model.getSpeaker(ref.speakerId) : undefined;
  const who = speaker?.name ?? s.speaker;
  const kind = s.kind === 'direct' ? 'direct quotation' : s.kind === 'partial' ? 'partial quotation' : 'reported speech';
  const lines = [who ? `**${escape(who)}** · ${kind}` : `**No speaker named** · ${kind}`];
  const details = [`cue *${escape(s.cue)}*`];
  if (s.date) details.push(s.date);
  lines.push(details.join(' · '));
  lines.push(`> ${escape(shorten(s.text, 160))}`);
  return lines;
}

function dateLines(date: DateMention): string[] {
  const human = describeIso(date.value);
  const lines = [`**${date.value}**${human ? ` (${human})` : ''}`];
  if (date.explanation) lines.push(escape(date.explanation));
  return lines;
}

function datelineLines(dl: Dateline, analysis: ArticleAnalysis): string[] {
  const parts = [['**Dateline**', ...[dl.place, dl.agency].filter(Boolean).map((x) => escape(x!))].join(' · ')];
  const date = dl.date ?? analysis.articleDate?.value;
  if (date) {
    const how = dl.year !== undefined ? 'year given in the dateline' : dl.yearSource ? `year from ${dl.yearSource.replace('-', ' ')}` : undefined;
    parts.push(`${date}${how ? ` (${how})` : ''}`);
  }
  return parts;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Monday, 10 January 2022" for a full ISO date; undefined otherwise. */
export function describeIso(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (Number.isNaN(d.getTime())) return undefined;
    return `${WEEKDAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  }
  const ym = /^(\d{4})-(\d{2})$/.exec(value);
  if (ym) return `${MONTHS[+ym[2] - 1] ?? ym[2]} ${ym[1]}`;
  const w = /^(\d{4})-W(\d{2})$/.exec(value);
  if (w) return `week ${+w[2]} of ${w[1]}`;
  return undefined;
}

function markdown(lines: string[], range: Hover['range']): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range };
}

/** Escapes Markdown in text taken from articles. */
function escape(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}
