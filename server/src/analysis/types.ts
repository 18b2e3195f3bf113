// The plain data that the analysis core returns. Offsets are UTF-16 code-unit offsets into the
// article text exactly as given (front matter included); conversion to LSP line/character
// positions happens once, in the layer that speaks LSP or JSON (see positions.ts).

/** A half-open range [start, end) of UTF-16 offsets into the article text. */
export interface Span {
  start: number;
  end: number;
}

export type ParagraphRole = 'headline' | 'standfirst' | 'body' | 'furniture' | 'caption' | 'byline';

export interface Paragraph {
  span: Span;
  role: ParagraphRole;
}

export interface Sentence {
  span: Span;
  /** Index into ArticleStructure.paragraphs. */
  paragraph: number;
}

export interface FrontMatter {
  span: Span;
  title?: string;
  /** ISO date (YYYY-MM-DD) when `date:` parses. */
  date?: string;
}

export interface ArticleStructure {
  frontMatter?: FrontMatter;
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

export type DateSource =
  | 'dateline'
  | 'front-matter'
  | 'byline-date'
  | 'weekday'
  | 'text-year'
  | 'workspace'
  | 'default'
  | 'none';

export interface Dateline {
  span: Span;
  place: string;
  placeSpan: Span;
  agency?: string;
  /** Month and day as written; year only when the dateline itself gives it. */
  month?: number;
  day?: number;
  year?: number;
  /** The full ISO date once the year is known (from the dateline or inferred). */
  date?: string;
  /** How the year of `date` was found. */
  yearSource?: DateSource;
}

export interface DateMention {
  span: Span;
  text: string;
  /** ISO 8601: YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www. */
  value: string;
  /** How the value was worked out, for hover: "Monday before the dateline 20 Dec 2021". */
  explanation: string;
  /** When the weekday written with it is not that day's: the day's own weekday and what to say ("4 Dec 2025 is a Thursday, not a Tuesday"). */
  weekdayMismatch?: { actual: string; message: string };
}

export type MentionKind = 'name' | 'surname' | 'pronoun' | 'role' | 'organization';

export interface Mention {
  span: Span;
  text: string;
  kind: MentionKind;
  /** Key of the Person in this article (ArticleAnalysis.people). */
  personKey: string;
}

export interface Person {
  /** Article-local key; the workspace gives the stable cross-article id. */
  key: string;
  /** The fullest form of the name in this article ("Alexander Grushko"). */
  name: string;
  /** Titles and roles seen with the name ("Russian Deputy Foreign Minister"). */
  roles: string[];
  isOrganization: boolean;
  mentions: Mention[];
}

export type StatementKind = 'direct' | 'partial' | 'indirect';

export interface Statement {
  /** Person key in this article, absent when nobody is named. */
  personKey?: string;
  /** The speaker's name as resolved in this article. */
  speaker?: string;
  kind: StatementKind;
  /** The cue as written ("said", "according to", "- diplomat", "continuation"). */
  cue: string;
  /** The content: the quotation's inner text or the reported clause. */
  contentSpan: Span;
  text: string;
  /** The mention naming the speaker at this statement. */
  sourceSpan?: Span;
  cueSpan?: Span;
  /** ISO date the statement was made, when the text says so (or the article's date). */
  date?: string;
  /** Index into ArticleAnalysis.quotations for direct and partial statements. */
  quotation?: number;
}

export interface Quotation {
  /** From the opening mark to the closing mark inclusive. */
  span: Span;
  /** Between the marks. */
  inner: Span;
  openMark: string;
  closeMark: string;
  /** Nesting depth: 0 for outermost. */
  depth: number;
  /** Set when the quotation was opened or closed with the wrong mark, or left open. */
  malformed?: { span: Span; problem: 'wrong-closing-mark' | 'wrong-opening-mark' | 'unclosed'; expected: string };
}

export type DiagnosticCode = 'unattributed-quote' | 'malformed-quote-marks' | 'weekday-mismatch';
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface CoreDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  span: Span;
  /** The words concerned (the quotation's text). */
  text: string;
  /** Data for a quick fix: the replacement mark, the quotation index. */
  data?: { quotation?: number; replacement?: string; replaceSpan?: Span };
}

export interface ArticleAnalysis {
  text: string;
  structure: ArticleStructure;
  dateline?: Dateline;
  /** The article's date (ISO) and how it was found. */
  articleDate?: { value: string; source: DateSource };
  dates: DateMention[];
  quotations: Quotation[];
  people: Person[];
  statements: Statement[];
  diagnostics: CoreDiagnostic[];
}

export interface AnalysisOptions {
  /** Used when nothing in the text or workspace fixes the dateline's year. */
  defaultYear?: number;
  /** Years of dated articles elsewhere in the workspace, for datelines without a year. */
  workspaceDates?: string[];
  /** Extra cue verbs (base forms or inflected), added to the built-in list. */
  extraCueVerbs?: string[];
  /** The day analysis runs, for "the past is more likely than the future" year choices. */
  today?: string;
  /** Paragraphs are blank-line separated blocks (Markdown) rather than lines; default: from front matter. */
  markdown?: boolean;
}
