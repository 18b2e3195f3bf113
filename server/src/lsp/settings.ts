// The server's settings, typed once. The `attributionLens.*` configuration in package.json follows
// from SETTINGS_SCHEMA (a unit test keeps them equal). Every setting has `scope: resource`, so a
// workspace folder may override it; the server asks for the settings of each document's URI.
import type { Connection } from 'vscode-languageserver/node';
import type { RuleCode } from './protocol';

export type RuleSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface Settings {
  articles: {
    include: string[];
    exclude: string[];
  };
  diagnostics: Record<RuleCode, RuleSeverity>;
  inlayHints: { enabled: boolean };
  codeLens: { enabled: boolean };
  /** Speakers' names offered as a capitalised word is typed. */
  completion: { enabled: boolean };
  /** Year for datelines that give none when nothing else in the workspace fixes it. */
  defaultYear: number | null;
  /** The speaker registry: a path relative to the workspace folder, or absolute. */
  registry: { path: string };
  /** Worker threads for the initial index; null: automatic (one per core, for enough articles); 0: none. */
  index: { workers: number | null };
}

/** Files that are never articles by default: a code project's own documents and build trees. */
export const DEFAULT_EXCLUDE = [
  '**/README*',
  '**/CHANGELOG*',
  '**/CHANGES*',
  '**/HISTORY*',
  '**/LICENSE*',
  '**/LICENCE*',
  '**/NOTICE*',
  '**/CONTRIBUTING*',
  '**/CODE_OF_CONDUCT*',
  '**/SECURITY*',
  '**/AUTHORS*',
  '**/node_modules/**',
  '**/.git/**',
  '**/out/**',
  '**/dist/**',
  '**/build/**',
  '**/.*/**',
];

export const DEFAULT_SETTINGS: Settings = {
  articles: { include: ['**/*.txt', '**/*.md', '**/*.article', '**/*.news'], exclude: DEFAULT_EXCLUDE },
  diagnostics: {
    'unattributed-quote': 'warning',
    'malformed-quote-marks': 'warning',
    'inconsistent-spelling': 'information',
    'weekday-mismatch': 'warning',
  },
  inlayHints: { enabled: true },
  codeLens: { enabled: true },
  completion: { enabled: true },
  defaultYear: null,
  registry: { path: 'attribution-lens.yaml' },
  index: { workers: null },
};

const SEVERITY_ENUM = ['error', 'warning', 'information', 'hint', 'off'];

/** The JSON schema of each setting, as contributed in package.json (`contributes.configuration`). */
export const SETTINGS_SCHEMA: Record<string, Record<string, unknown>> = {
  'attributionLens.articles.include': {
    type: 'array',
    items: { type: 'string' },
    default: DEFAULT_SETTINGS.articles.include,
    scope: 'resource',
    description:
      'Glob patterns (relative to the workspace folder, matched case-insensitively) of the files that are articles. Only plain text and Markdown are read.',
  },
  'attributionLens.articles.exclude': {
    type: 'array',
    items: { type: 'string' },
    default: DEFAULT_SETTINGS.articles.exclude,
    scope: 'resource',
    description:
      "Glob patterns of files that are never articles, even when `include` matches them. The default leaves out a code project's README, CHANGELOG, LICENSE and CONTRIBUTING files, hidden folders, node_modules and build output.",
  },
  'attributionLens.diagnostics.unattributedQuote': {
    type: 'string',
    enum: SEVERITY_ENUM,
    default: DEFAULT_SETTINGS.diagnostics['unattributed-quote'],
    scope: 'resource',
    description: 'Severity of `unattributed-quote`: a quotation nobody is named for. `off` hides it.',
  },
  'attributionLens.diagnostics.malformedQuoteMarks': {
    type: 'string',
    enum: SEVERITY_ENUM,
    default: DEFAULT_SETTINGS.diagnostics['malformed-quote-marks'],
    scope: 'resource',
    description: 'Severity of `malformed-quote-marks`: a quotation closed with the wrong mark or left open. `off` hides it.',
  },
  'attributionLens.diagnostics.inconsistentSpelling': {
    type: 'string',
    enum: SEVERITY_ENUM,
    default: DEFAULT_SETTINGS.diagnostics['inconsistent-spelling'],
    scope: 'resource',
    description: 'Severity of `inconsistent-spelling`: a speaker spelled differently in other articles. `off` hides it.',
  },
  'attributionLens.diagnostics.weekdayMismatch': {
    type: 'string',
    enum: SEVERITY_ENUM,
    default: DEFAULT_SETTINGS.diagnostics['weekday-mismatch'],
    scope: 'resource',
    description: 'Severity of `weekday-mismatch`: a weekday written with a date that is not that date\'s ("Thursday, March 5" when March 5 is a Tuesday). `off` hides it.',
  },
  'attributionLens.inlayHints.enabled': {
    type: 'boolean',
    default: DEFAULT_SETTINGS.inlayHints.enabled,
    scope: 'resource',
    description: 'Show the resolved date after a relative date and the resolved speaker after "he said" or "the diplomat said".',
  },
  'attributionLens.codeLens.enabled': {
    type: 'boolean',
    default: DEFAULT_SETTINGS.codeLens.enabled,
    scope: 'resource',
    description: 'Show "N statements in M articles" above the first mention of each speaker.',
  },
  'attributionLens.completion.enabled': {
    type: 'boolean',
    default: DEFAULT_SETTINGS.completion.enabled,
    scope: 'resource',
    description: "Offer the workspace's speakers as a capitalised word is typed (\"Grus\" → \"Alexander Grushko\"), spelled as most articles spell them.",
  },
  'attributionLens.defaultYear': {
    type: ['integer', 'null'],
    default: DEFAULT_SETTINGS.defaultYear,
    scope: 'resource',
    description:
      'Year for datelines that give none ("MOSCOW, December 18") when neither the article nor the workspace fixes it. Empty: worked out from the other articles and today.',
  },
  'attributionLens.registry.path': {
    type: 'string',
    default: DEFAULT_SETTINGS.registry.path,
    scope: 'resource',
    description:
      'The speaker registry (aliases, roles, notes, extra cue verbs, ignored files), relative to the workspace folder or absolute. Edits to it apply at once.',
  },
  'attributionLens.index.workers': {
    type: ['integer', 'null'],
    default: DEFAULT_SETTINGS.index.workers,
    minimum: 0,
    scope: 'resource',
    description:
      "Worker threads that read and analyse the articles when the workspace is first indexed. Empty: one per CPU core but one, left to the language server (up to 4), when there are two or more cores and enough articles to pay for starting them; 0: analyse in the language server's own thread.",
  },
};

/** Turns the raw `attributionLens` section (possibly partial or malformed) into Settings. */
export function normalizeSettings(raw: unknown): Settings {
  const r = isObject(raw) ? raw : {};
  const articles = isObject(r.articles) ? r.articles : {};
  const diagnostics = isObject(r.diagnostics) ? r.diagnostics : {};
  const d = DEFAULT_SETTINGS;
  return {
    articles: {
      include: stringArray(articles.include) ?? d.articles.include,
      exclude: stringArray(articles.exclude) ?? d.articles.exclude,
    },
    diagnostics: {
      'unattributed-quote': severity(diagnostics.unattributedQuote) ?? d.diagnostics['unattributed-quote'],
      'malformed-quote-marks': severity(diagnostics.malformedQuoteMarks) ?? d.diagnostics['malformed-quote-marks'],
      'inconsistent-spelling': severity(diagnostics.inconsistentSpelling) ?? d.diagnostics['inconsistent-spelling'],
      'weekday-mismatch': severity(diagnostics.weekdayMismatch) ?? d.diagnostics['weekday-mismatch'],
    },
    inlayHints: { enabled: bool(isObject(r.inlayHints) ? r.inlayHints.enabled : undefined) ?? d.inlayHints.enabled },
    codeLens: { enabled: bool(isObject(r.codeLens) ? r.codeLens.enabled : undefined) ?? d.codeLens.enabled },
    completion: { enabled: bool(isObject(r.completion) ? r.completion.enabled : undefined) ?? d.completion.enabled },
    defaultYear: typeof r.defaultYear === 'number' && Number.isInteger(r.defaultYear) ? r.defaultYear : d.defaultYear,
    registry: { path: registryPath(isObject(r.registry) ? r.registry.path : undefined) ?? d.registry.path },
    index: { workers: workerCount(isObject(r.index) ? r.index.workers : undefined) ?? d.index.workers },
  };
}

/**
 * Settings per resource. Uses `workspace/configuration` when the client supports it, otherwise the
 * settings pushed with `workspace/didChangeConfiguration` or given as initializationOptions.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  private pushed: Settings;

  constructor(
    private readonly connection: Connection,
    private readonly pull: boolean,
    initial: unknown,
  ) {
    this.pushed = normalizeSettings(sectionOf(initial));
  }

  /** The settings that apply to one resource (a document or a workspace folder URI). */
  get(scopeUri: string | undefined): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    const key = scopeUri ?? '';
    let result = this.cache.get(key);
    if (!result) {
      result = this.connection.workspace
        .getConfiguration({ scopeUri, section: 'attributionLens' })
        .then((raw: unknown) => (raw === null || raw === undefined ? this.pushed : normalizeSettings(raw)), () => this.pushed);
      this.cache.set(key, result);
    }
    return result;
  }

  /** Forgets cached settings; `raw` is the didChangeConfiguration payload. */
  changed(raw: unknown): void {
    this.cache.clear();
    const section = sectionOf(raw);
    if (section !== undefined) this.pushed = normalizeSettings(section);
  }
}

function sectionOf(raw: unknown): unknown {
  if (!isObject(raw)) return undefined;
  if (isObject(raw.attributionLens)) return raw.attributionLens;
  if (isObject(raw.settings)) return sectionOf(raw.settings);
  return undefined;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function stringArray(x: unknown): string[] | undefined {
  return Array.isArray(x) && x.every((s) => typeof s === 'string') ? (x as string[]) : undefined;
}
function registryPath(x: unknown): string | undefined {
  return typeof x === 'string' && x.trim() ? x.trim() : undefined;
}
function workerCount(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : undefined;
}
function bool(x: unknown): boolean | undefined {
  return typeof x === 'boolean' ? x : undefined;
}
function severity(x: unknown): RuleSeverity | undefined {
  return typeof x === 'string' && SEVERITY_ENUM.includes(x) ? (x as RuleSeverity) : undefined;
}
