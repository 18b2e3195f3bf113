// Which files are articles. The rule (documented in docs/editor-features.md):
//   a file is an article when its path relative to its workspace folder matches one of
//   `attributionLens.articles.include` and none of `attributionLens.articles.exclude`
//   (globs, case-insensitive, `/` separated); files outside every workspace folder are matched by
//   their absolute path. Untitled buffers in plain text or Markdown are always articles.
// Only the glob subset editors commonly use is supported: `**`, `*`, `?`, `{a,b}`, `[abc]`.
import * as path from 'path';
import { URI_SCHEME_FILE, fsPathOf, isFileUri } from './uris';

export interface ArticleFilter {
  include: string[];
  exclude: string[];
}

/** Compiles one glob into a regular expression over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let i = 0;
  let inGroup = 0;
  const g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  while (i < g.length) {
    const c = g[i];
    if (c === '*') {
      if (g[i + 1] === '*') {
        // `**/` matches zero or more whole directories; a trailing `**` matches everything.
        const atSegmentStart = i === 0 || g[i - 1] === '/';
        if (atSegmentStart && g[i + 2] === '/') {
          re += '(?:[^/]*/)*';
          i += 3;
          continue;
        }
        if (atSegmentStart && i + 2 === g.length) {
          re += '.*';
          i += 2;
          continue;
        }
        re += '[^/]*';
        i += 2;
        continue;
      }
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '{') {
      inGroup++;
      re += '(?:';
    } else if (c === '}' && inGroup > 0) {
      inGroup--;
      re += ')';
    } else if (c === ',' && inGroup > 0) {
      re += '|';
    } else if (c === '[') {
      const close = g.indexOf(']', i + 1);
      if (close > i + 1) {
        let cls = g.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (cls[0] === '!') cls = '^' + cls.slice(1);
        re += '[' + cls + ']';
        i = close + 1;
        continue;
      }
      re += '\\[';
    } else {
      re += c.replace(/[.+^$()|\\\]]/g, '\\$&');
    }
    i++;
  }
  return new RegExp('^' + re + '$', 'i');
}

/** A compiled include/exclude rule. */
export class ArticleMatcher {
  /** Each list's globs as one expression (one test per path instead of one per glob: a start tests every file). */
  private readonly include: RegExp;
  private readonly exclude: RegExp;
  /** Exclusions of whole directories (`x/**`), used to prune the walk. */
  private readonly excludeDirs: RegExp;

  constructor(filter: ArticleFilter) {
    this.include = anyOf(filter.include.map(globToRegExp));
    this.exclude = anyOf(filter.exclude.map(globToRegExp));
    this.excludeDirs = anyOf(filter.exclude.filter((g) => g.endsWith('/**')).map((g) => globToRegExp(g.slice(0, -3))));
  }

  /** Whether a `/`-separated path (relative to its workspace folder) is an article. */
  matches(relativePath: string): boolean {
    const p = relativePath.includes('\\') ? relativePath.replace(/\\/g, '/') : relativePath;
    return this.include.test(p) && !this.exclude.test(p);
  }

  /** Whether a directory (relative path) can hold no article, so the walk may skip it. */
  prunes(relativeDir: string): boolean {
    const p = relativeDir.includes('\\') ? relativeDir.replace(/\\/g, '/') : relativeDir;
    return this.excludeDirs.test(p);
  }
}

/** How `globToRegExp` begins the expression of a glob that begins with any directories (`**` then `/`), as its `source` spells it. */
const ANY_DIRECTORIES = '^(?:[^/]*\\/)*';

/**
 * One expression that matches what any of `expressions` (anchored, case-insensitive:
 * `globToRegExp`'s) matches; none: nothing. When all begin with any directories (the default
 * exclusions do), that part is tested once for all of them, `^(?:[^/]*\/)*(?:a|b|…)$`, not once per glob:
 * the same language, several times quicker over the 10,000 paths a start tests.
 */
function anyOf(expressions: readonly RegExp[]): RegExp {
  if (!expressions.length) return /(?!)/;
  const sources = expressions.map((r) => r.source);
  if (sources.every((s) => s.startsWith(ANY_DIRECTORIES))) {
    // Each source ends with the `$` globToRegExp anchors it with.
    return new RegExp(`${ANY_DIRECTORIES}(?:${sources.map((s) => `(?:${s.slice(ANY_DIRECTORIES.length, -1)})`).join('|')})$`, 'i');
  }
  return new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'i');
}

/** The path of a file URI relative to the innermost workspace folder holding it, or its absolute path. */
export function relativeToFolders(uri: string, folderUris: readonly string[]): string | undefined {
  if (!isFileUri(uri)) return undefined;
  const file = fsPathOf(uri);
  let best: string | undefined;
  for (const folder of folderUris) {
    if (!folder.startsWith(URI_SCHEME_FILE)) continue;
    const rel = path.relative(fsPathOf(folder), file);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
      if (best === undefined || rel.length < best.length) best = rel;
    }
  }
  return (best ?? file.replace(/^[/\\]+/, '')).split(path.sep).join('/');
}

/** Language ids whose documents may be articles. */
export const ARTICLE_LANGUAGES = new Set(['plaintext', 'markdown', 'news-article']);
